import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { generatedId, dateTime, int, json, str, text } from '../db/columns';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/**
 * An outgoing WeCom call that must not be lost, committed with the domain
 * change that caused it and sent by the dispatcher.
 */
@Entity('outbox_message')
export class OutboxMessage {
  @PrimaryGeneratedColumn(generatedId())
  id!: number;

  /** What to call, e.g. `appchat/create`; see outbox/senders.ts. */
  @Column(str(64))
  kind!: string;

  @Column(json())
  payload!: Record<string, unknown>;

  /** Enqueueing the same key twice keeps the first row. */
  @Column(str(191, { name: 'dedupe_key', unique: true }))
  dedupeKey!: string;

  @Column(int({ name: 'handover_id', nullable: true }))
  handoverId!: number | null;

  @Column(str(16, { default: 'pending' }))
  status!: OutboxStatus;

  @Column(int({ default: 0 }))
  attempts!: number;

  @Column(dateTime({ name: 'next_attempt_at' }))
  nextAttemptAt!: Date;

  /** A dispatcher owns the row until then; a crashed one lets it go. */
  @Column(dateTime({ name: 'claimed_until', nullable: true }))
  claimedUntil!: Date | null;

  @Column(text({ name: 'last_error', nullable: true }))
  lastError!: string | null;

  @Column(json({ nullable: true }))
  result!: Record<string, unknown> | null;

  @Column(dateTime({ name: 'created_at' }))
  createdAt!: Date;

  @Column(dateTime({ name: 'sent_at', nullable: true }))
  sentAt!: Date | null;
}
