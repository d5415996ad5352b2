import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MilestoneRule, ParticipantRole } from '@baton/shared';
import { dateTime, generatedId, int, json, str } from '../db/columns';

/** A dated step of a handover, owned by one role, pushed as a WeCom card. */
@Entity('milestone')
export class Milestone {
  @PrimaryGeneratedColumn(generatedId())
  id!: number;

  @Column(int({ name: 'handover_id' }))
  handoverId!: number;

  /** Stable within a template, e.g. `documents_handed_over`. */
  @Column(str(64))
  key!: string;

  @Column(str(100))
  title!: string;

  @Column(str(16, { name: 'owner_role' }))
  ownerRole!: ParticipantRole;

  @Column(int())
  position!: number;

  @Column(dateTime({ name: 'due_at', nullable: true }))
  dueAt!: Date | null;

  @Column(dateTime({ name: 'done_at', nullable: true }))
  doneAt!: Date | null;

  @Column(str(64, { name: 'done_by', nullable: true }))
  doneBy!: string | null;

  /** Overdue reminders sent to the owners so far. */
  @Column(int({ name: 'reminder_count', default: 0 }))
  reminderCount!: number;

  /** When the owners last got an overdue reminder. */
  @Column(dateTime({ name: 'last_reminded_at', nullable: true }))
  lastRemindedAt!: Date | null;

  /** When the manager and HR were told it is overdue. */
  @Column(dateTime({ name: 'escalated_at', nullable: true }))
  escalatedAt!: Date | null;

  /** What completes it by itself, if anything. */
  @Column(str(32, { nullable: true }))
  rule!: MilestoneRule | null;

  /** For a sign-off: the roles that must each sign. */
  @Column(json({ nullable: true }))
  signers!: ParticipantRole[] | null;

  /** Signatures so far, by role. */
  @Column(json({ nullable: true }))
  signatures!: Partial<Record<ParticipantRole, { userid: string; at: string }>> | null;

  /** task_id of the last card sent for it; a click names it. */
  @Column(str(128, { name: 'card_task_id', nullable: true }))
  cardTaskId!: string | null;
}
