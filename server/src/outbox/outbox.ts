import { EntityManager } from 'typeorm';
import { insertOrIgnore } from '../db/insert-or-ignore';
import { OutboxMessage } from '../entities';

/** What a sender kind takes; see senders.ts. */
export interface OutboxEntry {
  kind: string;
  payload: Record<string, unknown>;
  /** The same key enqueued twice keeps one row: retries of a command are safe. */
  dedupeKey: string;
  handoverId?: number | null;
}

/**
 * Queues an outgoing WeCom call inside the caller's transaction, so it is
 * sent if and only if the domain change commits. False when a row with
 * the same key was queued before.
 */
export async function enqueue(manager: EntityManager, entry: OutboxEntry,
  now: Date): Promise<boolean> {
  return insertOrIgnore(manager, OutboxMessage, {
    kind: entry.kind,
    payload: entry.payload,
    dedupeKey: entry.dedupeKey,
    handoverId: entry.handoverId ?? null,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  });
}
