import { Router } from '@koa/router';
import type { Context } from 'koa';
import {
  DataSource, EntityManager,
} from 'typeorm';
import { Clock, unixSeconds } from '../clock';
import { CallbackReceipt } from '../entities';
import { insertOrIgnore } from '../db/insert-or-ignore';
import type { Logger } from '../logger';
import { readTextBody } from './body';
import { CallbackCrypto, CallbackRejected } from './crypto';
import { buildXml, field, parseXml, XmlNode } from './xml';

/** WeCom's callbacks are small; anything larger is not from WeCom. */
const BODY_LIMIT = 64 * 1024;

/** A passive reply's fields (ToUserName, MsgType, ...), or nothing. */
export type PassiveReply = Record<string, unknown> | void;

/**
 * Applies one decrypted callback inside the receipt's transaction. Throwing
 * rolls back both, so WeCom's retry gets another chance.
 */
export type CallbackHandler = (event: XmlNode, manager: EntityManager) =>
  Promise<PassiveReply>;

export interface CallbackRouteDeps {
  db: DataSource;
  clock: Clock;
  logger: Logger;
  crypto: CallbackCrypto;
  corpId: string;
  /** Oldest timestamp accepted, in seconds; 0 turns the check off. */
  maxAgeS: number;
  /** Handlers by `MsgType` or `event:<Event>`. */
  handlers: Record<string, CallbackHandler>;
  /** Called after a callback's transaction commits (e.g. kick the outbox). */
  afterCommit?: () => void;
}

/**
 * `GET /wecom/callback` answers WeCom's URL verification; `POST` takes event
 * pushes: verify, decrypt, check corp and age, dedupe, apply, reply
 * (D:91144, D:90930). Anything untrustworthy gets a 4xx and changes nothing.
 */
export function callbackRouter(deps: CallbackRouteDeps): Router {
  const router = new Router();

  router.get('/wecom/callback', (ctx) => guarded(ctx, deps, async () => {
    const q = queryOf(ctx, ['msg_signature', 'timestamp', 'nonce', 'echostr']);
    checkAge(q.timestamp, deps);
    deps.crypto.verify(q.msg_signature, q.timestamp, q.nonce, q.echostr);
    ctx.type = 'text/plain';
    ctx.body = deps.crypto.decrypt(q.echostr);
  }));

  router.post('/wecom/callback', (ctx) => guarded(ctx, deps, async () => {
    const q = queryOf(ctx, ['msg_signature', 'timestamp', 'nonce']);
    checkAge(q.timestamp, deps);
    const envelope = parseOrReject(await readTextBody(ctx, BODY_LIMIT));
    const encrypt = field(envelope, 'Encrypt');
    if (!encrypt) throw new CallbackRejected(400, 'Encrypt is missing');
    deps.crypto.verify(q.msg_signature, q.timestamp, q.nonce, encrypt);
    const event = parseOrReject(deps.crypto.decrypt(encrypt));
    if (field(event, 'ToUserName') !== deps.corpId) {
      throw new CallbackRejected(400, 'ToUserName is not our corp');
    }

    const reply = await apply(event, deps);
    if (reply) {
      const plain = buildXml({ ...reply, CreateTime: unixSeconds(deps.clock) });
      ctx.type = 'application/xml';
      ctx.body = deps.crypto.sealReply(plain, q.timestamp, q.nonce);
    } else {
      ctx.status = 200;
      ctx.body = '';
    }
  }));

  return router;
}

/** Dedupes and applies in one transaction; a duplicate does nothing. */
async function apply(event: XmlNode, deps: CallbackRouteDeps): Promise<PassiveReply> {
  const kind = kindOf(event);
  const handler = deps.handlers[kind];
  const reply = await deps.db.transaction(async (manager) => {
    const inserted = await insertOrIgnore(manager, CallbackReceipt, {
      dedupeKey: dedupeKeyOf(event, kind), kind, receivedAt: new Date(deps.clock.now()),
    });
    if (!inserted) {
      deps.logger.info({ kind }, 'duplicate callback ignored');
      return undefined;
    }
    if (!handler) {
      deps.logger.info({ kind }, 'callback with no handler');
      return undefined;
    }
    return handler(event, manager);
  });
  deps.afterCommit?.();
  return reply;
}

/** `text`, `event:template_card_event`, `event:change_contact`, ... */
function kindOf(event: XmlNode): string {
  const type = field(event, 'MsgType');
  return type === 'event' ? `event:${field(event, 'Event')}` : type;
}

/**
 * Messages dedupe on MsgId; card clicks on ResponseCode, unique per click;
 * other events on sender + time + what happened (WECOM.md section 2).
 */
function dedupeKeyOf(event: XmlNode, kind: string): string {
  const msgId = field(event, 'MsgId');
  if (msgId) return `msg:${msgId}`;
  const responseCode = field(event, 'ResponseCode');
  if (responseCode) return `card:${responseCode}`.slice(0, 191);
  const parts = [kind, field(event, 'FromUserName'), field(event, 'CreateTime'),
    field(event, 'ChangeType'), field(event, 'UserID'), field(event, 'EventKey')];
  // Approvals changed in one second differ only inside ApprovalInfo.
  const approval = event.ApprovalInfo;
  if (approval && typeof approval === 'object' && !Array.isArray(approval)) {
    parts.push(field(approval, 'SpNo'), field(approval, 'SpStatus'));
  }
  return parts.join(':').slice(0, 191);
}

function queryOf<K extends string>(ctx: Context, names: K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const name of names) {
    const value = ctx.query[name];
    if (typeof value !== 'string' || value === '') {
      throw new CallbackRejected(400, `${name} is missing`);
    }
    out[name] = value;
  }
  return out;
}

function checkAge(timestamp: string, deps: CallbackRouteDeps): void {
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new CallbackRejected(400, 'timestamp is not a number');
  }
  if (deps.maxAgeS === 0) return;
  const skew = Math.abs(unixSeconds(deps.clock) - Number(timestamp));
  if (skew > deps.maxAgeS) {
    throw new CallbackRejected(403, 'timestamp is too old');
  }
}

function parseOrReject(text: string): XmlNode {
  try {
    return parseXml(text);
  } catch {
    throw new CallbackRejected(400, 'body is not WeCom XML');
  }
}

/** Turns rejections into their 4xx with a short reason, and logs them. */
async function guarded(ctx: Context, deps: CallbackRouteDeps,
  run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof CallbackRejected)) throw error;
    deps.logger.warn({ status: error.status, reason: error.reason }, 'callback rejected');
    ctx.status = error.status;
    ctx.type = 'text/plain';
    ctx.body = error.reason;
  }
}
