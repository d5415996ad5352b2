import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { generatedId, dateTime, int, json, str, text } from '../db/columns';

export type CallbackTaskStatus = 'pending' | 'done' | 'skipped' | 'failed';

/**
 * Work a callback recorded for after its transaction: anything that needs
 * a WeCom call (fetch a member, read an approval) runs outside it. Same
 * shape as the outbox, in the other direction.
 */
@Entity('callback_task')
export class CallbackTask {
  @PrimaryGeneratedColumn(generatedId())
  id!: number;

  /** `directory.user` or `approval.resignation`; see callback/tasks.ts. */
  @Column(str(64))
  kind!: string;

  @Column(json())
  payload!: Record<string, unknown>;

  /** One task per key: for approvals `approval:<SpNo>`, so SpNo dedupes. */
  @Column(str(191, { name: 'dedupe_key', unique: true }))
  dedupeKey!: string;

  @Column(str(16, { default: 'pending' }))
  status!: CallbackTaskStatus;

  @Column(int({ default: 0 }))
  attempts!: number;

  @Column(dateTime({ name: 'next_attempt_at' }))
  nextAttemptAt!: Date;

  /** A runner owns the task until then; a crashed one lets it go. */
  @Column(dateTime({ name: 'claimed_until', nullable: true }))
  claimedUntil!: Date | null;

  @Column(text({ name: 'last_error', nullable: true }))
  lastError!: string | null;

  /** What came of it, e.g. `{ handoverId }` or `{ skipped: reason }`. */
  @Column(json({ nullable: true }))
  result!: Record<string, unknown> | null;

  @Column(dateTime({ name: 'created_at' }))
  createdAt!: Date;

  @Column(dateTime({ name: 'done_at', nullable: true }))
  doneAt!: Date | null;
}
