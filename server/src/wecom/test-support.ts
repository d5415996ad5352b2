/**
 * Factories for tests of the WeCom client and what builds on it: the WeCom
 * emulator served over real HTTP on a free port, clients bound to it, and a
 * fresh database. Nothing here is used outside tests.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import pino from 'pino';
import type { DataSource } from 'typeorm';

import { testDatabaseUrl } from '../../../test/support/database';
import type { AdjustableClock } from '../clock';
import { openDatabase } from '../db/data-source';
import { OutboxMessage, WecomToken } from '../entities';
import type { EmulatorOptions, WecomEmulator } from '../sandbox/emulator';
import { makeEmulator, TEST_APP } from '../sandbox/emulator/test-support';
import { WecomClient, type WecomClientOptions } from './client';
import { DbTokenStore, type TokenStore } from './token-store';

/** The emulator listening on 127.0.0.1, and its clock. */
export interface ServedEmulator {
  emulator: WecomEmulator;
  /** Shared by the emulator and every client made by `testClient`. */
  clock: AdjustableClock;
  /** `http://127.0.0.1:<port>`, the client's apiBase. */
  apiBase: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Starts an emulator on a free port; options override the test defaults. */
export async function serveEmulator(
  overrides: Partial<EmulatorOptions> = {},
): Promise<ServedEmulator> {
  const { emulator, clock } = makeEmulator(overrides);
  const server: Server = emulator.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    emulator, clock, apiBase: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A logger that writes nothing. */
export const silentLogger = pino({ level: 'silent' });

/**
 * A WecomClient for the test app on `served`, on the emulator's clock,
 * keeping its token in `store` (a DbTokenStore or MemoryTokenStore).
 */
export function testClient(
  served: ServedEmulator, store: TokenStore,
  overrides: Partial<WecomClientOptions> = {},
): WecomClient {
  return new WecomClient(clientOptions(served, store, overrides));
}

/** The options `testClient` builds its client with. */
export function clientOptions(
  served: ServedEmulator, store: TokenStore,
  overrides: Partial<WecomClientOptions> = {},
): WecomClientOptions {
  return {
    apiBase: served.apiBase,
    corpId: TEST_APP.corpId,
    agentId: TEST_APP.agentId,
    secret: TEST_APP.secret,
    store,
    clock: served.clock,
    logger: silentLogger,
    ...overrides,
  };
}

/** A `sleep` that returns at once and remembers what it was asked. */
export function recordingSleep(): {
  sleep: (ms: number) => Promise<void>; delays: number[];
} {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms) => { delays.push(ms); },
  };
}

/** A migrated database of its own (SQLite, or MariaDB when configured). */
export async function openTestDatabase(name: string): Promise<DataSource> {
  return openDatabase(await testDatabaseUrl(name));
}

/** A second connection to the same database, as another process has. */
export async function reopen(db: DataSource): Promise<DataSource> {
  const options = db.options;
  if (options.type === 'better-sqlite3') {
    return openDatabase(`sqlite:${options.database}`);
  }
  if (options.type === 'mysql' && options.url) return openDatabase(options.url);
  throw new Error(`cannot reopen a ${options.type} database`);
}

/** Empties the tables the client and the outbox write. */
export async function clearWecomTables(db: DataSource): Promise<void> {
  await db.getRepository(WecomToken).clear();
  await db.getRepository(OutboxMessage).clear();
}

/** A test file's database and emulators, set up and torn down by jest. */
export interface WecomTestbed {
  /** The file's database, emptied of tokens and outbox rows per test. */
  readonly db: DataSource;
  /** An emulator over HTTP, closed after the test. */
  start(options?: Partial<EmulatorOptions>): Promise<ServedEmulator>;
}

/**
 * Registers jest hooks that open a database named `name` for the file,
 * empty it before each test, and close the test's emulators after it.
 */
export function useWecomTestbed(name: string): WecomTestbed {
  let db: DataSource | null = null;
  const running: ServedEmulator[] = [];
  const opened = (): DataSource => {
    if (!db) throw new Error('the testbed opens its database in beforeAll');
    return db;
  };

  beforeAll(async () => {
    db = await openTestDatabase(name);
  });
  afterAll(async () => {
    await db?.destroy();
  });
  beforeEach(async () => {
    await clearWecomTables(opened());
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((served) => served.close()));
  });

  return {
    get db() {
      return opened();
    },
    async start(options = {}) {
      const served = await serveEmulator(options);
      running.push(served);
      return served;
    },
  };
}

/** A DbTokenStore on `db` with the emulator's clock. */
export function dbStore(db: DataSource, served: ServedEmulator): DbTokenStore {
  return new DbTokenStore(db, served.clock);
}
