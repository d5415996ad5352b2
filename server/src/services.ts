import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { DataSource } from 'typeorm';
import { CN_CALENDAR } from '@baton/shared';
import { AdjustableClock } from './clock';
import { createCallbackTasks } from './callback/task-runners';
import { CallbackTasks } from './callback/tasks';
import { CommandContext } from './commands/context';
import { openDatabase } from './db/data-source';
import { BusinessCalendar } from './domain/calendar';
import { Env } from './env';
import type { Logger } from './logger';
import { OutboxDispatcher } from './outbox/dispatcher';
import { WecomEmulator } from './sandbox/emulator';
import { LocalStorage } from './storage/local';
import { readAll } from './storage/read-all';
import { Storage } from './storage/storage';
import { WecomClient } from './wecom/client';
import { DbTokenStore } from './wecom/token-store';

/** Everything the app is made of, built once at start. */
export interface Services {
  env: Env;
  db: DataSource;
  clock: AdjustableClock;
  logger: Logger;
  wecom: WecomClient;
  tokens: DbTokenStore;
  outbox: OutboxDispatcher;
  /** Work callbacks leave for after their transaction (callback/tasks.ts). */
  callbackTasks: CallbackTasks;
  commands: CommandContext;
  isHr: (userid: string) => boolean;
  isAdmin: (userid: string) => boolean;
  /** Uploaded files. */
  storage: Storage;
  sessionKeys: string[];
  /** Only in sandbox mode. */
  emulator: WecomEmulator | null;
}

/** Opens the database (migrating it) and builds the services for `env`. */
export async function createServices(env: Env, logger: Logger,
  clock = new AdjustableClock()): Promise<Services> {
  const db = await openDatabase(env.databaseUrl);
  const tokens = new DbTokenStore(db, clock);
  const wecom = new WecomClient({
    apiBase: env.wecom.apiBase, corpId: env.wecom.corpId,
    agentId: env.wecom.agentId, secret: env.wecom.secret,
    store: tokens, clock, logger: logger.child({ part: 'wecom' }),
    timeoutMs: env.wecom.timeoutMs,
  });
  const storage = new LocalStorage(env.storageDir);
  const outbox = new OutboxDispatcher({ db, client: wecom, clock,
    logger: logger.child({ part: 'outbox' }),
    files: { read: (key, maxBytes) => readAll(storage, key, maxBytes) } });
  const hr = new Set(env.hrUserids);
  const emulator = env.mode === 'sandbox' ? new WecomEmulator({
    corpId: env.wecom.corpId, agentId: env.wecom.agentId,
    secret: env.wecom.secret, token: env.wecom.token,
    encodingAesKey: env.wecom.aesKey,
    callbackUrl: () => `http://127.0.0.1:${env.port}/wecom/callback`,
    clock,
    trustedHosts: [new URL(env.publicUrl).host],
    logger: logger.child({ part: 'emulator' }),
    stateFile: emulatorStateFile(env.databaseUrl),
  }) : null;
  const commands: CommandContext = {
    clock, publicUrl: env.publicUrl, tzBusiness: env.tzBusiness,
    calendar: env.businessCalendarFile
      ? BusinessCalendar.fromFile(env.businessCalendarFile)
      : new BusinessCalendar(CN_CALENDAR),
    departingReadDays: env.departingReadDays,
  };
  const callbackTasks = createCallbackTasks({ db, client: wecom, clock,
    logger: logger.child({ part: 'callback-tasks' }), context: commands,
    resignationApproval: env.resignationApproval });
  return {
    env, db, clock, logger, wecom, tokens, outbox, emulator, storage, commands,
    callbackTasks,
    isHr: (userid) => hr.has(userid),
    isAdmin: (userid) => env.adminUserids.includes(userid),
    sessionKeys: [env.sessionSecret ?? sandboxSessionSecret()],
  };
}

/**
 * Where the sandbox emulator keeps its state, so it always belongs to the
 * database in use: `<path>.wecom.json` beside a SQLite file, none for
 * `sqlite::memory:`, and for MySQL a file under data/ named after the
 * database (several databases, e.g. one per test file, may share a server).
 */
function emulatorStateFile(databaseUrl: string): string | undefined {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    return file === ':memory:' ? undefined : `${file}.wecom.json`;
  }
  const database = new URL(databaseUrl).pathname.replace(/^\/+/, '')
    .replace(/[^\w-]/g, '_');
  const name = database ? `sandbox-wecom-${database}` : 'sandbox-wecom';
  return path.join('data', `${name}.json`);
}

/**
 * The sandbox's cookie key, made once and kept under data/ so logins
 * survive a restart. Live mode requires SESSION_SECRET instead.
 */
function sandboxSessionSecret(): string {
  const file = path.resolve('data', 'session-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = crypto.randomBytes(32).toString('base64url');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
