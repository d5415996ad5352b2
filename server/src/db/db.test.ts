import { openDatabase } from './data-source';
import { Handover } from '../entities';
import { testDatabaseUrl } from '../../../test/support/database';

describe('database', () => {
  it('applies every migration and round-trips dates and JSON', async () => {
    const url = await testDatabaseUrl('db');
    const db = await openDatabase(url);
    try {
      expect(await db.showMigrations()).toBe(false);
      const at = new Date('2026-12-03T10:11:12.345Z');
      const saved = await db.getRepository(Handover).save({
        ref: 'abc123', title: '张伟 交接', status: 'draft',
        departingUserid: 'zhangwei', successorUserid: 'lina',
        lastWorkingDay: '2026-12-31', chatId: null, createdBy: 'wangfang',
        createdAt: at, updatedAt: at,
      });
      const back = await db.getRepository(Handover).findOneByOrFail({ id: saved.id });
      expect(back.createdAt.toISOString()).toBe(at.toISOString());
      expect(back.title).toBe('张伟 交接');
    } finally {
      await db.destroy();
    }
  });

  it('undoes every migration', async () => {
    const db = await openDatabase(await testDatabaseUrl('db-down'));
    try {
      for (const _ of db.migrations) await db.undoLastMigration();
      expect(await db.createQueryRunner().hasTable('handover')).toBe(false);
    } finally {
      await db.destroy();
    }
  });
});

