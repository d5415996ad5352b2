import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { dateTime, id, int, json, str } from './columns';

/**
 * `material`: a file attached to a handover (or one of its items),
 * uploaded in chunks. `received_chunks` maps each received chunk's index
 * to its SHA-256, so an interrupted upload resumes where it stopped.
 */
export class AddMaterials1764500000000 implements MigrationInterface {
  name = 'AddMaterials1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'material',
      columns: [
        id(), int('handover_id'), int('item_id', { isNullable: true }),
        str('uploader', 64), str('name', 200), str('content_type', 128),
        int('size'), str('sha256', 64, { isNullable: true }),
        str('storage_key', 200, { isUnique: true }),
        str('status', 16, { default: "'uploading'" }),
        int('chunk_size'), json('received_chunks'),
        dateTime('created_at'), dateTime('completed_at', { isNullable: true }),
      ],
      indices: [{ name: 'idx_material_handover',
        columnNames: ['handover_id', 'status'] }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('material');
  }
}
