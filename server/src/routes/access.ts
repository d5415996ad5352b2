import type { Context } from 'koa';
import { EntityManager } from 'typeorm';
import { policyContext } from '../commands/context';
import { loadHandover } from '../domain/handover-record';
import { notFound, validationError } from '../errors';
import { actorOf } from '../middleware/auth';
import { HandoverAccess } from '../policies/access';
import { RouteDeps } from './context';

/**
 * Loads the handover named in the URL with the caller's access to it.
 * Missing and unreadable look the same: 404.
 */
export async function loadAccess(deps: RouteDeps, manager: EntityManager,
  ctx: Context): Promise<HandoverAccess> {
  const id = Number(ctx.params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound('handover');
  const record = await loadHandover(manager, id);
  if (!record) throw notFound('handover');
  const access = new HandoverAccess(actorOf(ctx), record, policyContext(deps.commands));
  if (!access.actions.has('read')) throw notFound('handover');
  return access;
}

/**
 * Runs a change to one handover in a transaction (load, authorize, act
 * inside `change`), then sends what it queued and answers with the
 * handover as it now is, loaded afresh.
 */
export async function changeHandover<T>(deps: RouteDeps, ctx: Context,
  change: (access: HandoverAccess, manager: EntityManager) => Promise<T>):
  Promise<{ result: T; access: HandoverAccess }> {
  const result = await deps.db.transaction((manager) =>
    loadAccess(deps, manager, ctx).then((access) => change(access, manager)));
  void deps.outbox.kick();
  return { result, access: await loadAccess(deps, deps.db.manager, ctx) };
}

/** Parses an opaque list cursor (a positive integer), or 400. */
export function parseCursor(value: unknown): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isSafeInteger(n) || n <= 0) {
    throw validationError('cursor is not valid', 'cursor');
  }
  return n;
}
