// The sandbox client's screens, as pure functions of the loaded data: the
// person picker, one person's app messages, their group chats and one chat.
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
 * @param {'inbox' | 'chats'} active
 */
export function tabs(userid, active) {
  const base = `#/u/${encodeURIComponent(userid)}`;
  const tab = (key, label, href) => h('a', {
    class: key === active ? 'tab active' : 'tab',
    href, role: 'tab', 'aria-selected': String(key === active),
    'data-test': `tab-${key}`,
  }, label);
  return h('nav', { class: 'tabs', role: 'tablist' },
    tab('inbox', '消息', base), tab('chats', '群聊', `${base}/chats`));
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
