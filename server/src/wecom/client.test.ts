import { AdjustableClock } from '../clock';
import type { EmulatorOptions, FaultSpec } from '../sandbox/emulator';
import { textMessage } from '../sandbox/emulator/test-support';
import type { WecomClient } from './client';
import { WecomApiError, WecomTransportError } from './errors';
import {
  dbStore, recordingSleep, reopen, testClient, useWecomTestbed,
  type ServedEmulator,
} from './test-support';

const testbed = useWecomTestbed('wecom-client');
const start = (options: Partial<EmulatorOptions> = {}) =>
  testbed.start(options);
const store = (served: ServedEmulator) => dbStore(testbed.db, served);

/** How many calls of `endpoint` reached the emulator. */
function calls(served: ServedEmulator, endpoint: string): number {
  return served.emulator.callCounts()[endpoint] ?? 0;
}

/** The errcodes the emulator answered to `endpoint`, in order. */
function answers(served: ServedEmulator, endpoint: string) {
  return served.emulator.callLog()
    .filter((call) => call.endpoint === endpoint)
    .map((call) => call.errcode ?? call.httpStatus);
}

/** What `promise` rejected with; fails the test when it resolves. */
async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

const readLina = (client: WecomClient) =>
  client.get<{ userid: string }>('user/get', { userid: 'lina' });

const textToLina = (client: WecomClient, content = '交接提醒') =>
  client.post<{ msgid: string }>('message/send', textMessage('lina', content));

describe('WecomClient access token', () => {
  it('fetches one token for many calls, in a row and at once', async () => {
    const served = await start();
    const client = testClient(served, store(served));

    for (let i = 0; i < 3; i++) await readLina(client);
    await Promise.all(Array.from({ length: 10 }, () => readLina(client)));

    expect(calls(served, 'user/get')).toBe(13);
    expect(calls(served, 'gettoken')).toBe(1);
  });

  it('makes one gettoken between two clients sharing a DbTokenStore',
    async () => {
      const served = await start();
      const shared = store(served);
      const first = testClient(served, shared);
      const second = testClient(served, shared);

      await readLina(first);
      await readLina(second);

      expect(calls(served, 'user/get')).toBe(2);
      expect(calls(served, 'gettoken')).toBe(1);
    });

  it.each([
    ['one DbTokenStore', false],
    ['a DbTokenStore per process', true],
  ])('makes one gettoken when ten calls start at once on two clients (%s)',
    async (_, ownConnection) => {
      const served = await start();
      const { db } = testbed;
      const otherDb = ownConnection ? await reopen(db) : db;
      try {
        const first = testClient(served, dbStore(db, served));
        const second = testClient(served, dbStore(otherDb, served));

        const all = Array.from({ length: 10 },
          () => [readLina(first), readLina(second)]).flat();
        const people = await Promise.all(all);

        expect(people.map((p) => p.userid)).toEqual(Array(20).fill('lina'));
        expect(calls(served, 'gettoken')).toBe(1);
      } finally {
        if (otherDb !== db) await otherDb.destroy();
      }
    });

  it('refreshes the token five minutes before WeCom says it expires',
    async () => {
      const served = await start({ sameTokenWithinValidity: false });
      const client = testClient(served, store(served));
      await readLina(client);
      const firstToken = await client.accessToken();

      served.clock.advance((7200 - 5 * 60 - 5) * 1000);
      await readLina(client);
      expect(calls(served, 'gettoken')).toBe(1);

      served.clock.advance(10_000);
      await readLina(client);
      await readLina(client);
      expect(calls(served, 'gettoken')).toBe(2);
      expect(await client.accessToken()).not.toBe(firstToken);
      expect(answers(served, 'user/get')).toEqual([0, 0, 0, 0]);
    });
});

describe('WecomClient near a token\'s end', () => {
  it('does not fetch again on every call when WeCom returns the same token',
    async () => {
      // By default the emulator hands back the live token with the seconds
      // it has left, as WeCom may.
      const served = await start();
      const client = testClient(served, store(served));
      await readLina(client);

      served.clock.advance((7200 - 4 * 60) * 1000); // 4 minutes left
      for (let i = 0; i < 10; i++) await readLina(client);

      expect(answers(served, 'user/get').every((code) => code === 0)).toBe(true);
      expect(calls(served, 'gettoken')).toBe(2);
    });
});

describe('WecomClient on an expired token', () => {
  const expiries: [string, number, Partial<EmulatorOptions>,
    (served: ServedEmulator) => void][] = [
    ['42001 when it outlived its 7200 s', 42001, {},
      (served) => served.clock.advance(7201_000)],
    ['40014 when it outlived its 7200 s', 40014,
      { expiredTokenErrcode: 40014 },
      (served) => served.clock.advance(7201_000)],
    ['40014 when WeCom dropped it early', 40014, {},
      (served) => served.emulator.invalidateTokens()],
  ];

  it.each(expiries)('drops the token on %s, fetches one and retries once',
    async (_, errcode, options, expire) => {
      const served = await start(options);
      // Our clock lags WeCom's, so the cached token still looks fresh.
      const client = testClient(served, store(served),
        { clock: new AdjustableClock() });
      await readLina(client);
      const staleToken = await client.accessToken();

      expire(served);
      const person = await readLina(client);

      expect(person.userid).toBe('lina');
      expect(answers(served, 'user/get')).toEqual([0, errcode, 0]);
      expect(calls(served, 'gettoken')).toBe(2);
      expect(await client.accessToken()).not.toBe(staleToken);
    });

  it('surfaces a second expiry in a row as WecomApiError', async () => {
    const served = await start();
    const client = testClient(served, store(served));
    await readLina(client);
    served.emulator.addFault(
      { endpoint: 'message/send', count: 2, errcode: 40014 });

    const error = await caught(textToLina(client));

    expect(error).toBeInstanceOf(WecomApiError);
    expect(error).toMatchObject({ errcode: 40014, endpoint: 'message/send' });
    expect(answers(served, 'message/send')).toEqual([40014, 40014]);
    expect(calls(served, 'gettoken')).toBe(2);
    expect(served.emulator.inbox('lina')).toEqual([]);
  });
});

describe('WecomClient when WeCom is busy', () => {
  it.each([-1, 45009])('retries errcode %i with growing backoff and succeeds',
    async (errcode) => {
      const served = await start();
      const { sleep, delays } = recordingSleep();
      const client = testClient(served, store(served),
        { sleep, maxBusyTries: 4 });
      served.emulator.addFault({ endpoint: 'message/send', count: 3, errcode });

      const sent = await textToLina(client);

      expect(sent.msgid).toEqual(expect.any(String));
      expect(answers(served, 'message/send'))
        .toEqual([errcode, errcode, errcode, 0]);
      expect(served.emulator.inbox('lina')).toHaveLength(1);
      expect(delays).toHaveLength(3);
      delays.forEach((delay, i) => {
        expect(delay).toBeGreaterThanOrEqual(200 * 2 ** i);
        expect(delay).toBeLessThanOrEqual(300 * 2 ** i);
      });
    });

  it.each([-1, 45009])('surfaces errcode %i after maxBusyTries tries',
    async (errcode) => {
      const served = await start();
      const { sleep, delays } = recordingSleep();
      const client = testClient(served, store(served),
        { sleep, maxBusyTries: 3 });
      served.emulator.addFault({ endpoint: 'message/send', count: 5, errcode });

      const error = await caught(textToLina(client));

      expect(error).toBeInstanceOf(WecomApiError);
      expect(error).toMatchObject({ errcode, endpoint: 'message/send' });
      expect(calls(served, 'message/send')).toBe(3);
      expect(delays).toHaveLength(2);
    });

  it('does not count a token renewal as one of the busy tries', async () => {
    const served = await start();
    const { sleep } = recordingSleep();
    const client = testClient(served, store(served), { sleep, maxBusyTries: 3 });
    served.emulator.addFault({ endpoint: 'message/send', count: 1, errcode: 40014 });
    served.emulator.addFault({ endpoint: 'message/send', count: 2, errcode: -1 });

    // 40014 (renewed), then -1, -1, then delivered: three tries of the call.
    const sent = await textToLina(client);

    expect(sent.msgid).toEqual(expect.any(String));
    expect(answers(served, 'message/send')).toEqual([40014, -1, -1, 0]);
  });

  it('retries a busy gettoken with backoff', async () => {
    const served = await start();
    const { sleep, delays } = recordingSleep();
    const client = testClient(served, store(served), { sleep });
    served.emulator.addFault({ endpoint: 'gettoken', count: 1, errcode: -1 });

    const person = await readLina(client);

    expect(person.userid).toBe('lina');
    expect(answers(served, 'gettoken')).toEqual([-1, 0]);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(200);
  });

  it('leaves no lease behind a failed gettoken for others to wait on',
    async () => {
      const served = await start();
      const first = recordingSleep();
      const second = recordingSleep();
      const failing = testClient(served, store(served),
        { sleep: first.sleep, maxBusyTries: 1 });
      const other = testClient(served, store(served),
        { sleep: second.sleep });
      served.emulator.addFault({ endpoint: 'gettoken', count: 1, errcode: -1 });

      const error = await caught(readLina(failing));
      const person = await readLina(other);

      expect(error).toMatchObject({ errcode: -1, endpoint: 'gettoken' });
      expect(person.userid).toBe('lina');
      expect(answers(served, 'gettoken')).toEqual([-1, 0]);
      expect(second.delays).toEqual([]);
    });

  it('never retries 40001, a wrong secret', async () => {
    const served = await start();
    const { sleep, delays } = recordingSleep();
    const client = testClient(served, store(served),
      { sleep, secret: 'not-the-app-secret' });

    const error = await caught(readLina(client));

    expect(error).toBeInstanceOf(WecomApiError);
    expect(error).toMatchObject({ errcode: 40001, endpoint: 'gettoken' });
    expect(calls(served, 'gettoken')).toBe(1);
    expect(calls(served, 'user/get')).toBe(0);
    expect(delays).toEqual([]);
  });
});

describe('WecomClient when WeCom cannot be reached', () => {
  const TIMEOUT_MS = 100;
  const failures: [string, Omit<FaultSpec, 'endpoint' | 'count'>][] = [
    ['HTTP 500', { httpStatus: 500 }],
    ['a timeout', { delayMs: TIMEOUT_MS * 4 }],
  ];

  it.each(failures)('retries a GET after %s', async (_, fault) => {
    const served = await start();
    const { sleep, delays } = recordingSleep();
    const client = testClient(served, store(served),
      { sleep, timeoutMs: TIMEOUT_MS });
    served.emulator.addFault({ endpoint: 'user/get', count: 1, ...fault });

    const person = await readLina(client);

    expect(person.userid).toBe('lina');
    expect(calls(served, 'user/get')).toBe(2);
    expect(delays).toHaveLength(1);
  });

  it.each(failures)('surfaces %s on a GET after maxBusyTries as a '
    + 'WecomTransportError', async (_, fault) => {
    const served = await start();
    const { sleep } = recordingSleep();
    const client = testClient(served, store(served),
      { sleep, timeoutMs: TIMEOUT_MS, maxBusyTries: 2 });
    served.emulator.addFault({ endpoint: 'user/get', count: 2, ...fault });

    const error = await caught(readLina(client));

    expect(error).toBeInstanceOf(WecomTransportError);
    expect(error).toMatchObject({ endpoint: 'user/get' });
    expect(calls(served, 'user/get')).toBe(2);
  });

  it.each(failures)('surfaces %s on a POST as a WecomTransportError without '
    + 'retrying', async (_, fault) => {
    const served = await start();
    const { sleep, delays } = recordingSleep();
    const client = testClient(served, store(served),
      { sleep, timeoutMs: TIMEOUT_MS });
    served.emulator.addFault({ endpoint: 'message/send', count: 1, ...fault });

    const error = await caught(textToLina(client));

    expect(error).toBeInstanceOf(WecomTransportError);
    expect(error).toMatchObject({ endpoint: 'message/send' });
    expect(calls(served, 'message/send')).toBe(1);
    expect(delays).toEqual([]);
  });

  it('keeps the access token out of every error it raises', async () => {
    const served = await start();
    const client = testClient(served, store(served),
      { timeoutMs: TIMEOUT_MS, maxBusyTries: 1 });
    const token = await client.accessToken();
    served.emulator.addFault({ endpoint: 'message/send', count: 1,
      httpStatus: 502 });
    served.emulator.addFault({ endpoint: 'user/get', count: 1,
      delayMs: TIMEOUT_MS * 4 });

    const errors = [
      await caught(textToLina(client)),
      await caught(readLina(client)),
      await caught(client.post('message/send', textMessage('nobody'))),
    ];

    expect(errors.map((e) => e?.constructor)).toEqual(
      [WecomTransportError, WecomTransportError, WecomApiError]);
    expect(errors[2]).toMatchObject({ errcode: 81013 });
    for (const error of errors) {
      const text = [String(error), JSON.stringify(error),
        (error as Error).stack].join('\n');
      expect(text).toContain('WeCom');
      expect(text).not.toContain(token);
    }
  });
});
