import { WecomClient } from './client';

/** The answer of `message/send`; recipients WeCom did not know are listed. */
export interface SendResult {
  msgid: string;
  invaliduser?: string;
  invalidparty?: string;
  invalidtag?: string;
  response_code?: string;
}

/**
 * An application message body without `agentid`, which the client adds:
 * `{ touser, msgtype, [msgtype]: {...}, enable_duplicate_check, ... }`.
 */
export type AppMessage = { touser: string; msgtype: string } & Record<string, unknown>;

/** `message/send`. WeCom still delivers to the valid part of the recipients. */
export async function sendMessage(client: WecomClient, message: AppMessage) {
  return client.post<SendResult>('message/send',
    { ...message, agentid: Number(client.agentId) });
}

/**
 * `message/update_template_card` with `button.replace_name`: greys the
 * clicked card's buttons out with the given text. The response code comes
 * from the click callback, works once, for 72 h (D:94945).
 */
export async function replaceCardButton(client: WecomClient, props: {
  userids: string[]; responseCode: string; replaceName: string;
}) {
  return client.post('message/update_template_card', {
    userids: props.userids,
    agentid: Number(client.agentId),
    response_code: props.responseCode,
    button: { replace_name: props.replaceName },
  });
}
