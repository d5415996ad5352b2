import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { HandoverStatus } from '@baton/shared';
import { generatedId, dateTime, str } from '../db/columns';

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

  @Column(dateTime({ name: 'created_at' }))
  createdAt!: Date;

  @Column(dateTime({ name: 'updated_at' }))
  updatedAt!: Date;
}
