import { Router } from '@koa/router';
import { Brackets } from 'typeorm';
import { audit } from '../domain/audit';
import { OutboxMessage } from '../entities';
import { conflict, forbidden, notFound, validationError } from '../errors';
import { actorOf, requireAuth } from '../middleware/auth';
import { jsonBody } from '../middleware/json-body';
import { parseCursor, parseId } from './access';
import { RouteDeps } from './context';

const PAGE_SIZE = 50;
/** A pending row this long past its time is stuck (no dispatcher runs?). */
const STUCK_AFTER_MS = 5 * 60_000;
const FILTERS = ['failed', 'stuck', 'pending', 'sent'] as const;

/**
 * `/api/admin/outbox`: operators (ADMIN_USERIDS) see failed and stuck
 * WeCom calls and send one again. Payloads are left out: they carry the
 * handover's words.
 */
export function adminRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api/admin/outbox' });
  router.use(requireAuth(deps), jsonBody, async (ctx, next) => {
    if (!deps.isAdmin(actorOf(ctx).userid)) throw forbidden('只有管理员可以查看发送队列');
    await next();
  });

  router.get('/', async (ctx) => {
    const filter = ctx.query.status ?? 'failed';
    if (typeof filter !== 'string' || !FILTERS.includes(filter as never)) {
      throw validationError(`status must be one of ${FILTERS.join(', ')}`, 'status');
    }
    const cursor = parseCursor(ctx.query.cursor);

    const now = deps.clock.now();
    const query = deps.db.getRepository(OutboxMessage).createQueryBuilder('o')
      .where('o.status = :status', { status: filter === 'stuck' ? 'pending' : filter })
      .orderBy('o.id', 'DESC').take(PAGE_SIZE + 1);
    if (cursor) query.andWhere('o.id < :cursor', { cursor });
    if (filter === 'stuck') {
      query.andWhere(new Brackets((q) => q.where('o.attempts > 0')
        .orWhere('o.next_attempt_at < :late', { late: new Date(now - STUCK_AFTER_MS) })));
    }
    const rows = await query.getMany();
    const page = rows.slice(0, PAGE_SIZE);

    ctx.body = {
      items: page.map(presentRow),
      nextCursor: rows.length > PAGE_SIZE ? String(page[page.length - 1].id) : null,
    };
  });

  router.post('/:rowId/retry', async (ctx) => {
    const actor = actorOf(ctx);
    const id = parseId(ctx.params.rowId);
    if (id === null) throw notFound('outbox row');
    const row = await deps.db.getRepository(OutboxMessage).findOneBy({ id });
    if (!row) throw notFound('outbox row');
    if (row.status === 'sent') throw conflict('this call was already sent');

    const now = new Date(deps.clock.now());
    await deps.db.transaction(async (manager) => {
      const result = await manager.createQueryBuilder().update(OutboxMessage)
        .set({ status: 'pending', nextAttemptAt: now, lastError: null })
        .where('id = :id AND status <> :sent', { id, sent: 'sent' })
        .andWhere('(claimed_until IS NULL OR claimed_until < :now)', { now })
        .execute();
      if (result.affected !== 1) throw conflict('this call is being sent right now');
      await audit(manager, {
        actor: actor.userid, action: 'outbox.retried', targetType: 'outbox',
        targetId: id, handoverId: row.handoverId,
        details: { kind: row.kind, attempts: row.attempts, lastError: row.lastError },
      }, now);
    });
    await deps.outbox.kick();

    ctx.body = presentRow(await deps.db.getRepository(OutboxMessage).findOneByOrFail({ id }));
  });

  return router;
}

function presentRow(row: OutboxMessage) {
  return {
    id: String(row.id),
    kind: row.kind,
    handoverId: row.handoverId === null ? null : String(row.handoverId),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
  };
}
