import type { Context } from 'koa';
import { CallbackRejected } from './crypto';

/**
 * Reads a request body as text, refusing more than `limit` bytes without
 * buffering them (a declared length over the limit is refused at once).
 */
export async function readTextBody(ctx: Context, limit: number): Promise<string> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) throw new CallbackRejected(413, 'body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      ctx.req.destroy();
      throw new CallbackRejected(413, 'body too large');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
