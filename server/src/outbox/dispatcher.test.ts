import { OutboxMessage } from '../entities';
import type { FaultSpec } from '../sandbox/emulator';
import { WecomClient, type WecomClientOptions } from '../wecom/client';
import { WecomTransportError } from '../wecom/errors';
import {
  clientOptions, dbStore, recordingSleep, testClient, useWecomTestbed,
  type ServedEmulator,
} from '../wecom/test-support';
import { enqueue } from './outbox';
import {
  cardEntry, deliveredOnce, deliveries, enqueueAll, outboxRows,
  testDispatcher, textEntry,
} from './test-support';

const TIMEOUT_MS = 150;

const testbed = useWecomTestbed('outbox-dispatcher');

/**
 * An emulator over HTTP and a dispatcher whose client tries each call
 * once, so every failure reaches the outbox.
 */
async function start() {
  const served = await testbed.start();
  const client = testClient(served, dbStore(testbed.db, served), {
    maxBusyTries: 1, timeoutMs: TIMEOUT_MS, sleep: recordingSleep().sleep,
  });
  const dispatcher = testDispatcher(testbed.db, client, served.clock);
  return { ...served, served, dispatcher };
}

/** The row with this dedupe key. */
function row(dedupeKey: string): Promise<OutboxMessage> {
  return testbed.db.getRepository(OutboxMessage)
    .findOneByOrFail({ dedupeKey });
}

/** The text contents in a member's inbox, oldest first. */
function texts(served: ServedEmulator, userid: string): unknown[] {
  return served.emulator.inbox(userid)
    .map((m) => (m.body.text as { content: string }).content);
}

describe('OutboxDispatcher', () => {
  it('never sends rows enqueued in a transaction that rolled back',
    async () => {
      const { emulator, clock, dispatcher } = await start();
      const kept = textEntry('kept', ['lina']);
      const dropped = textEntry('dropped', ['lina']);

      await enqueueAll(testbed.db, [kept], clock);
      const refused = testbed.db.transaction(async (manager) => {
        await enqueue(manager, dropped, new Date(clock.now()));
        throw new Error('handover change refused');
      });
      await expect(refused).rejects.toThrow('handover change refused');
      const sent = await dispatcher.kick();

      expect(sent).toBe(1);
      expect(deliveries(emulator, [kept, dropped]))
        .toEqual({ kept: [1], dropped: [0] });
      expect((await outboxRows(testbed.db)).map((r) => r.dedupeKey))
        .toEqual(['kept']);
    });

  it('sends the rows of a handover in id order, holding later ones while '
    + 'an earlier one waits for a retry', async () => {
    const served = await start();
    const { emulator, clock, dispatcher } = served;
    const first = textEntry('h1-first', ['lina'], 1);
    const second = textEntry('h1-second', ['lina'], 1);
    const other = textEntry('h2-only', ['wangfang'], 2);
    const third = textEntry('h1-third', ['lina'], 1);
    await enqueueAll(testbed.db, [first, second, other, third], clock);
    emulator.addFault({ endpoint: 'message/send', count: 1, errcode: -1 });

    expect(await dispatcher.kick()).toBe(1);
    expect(texts(served, 'lina')).toEqual([]);
    expect(texts(served, 'wangfang')).toEqual(['outbox h2-only']);
    expect((await outboxRows(testbed.db)).map((r) => [r.status, r.attempts]))
      .toEqual([['pending', 1], ['pending', 0], ['sent', 1], ['pending', 0]]);

    expect(await dispatcher.kick()).toBe(0);
    clock.advance((await row('h1-first')).nextAttemptAt.getTime()
      - clock.now() + 1);
    expect(await dispatcher.kick()).toBe(3);

    expect(texts(served, 'lina'))
      .toEqual(['outbox h1-first', 'outbox h1-second', 'outbox h1-third']);
  });

  const retryable: [string, Omit<FaultSpec, 'endpoint' | 'count'>][] = [
    ['-1 (system busy)', { errcode: -1 }],
    ['45009 (rate limit)', { errcode: 45009 }],
    ['HTTP 500', { httpStatus: 500 }],
    ['a timeout', { httpStatus: 500, delayMs: TIMEOUT_MS * 3 }],
  ];

  it.each(retryable)('retries a row after %s later, with growing backoff, '
    + 'until it is sent', async (_, fault) => {
    const { emulator, clock, dispatcher } = await start();
    const card = cardEntry('card-retry', ['lina', 'wangfang']);
    await enqueueAll(testbed.db, [card], clock);
    emulator.addFault({ endpoint: 'message/send', count: 2, ...fault });

    const waits: number[] = [];
    for (const attempts of [1, 2]) {
      const before = clock.now();
      expect(await dispatcher.kick()).toBe(0);
      const failed = await row('card-retry');
      expect(failed).toMatchObject({ status: 'pending', attempts });
      expect(failed.lastError).toContain('message/send');
      const wait = failed.nextAttemptAt.getTime() - before;
      expect(wait).toBeGreaterThanOrEqual(2_000 * 2 ** (attempts - 1));
      expect(wait).toBeLessThanOrEqual(3_000 * 2 ** (attempts - 1) + 1_000);
      waits.push(wait);

      expect(await dispatcher.kick()).toBe(0);
      expect(emulator.callCounts()['message/send']).toBe(attempts);
      clock.advance(failed.nextAttemptAt.getTime() - clock.now() + 1);
    }
    expect(await dispatcher.kick()).toBe(1);

    expect(waits[1]).toBeGreaterThan(waits[0]);
    expect(await row('card-retry'))
      .toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(deliveries(emulator, [card])).toEqual(deliveredOnce([card]));
  });

  it('does not deliver again a message whose answer was lost after WeCom '
    + 'delivered it', async () => {
    const { served, emulator, clock } = await start();
    const text = textEntry('lost-answer', ['lina', 'chenjing']);
    await enqueueAll(testbed.db, [text], clock);
    const client = new LosesFirstAnswer(clientOptions(served,
      dbStore(testbed.db, served), { maxBusyTries: 1 }));
    const dispatcher = testDispatcher(testbed.db, client, clock);

    expect(await dispatcher.kick()).toBe(0);
    const lost = await row('lost-answer');
    expect(lost).toMatchObject({ status: 'pending', attempts: 1 });
    expect(deliveries(emulator, [text])).toEqual(deliveredOnce([text]));
    clock.advance(lost.nextAttemptAt.getTime() - clock.now() + 1);
    expect(await dispatcher.kick()).toBe(1);

    expect(emulator.callCounts()['message/send']).toBe(2);
    expect(deliveries(emulator, [text])).toEqual(deliveredOnce([text]));
  });

  it.each([
    ['81013, all recipients invalid', 81013,
      textEntry('nobody', ['nobody', 'ghost'])],
    ['40008, an invalid msgtype', 40008, {
      ...textEntry('fax', ['lina']),
      payload: { touser: 'lina', msgtype: 'fax', fax: { pages: 1 } },
    }],
  ])('marks a row failed for good on %s and never retries it',
    async (_, errcode, entry) => {
      const { emulator, clock, dispatcher } = await start();
      await enqueueAll(testbed.db, [entry], clock);

      expect(await dispatcher.kick()).toBe(0);
      clock.advance(24 * 3600_000);
      expect(await dispatcher.kick()).toBe(0);

      const failed = await row(entry.dedupeKey);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
      expect(failed.lastError).toContain(`errcode ${errcode}`);
      expect(emulator.callLog().filter((c) => c.endpoint === 'message/send')
        .map((c) => c.errcode)).toEqual([errcode]);
    });

  it('fails a row of an unknown kind for good without calling WeCom',
    async () => {
      const { emulator, clock, dispatcher } = await start();
      const fax = { ...textEntry('fax-kind', ['lina']), kind: 'message.fax' };
      await enqueueAll(testbed.db, [fax], clock);

      expect(await dispatcher.kick()).toBe(0);
      clock.advance(24 * 3600_000);
      expect(await dispatcher.kick()).toBe(0);

      expect(await row('fax-kind')).toMatchObject({
        status: 'failed', attempts: 1,
        lastError: 'unknown outbox kind message.fax',
      });
      expect(emulator.callLog()).toEqual([]);
    });
});

/** A client whose first POST reaches WeCom but whose answer is lost. */
class LosesFirstAnswer extends WecomClient {
  private lost = false;

  override async post<T extends object>(endpoint: string, body: object) {
    const answer = await super.post<T>(endpoint, body);
    if (this.lost) return answer;
    this.lost = true;
    throw new WecomTransportError(endpoint, 'ECONNRESET');
  }
}

/**
 * A client in a process that dies once WeCom has answered a POST: the
 * answer never reaches the dispatcher, so the row's outcome is not saved.
 */
class DiesAfterSend extends WecomClient {
  readonly answered: Promise<void>;
  private markAnswered: () => void = () => undefined;

  constructor(options: WecomClientOptions) {
    super(options);
    this.answered = new Promise((resolve) => { this.markAnswered = resolve; });
  }

  override post<T extends object>(endpoint: string, body: object) {
    return super.post<T>(endpoint, body).then(() => {
      this.markAnswered();
      return new Promise<T>(() => undefined);
    });
  }
}

describe('OutboxDispatcher after a crash between send and commit', () => {
  it.each([
    ['inside WeCom\'s duplicate check window', 61_000, 0,
      (msgid: string) => expect.objectContaining({ msgid })],
    ['after the duplicate check window (42014)', 31 * 60_000, 42014,
      () => ({ alreadyDelivered: true })],
  ])('records a card sent %s as sent without delivering it twice',
    async (_, downMs, retryErrcode, result) => {
      const { served, emulator, clock, dispatcher } = await start();
      const card = cardEntry('card-crash', ['lina', 'zhaolei']);
      await enqueueAll(testbed.db, [card], clock);
      const dying = new DiesAfterSend(
        clientOptions(served, dbStore(testbed.db, served)));

      void testDispatcher(testbed.db, dying, clock).kick();
      await dying.answered;
      expect(await dispatcher.kick()).toBe(0);
      clock.advance(downMs);
      expect(await dispatcher.kick()).toBe(1);

      const [delivered] = emulator.inbox('lina');
      expect(await row('card-crash')).toMatchObject({
        status: 'sent', attempts: 2, result: result(delivered.msgid),
      });
      expect(deliveries(emulator, [card])).toEqual(deliveredOnce([card]));
      expect(emulator.callLog().filter((c) => c.endpoint === 'message/send')
        .map((c) => c.errcode)).toEqual([0, retryErrcode]);
    });
});
