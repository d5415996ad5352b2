import os from 'node:os';
import path from 'node:path';
import { AdjustableClock } from '../../server/src/clock';
import { RunningServer, startServer } from '../../server/src/server';
import { testDatabaseUrl } from './database';

/**
 * A real Baton server on a free port, in sandbox mode, over a fresh
 * database (SQLite, or MariaDB with TEST_DATABASE_URL). Jobs are off:
 * tests kick the outbox themselves so nothing happens behind their back.
 */
export async function startTestServer(name: string, env: NodeJS.ProcessEnv = {},
  options: { seed?: boolean } = {}): Promise<RunningServer & { clock: AdjustableClock }> {
  const clock = new AdjustableClock();
  const running = await startServer({
    PORT: '0',
    DATABASE_URL: await testDatabaseUrl(name),
    SESSION_SECRET: 'test-session-secret-0123456789abcdef',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    STORAGE_DIR: path.join(os.tmpdir(), `baton-files-${process.pid}`),
    ...env,
  }, { jobs: false, seed: options.seed ?? false, clock });
  return Object.assign(running, { clock });
}

/** A cookie jar for one person's browser. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** fetch with this browser's cookies; redirects are not followed. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const url = path.startsWith('http') ? path : `${this.baseUrl}${path}`;
    const headers = new Headers(init.headers);
    if (this.cookies.size) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    if (init.body && !headers.has('content-type')) {
      headers.set('content-type', 'application/json');
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Another browser holding the same cookies (a replaying attacker). */
  clone(): Browser {
    const copy = new Browser(this.baseUrl);
    for (const [k, v] of this.cookies) copy.cookies.set(k, v);
    return copy;
  }

  /** JSON helpers. */
  async json<T = unknown>(path: string, init: RequestInit = {}) {
    const response = await this.fetch(path, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  post<T = unknown>(path: string, body: unknown) {
    return this.json<T>(path, { method: 'POST', body: JSON.stringify(body) });
  }
}

/**
 * Logs `userid` in the way a phone does: our login route, WeCom's OAuth
 * page (the emulator's, picking the person), back to our code exchange.
 * Returns the browser and where it finally landed.
 */
export async function loginAs(baseUrl: string, userid: string, next = '/') {
  const browser = new Browser(baseUrl);
  const start = await browser.fetch(`/api/auth/login?next=${encodeURIComponent(next)}`);
  const authorize = new URL(start.headers.get('location')!);
  authorize.searchParams.set('userid', userid);
  const picked = await browser.fetch(authorize.toString());
  const back = picked.headers.get('location');
  if (!back) throw new Error(`OAuth page did not redirect (${picked.status})`);
  const landed = await browser.fetch(back);
  return { browser, landed, callbackUrl: back };
}
