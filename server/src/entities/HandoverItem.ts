import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ItemKind, ItemStatus, Section } from '@baton/shared';
import { bool, dateTime, generatedId, int, json, str, text } from '../db/columns';

/** One structured entry of a handover: a client, a contract, an access... */
@Entity('handover_item')
export class HandoverItem {
  @PrimaryGeneratedColumn(generatedId())
  id!: number;

  @Column(int({ name: 'handover_id' }))
  handoverId!: number;

  /** The template prompt it answers; null for items added by hand. */
  @Column(str(48, { name: 'prompt_key', nullable: true }))
  promptKey!: string | null;

  @Column(str(32))
  section!: Section;

  @Column(str(24))
  kind!: ItemKind;

  @Column(str(100))
  title!: string;

  @Column(bool())
  required!: boolean;

  @Column(text({ nullable: true }))
  hint!: string | null;

  /** The kind's fields; partial while a draft. */
  @Column(json())
  fields!: Record<string, unknown>;

  @Column(str(16))
  status!: ItemStatus;

  @Column(text({ name: 'na_reason', nullable: true }))
  naReason!: string | null;

  /** Why the successor sent it back, until it is submitted again. */
  @Column(text({ name: 'return_comment', nullable: true }))
  returnComment!: string | null;

  @Column(int())
  position!: number;

  @Column(str(64, { name: 'created_by' }))
  createdBy!: string;

  @Column(dateTime({ name: 'created_at' }))
  createdAt!: Date;

  @Column(dateTime({ name: 'updated_at' }))
  updatedAt!: Date;

  @Column(dateTime({ name: 'submitted_at', nullable: true }))
  submittedAt!: Date | null;

  @Column(dateTime({ name: 'acknowledged_at', nullable: true }))
  acknowledgedAt!: Date | null;

  @Column(str(64, { name: 'acknowledged_by', nullable: true }))
  acknowledgedBy!: string | null;
}
