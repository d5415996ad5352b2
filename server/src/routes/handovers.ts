import { Router } from '@koa/router';
import { In, LessThan } from 'typeorm';
import {
  type AttentionSummary, CreateHandoverRequest, type HandoverStatus, HandoverListQuery,
  ReasonRequest, UpdateHandoverRequest,
} from '@baton/shared';
import { policyContext } from '../commands/context';
import { handoverCreator } from '../commands/handoverCreator';
import { handoverStarter } from '../commands/handoverStarter';
import { handoverTransitioner, LaterStatus } from '../commands/handoverTransitioner';
import { handoverUpdater } from '../commands/handoverUpdater';
import { AuditEvent, Handover, HandoverParticipant } from '../entities';
import { rankHandovers } from '../domain/attention';
import { loadHandover, namesOf } from '../domain/handover-record';
import { forbidden } from '../errors';
import { actorOf, requireAuth } from '../middleware/auth';
import { jsonBody } from '../middleware/json-body';
import { parseInput } from '../middleware/validate';
import { HandoverAccess } from '../policies/access';
import { Actor, HandoverAction } from '../policies/handover';
import { presentDetail, presentSummary } from '../presenters/handover';
import { presentTimelineEvent } from '../presenters/timeline';
import { changeHandover, loadAccess, parseCursor } from './access';
import { RouteDeps } from './context';

const PAGE_SIZE = 20;
const TIMELINE_PAGE = 50;

/** Lifecycle moves after the start, by URL verb. */
const MOVES: Record<string, { to: LaterStatus; action: HandoverAction; reason?: boolean }> = {
  complete: { to: 'completed', action: 'complete' },
  evaluate: { to: 'evaluating', action: 'evaluate' },
  close: { to: 'closed', action: 'close' },
  cancel: { to: 'cancelled', action: 'cancel', reason: true },
};

/** `/api/handovers`: list, prepare, read, correct, move through the lifecycle. */
export function handoverRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api/handovers' });
  router.use(requireAuth(deps), jsonBody);
  const now = () => deps.clock.now();

  router.get('/', async (ctx) => {
    const actor = actorOf(ctx);
    const query = parseInput(HandoverListQuery, ctx.query);
    const cursor = parseCursor(query.cursor);

    if (query.sort === 'attention') {
      ctx.body = await attentionPage(deps, actor, query.status, cursor ?? 0);
      return;
    }
    const { accesses, nextCursor } = await readablePage(deps, actor, cursor, query.status);

    ctx.body = { items: accesses.map((a) => presentSummary(a, now())), nextCursor };
  });

  router.post('/', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parseInput(CreateHandoverRequest, ctx.request.body);

    if (!actor.isHr) throw forbidden('只有人事可以发起交接');

    const handover = await handoverCreator({
      db: deps.db, context: deps.commands, actor: actor.userid, input,
    });

    ctx.params.id = String(handover.id);
    ctx.status = 201;
    ctx.body = presentDetail(await loadAccess(deps, deps.db.manager, ctx), now());
  });

  router.get('/:id', async (ctx) => {
    const access = await loadAccess(deps, deps.db.manager, ctx);
    ctx.body = presentDetail(access, now());
  });

  router.patch('/:id', async (ctx) => {
    const input = parseInput(UpdateHandoverRequest, ctx.request.body);
    const { access } = await changeHandover(deps, ctx, async (access, manager) => {
      access.require('update', '只有人事可以修改进行中的交接');
      await handoverUpdater({ manager, context: deps.commands, record: access.record,
        actor: access.actor.userid, input });
    });
    ctx.body = presentDetail(access, now());
  });

  router.post('/:id/start', async (ctx) => {
    const access = await loadAccess(deps, deps.db.manager, ctx);
    access.require('start', '只有人事可以启动草稿状态的交接');

    await handoverStarter({ db: deps.db, context: deps.commands,
      actor: access.actor.userid, handoverId: access.record.handover.id });
    void deps.outbox.kick();

    ctx.body = presentDetail(await loadAccess(deps, deps.db.manager, ctx), now());
  });

  for (const [verb, move] of Object.entries(MOVES)) {
    router.post(`/:id/${verb}`, async (ctx) => {
      const input = move.reason ? parseInput(ReasonRequest, ctx.request.body) : null;
      const { access } = await changeHandover(deps, ctx, async (access, manager) => {
        access.require(move.action);
        await handoverTransitioner({ manager, context: deps.commands,
          record: access.record, actor: access.actor.userid, to: move.to,
          reason: input?.reason });
      });
      ctx.body = presentDetail(access, now());
    });
  }

  router.get('/:id/timeline', async (ctx) => {
    const access = await loadAccess(deps, deps.db.manager, ctx);
    const cursor = parseCursor(ctx.query.cursor);
    access.require('readTimeline');

    const events = await deps.db.getRepository(AuditEvent).find({
      where: { handoverId: access.record.handover.id,
        ...(cursor ? { id: LessThan(cursor) } : {}) },
      order: { id: 'DESC' }, take: TIMELINE_PAGE + 1,
    });
    const page = events.slice(0, TIMELINE_PAGE);
    const names = await namesOf(deps.db.manager, page.map((e) => e.actor));

    ctx.body = {
      items: page.map((e) => presentTimelineEvent(names, e)),
      nextCursor: events.length > TIMELINE_PAGE ? String(page[page.length - 1].id) : null,
    };
  });

  return router;
}

/**
 * Which handovers the actor may list, in the statuses asked for: HR all of
 * them; others those they take part in. Null when that is none at all.
 */
async function readableWhere(deps: RouteDeps, actor: Actor,
  statuses: HandoverStatus[] | undefined): Promise<object | null> {
  const inStatus = statuses ? { status: In(statuses) } : {};
  if (actor.isHr) return inStatus;
  const mine = await deps.db.getRepository(HandoverParticipant).find({
    select: { handoverId: true }, where: { userid: actor.userid },
  });
  const ids = [...new Set(mine.map((p) => p.handoverId))];
  return ids.length === 0 ? null : { id: In(ids), ...inStatus };
}

/** Loads handovers by id with the actor's access, keeping those still readable. */
async function readableAccesses(deps: RouteDeps, actor: Actor,
  ids: number[]): Promise<HandoverAccess[]> {
  const context = policyContext(deps.commands);
  const accesses: HandoverAccess[] = [];
  for (const id of ids) {
    const record = await loadHandover(deps.db.manager, id);
    const access = record && new HandoverAccess(actor, record, context);
    if (access?.actions.has('read')) accesses.push(access);
  }
  return accesses;
}

/**
 * A page of handovers the actor may read, newest first: HR's are all of
 * them; others' are those they take part in, still readable by policy.
 */
async function readablePage(deps: RouteDeps, actor: Actor, cursor: number | null,
  statuses?: HandoverStatus[]) {
  const readable = await readableWhere(deps, actor, statuses);
  if (!readable) return { accesses: [], nextCursor: null };
  const where = cursor === null ? readable : { ...readable, id: LessThan(cursor) };
  const rows = await deps.db.getRepository(Handover).find({
    select: { id: true }, where, order: { id: 'DESC' }, take: PAGE_SIZE + 1,
  });
  const page = rows.slice(0, PAGE_SIZE);
  return {
    accesses: await readableAccesses(deps, actor, page.map((r) => r.id)),
    nextCursor: rows.length > PAGE_SIZE ? String(page[page.length - 1].id) : null,
  };
}

/**
 * A page of readable handovers in HR's attention order (overdue, stuck,
 * running, drafts, the rest; see domain/attention). The order is worked
 * out over all of them on every page, so the cursor is an offset: a
 * handover that changes rank between two pages may show twice or not at
 * all until the next refresh.
 */
async function attentionPage(deps: RouteDeps, actor: Actor,
  statuses: HandoverStatus[] | undefined, offset: number) {
  const where = await readableWhere(deps, actor, statuses);
  if (!where) return { items: [], nextCursor: null };
  const rows = await deps.db.getRepository(Handover).find({ where,
    select: { id: true, status: true, startedAt: true, lastWorkingDay: true } });
  const now = deps.clock.now();
  const ranked = await rankHandovers(deps.db.manager, rows, now);
  const page = ranked.slice(offset, offset + PAGE_SIZE);

  const accesses = await readableAccesses(deps, actor, page.map((r) => r.id));
  const attention = new Map(page.map((r) => [r.id, r.attention]));
  const items: AttentionSummary[] = accesses.map((a) => ({
    ...presentSummary(a, now), attention: attention.get(a.record.handover.id)!,
  }));
  const end = offset + PAGE_SIZE;
  return { items, nextCursor: ranked.length > end ? String(end) : null };
}
