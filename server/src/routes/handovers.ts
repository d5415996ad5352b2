import { Router } from '@koa/router';
import { In, LessThan } from 'typeorm';
import { MeResponse, StartHandoverRequest } from '@baton/shared';
import { handoverStarter } from '../commands/handoverStarter';
import { milestoneCompleter } from '../commands/milestoneCompleter';
import { Employee, Handover, HandoverParticipant } from '../entities';
import { HandoverRecord, loadHandover } from '../domain/handover-record';
import { forbidden, notFound, validationError } from '../errors';
import { actorOf, requireAuth } from '../middleware/auth';
import { parseInput } from '../middleware/validate';
import { Actor, canCompleteMilestone, canRead, factsOf } from '../policies/handover';
import { presentDetail, presentSummary } from '../presenters/handover';
import { RouteDeps } from './context';

const PAGE_SIZE = 20;

/** `/api/me` and `/api/handovers/...`. Each handler: load, authorize, act, present. */
export function handoverRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api' });
  router.use(requireAuth(deps));

  router.get('/me', async (ctx) => {
    const actor = actorOf(ctx);
    const me = await deps.db.getRepository(Employee).findOneBy({ userid: actor.userid });
    const body: MeResponse = {
      user: { userid: actor.userid, name: me?.name ?? actor.userid,
        position: me?.position ?? '' },
      isHr: actor.isHr,
    };
    ctx.body = body;
  });

  router.get('/handovers', async (ctx) => {
    const actor = actorOf(ctx);
    const cursor = parseCursor(ctx.query.cursor);

    const ids = await visibleHandoverIds(deps, actor, cursor);
    const page = ids.slice(0, PAGE_SIZE);
    const records = await Promise.all(page.map((id) => loadHandover(deps.db.manager, id)));

    const now = deps.clock.now();
    ctx.body = {
      items: records.filter((r): r is HandoverRecord => r !== null)
        .map((r) => presentSummary(r, actor, now)),
      nextCursor: ids.length > PAGE_SIZE ? String(page[page.length - 1]) : null,
    };
  });

  router.post('/handovers', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parseInput(StartHandoverRequest, ctx.request.body);

    if (!actor.isHr) throw forbidden('只有人事可以发起交接');

    const handover = await handoverStarter({
      db: deps.db, context: deps.commands, actor: actor.userid, input,
    });
    void deps.outbox.kick();

    const record = (await loadHandover(deps.db.manager, handover.id))!;
    ctx.status = 201;
    ctx.body = presentDetail(record, actor, deps.clock.now());
  });

  router.get('/handovers/:id', async (ctx) => {
    const actor = actorOf(ctx);
    const record = await loadReadable(deps, actor, ctx.params.id);
    ctx.body = presentDetail(record, actor, deps.clock.now());
  });

  router.post('/handovers/:id/milestones/:milestoneId/complete', async (ctx) => {
    const actor = actorOf(ctx);
    const record = await loadReadable(deps, actor, ctx.params.id);
    const milestone = record.milestones.find((m) => String(m.id) === ctx.params.milestoneId);
    if (!milestone) throw notFound('milestone');

    if (!canCompleteMilestone(actor, factsOf(record), milestone.ownerRole)) {
      throw forbidden('只有负责人、人事或部门负责人可以完成这个里程碑');
    }

    await deps.db.transaction(async (manager) => {
      const fresh = (await loadHandover(manager, record.handover.id))!;
      await milestoneCompleter({ manager, context: deps.commands, record: fresh,
        milestoneId: milestone.id, actor: actor.userid, via: 'h5' });
    });
    void deps.outbox.kick();

    const updated = (await loadHandover(deps.db.manager, record.handover.id))!;
    ctx.body = presentDetail(updated, actor, deps.clock.now());
  });

  return router;
}

/** Loads a handover the actor may read; 404 otherwise, never 403. */
async function loadReadable(deps: RouteDeps, actor: Actor,
  rawId: string | undefined): Promise<HandoverRecord> {
  const id = Number(rawId);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound('handover');
  const record = await loadHandover(deps.db.manager, id);
  if (!record || !canRead(actor, factsOf(record))) throw notFound('handover');
  return record;
}

/** Ids newest first, one more than a page to know if another follows. */
async function visibleHandoverIds(deps: RouteDeps, actor: Actor,
  cursor: number | null): Promise<number[]> {
  const before = cursor === null ? {} : { id: LessThan(cursor) };
  if (actor.isHr) {
    const rows = await deps.db.getRepository(Handover).find({
      select: { id: true }, where: before, order: { id: 'DESC' }, take: PAGE_SIZE + 1,
    });
    return rows.map((r) => r.id);
  }
  const mine = await deps.db.getRepository(HandoverParticipant).find({
    select: { handoverId: true }, where: { userid: actor.userid },
  });
  const ids = [...new Set(mine.map((p) => p.handoverId))];
  if (ids.length === 0) return [];
  const rows = await deps.db.getRepository(Handover).find({
    select: { id: true }, where: { id: In(ids), ...before },
    order: { id: 'DESC' }, take: PAGE_SIZE + 1,
  });
  return rows.map((r) => r.id);
}

function parseCursor(value: unknown): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isSafeInteger(n) || n <= 0) {
    throw validationError('cursor is not valid', 'cursor');
  }
  return n;
}
