import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { dateTime, id, int, json, str, text } from './columns';

/**
 * Role templates, structured items, the handover lifecycle's dates, and
 * milestone rules with sign-offs.
 */
export class AddTemplatesAndItems1764100000000 implements MigrationInterface {
  name = 'AddTemplatesAndItems1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'handover_template',
      columns: [
        id(), str('key', 64, { isUnique: true }), str('name', 50),
        int('builtin', { default: 0 }), int('version'),
        str('status', 16), json('definition'),
        int('based_on_id', { isNullable: true }),
        str('created_by', 64, { isNullable: true }),
        dateTime('created_at'), dateTime('updated_at'),
      ],
    }));
    await q.addColumns('handover', [
      new TableColumn(int('template_id', { isNullable: true })),
      new TableColumn(int('template_version', { isNullable: true })),
      new TableColumn(json('template_snapshot', { isNullable: true })),
      new TableColumn(dateTime('started_at', { isNullable: true })),
      new TableColumn(dateTime('completed_at', { isNullable: true })),
      new TableColumn(dateTime('closed_at', { isNullable: true })),
      new TableColumn(dateTime('cancelled_at', { isNullable: true })),
      new TableColumn(text('cancel_reason', { isNullable: true })),
    ]);
    await q.addColumns('milestone', [
      new TableColumn(str('rule', 32, { isNullable: true })),
      new TableColumn(json('signers', { isNullable: true })),
      new TableColumn(json('signatures', { isNullable: true })),
    ]);
    await q.createTable(new Table({
      name: 'handover_item',
      columns: [
        id(), int('handover_id'), str('prompt_key', 48, { isNullable: true }),
        str('section', 32), str('kind', 24), str('title', 100),
        int('required', { default: 0 }), text('hint', { isNullable: true }),
        json('fields'), str('status', 16),
        text('na_reason', { isNullable: true }),
        text('return_comment', { isNullable: true }),
        int('position'), str('created_by', 64),
        dateTime('created_at'), dateTime('updated_at'),
        dateTime('submitted_at', { isNullable: true }),
        dateTime('acknowledged_at', { isNullable: true }),
        str('acknowledged_by', 64, { isNullable: true }),
      ],
      indices: [{ name: 'idx_item_handover', columnNames: ['handover_id', 'section', 'position'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('handover_item');
    for (const name of ['signatures', 'signers', 'rule']) {
      await q.dropColumn('milestone', name);
    }
    for (const name of ['cancel_reason', 'cancelled_at', 'closed_at', 'completed_at',
      'started_at', 'template_snapshot', 'template_version', 'template_id']) {
      await q.dropColumn('handover', name);
    }
    await q.dropTable('handover_template');
  }
}
