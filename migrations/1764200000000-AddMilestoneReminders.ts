import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { dateTime, id, int, str } from './columns';

/**
 * Overdue reminders: when a milestone's owner was last reminded and when
 * its manager and HR were told, and a log whose unique key lets exactly
 * one server process send each reminder.
 */
export class AddMilestoneReminders1764200000000 implements MigrationInterface {
  name = 'AddMilestoneReminders1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('milestone', [
      new TableColumn(dateTime('last_reminded_at', { isNullable: true })),
      new TableColumn(dateTime('escalated_at', { isNullable: true })),
    ]);
    await q.createTable(new Table({
      name: 'reminder_log',
      columns: [
        id(), int('milestone_id', { isNullable: true }), int('handover_id'),
        str('kind', 16), int('sequence'),
        str('dedupe_key', 191, { isUnique: true }), dateTime('created_at'),
      ],
      indices: [{ name: 'idx_reminder_handover', columnNames: ['handover_id'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('reminder_log');
    await q.dropColumn('milestone', 'escalated_at');
    await q.dropColumn('milestone', 'last_reminded_at');
  }
}
