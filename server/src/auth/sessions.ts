import crypto from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '../clock';
import { Session } from '../entities';

/** How long a login lasts without use. */
export const SESSION_TTL_MS = 7 * 24 * 3600_000;
/** Sliding expiry is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

const hash = (token: string) =>
  crypto.createHash('sha256').update(token).digest('hex');

/** Creates a session for `userid`; returns the token for the cookie. */
export async function createSession(db: DataSource, clock: Clock,
  userid: string): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = new Date(clock.now());
  await db.getRepository(Session).insert({
    tokenHash: hash(token), userid, createdAt: now, lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS), revokedAt: null,
  });
  return token;
}

/** The live session for a cookie token, extending it; null if none. */
export async function findSession(db: DataSource, clock: Clock,
  token: string): Promise<Session | null> {
  const repo = db.getRepository(Session);
  const session = await repo.findOneBy({ tokenHash: hash(token), revokedAt: IsNull() });
  const now = clock.now();
  if (!session || session.expiresAt.getTime() <= now) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await repo.update({ tokenHash: session.tokenHash }, {
      lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_TTL_MS),
    });
  }
  return session;
}

/** Ends one session. */
export async function revokeSession(db: DataSource, clock: Clock,
  token: string): Promise<void> {
  await db.getRepository(Session).update(
    { tokenHash: hash(token), revokedAt: IsNull() },
    { revokedAt: new Date(clock.now()) });
}
