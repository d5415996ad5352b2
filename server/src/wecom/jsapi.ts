import crypto from 'node:crypto';
import { WecomClient } from './client';
import { TokenStore } from './token-store';
import { Clock } from '../clock';

export type TicketKind = 'jsapi' | 'agent_config';

/**
 * JS-SDK tickets: the corp ticket for `ww.register`'s config signature and
 * the app ticket for agentConfig. WeCom allows few fetches an hour, so
 * they are cached in the shared store like the access token.
 */
export async function getTicket(client: WecomClient, store: TokenStore,
  clock: Clock, kind: TicketKind): Promise<string> {
  const key = `ticket:${kind}:${client.corpId}:${client.agentId}`;
  const cached = await store.get(key);
  if (cached && cached.expiresAt.getTime() - 5 * 60_000 > clock.now()) {
    return cached.value;
  }
  const body = kind === 'jsapi'
    ? await client.get<{ ticket: string; expires_in: number }>('get_jsapi_ticket')
    : await client.get<{ ticket: string; expires_in: number }>('ticket/get',
      { type: 'agent_config' });
  const expiresAt = new Date(clock.now() + body.expires_in * 1000);
  await store.set(key, { value: body.ticket, expiresAt });
  return body.ticket;
}

/**
 * The JS-SDK signature (D:90506): sha1 over the four fields in this order,
 * not URL-encoded, with the URL's `#` fragment removed.
 */
export function jsapiSignature(props: {
  ticket: string; nonceStr: string; timestamp: number | string; url: string;
}): string {
  const url = props.url.split('#')[0];
  const plain = `jsapi_ticket=${props.ticket}&noncestr=${props.nonceStr}`
    + `&timestamp=${props.timestamp}&url=${url}`;
  return crypto.createHash('sha1').update(plain).digest('hex');
}
