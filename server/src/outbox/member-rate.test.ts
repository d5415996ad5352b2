import { dbStore, testClient, useWecomTestbed } from '../wecom/test-support';
import {
  advancePastRetries, enqueueAll, outboxRows, testDispatcher, textEntry,
} from './test-support';

const testbed = useWecomTestbed('outbox-member-rate');

describe('spreading app messages under WeCom\'s per-member limit', () => {
  it('puts off what would be dropped, and sends it when the minute has passed', async () => {
    const served = await testbed.start();
    const client = testClient(served, dbStore(testbed.db, served));
    const dispatcher = testDispatcher(testbed.db, client, served.clock);
    await enqueueAll(testbed.db, Array.from({ length: 35 }, (_, i) =>
      textEntry(`burst-${i}`, ['lina'])), served.clock);

    await dispatcher.kick();

    const inbox = () => served.emulator.inbox('lina').length;
    const firstMinute = inbox();
    expect(firstMinute).toBeLessThanOrEqual(30);
    expect(firstMinute).toBeGreaterThanOrEqual(25);
    expect(served.emulator.droppedCounts().app.lina ?? 0).toBe(0);
    const waiting = (await outboxRows(testbed.db)).filter((r) => r.status === 'pending');
    expect(waiting).toHaveLength(35 - firstMinute);
    expect(waiting.every((r) => r.attempts === 0)).toBe(true);

    served.clock.advance(61_000);
    await advancePastRetries(testbed.db, served.clock);
    await dispatcher.kick();

    expect(inbox()).toBe(35);
    expect(served.emulator.droppedCounts().app.lina ?? 0).toBe(0);
  });

  it('lets other members\' messages through while one member waits', async () => {
    const served = await testbed.start();
    const client = testClient(served, dbStore(testbed.db, served));
    const dispatcher = testDispatcher(testbed.db, client, served.clock);
    await enqueueAll(testbed.db, [
      ...Array.from({ length: 31 }, (_, i) => textEntry(`lina-${i}`, ['lina'])),
      textEntry('for-liuyang', ['liuyang']),
    ], served.clock);

    await dispatcher.kick();

    expect(served.emulator.inbox('liuyang')).toHaveLength(1);
    expect(served.emulator.inbox('lina').length).toBeLessThan(31);
  });
});
