import { WecomClient } from './client';
import { WecomApiError } from './errors';

/**
 * Customer contact (客户联系) and customer transfer (客户继承), WECOM.md
 * section 10: read a member's customers, move them on the job or after the
 * member left, read how the moves went, and move customer groups.
 */

/** A customer as `externalcontact/get` returns it (the fields we use). */
export interface ExternalContact {
  external_userid: string;
  name: string;
  /** 1 a WeChat user, 2 a WeCom user of another company. */
  type: number;
  corp_name?: string;
  corp_full_name?: string;
}

/** One follower of a customer. */
export interface FollowUser {
  userid: string;
  remark?: string;
  createtime?: number;
}

/** A per-customer answer of a transfer call; errcode 0 means started. */
export interface CustomerTransferAnswer {
  external_userid: string;
  errcode: number;
}

/** 1 taken over, 2 waiting, 3 refused, 4 successor at limit, 5 no record. */
export interface CustomerTransferState {
  external_userid: string;
  status: number;
  /** Unix seconds; 0 until taken over. */
  takeover_time: number;
}

/** On the job (在职继承) or after the member left (离职继承). */
export type TransferMode = 'on_job' | 'resigned';

/** Who hands over to whom. */
export interface TransferPair {
  handover_userid: string;
  takeover_userid: string;
}

/** `externalcontact/list`: the member's customers; 84061 (none) is []. */
export async function listCustomers(client: WecomClient,
  userid: string): Promise<string[]> {
  try {
    const body = await client.get<{ external_userid?: string[] }>(
      'externalcontact/list', { userid });
    return body.external_userid ?? [];
  } catch (error) {
    if (error instanceof WecomApiError && error.errcode === 84061) return [];
    throw error;
  }
}

/** `externalcontact/get`: one customer and who follows them. */
export async function getCustomer(client: WecomClient, externalUserid: string) {
  return client.get<{ external_contact: ExternalContact; follow_user?: FollowUser[] }>(
    'externalcontact/get', { external_userid: externalUserid });
}

/**
 * `transfer_customer` (on the job, with `transfer_success_msg` shown to the
 * customer) or `resigned/transfer_customer`; at most 100 customers a call.
 */
export async function transferCustomers(client: WecomClient, mode: TransferMode,
  request: TransferPair & { external_userid: string[]; transfer_success_msg?: string },
): Promise<CustomerTransferAnswer[]> {
  const body = mode === 'on_job' ? request : {
    handover_userid: request.handover_userid,
    takeover_userid: request.takeover_userid,
    external_userid: request.external_userid,
  };
  const answer = await client.post<{ customer?: CustomerTransferAnswer[] }>(
    `externalcontact/${mode === 'on_job' ? '' : 'resigned/'}transfer_customer`, body);
  return answer.customer ?? [];
}

/** Every page of `transfer_result` / `resigned/transfer_result` for a pair. */
export async function transferResults(client: WecomClient, mode: TransferMode,
  pair: TransferPair): Promise<CustomerTransferState[]> {
  const endpoint = `externalcontact/${mode === 'on_job' ? '' : 'resigned/'}transfer_result`;
  const all: CustomerTransferState[] = [];
  let cursor = '';
  for (let page = 0; page < 1000; page++) {
    const body = await client.post<{ customer?: CustomerTransferState[];
      next_cursor?: string }>(endpoint, { ...pair, cursor });
    all.push(...(body.customer ?? []));
    cursor = body.next_cursor ?? '';
    if (!cursor) break;
  }
  return all;
}

/** `get_unassigned_list`: customers of members who left, every page. */
export async function unassignedCustomers(client: WecomClient) {
  const all: { handover_userid: string; external_userid: string;
    dimission_time: number }[] = [];
  let cursor = '';
  for (let page = 0; page < 1000; page++) {
    const body = await client.post<{ info?: typeof all; is_last?: boolean;
      next_cursor?: string }>('externalcontact/get_unassigned_list',
      { cursor, page_size: 1000 });
    all.push(...(body.info ?? []));
    cursor = body.next_cursor ?? '';
    if (body.is_last !== false || !cursor) break;
  }
  return all;
}

/** `groupchat/list` filtered by owner: the chat ids, every page. */
export async function listCustomerGroups(client: WecomClient,
  owner: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '';
  for (let page = 0; page < 1000; page++) {
    const body = await client.post<{ group_chat_list?: { chat_id: string }[];
      next_cursor?: string }>('externalcontact/groupchat/list',
      { owner_filter: { userid_list: [owner] }, cursor, limit: 1000 });
    ids.push(...(body.group_chat_list ?? []).map((g) => g.chat_id));
    cursor = body.next_cursor ?? '';
    if (!cursor) break;
  }
  return ids;
}

/**
 * `groupchat/onjob_transfer` or `groupchat/transfer` (the owner left) for
 * at most 100 chats; answers the chats that did not move.
 */
export async function transferCustomerGroups(client: WecomClient, mode: TransferMode,
  chatIds: string[], newOwner: string) {
  const body = await client.post<{ failed_chat_list?: { chat_id: string;
    errcode: number }[] }>(
    `externalcontact/groupchat/${mode === 'on_job' ? 'onjob_transfer' : 'transfer'}`,
    { chat_id_list: chatIds, new_owner: newOwner });
  return body.failed_chat_list ?? [];
}
