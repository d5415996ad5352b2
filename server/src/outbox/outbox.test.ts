import { openDatabase } from '../db/data-source';
import { OutboxMessage } from '../entities';
import { testDatabaseUrl } from '../../../test/support/database';
import { enqueue } from './outbox';

describe('enqueue', () => {
  it('keeps the first row when a key comes again, without failing the transaction', async () => {
    const db = await openDatabase(await testDatabaseUrl('outbox-enqueue'));
    try {
      const entry = (content: string) => ({
        kind: 'message.send', dedupeKey: 'same-key', handoverId: null,
        payload: { touser: 'lina', msgtype: 'text', text: { content } },
      });
      await db.transaction(async (manager) => {
        await enqueue(manager, entry('first'), new Date());
        await enqueue(manager, entry('second'), new Date());
      });
      const rows = await db.getRepository(OutboxMessage).find();
      expect(rows).toHaveLength(1);
      expect(rows[0].payload).toMatchObject({ text: { content: 'first' } });
    } finally {
      await db.destroy();
    }
  });
});
