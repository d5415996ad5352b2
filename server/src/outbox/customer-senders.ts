import {
  listCustomerGroups, TransferMode, transferCustomerGroups, transferCustomers,
} from '../wecom/externalcontact';
import type { Sender } from './senders';

/** Payload of `externalcontact.transfer`: one batch of at most 100. */
export interface CustomerTransferPayload {
  mode: TransferMode;
  handover_userid: string;
  takeover_userid: string;
  external_userid: string[];
  transfer_success_msg?: string;
}

/** Payload of `externalcontact.groupchat_transfer`. */
export interface GroupTransferPayload {
  mode: TransferMode;
  owner: string;
  new_owner: string;
}

/** 40129: this customer's transfer is already in progress. */
const IN_PROGRESS = 40129;

/**
 * Customer transfer (客户继承) kinds. Their results are the outbox row's
 * `result`, which the customer-transfer poller applies to its rows.
 */
export const customerSenders: Record<string, Sender> = {
  /**
   * Answers `{ customer: [{external_userid, errcode}] }`. On a retry, 40129
   * (in progress) means an earlier try got through before its answer was
   * lost: it counts as started (errcode 0), so nothing is transferred twice.
   */
  'externalcontact.transfer': async (client, payload, attempt) => {
    const { mode, ...request } = payload as unknown as CustomerTransferPayload;
    const answers = await transferCustomers(client, mode, request);
    const customer = answers.map((a) => (attempt > 1 && a.errcode === IN_PROGRESS
      ? { external_userid: a.external_userid, errcode: 0 } : a));
    return { customer };
  },

  /**
   * Moves every customer group the owner still has, 100 a call. A retry
   * lists again, so groups already moved are not sent twice.
   */
  'externalcontact.groupchat_transfer': async (client, payload) => {
    const { mode, owner, new_owner: newOwner } =
      payload as unknown as GroupTransferPayload;
    const chatIds = await listCustomerGroups(client, owner);
    const failed: { chat_id: string; errcode: number }[] = [];
    for (let i = 0; i < chatIds.length; i += 100) {
      failed.push(...await transferCustomerGroups(client, mode,
        chatIds.slice(i, i + 100), newOwner));
    }
    const failedIds = new Set(failed.map((f) => f.chat_id));
    return { moved: chatIds.filter((id) => !failedIds.has(id)), failed };
  },
};
