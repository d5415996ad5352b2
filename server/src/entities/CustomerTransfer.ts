import type { CustomerTransferMode, CustomerTransferStatus } from '@baton/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { dateTime, generatedId, int, str } from '../db/columns';

/**
 * One WeCom customer (external contact) of a handover's departing
 * executive, and where its transfer (客户继承) to the successor stands.
 */
@Entity('customer_transfer')
export class CustomerTransfer {
  @PrimaryGeneratedColumn(generatedId())
  id!: number;

  @Column(int({ name: 'handover_id' }))
  handoverId!: number;

  @Column(str(64, { name: 'external_userid' }))
  externalUserid!: string;

  @Column(str(100))
  name!: string;

  @Column(str(100, { name: 'corp_name', nullable: true }))
  corpName!: string | null;

  /** How it was (or will be) transferred; null until requested. */
  @Column(str(16, { nullable: true }))
  mode!: CustomerTransferMode | null;

  @Column(str(16))
  status!: CustomerTransferStatus;

  /** WeCom's per-customer errcode when the transfer did not start. */
  @Column(int({ nullable: true }))
  errcode!: number | null;

  /** The outbox row (its dedupe key) that carries the transfer call. */
  @Column(str(191, { name: 'batch_key', nullable: true }))
  batchKey!: string | null;

  @Column(dateTime({ name: 'requested_at', nullable: true }))
  requestedAt!: Date | null;

  /** When it reached taken_over, refused, limit or failed. */
  @Column(dateTime({ name: 'final_at', nullable: true }))
  finalAt!: Date | null;

  /** WeCom's takeover_time. */
  @Column(dateTime({ name: 'taken_over_at', nullable: true }))
  takenOverAt!: Date | null;

  @Column(dateTime({ name: 'created_at' }))
  createdAt!: Date;

  @Column(dateTime({ name: 'updated_at' }))
  updatedAt!: Date;
}
