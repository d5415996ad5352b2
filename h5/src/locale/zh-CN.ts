import type {
  HandoverStatus, ParticipantRole, Section,
} from '@baton/shared';
import * as items from './areas/items';
import * as materials from './areas/materials';
import * as successor from './areas/successor';
import * as hr from './areas/hr';
import * as customers from './areas/customers';
import * as templates from './areas/templates';

/**
 * Every piece of Chinese copy the H5 shows. Plain strings for fixed text,
 * small functions where a value goes into the sentence.
 */
export const zhCN = {
  app: {
    name: 'Baton 交接',
  },
  common: {
    loading: '加载中…',
    retry: '重新加载',
    back: '返回',
    pulling: '下拉即可刷新',
    loosing: '释放即可刷新',
    refreshed: '已刷新',
    noMore: '没有更多了',
    loadFailed: '加载失败，点击重试',
  },
  date: {
    monthDay: (month: number, day: number) => `${month}月${day}日`,
    weekdays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  },
  errors: {
    network: '网络不太稳定，请检查网络后重试',
    badResponse: '服务器返回的数据有误，请稍后再试',
    unknown: '出了点问题，请稍后再试',
    redirecting: '正在跳转登录…',
    byStatus: (status: number) => `请求失败（${status}），请稍后再试`,
  },
  home: {
    title: '我的交接',
    greeting: (name: string) => `你好，${name}`,
    hrBadge: '人事视角：可查看全部交接',
    logout: '切换账号',
    logoutUnsaved: (count: number) =>
      `有 ${count} 项修改还没保存到服务器，切换账号会丢弃它们。仍要切换吗？`,
    empty: '你还没有参与任何交接；人事发起交接后会出现在这里',
    loadError: '交接列表没有加载出来',
  },
  handover: {
    title: '交接详情',
    arrow: '→',
    lastWorkingDay: '最后工作日',
    lastWorkingDayValue: (date: string) => `最后工作日 ${date}`,
    progress: (percent: number, remaining: number) =>
      `已完成 ${percent}%，剩余 ${remaining} 项`,
    overdue: (count: number) => `${count} 项逾期`,
    next: (title: string) => `下一步：${title}`,
    participants: '参与人',
    milestones: '里程碑',
    noMilestones: '这个交接还没有里程碑',
    due: (date: string) => `截止 ${date}`,
    noDue: '未设截止时间',
    overdueTag: '已逾期',
    doneBy: (name: string, date: string) => `${name} 于 ${date} 完成`,
    doneAt: (date: string) => `已于 ${date} 完成`,
    owner: (role: string) => `负责：${role}`,
    complete: '标记完成',
    completeConfirm: (title: string) => `确认将「${title}」标记为完成？`,
    completeConfirmTitle: '标记完成',
    completed: '已标记完成',
    sign: '签署确认',
    signConfirmTitle: '签署确认',
    signConfirm: (title: string) => `确认签署「${title}」？签署后不能撤回。`,
    signed: '已签署',
    signatures: (signed: string[], waiting: string[]) => [
      signed.length ? `已签：${signed.join('、')}` : '',
      waiting.length ? `待签：${waiting.join('、')}` : '',
    ].filter(Boolean).join(' / '),
    template: (name: string) => `模板：${name}`,
    draftNote: '草稿：人事启动后交接才开始',
    start: '启动交接',
    startConfirmTitle: '启动交接',
    startConfirm: (title: string) =>
      `启动后将建立交接群、通知参与人，里程碑开始计时。确认启动「${title}」？`,
    started: '交接已启动',
    sections: '交接内容',
    sectionCount: (settled: number, total: number) =>
      `${settled}/${total} 已确认`,
    loadError: '交接详情没有加载出来',
    notFound: '找不到这个交接，可能已被删除或你没有权限查看',
    backHome: '回到我的交接',
  },
  notFound: {
    title: '页面不存在',
    description: '这个页面不存在或已移走',
  },
  roles: {
    departing: '离任者',
    successor: '继任者',
    hr: '人事',
    manager: '负责人',
    stakeholder: '相关人',
  } satisfies Record<ParticipantRole, string>,
  sections: {
    strategic_projects: '战略项目',
    core_resources: '核心资源',
    team: '团队管理',
    risks: '风险与责任',
    documents_assets: '文件与资产',
    system_access: '系统权限',
  } satisfies Record<Section, string>,
  statuses: {
    draft: '草稿',
    active: '进行中',
    completed: '已完成',
    evaluating: '评估中',
    closed: '已关闭',
    cancelled: '已取消',
  } satisfies Record<HandoverStatus, string>,
  items: items.zh,
  materials: materials.zh,
  successor: successor.zh,
  hr: hr.zh,
  customers: customers.zh,
  templates: templates.zh,
};

/** The shape every locale must have. */
export type Messages = typeof zhCN;
