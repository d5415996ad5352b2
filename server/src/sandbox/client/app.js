// The simulated WeCom client: pick a person of the demo company, read the
// app messages and group chats the Baton server sent them, press card
// buttons (sent to the server as real callbacks), follow their customers'
// transfers, and move the emulator's clock forward. Talks only to the sandbox JSON API next to this page.
import { h } from './dom.js';
import {
  APP_NAME, chatList, conversation, customersView, members, peopleView, tabs,
} from './views.js';

// Relative, so the page works wherever the sandbox is mounted.
const API = 'api/';
const REFRESH_MS = 3000;
// After a click the app updates the card through its outbox, a moment
// later: look again soon instead of waiting for the next auto-refresh.
const FOLLOW_UP_MS = [600, 1500];

const $ = (id) => document.getElementById(id);

const state = {
  directory: null, // { people, departments }
  inbox: null, // messages of the chosen person
  chats: null, // group chats of the chosen person
  customers: null, // { transfers, groups } of the whole company
  clock: null,
  error: null,
  pending: new Set(), // msgids whose button press is in flight
  autoRefresh: true,
  rendered: '', // what is on screen, to skip identical re-renders
};

/**
 * Calls the sandbox API; throws an Error with the server's message.
 * @param {string} path
 * @param {object} [body] sent as JSON with POST
 */
async function api(path, body) {
  const init = body === undefined ? {} : {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
  const response = await fetch(API + path, init);
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(data?.error?.message ?? `请求失败（${response.status}）`);
  }
  return data;
}

/**
 * Where the hash says we are:
 * `#/u/<userid>[/chats[/<chatid>] | /customers]`.
 */
function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/')
    .map(decodeURIComponent);
  if (parts[0] !== 'u' || !parts[1]) return { view: 'people' };
  if (parts[2] === 'customers') return { view: 'customers', userid: parts[1] };
  if (parts[2] !== 'chats') return { view: 'inbox', userid: parts[1] };
  if (!parts[3]) return { view: 'chats', userid: parts[1] };
  return { view: 'chat', userid: parts[1], chatid: parts[3] };
}

function personOf(userid) {
  return state.directory?.people.find((p) => p.userid === userid) ?? null;
}

function nameOf(userid) {
  return personOf(userid)?.name ?? userid;
}

let latestLoad = 0;

/** Loads what the current screen shows, then renders it if it changed. */
async function refresh() {
  const where = route();
  const load = ++latestLoad;
  const q = where.userid ? `?userid=${encodeURIComponent(where.userid)}` : '';
  const inChats = where.view === 'chats' || where.view === 'chat';
  try {
    const [directory, clock, inbox, chats, customers] = await Promise.all([
      state.directory ?? api('people'),
      api('clock'),
      where.view === 'inbox' ? api(`inbox${q}`) : null,
      inChats ? api(`chats${q}`) : null,
      where.view === 'customers' ? api('customers') : null,
    ]);
    // A newer load (another screen, a later tick) has the fresher answer.
    if (load !== latestLoad) return;
    Object.assign(state, {
      directory, clock: clock.now, error: null,
      inbox: inbox?.messages ?? null, chats: chats?.chats ?? null,
      customers,
    });
  } catch (error) {
    if (load !== latestLoad) return;
    state.error = error.message;
  }
  render();
}

/** A press on a callback button: the emulator turns it into a callback. */
async function pressButton(message, button, taskId) {
  const { userid } = route();
  state.pending.add(message.msgid);
  render();
  try {
    const result = await api('click',
      { userid, task_id: taskId, key: button.key });
    if (result?.card) message.card = { ...message.card, ...result.card };
    toast(message.card?.replaceName ? '已处理' : '已提交，等待应用更新卡片');
  } catch (error) {
    toast(error.message, true);
  } finally {
    state.pending.delete(message.msgid);
  }
  await refresh();
  for (const delay of FOLLOW_UP_MS) setTimeout(refresh, delay);
}

/** Moves the emulator clock forward, so due dates and reminders come. */
async function advanceClock(seconds, label) {
  try {
    const result = await api('clock', { advance_seconds: seconds });
    state.clock = result.now;
    toast(`时间已快进 ${label}`);
  } catch (error) {
    toast(error.message, true);
  }
  await refresh();
}

function clockText(now) {
  if (now === null || now === undefined) return '';
  let at;
  if (typeof now === 'number') at = new Date(now < 1e12 ? now * 1000 : now);
  else at = new Date(now);
  if (Number.isNaN(at.getTime())) return String(now);
  const text = at.toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai', hourCycle: 'h23', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  });
  return `模拟时间 ${text}`;
}

/** Header (title, back link) for the current screen. */
function renderHeader(where) {
  const person = where.userid ? personOf(where.userid) : null;
  const chat = where.view === 'chat'
    ? state.chats?.find((c) => c.chatid === where.chatid) : null;
  let back = null;
  let title = '模拟企业微信';
  let sub = '示例制造有限公司';
  if (['inbox', 'chats', 'customers'].includes(where.view)) {
    back = { href: '#/', text: '切换身份' };
    title = person?.name ?? where.userid;
    sub = person?.position ?? '';
  } else if (where.view === 'chat') {
    const chats = `#/u/${encodeURIComponent(where.userid)}/chats`;
    back = { href: chats, text: '群聊' };
    title = chat
      ? `${chat.name || '群聊'}（${chat.userlist?.length ?? 0}）`
      : '群聊';
    sub = `以 ${nameOf(where.userid)} 的身份查看`;
  }
  const backEl = $('back');
  backEl.hidden = !back;
  if (back) {
    backEl.href = back.href;
    $('back-text').textContent = back.text;
  }
  $('title').textContent = title;
  $('subtitle').textContent = sub;
  $('clock').textContent = clockText(state.clock);
}

function renderView(where) {
  const ctx = { nameOf, onCallback: pressButton, pending: state.pending };
  if (state.error && !state.directory) {
    return h('div', { class: 'empty error' },
      `无法连接沙箱接口：${state.error}`);
  }
  if (!state.directory) return h('div', { class: 'empty' }, '加载中…');
  if (where.view === 'people') return peopleView(state.directory);

  const tab = where.view === 'chat' ? 'chats' : where.view;
  const parts = [tabs(where.userid, tab)];
  if (where.view === 'inbox' && state.inbox) {
    parts.push(h('div', { class: 'app-strip' },
      h('span', { class: 'avatar app-avatar small' }, '交接'), APP_NAME));
    parts.push(conversation(state.inbox, ctx, {
      withAvatar: true, empty: `还没有收到「${APP_NAME}」的消息`,
    }));
  } else if (where.view === 'chats' && state.chats) {
    parts.push(chatList(state.chats, where.userid, nameOf));
  } else if (where.view === 'chat' && state.chats) {
    parts.push(chatView(where));
  } else if (where.view === 'customers' && state.customers) {
    parts.push(customersView(state.customers, where.userid, nameOf));
  } else {
    parts.push(h('div', { class: 'empty' }, '加载中…'));
  }
  if (state.error) {
    parts.unshift(h('div', { class: 'banner' }, `刷新失败：${state.error}`));
  }
  return h('section', { class: 'view' }, parts);
}

function chatView(where) {
  const chat = state.chats.find((c) => c.chatid === where.chatid);
  if (!chat) {
    return h('div', { class: 'empty' }, '你不在这个群聊里，或群聊不存在');
  }
  const ctx = { nameOf, onCallback: pressButton, pending: state.pending };
  return h('div', {},
    h('div', { class: 'members', 'data-test': 'chat-members' },
      `群成员：${members(chat, nameOf)}`),
    conversation(chat.messages ?? [], ctx, {
      withAvatar: false, empty: '群里还没有消息',
    }));
}

/** Draws the current screen, unless nothing changed since the last draw. */
function render() {
  const where = route();
  const signature = JSON.stringify([where, state.directory, state.inbox,
    state.chats, state.customers, state.error, [...state.pending]]);
  renderHeader(where);
  if (signature === state.rendered) return;

  const routeChanged = !state.rendered.startsWith(`[${JSON.stringify(where)}`);
  const doc = document.scrollingElement;
  const atBottom = doc.scrollHeight - doc.scrollTop - doc.clientHeight < 80;
  const keepTop = doc.scrollTop;
  state.rendered = signature;
  $('view').replaceChildren(renderView(where));

  // Conversations open at the newest message, like WeCom; a refresh keeps
  // your place unless you were already reading the newest.
  const isConversation = where.view === 'inbox' || where.view === 'chat';
  if (isConversation && (routeChanged || atBottom)) {
    doc.scrollTop = doc.scrollHeight;
  } else if (routeChanged) doc.scrollTop = 0;
  else doc.scrollTop = keepTop;
}

let toastTimer = 0;
/** Shows a short note at the bottom of the screen. */
function toast(message, isError = false) {
  const el = $('toast');
  el.textContent = message;
  el.className = isError ? 'toast show error' : 'toast show';
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.className = 'toast'; }, 2400);
}

function start() {
  $('refresh').addEventListener('click', () => {
    state.directory = null; // the refresh button also reloads people
    refresh().then(() => toast('已刷新'));
  });
  $('auto').addEventListener('change', (event) => {
    state.autoRefresh = event.target.checked;
  });
  $('ff-hour').addEventListener('click', () => advanceClock(3600, '1 小时'));
  $('ff-day').addEventListener('click', () => advanceClock(86400, '1 天'));
  let shownUser = route().userid;
  window.addEventListener('hashchange', () => {
    // Someone else's data must not flash up while theirs loads.
    if (route().userid !== shownUser) {
      shownUser = route().userid;
      state.inbox = null;
      state.chats = null;
    }
    render();
    refresh();
  });
  setInterval(() => {
    if (state.autoRefresh && !document.hidden) refresh();
  }, REFRESH_MS);
  render();
  refresh();
}

start();
