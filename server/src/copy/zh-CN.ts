/**
 * What the app itself says in WeCom: group messages, cards, replies. The
 * H5's words live in h5/src/locale; these are the server's.
 */
export const copy = {
  chatName: (departing: string) => `${departing}离任交接`,
  welcomeTitle: (departing: string) => `${departing}的离任交接已开始`,
  welcomeBody: (props: { successor: string; lastDay: string }) =>
    `<div class="gray">接任：${props.successor}</div>`
    + `<div class="normal">最后工作日：${props.lastDay}</div>`
    + '<div class="highlight">交接资料、里程碑和进度都在 Baton 里</div>',
  open: '查看',
  cardDue: '截止日期',
  cardProgress: '当前进度',
  cardComplete: '标记完成',
  cardDetails: '查看详情',
  cardSign: '去签署',
  progressLine: (p: { percent: number; remaining: number }) =>
    `已完成 ${p.percent}%，剩余 ${p.remaining} 项`,
  milestoneDone: (props: { who: string; title: string }) =>
    `${props.who} 完成了「${props.title}」`,
  doneBy: (who: string) => `${who}已完成`,
  notAllowed: (title: string) =>
    `你不能完成「${title}」：只有负责人、人事或部门负责人可以标记完成。`,
  completedChatName: (title: string) => `【已完成】${title}`.slice(0, 50),
  handoverCompleted: (title: string) =>
    `**${title}** 已完成交接，感谢各位。`,
  handoverCancelled: (title: string, reason: string) =>
    `**${title}** 已取消。\n> 原因：${reason}\n> 已填写的交接内容会保留。`,
  participantAdded: (name: string, role: string) => `${name} 以${role}身份加入交接。`,
  postHeading: '进展更新',
  postPending: '待完成：',
  postOverdue: '已逾期：',
  postSignature: (who: string) => `—— ${who}`,
  andMore: (n: number) => ` 等 ${n} 项`,
  sharedLargeFile: (who: string, megabytes: string) =>
    `${who} 分享了一个文件（${megabytes} MB，超过企业微信 20 MB 的上限），请在 Baton 中查看或下载。`,
  notActive: (title: string) => `「${title}」所在的交接已不在进行中，无需操作。`,
  departedToHr: (props: { name: string; title: string; url: string }) =>
    `${props.name} 已从企业微信通讯录删除（已离职），「${props.title}」还在进行中，`
    + `请确认剩余交接和客户继承：${props.url}`,
  departedToGroup: (name: string) =>
    `${name} 已离职。交接继续进行，未完成的事项请联系人事。`,
  draftFromApproval: (props: {
    departing: string; successor: string; lastDay: string; url: string;
  }) => `${props.departing}的离职审批已通过，Baton 已准备好交接草稿`
    + `（接任：${props.successor}，最后工作日：${props.lastDay}），`
    + `请核对后启动：${props.url}`,
  approvalIncomplete: (props: { departing: string; spNo: string; reason: string }) =>
    `${props.departing}的离职审批（${props.spNo}）已通过，但无法生成交接草稿：`
    + `${props.reason}。请在 Baton 中手动创建。`,
  approvalNoSuccessor: '审批里没有填写工作交接人',
  approvalNoLastDay: '审批里没有填写最后工作日',
  approvalNotMember: '申请人或交接人不在通讯录中',
  enterAgent: (url: string) =>
    `你好，这里是 Baton 离任交接。查看我的交接：${url}`,
  textHelp: (url: string) =>
    `Baton 不处理聊天消息。交接资料、里程碑和进度都在「我的交接」里：${url}`,
  reminderDueSoonTitle: (title: string) => `即将到期：${title}`,
  reminderDueSoonBody: (props: { handover: string; due: string }) =>
    `<div class="gray">${props.handover}</div>`
    + `<div class="normal">截止时间：${props.due}</div>`
    + '<div class="highlight">请在截止前完成</div>',
  reminderOverdueTitle: (title: string) => `已逾期：${title}`,
  reminderOverdueBody: (props: { handover: string; due: string; sequence: number }) =>
    `<div class="gray">${props.handover}</div>`
    + `<div class="normal">截止时间：${props.due}</div>`
    + `<div class="highlight">已逾期，第 ${props.sequence} 次提醒</div>`,
  reminderEscalationTitle: (title: string) => `逾期未完成：${title}`,
  reminderEscalationBody: (props: {
    handover: string; due: string; owners: string; reminders: number;
  }) => `<div class="gray">${props.handover}</div>`
    + `<div class="normal">负责人：${props.owners}，截止时间：${props.due}</div>`
    + `<div class="highlight">已提醒 ${props.reminders} 次仍未完成，请跟进</div>`,
  groupOverdueHeading: (title: string) => `**${title}** 有逾期事项`,
  groupOverdueItem: (props: { title: string; owners: string; due: string }) =>
    `> <font color="warning">「${props.title}」</font>负责人 ${props.owners}，`
    + `截止 ${props.due}`,
};
