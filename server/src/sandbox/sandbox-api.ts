/**
 * The sandbox JSON API (mounted at /sandbox/api): what the simulated WeCom
 * client page, tests and scripts read from and do to the emulator. Errors
 * are `{ error: { id, message, field? } }`; no input gives a 500.
 */
import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa from 'koa';
import { z } from 'zod';

import { unixSeconds } from '../clock';
import { EmulatorError, type WecomEmulator } from './emulator';
import type { AppChat, XmlFields } from './emulator';

const TEN_YEARS_S = 10 * 365 * 24 * 3600;

const userQuery = z.object({ userid: z.string().min(1).max(64) });

const clickBody = z.object({
  userid: z.string().min(1).max(64),
  task_id: z.string().min(1).max(128),
  key: z.string().min(1).max(1024),
  selected: z.record(z.string(), z.array(z.string())).optional(),
});

const clockBody = z.object({
  advance_seconds: z.number().min(0).max(TEN_YEARS_S),
});

const faultBody = z.object({
  endpoint: z.string().min(1).max(100),
  count: z.number().int().min(1).max(100_000).default(1),
  errcode: z.number().int().optional(),
  http_status: z.number().int().optional(),
  delay_ms: z.number().int().optional(),
});

const faultRateBody = z.object({
  rate: z.number().min(0).max(1),
  errcodes: z.array(z.number().int()).max(50).optional(),
  http_statuses: z.array(z.number().int()).max(50).optional(),
  delay_ms: z.number().int().optional(),
  endpoints: z.array(z.string().min(1).max(100)).max(100).optional(),
});

const outcomeBody = z.object({
  external_userid: z.string().min(1).max(64),
  outcome: z.union([z.literal(3), z.literal(4), z.null()]),
});

const xmlValue: z.ZodType<XmlFields[string]> = z.lazy(() => z.union([
  z.string().max(100_000), z.number(), z.array(xmlValue).max(1000),
  z.record(z.string().regex(/^[A-Za-z_][\w.-]*$/), xmlValue),
]));
const callbackBody = z.object({
  fields: z.record(z.string().regex(/^[A-Za-z_][\w.-]*$/), xmlValue),
});

/** Parses `value` or throws a 400 EmulatorError naming the field. */
function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.map(String).join('.') || undefined;
  throw new EmulatorError(400, 'validation_error',
    field ? `${field}: ${issue.message}` : issue.message, field);
}

/** What the app does when the sandbox moves things. */
export interface SandboxHooks {
  /**
   * Runs after `POST /clock` moved time, before it answers: e.g. the
   * reminder scan and an outbox kick, so what fell due shows at once.
   */
  afterClockMoved?: () => Promise<void>;
}

/** The sandbox API over one emulator, as a Koa app to mount. */
export function createSandboxApi(emulator: WecomEmulator,
  hooks: SandboxHooks = {}): Koa {
  const router = new Router();
  const member = (query: unknown): string => {
    const { userid } = parse(userQuery, query);
    if (!emulator.company.people.some((p) => p.userid === userid)) {
      throw new EmulatorError(404, 'not_found', 'no such member', 'userid');
    }
    return userid;
  };

  router.get('/people', (ctx) => {
    const { people, departments } = emulator.company;
    ctx.body = {
      people: people.map(({ userid, name, position, department }) => ({
        userid, name, position, department: [...department],
      })),
      departments,
    };
  });

  router.get('/inbox', (ctx) => {
    ctx.body = { messages: emulator.inbox(member(ctx.query)) };
  });

  router.get('/chats', (ctx) => {
    const userid = member(ctx.query);
    ctx.body = {
      chats: emulator.chats(userid).map((chat) => presentChat(chat, userid)),
    };
  });

  router.post('/click', async (ctx) => {
    const input = parse(clickBody, ctx.request.body);
    const result = await emulator.click({
      userid: input.userid, taskId: input.task_id, key: input.key,
      selected: input.selected,
    });
    ctx.body = {
      status: result.status, reply: result.reply, card: result.card,
      response_code: result.responseCode, error: result.error ?? null,
    };
  });

  router.post('/callback', async (ctx) => {
    const { fields } = parse(callbackBody, ctx.request.body);
    ctx.body = await emulator.sendCallback(fields);
  });

  router.get('/clock', (ctx) => {
    ctx.body = { now: unixSeconds(emulator.clock) };
  });

  router.post('/clock', async (ctx) => {
    const { advance_seconds: seconds } = parse(clockBody, ctx.request.body);
    emulator.clock.advance(Math.round(seconds * 1000));
    await hooks.afterClockMoved?.();
    ctx.body = { now: unixSeconds(emulator.clock) };
  });

  router.get('/faults', (ctx) => {
    ctx.body = presentFaults(emulator);
  });

  router.post('/faults', (ctx) => {
    const input = parse(faultBody, ctx.request.body);
    emulator.addFault({
      endpoint: input.endpoint, count: input.count, errcode: input.errcode,
      httpStatus: input.http_status, delayMs: input.delay_ms,
    });
    ctx.status = 201;
    ctx.body = presentFaults(emulator);
  });

  router.post('/faults/rate', (ctx) => {
    const input = parse(faultRateBody, ctx.request.body);
    emulator.setFaultRate({
      rate: input.rate, errcodes: input.errcodes,
      httpStatuses: input.http_statuses, delayMs: input.delay_ms,
      endpoints: input.endpoints,
    });
    ctx.body = presentFaults(emulator);
  });

  router.delete('/faults', (ctx) => {
    emulator.clearFaults();
    ctx.body = presentFaults(emulator);
  });

  router.get('/customers', (ctx) => {
    ctx.body = {
      customers: emulator.company.customers.map((c) => ({
        external_userid: c.external_userid, name: c.name, corp_name: c.corp_name ?? '',
        followers: c.follow_user.map((f) => f.userid),
      })),
      transfers: emulator.customerTransfers(), groups: emulator.customerGroups(),
    };
  });

  /** How the customer's transfers settle: 3 refused, 4 at limit, null ok. */
  router.post('/customers/outcome', (ctx) => {
    const input = parse(outcomeBody, ctx.request.body);
    emulator.setTransferOutcome(input.external_userid, input.outcome);
    ctx.body = { external_userid: input.external_userid, outcome: input.outcome };
  });

  router.post('/members/resign', (ctx) => {
    const userid = member(ctx.request.body);
    emulator.markResigned(userid);
    ctx.body = { userid, status: 5 };
  });

  router.get('/stats', (ctx) => {
    const calls = emulator.callCounts();
    ctx.body = {
      dropped: emulator.droppedCounts(),
      calls,
      total_calls: Object.values(calls).reduce((a, b) => a + b, 0),
    };
  });

  const app = new Koa();
  app.silent = true;
  app.use(errors(emulator));
  app.use(bodyParser({
    enableTypes: ['json'], jsonLimit: '256kb', detectJSON: () => true,
  }));
  app.use(router.routes());
  app.use(router.allowedMethods());
  app.use((ctx) => {
    ctx.status = 404;
    ctx.body = {
      error: { id: 'not_found', message: `no route ${ctx.method} ${ctx.path}` },
    };
  });
  return app;
}

/** A chat as one member sees it: only the messages that reached them. */
function presentChat(chat: AppChat, userid: string): Record<string, unknown> {
  return {
    chatid: chat.chatid, name: chat.name, owner: chat.owner,
    userlist: [...chat.userlist],
    messages: chat.messages.filter((m) => m.deliveredTo.includes(userid)),
  };
}

/** Queued faults in the API's snake_case, and the random mode. */
function presentFaults(emulator: WecomEmulator): Record<string, unknown> {
  const { queued, rate } = emulator.faults();
  return {
    faults: queued.map((f) => ({
      endpoint: f.endpoint, count: f.count, errcode: f.errcode ?? null,
      http_status: f.httpStatus ?? null, delay_ms: f.delayMs ?? null,
    })),
    rate: rate && {
      rate: rate.rate, errcodes: rate.errcodes ?? [],
      http_statuses: rate.httpStatuses ?? [], delay_ms: rate.delayMs ?? null,
      endpoints: rate.endpoints ?? null,
    },
  };
}

/** Turns errors into `{ error: { id, message, field? } }`. */
function errors(emulator: WecomEmulator): Koa.Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const { status, body } = errorAnswer(err);
      if (status >= 500) emulator.log.error({ err }, 'sandbox api failed');
      ctx.status = status;
      ctx.body = { error: body };
    }
  };
}

function errorAnswer(err: unknown): {
  status: number; body: { id: string; message: string; field?: string };
} {
  if (err instanceof EmulatorError) {
    const body = { id: err.id, message: err.message, field: err.field };
    return { status: err.status, body };
  }
  // Body parser failures carry a 4xx status (bad JSON, too large).
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const id = status === 413 ? 'payload_too_large' : 'validation_error';
    return { status, body: { id, message: 'body must be a JSON object' } };
  }
  return { status: 500, body: { id: 'internal', message: 'internal error' } };
}
