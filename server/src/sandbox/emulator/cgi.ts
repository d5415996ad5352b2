/**
 * The /cgi-bin dispatcher: every call is logged, may meet an injected fault,
 * has its method and access_token checked and its JSON body read, and its
 * WecomError turned into WeCom's HTTP 200 `{ errcode, errmsg }`.
 */
import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Context, Middleware } from 'koa';

import type { EmulatorCore } from './core';
import { errmsgFor, WecomError } from './errors';
import type { FaultInjector } from './faults';
import type { TokenStore } from './tokens';
import type { CallLogEntry } from './types';

/** What a handler gets: the context, the query and the JSON body. */
export interface CgiRequest {
  ctx: Context;
  /** First value of a query parameter. */
  query: (name: string) => string | undefined;
  /** The parsed JSON object of a POST, `{}` for GET. */
  body: Record<string, unknown>;
}

/** A handler's success fields (errcode 0 is added), or void if it answered. */
export type CgiResult = Record<string, unknown> | void;

/** One /cgi-bin endpoint. */
export interface Endpoint {
  method: 'GET' | 'POST';
  handler: (req: CgiRequest) => CgiResult | Promise<CgiResult>;
  /** No access_token needed (gettoken). */
  public?: boolean;
  /** The handler reads the request stream itself (uploads). */
  rawBody?: boolean;
}

/** Endpoints by their path after /cgi-bin/. */
export type EndpointTable = Record<string, Endpoint>;

/** Largest JSON body accepted. */
const MAX_JSON_BYTES = 2 * 1024 * 1024;
const PREFIX = '/cgi-bin/';

/** Koa middleware serving `endpoints` under /cgi-bin/. */
export function cgiBin(
  core: EmulatorCore, endpoints: EndpointTable,
  faults: FaultInjector, tokens: TokenStore,
): Middleware {
  return async (ctx, next) => {
    if (!ctx.path.startsWith(PREFIX)) return next();
    const name = ctx.path.slice(PREFIX.length);
    const endpoint = Object.hasOwn(endpoints, name) ? endpoints[name] : null;
    const entry: CallLogEntry = {
      endpoint: name, method: ctx.method, at: core.nowMs(),
      errcode: null, httpStatus: 404, fault: false,
    };
    core.calls.push(entry);

    if (!endpoint) {
      ctx.status = 404;
      ctx.type = 'text/plain';
      ctx.body = 'not found';
      return;
    }
    if (await applyFault(core, ctx, faults.take(name))) {
      entry.fault = true;
    } else {
      await serve(core, ctx, endpoint, tokens);
    }
    entry.httpStatus = ctx.status;
    entry.errcode = errcodeOf(ctx.body);
  };
}

/** Answers per an injected fault; false when the call should go on. */
async function applyFault(
  core: EmulatorCore, ctx: Context,
  fault: ReturnType<FaultInjector['take']>,
): Promise<boolean> {
  if (!fault) return false;
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.httpStatus !== undefined) {
    ctx.status = fault.httpStatus;
    ctx.type = 'text/plain';
    ctx.body = `${fault.httpStatus} ${STATUS_CODES[fault.httpStatus] ?? ''}`;
    return true;
  }
  if (fault.errcode !== undefined) {
    answerError(core, ctx, new WecomError(fault.errcode));
    return true;
  }
  return false;
}

async function serve(
  core: EmulatorCore, ctx: Context, endpoint: Endpoint, tokens: TokenStore,
): Promise<void> {
  const query = (key: string): string | undefined => {
    const value = ctx.query[key];
    return Array.isArray(value) ? value[0] : value;
  };
  try {
    const head = ctx.method === 'HEAD' && endpoint.method === 'GET';
    if (ctx.method !== endpoint.method && !head) {
      throw new WecomError(endpoint.method === 'POST' ? 43002 : 43001);
    }
    if (!endpoint.public) {
      const errcode = tokens.check(query('access_token'));
      if (errcode !== 0) throw new WecomError(errcode);
    }
    const body = endpoint.method === 'POST' && !endpoint.rawBody
      ? await readJsonBody(ctx) : {};

    const result = await endpoint.handler({ ctx, query, body });
    if (result) {
      ctx.status = 200;
      ctx.body = { errcode: 0, errmsg: 'ok', ...result };
    }
  } catch (err) {
    if (!(err instanceof WecomError)) throw err;
    answerError(core, ctx, err);
  }
}

/** Writes WeCom's JSON error answer. */
export function answerError(
  core: EmulatorCore, ctx: Context, err: WecomError,
): void {
  core.log.debug(
    { path: ctx.path, errcode: err.errcode, detail: err.detail },
    'emulator answered an error',
  );
  ctx.status = 200;
  ctx.body = {
    errcode: err.errcode,
    errmsg: errmsgFor(err.errcode, core.nowS(), ctx.ip, err.detail),
  };
}

/** Reads the request as one JSON object, as WeCom does for any type. */
async function readJsonBody(ctx: Context): Promise<Record<string, unknown>> {
  // A body parser in front of the mount may have read it already.
  const parsed = (ctx.request as { body?: unknown }).body;
  if (parsed !== undefined && !ctx.req.readable) {
    if (isRecord(parsed)) return parsed;
    throw new WecomError(47001);
  }

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_JSON_BYTES) throw new WecomError(45002, 'body too large');
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new WecomError(44002);

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WecomError(47001);
  }
  if (!isRecord(value)) throw new WecomError(47001);
  return value;
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errcodeOf(body: unknown): number | null {
  if (isRecord(body) && typeof body.errcode === 'number') return body.errcode;
  return null;
}
