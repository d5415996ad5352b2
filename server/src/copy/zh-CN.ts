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
  notActive: (title: string) => `「${title}」所在的交接已不在进行中，无需操作。`,
};
