import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { dateTime, id, int, str } from './columns';

/**
 * Customer transfer (客户继承): one row per WeCom customer of a departing
 * executive, with where its transfer to the successor stands.
 */
export class AddCustomerTransfer1764300000000 implements MigrationInterface {
  name = 'AddCustomerTransfer1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'customer_transfer',
      columns: [
        id(), int('handover_id'), str('external_userid', 64),
        str('name', 100), str('corp_name', 100, { isNullable: true }),
        str('mode', 16, { isNullable: true }), str('status', 16),
        int('errcode', { isNullable: true }),
        str('batch_key', 191, { isNullable: true }),
        dateTime('requested_at', { isNullable: true }),
        dateTime('final_at', { isNullable: true }),
        dateTime('taken_over_at', { isNullable: true }),
        dateTime('created_at'), dateTime('updated_at'),
      ],
      indices: [
        { name: 'uq_customer_transfer', columnNames: ['handover_id', 'external_userid'],
          isUnique: true },
        { name: 'idx_customer_transfer_status', columnNames: ['status'] },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('customer_transfer');
  }
}
