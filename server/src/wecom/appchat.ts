import { WecomClient } from './client';

/** An app group chat as `appchat/get` returns it. */
export interface ChatInfo {
  chatid: string;
  name: string;
  owner: string;
  userlist: string[];
}

/** `appchat/create` -> the chat id. 86215 means the id is taken. */
export async function createChat(client: WecomClient, chat: {
  chatid: string; name: string; owner?: string; userlist: string[];
}) {
  const body = await client.post<{ chatid: string }>('appchat/create', chat);
  return body.chatid;
}

/** `appchat/get`: only chats this app made. */
export async function getChat(client: WecomClient, chatid: string) {
  const body = await client.get<{ chat_info: ChatInfo }>('appchat/get', { chatid });
  return body.chat_info;
}

/** `appchat/update`: rename, change owner, add and remove members. */
export async function updateChat(client: WecomClient, update: {
  chatid: string; name?: string; owner?: string;
  add_user_list?: string[]; del_user_list?: string[];
}) {
  await client.post('appchat/update', update);
}

/**
 * `appchat/send`. Groups take text, markdown, textcard, news, file and
 * image, but never template_card (D:90248): cards go to people instead.
 */
export async function sendToChat(client: WecomClient,
  message: { chatid: string; msgtype: string } & Record<string, unknown>) {
  await client.post('appchat/send', message);
}
