import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TemplateDefinition } from '@baton/shared';
import { bool, dateTime, generatedId, int, json, str } from '../db/columns';

/**
 * A role template. Built-in ones are seeded from shared/ and cannot be
 * edited; HR clones them. Every edit bumps `version`; a handover keeps a
 * snapshot of the version it started from.
 */
@Entity('handover_template')
export class HandoverTemplate {
  @PrimaryGeneratedColumn(generatedId())
  id!: number;

  @Column(str(64, { unique: true }))
  key!: string;

  @Column(str(50))
  name!: string;

  @Column(bool())
  builtin!: boolean;

  @Column(int())
  version!: number;

  @Column(str(16))
  status!: 'active' | 'retired';

  @Column(json())
  definition!: TemplateDefinition;

  @Column(int({ name: 'based_on_id', nullable: true }))
  basedOnId!: number | null;

  @Column(str(64, { name: 'created_by', nullable: true }))
  createdBy!: string | null;

  @Column(dateTime({ name: 'created_at' }))
  createdAt!: Date;

  @Column(dateTime({ name: 'updated_at' }))
  updatedAt!: Date;
}
