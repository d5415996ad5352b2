import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { generatedId, dateTime, str } from '../db/columns';

/** One WeCom callback taken in; the unique key makes WeCom's retries no-ops. */
@Entity('callback_receipt')
export class CallbackReceipt {
  @PrimaryGeneratedColumn(generatedId())
  id!: number;

  @Column(str(191, { name: 'dedupe_key', unique: true }))
  dedupeKey!: string;

  @Column(str(64))
  kind!: string;

  @Column(dateTime({ name: 'received_at' }))
  receivedAt!: Date;
}
