/**
 * Access tokens (D:91039): gettoken, their 7200 s life on the emulator's
 * clock, and WeCom dropping them early.
 */
import { randomBytes } from 'node:crypto';

import type { EmulatorCore } from './core';
import type { EndpointTable } from './cgi';
import { WecomError } from './errors';

/** Seconds an access token (and a jsapi ticket) lives. */
export const TOKEN_TTL_S = 7200;

interface IssuedToken {
  expiresAtMs: number;
}

/** Expired tokens are remembered this long, to answer 42001 not 40014. */
const EXPIRED_KEPT_MS = 24 * 3600 * 1000;

/** The tokens as saved: each with its expiry, and the one handed out. */
export interface TokenSnapshot {
  current: string | null;
  issued: { token: string; expiresAtMs: number }[];
}

/** The tokens of the emulated app. */
export class TokenStore {
  private readonly issued = new Map<string, IssuedToken>();
  private current: string | null = null;
  private recentCalls: number[] = [];

  constructor(private readonly core: EmulatorCore) {}

  /** A token for gettoken, reusing the current one if configured so. */
  issue(): { access_token: string; expires_in: number } {
    const now = this.core.nowMs();
    const opts = this.core.opts;
    const live = this.current ? this.issued.get(this.current) : undefined;

    if (this.current && live && live.expiresAtMs > now &&
        opts.sameTokenWithinValidity) {
      if (opts.renewTokenOnRepeat) live.expiresAtMs = now + TOKEN_TTL_S * 1000;
      const left = Math.ceil((live.expiresAtMs - now) / 1000);
      return { access_token: this.current, expires_in: left };
    }

    const token = randomBytes(96).toString('base64url');
    this.issued.set(token, { expiresAtMs: now + TOKEN_TTL_S * 1000 });
    this.current = token;
    return { access_token: token, expires_in: TOKEN_TTL_S };
  }

  /** 0 when `token` may call, else the errcode WeCom answers. */
  check(token: string | undefined): number {
    if (!token) return 41001;
    const found = this.issued.get(token);
    if (!found) return 40014;
    if (found.expiresAtMs <= this.core.nowMs()) {
      return this.core.opts.expiredTokenErrcode;
    }
    return 0;
  }

  /** Forgets every token, as WeCom may do before expiry; they give 40014. */
  invalidateAll(): void {
    this.issued.clear();
    this.current = null;
  }

  /** The tokens, less those expired over a day ago. */
  snapshot(): TokenSnapshot {
    const since = this.core.nowMs() - EXPIRED_KEPT_MS;
    const issued = [...this.issued]
      .filter(([, t]) => t.expiresAtMs > since)
      .map(([token, t]) => ({ token, expiresAtMs: t.expiresAtMs }));
    const current = issued.some((t) => t.token === this.current)
      ? this.current : null;
    return { current, issued };
  }

  /** Replaces the tokens with saved ones. */
  restore(saved: TokenSnapshot): void {
    this.issued.clear();
    for (const { token, expiresAtMs } of saved.issued) {
      this.issued.set(token, { expiresAtMs });
    }
    this.current = saved.current !== null && this.issued.has(saved.current)
      ? saved.current : null;
  }

  /** Records a gettoken call; true when over the per-minute limit. */
  overRate(): boolean {
    const now = this.core.nowMs();
    this.recentCalls = this.recentCalls.filter((t) => t > now - 60_000);
    if (this.recentCalls.length >= this.core.limits.gettokenPerMinute) {
      return true;
    }
    this.recentCalls.push(now);
    return false;
  }
}

/** The gettoken endpoint. */
export function tokenEndpoints(
  core: EmulatorCore, tokens: TokenStore,
): EndpointTable {
  return {
    gettoken: {
      method: 'GET',
      public: true,
      handler: ({ query }) => {
        const corpid = query('corpid');
        const secret = query('corpsecret');
        if (!corpid) throw new WecomError(41002, 'corpid missing');
        if (!secret) throw new WecomError(41004, 'corpsecret missing');
        if (corpid !== core.opts.corpId) throw new WecomError(40013);
        if (secret !== core.opts.secret) throw new WecomError(40001);
        if (tokens.overRate()) throw new WecomError(45009);

        return tokens.issue();
      },
    },
  };
}
