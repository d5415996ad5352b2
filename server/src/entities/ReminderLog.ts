import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { dateTime, generatedId, int, str } from '../db/columns';

/** What a reminder was: see server/src/reminders/. */
export type ReminderKind = 'due_soon' | 'overdue' | 'escalation' | 'group_overdue';

/**
 * One reminder that went out (its outbox rows were queued in the same
 * transaction). The unique key is what makes each reminder happen once,
 * however many server processes scan at the same time.
 */
@Entity('reminder_log')
export class ReminderLog {
  @PrimaryGeneratedColumn(generatedId())
  id!: number;

  /** Null for the group's daily overdue line, which is per handover. */
  @Column(int({ name: 'milestone_id', nullable: true }))
  milestoneId!: number | null;

  @Column(int({ name: 'handover_id' }))
  handoverId!: number;

  @Column(str(16))
  kind!: ReminderKind;

  /** The overdue reminder's number (1, 2, ...); 1 for the other kinds. */
  @Column(int())
  sequence!: number;

  /** e.g. `milestone:7:overdue:2`, `handover:3:group-overdue:2027-03-25`. */
  @Column(str(191, { name: 'dedupe_key', unique: true }))
  dedupeKey!: string;

  @Column(dateTime({ name: 'created_at' }))
  createdAt!: Date;
}
