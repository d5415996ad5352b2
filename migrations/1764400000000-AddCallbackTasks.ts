import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { dateTime, id, int, json, str, text } from './columns';

/**
 * `callback_task`: work a callback leaves for after its transaction
 * (fetching a member, taking a resignation approval by its SpNo).
 */
export class AddCallbackTasks1764400000000 implements MigrationInterface {
  name = 'AddCallbackTasks1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'callback_task',
      columns: [
        id(), str('kind', 64), json('payload'),
        str('dedupe_key', 191, { isUnique: true }),
        str('status', 16, { default: "'pending'" }),
        int('attempts', { default: 0 }), dateTime('next_attempt_at'),
        dateTime('claimed_until', { isNullable: true }),
        text('last_error', { isNullable: true }),
        json('result', { isNullable: true }),
        dateTime('created_at'), dateTime('done_at', { isNullable: true }),
      ],
      indices: [{ name: 'idx_callback_task_due',
        columnNames: ['status', 'next_attempt_at'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('callback_task');
  }
}
