import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { DataSource } from 'typeorm';
import { AdjustableClock } from './clock';
import { CommandContext } from './commands/context';
import { openDatabase } from './db/data-source';
import { Env } from './env';
import type { Logger } from './logger';
import { OutboxDispatcher } from './outbox/dispatcher';
import { WecomEmulator } from './sandbox/emulator';
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
  commands: CommandContext;
  isHr: (userid: string) => boolean;
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
  });
  const outbox = new OutboxDispatcher({ db, client: wecom, clock,
    logger: logger.child({ part: 'outbox' }) });
  const hr = new Set(env.hrUserids);
  const emulator = env.mode === 'sandbox' ? new WecomEmulator({
    corpId: env.wecom.corpId, agentId: env.wecom.agentId,
    secret: env.wecom.secret, token: env.wecom.token,
    encodingAesKey: env.wecom.aesKey,
    callbackUrl: () => `http://127.0.0.1:${env.port}/wecom/callback`,
    clock,
    trustedHosts: [new URL(env.publicUrl).host],
    logger: logger.child({ part: 'emulator' }),
  }) : null;
  return {
    env, db, clock, logger, wecom, tokens, outbox, emulator,
    commands: { clock, publicUrl: env.publicUrl, tzBusiness: env.tzBusiness },
    isHr: (userid) => hr.has(userid),
    sessionKeys: [env.sessionSecret ?? sandboxSessionSecret()],
  };
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
