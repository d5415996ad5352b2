import type { TemplateDefinition } from '../templates';
import {
  ACCESS, CLIENTS, DOCUMENTS, DRAFT, SIGN_OFF, TEAM_BRIEFING, TEAM_MEETING,
} from './milestones';

/**
 * 通用管理岗: for any management role without a template of its own, and
 * the usual starting point when HR clones one.
 */
export const GENERAL_MANAGER: TemplateDefinition = {
  name: '通用管理岗',
  description: '适用于没有专门模板的管理岗位：在手项目、内外部关系、团队、'
    + '未了结的事项、资料和权限。HR 可以复制后按岗位增删。',
  sections: [
    {
      key: 'strategic_projects',
      prompts: [
        {
          key: 'key_projects', kind: 'project', required: true,
          title: '负责的重点项目',
          hint: '每个项目单独一条：目标、进度、下一个关键日期、参与的人、'
            + '没解决的问题，以及需要继任者尽快拍板的事。',
        },
        {
          key: 'annual_goals', kind: 'project', required: true,
          title: '部门年度目标与考核指标',
          hint: '今年部门的考核指标和当前达成情况，对上级或其他部门做过的承诺。',
        },
      ],
    },
    {
      key: 'core_resources',
      prompts: [
        {
          key: 'key_clients', kind: 'client', required: false,
          title: '重要客户',
          hint: '岗位需要直接对接客户时填写：对方的关键人、偏好和沟通方式、'
            + '正在办的事。',
        },
        {
          key: 'key_partners', kind: 'supplier', required: false,
          title: '重要供应商与合作方',
          hint: '供应商、服务商或外部合作机构：合作条款、未结算金额、'
            + '风险高低和对方的对接人。',
        },
      ],
    },
    {
      key: 'team',
      prompts: [
        {
          key: 'direct_reports', kind: 'team_member', required: true,
          title: '直接下属',
          hint: '逐人填写：岗位职责、近期表现、工作风格、擅长与短板、'
            + '正在负责的事，以及谁有离职或调岗的打算。',
        },
      ],
    },
    {
      key: 'risks',
      prompts: [
        {
          key: 'open_commitments', kind: 'contract', required: true,
          title: '未履行完的合同与承诺',
          hint: '由他签订或审批、尚未履行完的合同，以及对内对外做过的'
            + '口头承诺。',
        },
        {
          key: 'disputes', kind: 'dispute', required: false,
          title: '未决的纠纷与投诉',
          hint: '与客户、供应商或员工之间尚未了结的纠纷、投诉和劳动仲裁：'
            + '金额和进展。',
        },
        {
          key: 'money_out', kind: 'receivable', required: false,
          title: '待收回的款项与借支',
          hint: '部门经手的应收款、押金，以及他本人名下未结清的备用金和借款。',
        },
      ],
    },
    {
      key: 'documents_assets',
      prompts: [
        {
          key: 'work_files', kind: 'document', required: true,
          title: '工作文件与资料',
          hint: '共享盘、邮箱、企业微信微盘和个人电脑里的工作资料：存放位置，'
            + '哪些要迁到公司空间，哪些有保密要求。',
        },
        {
          key: 'company_assets', kind: 'asset', required: true,
          title: '公司资产与办公物品',
          hint: '电脑、手机、门禁卡、钥匙、公务车和印章，逐件列明编号和归还情况。',
        },
      ],
    },
    {
      key: 'system_access',
      prompts: [
        {
          key: 'business_systems', kind: 'system_access', required: true,
          title: '业务系统与审批权限',
          hint: 'OA、ERP、CRM 等系统的账号和审批节点：要转给继任者的先转移，'
            + '其余在最后工作日撤销。',
        },
        {
          key: 'personal_accounts', kind: 'system_access', required: false,
          title: '以个人名义持有的公司账号',
          hint: '用他个人手机号或邮箱注册、但供公司使用的平台账号，'
            + '如供应商平台、政务办事平台和社交媒体，改绑到公司名下。',
        },
      ],
    },
  ],
  milestones: [
    DRAFT,
    CLIENTS,
    DOCUMENTS,
    TEAM_BRIEFING,
    TEAM_MEETING,
    ACCESS,
    SIGN_OFF,
  ],
};
