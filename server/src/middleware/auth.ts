import type { Context, Next } from 'koa';
import { DataSource } from 'typeorm';
import { findSession } from '../auth/sessions';
import { Clock } from '../clock';
import { authenticationRequired } from '../errors';
import { Actor } from '../policies/handover';

export const SESSION_COOKIE = 'baton_sid';

/** The logged-in person, as routes see them. */
export interface AuthState {
  actor: Actor;
  sessionToken: string;
}

/** Requires a live session; puts the actor in `ctx.state.auth`. */
export function requireAuth(deps: {
  db: DataSource; clock: Clock; isHr: (userid: string) => boolean;
}) {
  return async (ctx: Context, next: Next) => {
    const token = ctx.cookies.get(SESSION_COOKIE, { signed: true });
    const session = token ? await findSession(deps.db, deps.clock, token) : null;
    if (!token || !session) throw authenticationRequired();
    const auth: AuthState = {
      actor: { userid: session.userid, isHr: deps.isHr(session.userid) },
      sessionToken: token,
    };
    ctx.state.auth = auth;
    await next();
  };
}

/** The actor of an authenticated request. */
export function actorOf(ctx: Context): Actor {
  return (ctx.state.auth as AuthState).actor;
}
