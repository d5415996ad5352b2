import type { FaultRateSpec } from '../sandbox/emulator';
import {
  dbStore, recordingSleep, reopen, testClient, useWecomTestbed,
  type ServedEmulator,
} from '../wecom/test-support';
import type { OutboxEntry } from './outbox';
import {
  advancePastRetries, cardEntry, chatCreateEntry, chatTextEntry,
  deliveredOnce, deliveries, enqueueAll, outboxRows, testDispatcher,
  textEntry,
} from './test-support';

const TIMEOUT_MS = 150;
const PEOPLE = ['zhangwei', 'lina', 'wangfang', 'liuyang', 'chenjing',
  'zhaolei'];
const SENDS = ['message/send', 'appchat/send', 'appchat/create'];

const testbed = useWecomTestbed('outbox-faults');

/** Numbers in [0, 1) from a seed (mulberry32), so a run can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** `count` people from the company, starting at the `from`-th. */
function people(from: number, count: number): string[] {
  return Array.from({ length: count },
    (_, i) => PEOPLE[(from + i) % PEOPLE.length]);
}

/**
 * A handover's rows: its group chat, then group messages and cards to
 * two or three people, alternating.
 */
function handoverEntries(handoverId: number, messages: number): OutboxEntry[] {
  const chatid = `handover${handoverId}`;
  const entries = [chatCreateEntry(chatid, people(handoverId, 3), handoverId)];
  for (let i = 0; i < messages; i++) {
    const key = `h${handoverId}-${i}`;
    const to = people(handoverId + i, i % 3 === 0 ? 3 : 2);
    entries.push(i % 2 === 0
      ? chatTextEntry(chatid, `${key}-chat`, handoverId)
      : cardEntry(`${key}-card`, to, handoverId));
  }
  return entries;
}

/** Rows of no handover: cards and texts to two people each. */
function looseEntries(count: number): OutboxEntry[] {
  return Array.from({ length: count }, (_, i) => i % 2 === 0
    ? cardEntry(`loose-${i}-card`, people(i, 2))
    : textEntry(`loose-${i}-text`, people(i, 2)));
}

/** Calls of the endpoints that send something, as the emulator saw them. */
function sendCalls(served: ServedEmulator) {
  return served.emulator.callLog()
    .filter((call) => SENDS.includes(call.endpoint));
}

describe('OutboxDispatcher under faults', () => {
  it('delivers each of 40 rows exactly once through 30 % random faults',
    async () => {
      const served = await testbed.start({ random: seededRandom(20260301) });
      const { emulator, clock } = served;
      const { db } = testbed;
      // Each call tried once, so every fault reaches the outbox.
      const client = testClient(served, dbStore(db, served), {
        timeoutMs: TIMEOUT_MS, maxBusyTries: 1, sleep: recordingSleep().sleep,
      });
      const dispatcher = testDispatcher(db, client, clock);
      const entries = [1, 2, 3].flatMap((h) => handoverEntries(h, 9))
        .concat(looseEntries(10));
      await enqueueAll(db, entries, clock);
      const faults: FaultRateSpec[] = [
        { rate: 0.3, errcodes: [-1, 45009, 40014], httpStatuses: [500] },
        { rate: 0.3, httpStatuses: [500], delayMs: TIMEOUT_MS * 2 },
      ];

      for (let round = 0; round < 40; round++) {
        emulator.setFaultRate(faults[round % faults.length]);
        if (round % 3 === 2) emulator.invalidateTokens();
        await dispatcher.kick();
        const rows = await outboxRows(db);
        if (rows.every((r) => r.status !== 'pending')) break;
        await advancePastRetries(db, clock);
      }
      emulator.setFaultRate(null);

      const rows = await outboxRows(db);
      expect(rows).toHaveLength(40);
      expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
      expect(deliveries(emulator, entries)).toEqual(deliveredOnce(entries));
      const faulted = emulator.callLog().filter((call) => call.fault);
      expect(new Set(faulted.map((c) => c.errcode ?? c.httpStatus)))
        .toEqual(new Set([-1, 45009, 40014, 500]));
      expect(rows.filter((r) => r.attempts > 1).length)
        .toBeGreaterThanOrEqual(8);
    });

  it('never sends a row twice, nor before its retry time, when two '
    + 'dispatchers kick at once', async () => {
    const served = await testbed.start({ random: seededRandom(7) });
    const { emulator, clock } = served;
    const { db } = testbed;
    const otherDb = await reopen(db);
    try {
      // Each call tried once, so every call at WeCom is one row's attempt.
      const dispatchers = [db, otherDb].map((each) => testDispatcher(each,
        testClient(served, dbStore(each, served), { maxBusyTries: 1 }),
        clock));
      const entries = [1, 2].flatMap((h) => handoverEntries(h, 4))
        .concat(looseEntries(20));
      await enqueueAll(db, entries, clock);
      emulator.setFaultRate({
        rate: 0.3, errcodes: [-1, 45009], httpStatuses: [500],
        endpoints: SENDS,
      });

      const sentBy = [0, 0];
      for (let round = 0; round < 40; round++) {
        const sent = await Promise.all(dispatchers.map((d) => d.kick()));
        sent.forEach((n, i) => { sentBy[i] += n; });
        const rows = await outboxRows(db);
        if (rows.every((r) => r.status !== 'pending')) break;
        await advancePastRetries(db, clock);
      }
      emulator.setFaultRate(null);

      const rows = await outboxRows(db);
      expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
      expect(deliveries(emulator, entries)).toEqual(deliveredOnce(entries));
      expect(sentBy[0] + sentBy[1]).toBe(entries.length);
      expect(Math.min(...sentBy)).toBeGreaterThan(0);
      // A row tried outside its claim would be a call no attempt counts.
      const attempts = rows.reduce((sum, r) => sum + r.attempts, 0);
      expect(sendCalls(served)).toHaveLength(attempts);
    } finally {
      await otherDb.destroy();
    }
  });
});
