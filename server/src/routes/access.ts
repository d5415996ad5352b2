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
  const id = parseId(ctx.params.id);
  if (id === null) throw notFound('handover');
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

/**
 * A record id from the URL: plain decimal digits only, so `0x1`, `1e0`,
 * `1.0` or ` 1` name nothing rather than record 1. Null when not an id.
 */
export function parseId(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,14}$/.test(raw)) return null;
  return Number(raw);
}

/** Parses an opaque list cursor (a positive integer), or 400. */
export function parseCursor(value: unknown): number | null {
  if (value === undefined || value === '') return null;
  const n = parseId(value);
  if (n === null) throw validationError('cursor is not valid', 'cursor');
  return n;
}
