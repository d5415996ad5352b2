import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ParticipantRole } from '@baton/shared';
import { generatedId, dateTime, int, str } from '../db/columns';

/** A person's role in one handover. One person may hold several roles. */
@Entity('handover_participant')
export class HandoverParticipant {
  @PrimaryGeneratedColumn(generatedId())
  id!: number;

  @Column(int({ name: 'handover_id' }))
  handoverId!: number;

  @Column(str(64))
  userid!: string;

  @Column(str(16))
  role!: ParticipantRole;

  @Column(dateTime({ name: 'created_at' }))
  createdAt!: Date;
}
