import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { generatedId, dateTime, int, json, str } from '../db/columns';

/** Append-only record of who changed what. Never updated or deleted. */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryGeneratedColumn(generatedId())
  id!: number;

  /** userid, or `system` / `wecom` for the app itself. */
  @Column(str(64))
  actor!: string;

  /** e.g. `handover.started`, `milestone.completed`. */
  @Column(str(64))
  action!: string;

  @Column(str(32, { name: 'target_type' }))
  targetType!: string;

  @Column(str(64, { name: 'target_id' }))
  targetId!: string;

  @Column(int({ name: 'handover_id', nullable: true }))
  handoverId!: number | null;

  @Column(json())
  details!: Record<string, unknown>;

  @Column(dateTime({ name: 'created_at' }))
  createdAt!: Date;
}
