import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { dateTime, id, int, json, str, text } from './columns';

/** The walking skeleton's tables: directory, sessions, WeCom plumbing, handovers. */
export class CreateCoreTables1764000000000 implements MigrationInterface {
  name = 'CreateCoreTables1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'department',
      columns: [
        int('id', { isPrimary: true }), str('name', 64),
        int('parent_id', { isNullable: true }), int('order', { default: 0 }),
        dateTime('synced_at'),
      ],
    }));
    await q.createTable(new Table({
      name: 'employee',
      columns: [
        str('userid', 64, { isPrimary: true }), str('name', 64),
        str('position', 128, { default: "''" }), json('department_ids'),
        int('main_department', { isNullable: true }), json('direct_leader'),
        int('status', { default: 1 }),
        dateTime('departed_at', { isNullable: true }), dateTime('synced_at'),
      ],
    }));
    await q.createTable(new Table({
      name: 'session',
      columns: [
        str('token_hash', 64, { isPrimary: true }), str('userid', 64),
        dateTime('created_at'), dateTime('expires_at'), dateTime('last_seen_at'),
        dateTime('revoked_at', { isNullable: true }),
      ],
      indices: [{ name: 'idx_session_userid', columnNames: ['userid'] }],
    }));
    await q.createTable(new Table({
      name: 'wecom_token',
      columns: [
        str('key', 128, { isPrimary: true }), text('value'),
        dateTime('expires_at'),
        dateTime('refresh_lease_until', { isNullable: true }),
        dateTime('updated_at'),
      ],
    }));
    await q.createTable(new Table({
      name: 'callback_receipt',
      columns: [
        id(), str('dedupe_key', 191, { isUnique: true }), str('kind', 64),
        dateTime('received_at'),
      ],
    }));
    await q.createTable(new Table({
      name: 'outbox_message',
      columns: [
        id(), str('kind', 64), json('payload'),
        str('dedupe_key', 191, { isUnique: true }),
        int('handover_id', { isNullable: true }),
        str('status', 16, { default: "'pending'" }),
        int('attempts', { default: 0 }), dateTime('next_attempt_at'),
        dateTime('claimed_until', { isNullable: true }),
        text('last_error', { isNullable: true }),
        json('result', { isNullable: true }),
        dateTime('created_at'), dateTime('sent_at', { isNullable: true }),
      ],
      indices: [{ name: 'idx_outbox_due', columnNames: ['status', 'next_attempt_at'] }],
    }));
    await q.createTable(new Table({
      name: 'audit_event',
      columns: [
        id(), str('actor', 64), str('action', 64), str('target_type', 32),
        str('target_id', 64), int('handover_id', { isNullable: true }),
        json('details'), dateTime('created_at'),
      ],
      indices: [{ name: 'idx_audit_handover', columnNames: ['handover_id', 'id'] }],
    }));
    await q.createTable(new Table({
      name: 'handover',
      columns: [
        id(), str('ref', 16, { isUnique: true }), str('title', 100),
        str('status', 16), str('departing_userid', 64),
        str('successor_userid', 64), str('last_working_day', 10),
        str('chat_id', 32, { isNullable: true }), str('created_by', 64),
        dateTime('created_at'), dateTime('updated_at'),
      ],
    }));
    await q.createTable(new Table({
      name: 'handover_participant',
      columns: [
        id(), int('handover_id'), str('userid', 64), str('role', 16),
        dateTime('created_at'),
      ],
      uniques: [{ name: 'uq_participant', columnNames: ['handover_id', 'userid', 'role'] }],
    }));
    await q.createIndex('handover_participant', new TableIndex({
      name: 'idx_participant_userid', columnNames: ['userid'],
    }));
    await q.createTable(new Table({
      name: 'milestone',
      columns: [
        id(), int('handover_id'), str('key', 64), str('title', 100),
        str('owner_role', 16), int('position'),
        dateTime('due_at', { isNullable: true }),
        dateTime('done_at', { isNullable: true }),
        str('done_by', 64, { isNullable: true }),
        int('reminder_count', { default: 0 }),
        str('card_task_id', 128, { isNullable: true }),
      ],
      uniques: [{ name: 'uq_milestone_key', columnNames: ['handover_id', 'key'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['milestone', 'handover_participant', 'handover',
      'audit_event', 'outbox_message', 'callback_receipt', 'wecom_token',
      'session', 'employee', 'department']) {
      await q.dropTable(table);
    }
  }
}
