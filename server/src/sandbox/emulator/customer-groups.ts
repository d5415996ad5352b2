/**
 * Customer group chats (客户群) for transfer: list a member's groups and move
 * them to a new owner, for a member who left (groupchat/transfer, D:92127)
 * or one still on the job (groupchat/onjob_transfer, D:95703).
 */
import type { EndpointTable } from './cgi';
import type { EmulatorCore } from './core';
import type { CustomerTransfers } from './customer-transfer';
import { WecomError } from './errors';
import { optionalText, requireText } from './fields';

/** groupchat/list, groupchat/transfer and groupchat/onjob_transfer. */
export function customerGroupEndpoints(
  core: EmulatorCore, transfers: CustomerTransfers,
): EndpointTable {
  return {
    'externalcontact/groupchat/list': {
      method: 'POST',
      handler: ({ body }) => listGroups(transfers, body),
    },
    'externalcontact/groupchat/transfer': {
      method: 'POST',
      handler: ({ body }) => moveGroups(core, transfers, body, true),
    },
    'externalcontact/groupchat/onjob_transfer': {
      method: 'POST',
      handler: ({ body }) => moveGroups(core, transfers, body, false),
    },
  };
}

/** Groups, optionally only those owned by `owner_filter.userid_list`. */
function listGroups(
  transfers: CustomerTransfers, body: Record<string, unknown>,
) {
  const filter = body.owner_filter;
  const owners = typeof filter === 'object' && filter !== null
    && Array.isArray((filter as { userid_list?: unknown }).userid_list)
    ? (filter as { userid_list: unknown[] }).userid_list.map(String) : null;
  const limit = body.limit ?? 100;
  if (typeof limit !== 'number' || limit < 1 || limit > 1000) {
    throw new WecomError(40058, 'limit');
  }
  const cursor = optionalText(body, 'cursor', 'cursor') ?? '';
  const offset = cursor === '' ? 0 : Number(cursor);
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new WecomError(40058, 'cursor');
  }

  const groups = transfers.groups
    .filter((g) => !owners || owners.includes(g.owner));
  const page = groups.slice(offset, offset + limit);
  return {
    group_chat_list: page.map((g) => ({ chat_id: g.chat_id, status: 0 })),
    next_cursor: groups.length > offset + limit ? String(offset + limit) : '',
  };
}

/**
 * Moves chats to `new_owner`. The resigned variant needs the old owner to
 * have left (else 40097 for that chat); the on-job one the opposite.
 */
function moveGroups(
  core: EmulatorCore, transfers: CustomerTransfers,
  body: Record<string, unknown>, resigned: boolean,
) {
  const newOwner = requireText(body, 'new_owner', 'new_owner');
  if (!core.person(newOwner)) throw new WecomError(40003, 'new_owner');
  const list = body.chat_id_list;
  if (!Array.isArray(list) || list.length === 0) {
    throw new WecomError(40063, 'chat_id_list');
  }
  if (list.length > 100 || !list.every((c) => typeof c === 'string')) {
    throw new WecomError(40058, 'chat_id_list');
  }

  const failed: Record<string, unknown>[] = [];
  for (const chatId of list as string[]) {
    const group = transfers.groups.find((g) => g.chat_id === chatId);
    const left = core.person(group?.owner ?? '')?.status === 5;
    const errcode = !group ? 86003
      : resigned !== left ? 40097
        : group.owner === newOwner ? 40130 : 0;
    if (group && errcode === 0) group.owner = newOwner;
    else failed.push({ chat_id: chatId, errcode, errmsg: 'failed' });
  }
  return { failed_chat_list: failed };
}
