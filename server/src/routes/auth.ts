import crypto from 'node:crypto';
import { Router } from '@koa/router';
import type { Context } from 'koa';
import { createSession, revokeSession } from '../auth/sessions';
import { Employee } from '../entities';
import { AppError, validationError } from '../errors';
import { SESSION_COOKIE } from '../middleware/auth';
import { syncOneUser } from '../services/directory-sync';
import { WecomApiError } from '../wecom/errors';
import { authorizeUrl, getUserInfo } from '../wecom/oauth';
import { RouteDeps } from './context';

const STATE_COOKIE = 'baton_oauth';
const STATE_TTL_MS = 10 * 60_000;

/**
 * H5 login through WeCom OAuth (D:91022): `/api/auth/login` remembers a
 * random state in a signed cookie and sends the browser to WeCom;
 * `/api/auth/wecom` checks the state, trades the code for a userid, starts
 * a session and sends the browser on to where it was going.
 */
export function authRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api/auth' });
  const secure = deps.env.publicUrl.startsWith('https:');
  const cookie = (maxAge: number) => ({
    httpOnly: true, sameSite: 'lax' as const, signed: true, secure, maxAge,
  });

  router.get('/login', (ctx) => {
    const next = safeNext(ctx.query.next);
    const state = crypto.randomBytes(16).toString('hex');
    ctx.cookies.set(STATE_COOKIE, `${state}|${next}`, cookie(STATE_TTL_MS));
    ctx.redirect(authorizeUrl({
      oauthBase: deps.env.wecom.oauthBase,
      corpId: deps.env.wecom.corpId,
      agentId: deps.env.wecom.agentId,
      redirectUri: `${deps.env.publicUrl}/api/auth/wecom`,
      state,
    }));
  });

  router.get('/wecom', async (ctx) => {
    const { code, state } = ctx.query;
    if (typeof code !== 'string' || !code) throw validationError('code is missing', 'code');
    if (typeof state !== 'string' || !state) throw validationError('state is missing', 'state');
    const remembered = ctx.cookies.get(STATE_COOKIE, { signed: true }) ?? '';
    const [expected, next] = remembered.split('|');
    if (!expected || !sameText(expected, state)) {
      throw new AppError(400, 'invalid_state', '登录已过期，请重新打开', 'state');
    }
    ctx.cookies.set(STATE_COOKIE, null);

    const userid = await userFromCode(deps, code);
    await ensureMember(deps, userid);
    const token = await createSession(deps.db, deps.clock, userid);
    ctx.cookies.set(SESSION_COOKIE, token, cookie(7 * 24 * 3600_000));
    deps.logger.info({ userid }, 'logged in');
    ctx.redirect(next || '/');
  });

  router.post('/logout', async (ctx: Context) => {
    const token = ctx.cookies.get(SESSION_COOKIE, { signed: true });
    if (token) await revokeSession(deps.db, deps.clock, token);
    ctx.cookies.set(SESSION_COOKIE, null);
    ctx.status = 204;
  });

  return router;
}

/** Only paths on this site: never `//evil.example` or an absolute URL. */
function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')
    || value.includes('\\') || value.length > 512) return '/';
  return value;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

async function userFromCode(deps: RouteDeps, code: string): Promise<string> {
  try {
    const info = await getUserInfo(deps.wecom, code);
    if (!info.userid) {
      throw new AppError(403, 'not_a_member', '只有企业成员可以使用 Baton');
    }
    return info.userid;
  } catch (error) {
    if (error instanceof WecomApiError && error.errcode === 40029) {
      throw new AppError(400, 'invalid_code', '登录码无效或已使用，请重新打开', 'code');
    }
    throw error;
  }
}

/** A member not yet mirrored (joined since the last sync) is fetched now. */
async function ensureMember(deps: RouteDeps, userid: string): Promise<void> {
  if (await deps.db.getRepository(Employee).existsBy({ userid })) return;
  await syncOneUser(deps.db, deps.wecom, deps.clock, userid);
}
