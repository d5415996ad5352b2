import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { dateTime, id, int, str, text } from './columns';

/**
 * `handover_question`: a question on a handover (or one of its items) and
 * the departing executive's answer. Read by handover, often by item.
 */
export class AddQuestions1764600000000 implements MigrationInterface {
  name = 'AddQuestions1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'handover_question',
      columns: [
        id(), int('handover_id'), int('item_id', { isNullable: true }),
        str('asked_by', 64), text('body'),
        str('status', 16, { default: "'open'" }),
        text('answer', { isNullable: true }),
        str('answered_by', 64, { isNullable: true }),
        dateTime('asked_at'), dateTime('answered_at', { isNullable: true }),
      ],
      indices: [{ name: 'idx_question_handover_item',
        columnNames: ['handover_id', 'item_id'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('handover_question');
  }
}
