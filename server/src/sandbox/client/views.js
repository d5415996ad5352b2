// The sandbox client's screens, as pure functions of the loaded data: the
// person picker, one person's app messages, their group chats, one chat and
// the WeCom customers they hand over or take over.
import { avatar, h } from './dom.js';
import { previewOf, renderMessage } from './messages.js';

/** Name of the app whose messages the 消息 tab shows. */
export const APP_NAME = 'Baton 交接';

// A new time label when messages are further apart than this (seconds),
// the way WeCom groups a conversation.
const TIME_GAP_S = 5 * 60;

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/**
 * A unix time (seconds) as `03/20 14:05` in Beijing time.
 * @param {number} unixSeconds
 */
export function formatTime(unixSeconds) {
  const at = new Date(Number(unixSeconds) * 1000);
  return Number.isNaN(at.getTime()) ? '' : timeFormat.format(at);
}

/**
 * The person picker: everyone in the demo company, WeCom contact style.
 * @param {{ people: object[], departments: object[] }} directory
 */
export function peopleView(directory) {
  const deptName = new Map(
    (directory.departments ?? []).map((d) => [d.id, d.name]));
  return h('section', { class: 'view' },
    h('div', { class: 'section-label' }, '示例制造有限公司 · 选择你要扮演的人'),
    h('ul', { class: 'list', 'data-test': 'people' },
      directory.people.map((person) => {
        const dept = (person.department ?? [])
          .map((id) => deptName.get(id)).filter(Boolean).join('、');
        return h('li', {},
          h('a', {
            class: 'row', href: `#/u/${encodeURIComponent(person.userid)}`,
            'data-userid': person.userid, 'data-test': 'person',
          },
          avatar(person.name, person.userid),
          h('div', { class: 'row-main' },
            h('div', { class: 'row-title' }, person.name),
            h('div', { class: 'row-sub' },
              [person.position, dept].filter(Boolean).join(' · '))),
          h('span', { class: 'chev' }, '›')));
      })));
}

/**
 * The tab bar under a person's header.
 * @param {string} userid
 * @param {'inbox' | 'chats' | 'customers'} active
 */
export function tabs(userid, active) {
  const base = `#/u/${encodeURIComponent(userid)}`;
  const tab = (key, label, href) => h('a', {
    class: key === active ? 'tab active' : 'tab',
    href, role: 'tab', 'aria-selected': String(key === active),
    'data-test': `tab-${key}`,
  }, label);
  return h('nav', { class: 'tabs', role: 'tablist' },
    tab('inbox', '消息', base), tab('chats', '群聊', `${base}/chats`),
    tab('customers', '客户', `${base}/customers`));
}

/**
 * A conversation: messages oldest first with WeCom-style time labels.
 * App messages carry the app's avatar; group messages are bare bubbles.
 * @param {import('./messages.js').SandboxMessage[]} messages
 * @param {import('./messages.js').RenderContext} ctx
 * @param {{ withAvatar: boolean, empty: string }} options
 */
export function conversation(messages, ctx, options) {
  if (messages.length === 0) {
    return h('div', { class: 'empty', 'data-test': 'empty' }, options.empty);
  }
  const sorted = [...messages].sort((a, b) => a.createdAt - b.createdAt);
  const items = [];
  let lastShown = -Infinity;
  for (const message of sorted) {
    if (message.createdAt - lastShown > TIME_GAP_S) {
      items.push(h('div', { class: 'time-label' },
        formatTime(message.createdAt)));
      lastShown = message.createdAt;
    }
    items.push(h('div', {
      class: 'msg', 'data-test': 'message', 'data-msgid': message.msgid,
      'data-msgtype': message.body?.msgtype ?? message.msgtype,
    },
    options.withAvatar
      ? h('span', { class: 'avatar app-avatar', 'aria-hidden': 'true' }, '交接')
      : null,
    h('div', { class: 'msg-content' },
      options.withAvatar ? h('div', { class: 'msg-sender' }, APP_NAME) : null,
      renderMessage(message, ctx))));
  }
  return h('div', { class: 'conversation', 'data-test': 'conversation' },
    items);
}

/**
 * The group chats a person is in, newest activity first.
 * @param {{ chatid: string, name: string, owner: string,
 *   userlist: string[], messages: object[] }[]} chats
 * @param {string} userid
 * @param {(userid: string) => string} nameOf
 */
export function chatList(chats, userid, nameOf) {
  if (chats.length === 0) {
    return h('div', { class: 'empty', 'data-test': 'empty' },
      '还没有加入任何群聊。人事发起交接后，应用会建群并把你拉进来。');
  }
  const latest = (chat) => Math.max(0,
    ...(chat.messages ?? []).map((m) => m.createdAt));
  const sorted = [...chats].sort((a, b) => latest(b) - latest(a));
  return h('ul', { class: 'list', 'data-test': 'chats' }, sorted.map((chat) => {
    const last = [...(chat.messages ?? [])]
      .sort((a, b) => a.createdAt - b.createdAt).at(-1);
    const href = `#/u/${encodeURIComponent(userid)}/chats/`
      + encodeURIComponent(chat.chatid);
    return h('li', {},
      h('a', {
        class: 'row', href, 'data-test': 'chat', 'data-chatid': chat.chatid,
      },
      h('span', { class: 'avatar group-avatar', 'aria-hidden': 'true' }, '群'),
      h('div', { class: 'row-main' },
        h('div', { class: 'row-title' },
          h('span', { class: 'ellipsis' }, chat.name || '群聊'),
          h('span', { class: 'row-count' },
            `(${(chat.userlist ?? []).length})`)),
        h('div', { class: 'row-sub ellipsis' },
          last ? previewOf(last) : members(chat, nameOf))),
      last ? h('span', { class: 'row-time' }, formatTime(last.createdAt))
        : null));
  }));
}

/**
 * The members of a chat as one line of names, the owner marked.
 * @param {{ owner?: string, userlist?: string[] }} chat
 * @param {(userid: string) => string} nameOf
 */
export function members(chat, nameOf) {
  return (chat.userlist ?? []).map((id) =>
    (id === chat.owner ? `${nameOf(id)}（群主）` : nameOf(id))).join('、');
}

// WeCom's transfer_result status (1 to 4): our name for it, as the app's
// CustomerTransferStatus says it (data-status), and its Chinese label.
const TRANSFER_STATUS = {
  1: { key: 'taken_over', label: '已接替' },
  2: { key: 'waiting', label: '等待接替' },
  3: { key: 'refused', label: '客户拒绝' },
  4: { key: 'limit', label: '接替成员客户数已达上限' },
};
const TRANSFER_MODE = { on_job: '在职继承', resigned: '离职继承' };

/**
 * The customers a person hands over or takes over (客户继承), newest
 * transfer of each first, and the customer groups they own.
 * @param {{ transfers: { mode: string, handover: string, takeover: string,
 *   externalUserid: string, startedAt: number, status: number,
 *   takeoverTime: number }[], groups: { chat_id: string, name: string,
 *   owner: string }[], customers: { external_userid: string, name: string,
 *   corp_name: string }[] }} data what GET /customers returns
 * @param {string} userid
 * @param {(userid: string) => string} nameOf
 */
export function customersView(data, userid, nameOf) {
  const latest = new Map();
  for (const transfer of data.transfers ?? []) {
    if (transfer.handover !== userid && transfer.takeover !== userid) continue;
    const key = `${transfer.externalUserid}:${transfer.handover}`;
    if ((latest.get(key)?.startedAt ?? -1) <= transfer.startedAt) {
      latest.set(key, transfer);
    }
  }
  const transfers = [...latest.values()]
    .sort((a, b) => b.startedAt - a.startedAt);
  const groups = (data.groups ?? []).filter((g) => g.owner === userid);
  const names = new Map((data.customers ?? []).map((c) => [c.external_userid,
    c.corp_name ? `${c.name}（${c.corp_name}）` : c.name]));
  const customerName = (id) => names.get(id) ?? id;

  return h('div', {},
    h('div', { class: 'section-label' }, '客户继承'),
    transfers.length === 0
      ? h('div', { class: 'empty small', 'data-test': 'empty' },
        '没有客户转接。人事发起客户转接后，这里显示每位客户的接替结果。')
      : h('ul', { class: 'list', 'data-test': 'customers' },
        transfers.map((t) => customerRow(t, userid, nameOf, customerName))),
    groups.length === 0 ? null : [
      h('div', { class: 'section-label' }, '我是群主的客户群'),
      h('ul', { class: 'list', 'data-test': 'customer-groups' },
        groups.map((group) => h('li', {},
          h('div', {
            class: 'row', 'data-test': 'customer-group',
            'data-chatid': group.chat_id,
          },
          h('span', { class: 'avatar group-avatar', 'aria-hidden': 'true' },
            '客群'),
          h('div', { class: 'row-main' },
            h('div', { class: 'row-title ellipsis' }, group.name)))))),
    ]);
}

function customerRow(transfer, userid, nameOf, customerName) {
  const status = TRANSFER_STATUS[transfer.status]
    ?? { key: 'unknown', label: `状态 ${transfer.status}` };
  const giving = transfer.handover === userid;
  const who = giving ? `转给 ${nameOf(transfer.takeover)}`
    : `来自 ${nameOf(transfer.handover)}`;
  const when = transfer.status === 1 && transfer.takeoverTime
    ? `${formatTime(transfer.takeoverTime)} 接替`
    : `${formatTime(transfer.startedAt)} 发起`;
  return h('li', {},
    h('div', {
      class: 'row', 'data-test': 'customer', 'data-status': status.key,
      'data-external-userid': transfer.externalUserid,
    },
    h('span', { class: 'avatar customer-avatar', 'aria-hidden': 'true' }, '客'),
    h('div', { class: 'row-main' },
      h('div', { class: 'row-title ellipsis' }, customerName(transfer.externalUserid)),
      h('div', { class: 'row-sub ellipsis' }, [who,
        TRANSFER_MODE[transfer.mode] ?? transfer.mode, when].join(' · '))),
    h('span', {
      class: `transfer-status transfer-status--${status.key}`,
      'data-test': 'customer-status',
    }, status.label)));
}
