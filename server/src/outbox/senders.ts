import { WecomClient } from '../wecom/client';
import { createChat, sendToChat, updateChat } from '../wecom/appchat';
import { WecomApiError } from '../wecom/errors';
import { AppMessage, replaceCardButton, sendMessage } from '../wecom/message';
import { customerSenders } from './customer-senders';
import { materialSenders } from './material-senders';

/** What some senders need besides WeCom: stored files, for sharing. */
export interface SenderDeps {
  files?: {
    /** A stored file's bytes; throws past `maxBytes`. */
    read(key: string, maxBytes: number): Promise<Buffer>;
  };
}

/** Sends one outbox row's payload; returns what to keep as its result. */
export type Sender = (client: WecomClient, payload: Record<string, unknown>,
  attempt: number, deps?: SenderDeps) => Promise<Record<string, unknown>>;

/**
 * Codes that mean "not yet" for one kind, beyond WeCom's busy codes: a
 * group message whose group is not there (86003) waits for the group,
 * which may still be created or retried by an operator.
 */
export const retryLaterCodes: Record<string, ReadonlySet<number>> = {
  'appchat.send': new Set([86003]),
  'appchat.update': new Set([86003]),
};

/** Whether this failure of a row of `kind` may pass with time. */
export function mayPassLater(kind: string, error: unknown): boolean {
  return error instanceof WecomApiError
    && (retryLaterCodes[kind]?.has(error.errcode) ?? false);
}

/** Every kind the outbox knows. An unknown kind fails the row for good. */
export const senders: Record<string, Sender> = {
  ...customerSenders,
  ...materialSenders,

  /**
   * The chat id derives from the handover, so 86215 (already exists) means
   * an earlier try got through: success.
   */
  'appchat.create': async (client, payload) => {
    const chat = payload as { chatid: string; name: string; owner?: string;
      userlist: string[] };
    try {
      return { chatid: await createChat(client, chat) };
    } catch (error) {
      if (error instanceof WecomApiError && error.errcode === 86215) {
        return { chatid: chat.chatid, alreadyExisted: true };
      }
      throw error;
    }
  },

  'appchat.update': async (client, payload) => {
    await updateChat(client, payload as { chatid: string });
    return {};
  },

  'appchat.send': async (client, payload) => {
    await sendToChat(client, payload as { chatid: string; msgtype: string });
    return {};
  },

  /**
   * Sent with WeCom's duplicate check, so a retry after a crash between
   * send and commit is not delivered twice. A card's task id is fixed per
   * row: on a retry, 42014 (task id used) means the first try arrived.
   */
  'message.send': async (client, payload, attempt) => {
    try {
      const result = await sendMessage(client, {
        ...(payload as AppMessage),
        enable_duplicate_check: 1,
        duplicate_check_interval: 1800,
      });
      return { ...result };
    } catch (error) {
      if (attempt > 1 && error instanceof WecomApiError
        && error.errcode === 42014 && payload.msgtype === 'template_card') {
        return { alreadyDelivered: true };
      }
      throw error;
    }
  },

  'message.replace_card_button': async (client, payload) => {
    await replaceCardButton(client, payload as { userids: string[];
      responseCode: string; replaceName: string });
    return {};
  },
};
