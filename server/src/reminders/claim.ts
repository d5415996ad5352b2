import { EntityManager } from 'typeorm';
import { insertOrIgnore } from '../db/insert-or-ignore';
import { ReminderLog, type ReminderKind } from '../entities/ReminderLog';

/** A reminder about to go out, named by its once-only key. */
export interface ReminderClaim {
  kind: ReminderKind;
  handoverId: number;
  milestoneId: number | null;
  sequence: number;
  dedupeKey: string;
}

/**
 * Records that this process sends the reminder, inside the caller's
 * transaction; true when it won. The insert is an insert-or-ignore on a
 * unique key: a second process inserting the same key waits for the first
 * to commit (MySQL's unique index lock; SQLite's single writer) and then
 * inserts nothing, so it queues nothing either.
 */
export async function claimReminder(manager: EntityManager, claim: ReminderClaim,
  now: Date): Promise<boolean> {
  if (!manager.queryRunner) throw new Error('claimReminder must run inside a transaction');
  return insertOrIgnore(manager, ReminderLog, { ...claim, createdAt: now });
}
