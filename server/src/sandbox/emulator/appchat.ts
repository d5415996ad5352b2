/**
 * App group chats (应用群聊, D:90245 to D:90248): create, get, update and
 * send. Group messages take no template_card; each member gets at most 200
 * a minute from the app, the rest is dropped silently.
 */
import type { EndpointTable } from './cgi';
import { checkContent, isContentType } from './content';
import { randomId, type EmulatorCore } from './core';
import { WecomError } from './errors';
import type { MemberLimiter } from './limits';
import type { AppChat, ChatMessage } from './types';

const NAME_MAX_CHARS = 50;
const MEMBERS = { min: 2, max: 2000 };
const CHATID = /^[0-9a-zA-Z]+$/;
const CHATID_MAX = 32;

/** The appchat/* endpoints. */
export function appchatEndpoints(
  core: EmulatorCore, limiter: MemberLimiter,
): EndpointTable {
  return {
    'appchat/create': {
      method: 'POST',
      handler: ({ body }) => ({ chatid: create(core, body).chatid }),
    },
    'appchat/get': {
      method: 'GET',
      handler: ({ query }) => {
        const chat = findChat(core, query('chatid'));
        return {
          chat_info: {
            chatid: chat.chatid, name: chat.name, owner: chat.owner,
            userlist: [...chat.userlist], chat_type: 0,
          },
        };
      },
    },
    'appchat/update': {
      method: 'POST',
      handler: ({ body }) => {
        update(core, body);
        return {};
      },
    },
    'appchat/send': {
      method: 'POST',
      handler: ({ body }) => {
        send(core, limiter, body);
        return {};
      },
    },
  };
}

function create(core: EmulatorCore, request: Record<string, unknown>): AppChat {
  const name = chatName(request.name) ?? '';
  const userlist = members(core, request.userlist);
  const owner = request.owner === undefined || request.owner === ''
    ? userlist[Math.floor(core.opts.random() * userlist.length)]
    : chatOwner(core, request.owner, userlist);
  const chatid = newChatid(core, request.chatid);

  const chat: AppChat = {
    chatid, name, owner, userlist, createdAt: core.nowS(), messages: [],
  };
  core.chats.set(chatid, chat);
  return chat;
}

/** A custom chatid, checked, or a generated one (wr...). */
function newChatid(core: EmulatorCore, value: unknown): string {
  if (value === undefined || value === null || value === '') {
    let chatid: string;
    do chatid = `wr${randomId(28)}`; while (core.chats.has(chatid));
    return chatid;
  }
  if (typeof value !== 'string' || !CHATID.test(value)) {
    throw new WecomError(86001);
  }
  if (value.length > CHATID_MAX) throw new WecomError(86205);
  if (core.chats.has(value)) throw new WecomError(86215);
  return value;
}

/** A group name of at most 50 characters; undefined when absent. */
function chatName(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || [...value].length > NAME_MAX_CHARS) {
    throw new WecomError(86004);
  }
  return value;
}

/** Checks a member list: 86204 missing, 86006 size, 86216/86007 members. */
function members(core: EmulatorCore, value: unknown): string[] {
  if (value === undefined || value === null) throw new WecomError(86204);
  if (!Array.isArray(value)) throw new WecomError(86216);
  const userlist = [...new Set(value)];
  if (userlist.length < MEMBERS.min || userlist.length > MEMBERS.max) {
    throw new WecomError(86006);
  }
  checkMembers(core, userlist);
  return userlist as string[];
}

/** 86216 for ids that are no member, 86007 for members not active. */
function checkMembers(core: EmulatorCore, userids: unknown[]): void {
  for (const userid of userids) {
    const person = typeof userid === 'string' ? core.person(userid) : undefined;
    if (!person) throw new WecomError(86216, String(userid));
    if (person.status !== 1) throw new WecomError(86007, person.userid);
  }
}

function chatOwner(
  core: EmulatorCore, value: unknown, userlist: string[],
): string {
  if (typeof value !== 'string' || !core.person(value)) {
    throw new WecomError(86005);
  }
  if (!userlist.includes(value)) throw new WecomError(86207);
  return value;
}

function findChat(core: EmulatorCore, chatid: unknown): AppChat {
  if (chatid === undefined || chatid === null || chatid === '') {
    throw new WecomError(86201);
  }
  const chat = typeof chatid === 'string' ? core.chats.get(chatid) : undefined;
  if (!chat) throw new WecomError(86003);
  return chat;
}

function update(core: EmulatorCore, request: Record<string, unknown>): void {
  const chat = findChat(core, request.chatid);
  const name = chatName(request.name);
  const add = idList(request.add_user_list, 'add_user_list');
  const del = idList(request.del_user_list, 'del_user_list');
  checkMembers(core, add);

  const userlist = [...new Set([...chat.userlist, ...add])]
    .filter((u) => !del.includes(u));
  // UNCONFIRMED: whether the live service lets a group shrink below 2.
  if (userlist.length < MEMBERS.min || userlist.length > MEMBERS.max) {
    throw new WecomError(86006);
  }
  const owner = request.owner === undefined || request.owner === ''
    ? chat.owner : chatOwner(core, request.owner, userlist);
  if (!userlist.includes(owner)) throw new WecomError(86207);

  if (name !== undefined) chat.name = name;
  chat.userlist = userlist;
  chat.owner = owner;
}

function idList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new WecomError(40058, field);
  }
  return value;
}

function send(
  core: EmulatorCore, limiter: MemberLimiter, request: Record<string, unknown>,
): void {
  const chat = findChat(core, request.chatid);
  const msgtype = typeof request.msgtype === 'string' ? request.msgtype : '';
  if (!isContentType(msgtype)) throw new WecomError(40008);
  const content = checkContent(core, msgtype, request);

  const deliveredTo: string[] = [];
  for (const userid of chat.userlist) {
    if (limiter.allow(userid, core.nowMs())) deliveredTo.push(userid);
    else core.countDropped('chat', userid);
  }
  const message: ChatMessage = {
    msgid: randomId(40), msgtype, createdAt: core.nowS(),
    body: structuredClone(request), deliveredTo,
  };
  if (content.media) message.media = content.media;
  chat.messages.push(message);
}

