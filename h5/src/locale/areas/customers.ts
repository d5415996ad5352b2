import type {
  CustomerTransferMode, CustomerTransferStatus,
} from '@baton/shared';

/** Copy for the customer-transfer screen, in Chinese and English (same keys). */
export const zh = {
  title: '客户继承',
  link: '客户继承',
  linkHint: {
    transfer: '转给继任者',
    follow: '查看转接进度',
  },
  loadError: '客户列表没有加载出来',
  direction: (departing: string, successor: string) =>
    `${departing} 的企业微信客户转给 ${successor}`,
  summary: {
    title: '转接进度',
    retention: (takenOver: number, total: number) =>
      `已接替 ${takenOver} / ${total}`,
    takenOver: '已接替',
    waiting: '等待中',
    refused: '拒绝',
    failed: '失败',
    notStarted: (count: number) => `还有 ${count} 位客户没有转接`,
    settleNote: '企业微信在发起后 24 小时内完成接替，期间客户可以拒绝',
  },
  listTitle: (count: number) => `客户（${count}）`,
  read: '读取客户',
  readDone: (count: number) => `已从企业微信读取 ${count} 位客户`,
  empty: {
    transfer: '还没有客户。点「读取客户」从企业微信读取离任者的客户，'
      + '再勾选要转接的',
    follow: '人事还没有读取客户；开始转接后，这里会显示每位客户的进度',
  },
  statuses: {
    listed: '未转接',
    requested: '提交中',
    waiting: '等待接替',
    taken_over: '已接替',
    refused: '客户拒绝',
    limit: '达到上限',
    failed: '转接失败',
  } satisfies Record<CustomerTransferStatus, string>,
  modes: {
    on_job: '在职继承',
    resigned: '离职继承',
  } satisfies Record<CustomerTransferMode, string>,
  errcode: (errcode: number) => `错误码 ${errcode}`,
  items: (count: number) => `关联 ${count} 个客户事项`,
  requestedAt: (at: string) => `${at} 发起`,
  takenOverAt: (at: string) => `${at} 接替`,
  finalAt: (at: string) => `${at} 结束`,
  message: {
    label: '给客户的话',
    placeholder: '选填，不填则发送默认的问候',
    note: '在职继承时随转接发给每位客户；最后工作日之后按离职继承转接，不发送',
  },
  selectAll: '全选',
  selected: (count: number) => `已选 ${count} 位`,
  transfer: (successor: string) => `转接给${successor}`,
  successor: '继任者',
  nothingToSelect: '没有可以转接的客户：都已在转接中、已接替或被拒绝',
  confirmTitle: '转接客户',
  confirm: (count: number, successor: string) =>
    `确认把 ${count} 位客户转接给 ${successor}？`
    + '企业微信会在 24 小时后完成接替，期间客户可以拒绝。',
  transferred: (count: number) => `已发起 ${count} 位客户的转接`,
  followNote: '客户由人事或负责人转接；这里显示每位客户的进度',
};

export const en: typeof zh = {
  title: 'Customer transfer',
  link: 'Customer transfer',
  linkHint: {
    transfer: 'Move to the successor',
    follow: 'See how it goes',
  },
  loadError: 'The customers did not load',
  direction: (departing: string, successor: string) =>
    `${departing}'s WeCom customers move to ${successor}`,
  summary: {
    title: 'Progress',
    retention: (takenOver: number, total: number) =>
      `${takenOver} of ${total} taken over`,
    takenOver: 'Taken over',
    waiting: 'Waiting',
    refused: 'Refused',
    failed: 'Failed',
    notStarted: (count: number) =>
      `${count} ${count === 1 ? 'customer has' : 'customers have'} `
      + 'not been transferred yet',
    settleNote: 'WeCom completes a transfer within 24 hours of starting it; '
      + 'until then the customer may refuse',
  },
  listTitle: (count: number) => `Customers (${count})`,
  read: 'Read customers',
  readDone: (count: number) =>
    `Read ${count} ${count === 1 ? 'customer' : 'customers'} from WeCom`,
  empty: {
    transfer: 'No customers yet. Tap "Read customers" to read the departing '
      + 'person\'s customers from WeCom, then choose whom to transfer',
    follow: 'HR has not read the customers yet; once the transfer starts, '
      + 'each customer\'s progress shows here',
  },
  statuses: {
    listed: 'Not transferred',
    requested: 'Sending',
    waiting: 'Waiting',
    taken_over: 'Taken over',
    refused: 'Refused',
    limit: 'Limit reached',
    failed: 'Failed',
  },
  modes: {
    on_job: 'On the job',
    resigned: 'Resigned',
  },
  errcode: (errcode: number) => `Error code ${errcode}`,
  items: (count: number) =>
    `${count} client ${count === 1 ? 'item' : 'items'}`,
  requestedAt: (at: string) => `Started ${at}`,
  takenOverAt: (at: string) => `Taken over ${at}`,
  finalAt: (at: string) => `Ended ${at}`,
  message: {
    label: 'Message',
    placeholder: 'Optional; a default greeting is sent if left empty',
    note: 'Sent to each customer with an on-the-job transfer; after the last '
      + 'working day customers move as resigned, without a message',
  },
  selectAll: 'All',
  selected: (count: number) => `${count} selected`,
  transfer: (successor: string) => `Transfer to ${successor}`,
  successor: 'the successor',
  nothingToSelect: 'Nothing to transfer: every customer is under way, '
    + 'taken over or refused',
  confirmTitle: 'Transfer customers',
  confirm: (count: number, successor: string) =>
    `Transfer ${count} ${count === 1 ? 'customer' : 'customers'} to `
    + `${successor}? WeCom completes it after 24 hours; until then the `
    + 'customer may refuse.',
  transferred: (count: number) =>
    `Transfer of ${count} ${count === 1 ? 'customer' : 'customers'} started`,
  followNote: 'HR or the manager transfers the customers; '
    + 'here you see how each one goes',
};
