import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { HandoverStatus, TemplateDefinition } from '@baton/shared';
import { dateTime, generatedId, int, json, str, text } from '../db/columns';

/** One departing executive's handover to a successor. */
@Entity('handover')
export class Handover {
  @PrimaryGeneratedColumn(generatedId())
  id!: number;

  /**
   * Random, fixed at creation; the WeCom chat id derives from it, so a retry
   * never makes a second group and two installs never share one.
   */
  @Column(str(16, { unique: true }))
  ref!: string;

  @Column(str(100))
  title!: string;

  @Column(str(16))
  status!: HandoverStatus;

  @Column(str(64, { name: 'departing_userid' }))
  departingUserid!: string;

  @Column(str(64, { name: 'successor_userid' }))
  successorUserid!: string;

  /** `YYYY-MM-DD` in the business time zone. */
  @Column(str(10, { name: 'last_working_day' }))
  lastWorkingDay!: string;

  /** Set once the group chat exists at WeCom. */
  @Column(str(32, { name: 'chat_id', nullable: true }))
  chatId!: string | null;

  @Column(str(64, { name: 'created_by' }))
  createdBy!: string;

  @Column(int({ name: 'template_id', nullable: true }))
  templateId!: number | null;

  @Column(int({ name: 'template_version', nullable: true }))
  templateVersion!: number | null;

  /** The template as it was when the handover was created. */
  @Column(json({ name: 'template_snapshot', nullable: true }))
  templateSnapshot!: TemplateDefinition | null;

  @Column(dateTime({ name: 'started_at', nullable: true }))
  startedAt!: Date | null;

  @Column(dateTime({ name: 'completed_at', nullable: true }))
  completedAt!: Date | null;

  @Column(dateTime({ name: 'closed_at', nullable: true }))
  closedAt!: Date | null;

  @Column(dateTime({ name: 'cancelled_at', nullable: true }))
  cancelledAt!: Date | null;

  @Column(text({ name: 'cancel_reason', nullable: true }))
  cancelReason!: string | null;

  @Column(dateTime({ name: 'created_at' }))
  createdAt!: Date;

  @Column(dateTime({ name: 'updated_at' }))
  updatedAt!: Date;
}
