import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { WecomToken } from '../entities';

/** A cached credential with its expiry. */
export interface CachedToken {
  value: string;
  expiresAt: Date;
}

/**
 * Where access tokens and tickets live between calls. Shared by every
 * process through the database; the lease lets one process refresh while
 * the others wait for its result instead of all calling gettoken.
 */
export interface TokenStore {
  get(key: string): Promise<CachedToken | null>;
  set(key: string, token: CachedToken): Promise<void>;
  delete(key: string, value: string): Promise<void>;
  /** True when this caller may refresh `key` for the next `ms`. */
  lease(key: string, ms: number): Promise<boolean>;
  /** Ends the lease early after a failed refresh, so nobody waits for it. */
  release(key: string): Promise<void>;
}

/** The TokenStore on the `wecom_token` table. */
export class DbTokenStore implements TokenStore {
  constructor(private readonly db: DataSource, private readonly clock: Clock) {}

  async get(key: string): Promise<CachedToken | null> {
    const row = await this.db.getRepository(WecomToken).findOneBy({ key });
    if (!row || !row.value) return null;
    return { value: row.value, expiresAt: row.expiresAt };
  }

  async set(key: string, token: CachedToken): Promise<void> {
    const now = new Date(this.clock.now());
    await this.db.getRepository(WecomToken).upsert({
      key, value: token.value, expiresAt: token.expiresAt,
      refreshLeaseUntil: null, updatedAt: now,
    }, ['key']);
  }

  /** Forgets the token, unless another process already replaced it. */
  async delete(key: string, value: string): Promise<void> {
    await this.db.getRepository(WecomToken).update(
      { key, value }, { value: '', expiresAt: new Date(0) });
  }

  async lease(key: string, ms: number): Promise<boolean> {
    const repo = this.db.getRepository(WecomToken);
    const now = new Date(this.clock.now());
    const until = new Date(now.getTime() + ms);
    const result = await repo.createQueryBuilder().update()
      .set({ refreshLeaseUntil: until })
      .where('key = :key', { key })
      .andWhere('(refresh_lease_until IS NULL OR refresh_lease_until < :now)', { now })
      .execute();
    if (result.affected) return true;
    if (await repo.existsBy({ key })) return false;
    try {
      await repo.insert({
        key, value: '', expiresAt: new Date(0), refreshLeaseUntil: until,
        updatedAt: now,
      });
      return true;
    } catch {
      return false; // another process inserted it first and holds the lease
    }
  }

  async release(key: string): Promise<void> {
    await this.db.getRepository(WecomToken).update(
      { key }, { refreshLeaseUntil: null });
  }
}

/** An in-memory TokenStore, for one process (tests, scripts). */
export class MemoryTokenStore implements TokenStore {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly leases = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  async get(key: string) {
    return this.tokens.get(key) ?? null;
  }

  async set(key: string, token: CachedToken) {
    this.tokens.set(key, token);
    this.leases.delete(key);
  }

  async delete(key: string, value: string) {
    if (this.tokens.get(key)?.value === value) this.tokens.delete(key);
  }

  async lease(key: string, ms: number) {
    const now = this.clock.now();
    if ((this.leases.get(key) ?? 0) > now) return false;
    this.leases.set(key, now + ms);
    return true;
  }

  async release(key: string) {
    this.leases.delete(key);
  }
}
