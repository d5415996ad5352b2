import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { QuestionStatus } from '@baton/shared';
import { dateTime, generatedId, int, str, text } from '../db/columns';

/**
 * A question the successor (or the manager, or HR) asks about a handover,
 * usually about one of its items, and the departing executive's answer.
 * Kept after the handover closes, so the thread stays readable.
 */
@Entity('handover_question')
export class Question {
  @PrimaryGeneratedColumn(generatedId())
  id!: number;

  @Column(int({ name: 'handover_id' }))
  handoverId!: number;

  /** The item asked about; null for the handover as a whole. */
  @Column(int({ name: 'item_id', nullable: true }))
  itemId!: number | null;

  /** The asker's userid. */
  @Column(str(64, { name: 'asked_by' }))
  askedBy!: string;

  @Column(text())
  body!: string;

  @Column(str(16))
  status!: QuestionStatus;

  @Column(text({ nullable: true }))
  answer!: string | null;

  /** The answerer's userid, once answered. */
  @Column(str(64, { name: 'answered_by', nullable: true }))
  answeredBy!: string | null;

  @Column(dateTime({ name: 'asked_at' }))
  askedAt!: Date;

  @Column(dateTime({ name: 'answered_at', nullable: true }))
  answeredAt!: Date | null;
}
