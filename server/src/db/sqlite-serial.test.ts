import { openDatabase } from './data-source';
import { AuditEvent } from '../entities';
import { testDatabaseUrl } from '../../../test/support/database';

const event = (targetId: string) => ({
  actor: 'tester', action: 'probe', targetType: 'test', targetId,
  handoverId: null, details: {}, createdAt: new Date(),
});
const pause = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('transactions that overlap in time', () => {
  it('all commit, and a plain write beside a rolled-back one survives', async () => {
    const db = await openDatabase(await testDatabaseUrl('overlap'));
    const repo = db.getRepository(AuditEvent);
    try {
      const results = await Promise.allSettled([
        ...['a', 'b', 'c'].map((id) => db.transaction(async (manager) => {
          await manager.save(manager.create(AuditEvent, event(id)));
          await pause();
        })),
        db.transaction(async (manager) => {
          await manager.save(manager.create(AuditEvent, event('rolled-back')));
          await pause();
          throw new Error('changed my mind');
        }),
        (async () => { await pause(); await repo.save(repo.create(event('plain'))); })(),
      ]);

      expect(results.map((r) => r.status)).toEqual(
        ['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      const ids = (await repo.find()).map((e) => e.targetId).sort();
      expect(ids).toEqual(['a', 'b', 'c', 'plain']);
    } finally {
      await db.destroy();
    }
  });
});
