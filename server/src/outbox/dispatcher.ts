import { DataSource, LessThan } from 'typeorm';
import { Clock } from '../clock';
import { patch } from '../db/partial';
import { DrainLoop, dueAndUnclaimed } from '../db/work-queue';
import { OutboxMessage } from '../entities';
import type { Logger } from '../logger';
import { WecomClient } from '../wecom/client';
import { isRetryable } from '../wecom/errors';
import { MemberSendWindow, recipientsOf } from './member-rate';
import { mayPassLater, SenderDeps, senders } from './senders';

const CLAIM_MS = 60_000;
const MAX_ATTEMPTS = 12;

/**
 * Sends due outbox rows. Any number of processes may run one: a row is
 * claimed by a conditional update that only one of them can win, and a
 * claim lapses after a minute if its process died. Rows of one handover go
 * out in order: a row waits while an older row of its handover is pending.
 * App messages are spread to stay under WeCom's per-member limit.
 */
export class OutboxDispatcher {
  private readonly loop = new DrainLoop(() => this.dispatchDue(50), 50);

  constructor(private readonly deps: {
    db: DataSource; client: WecomClient; clock: Clock; logger: Logger;
    /** For senders that send stored files. */
    files?: SenderDeps['files'];
  }) {}

  /**
   * Sends what is due now; resolves with how many rows were sent. Called by
   * the cron tick and right after a commit that enqueued something.
   */
  kick(): Promise<number> {
    return this.loop.kick();
  }

  /** Resolves once no send is under way (for shutdown). */
  idle(): Promise<void> {
    return this.loop.idle();
  }

  /** One pass over up to `limit` due rows. */
  async dispatchDue(limit: number): Promise<number> {
    const repo = this.deps.db.getRepository(OutboxMessage);
    const now = new Date(this.deps.clock.now());
    const due = await repo.find({
      where: dueAndUnclaimed(now), order: { id: 'ASC' }, take: limit,
    });
    let sent = 0;
    const blocked = new Set<number>();
    const window = await MemberSendWindow.load(this.deps.db, now.getTime());
    for (const row of due) {
      if (row.handoverId !== null && blocked.has(row.handoverId)) continue;
      const recipients = row.kind === 'message.send' ? recipientsOf(row.payload) : [];
      const earliest = window.earliest(recipients, now.getTime());
      if (earliest > now.getTime()) {
        await this.putOff(row, new Date(earliest), now);
        if (row.handoverId !== null) blocked.add(row.handoverId);
        continue;
      }
      if (await this.waitsForOlder(row) || !(await this.claim(row, now))) {
        if (row.handoverId !== null) blocked.add(row.handoverId);
        continue;
      }
      if (await this.send(row)) {
        sent++;
        window.record(recipients, now.getTime());
      } else if (row.handoverId !== null) blocked.add(row.handoverId);
    }
    return sent;
  }

  /** Moves a row's next try to `until` without counting an attempt. */
  private async putOff(row: OutboxMessage, until: Date, now: Date): Promise<void> {
    await this.deps.db.createQueryBuilder().update(OutboxMessage)
      .set({ nextAttemptAt: until })
      .where('id = :id AND status = :pending', { id: row.id, pending: 'pending' })
      .andWhere('(claimed_until IS NULL OR claimed_until < :now)', { now })
      .execute();
    this.deps.logger.info({ outboxId: row.id, until },
      'outbox row put off for the per-member limit');
  }

  private async waitsForOlder(row: OutboxMessage): Promise<boolean> {
    if (row.handoverId === null) return false;
    return this.deps.db.getRepository(OutboxMessage).exists({
      where: { handoverId: row.handoverId, status: 'pending', id: LessThan(row.id) },
    });
  }

  /**
   * True when this process won the row. The claim counts the attempt, so a
   * try cut short by a crash after the send still counts as one: senders
   * read a retry's 42014 as "the first try arrived".
   */
  private async claim(row: OutboxMessage, now: Date): Promise<boolean> {
    const until = new Date(now.getTime() + CLAIM_MS);
    const result = await this.deps.db.createQueryBuilder()
      .update(OutboxMessage)
      .set({ claimedUntil: until, attempts: () => 'attempts + 1' })
      .where('id = :id AND status = :pending', { id: row.id, pending: 'pending' })
      .andWhere('(claimed_until IS NULL OR claimed_until < :now)', { now })
      // Our read may be stale: another process may have tried the row and
      // put it off since.
      .andWhere('next_attempt_at <= :now', { now })
      .execute();
    return result.affected === 1;
  }

  /** Sends one claimed row and records the outcome; true when sent. */
  private async send(row: OutboxMessage): Promise<boolean> {
    const { db, client, clock, logger } = this.deps;
    const repo = db.getRepository(OutboxMessage);
    const attempt = row.attempts + 1;
    const sender = senders[row.kind];
    try {
      if (!sender) throw new Error(`unknown outbox kind ${row.kind}`);
      const result = await sender(client, row.payload, attempt, { files: this.deps.files });
      await repo.update({ id: row.id }, patch<OutboxMessage>({
        status: 'sent', attempts: attempt, lastError: null,
        sentAt: new Date(clock.now()), claimedUntil: null, result,
      }));
      logger.info({ outboxId: row.id, kind: row.kind, attempt }, 'outbox row sent');
      return true;
    } catch (error) {
      const retry = (isRetryable(error) || mayPassLater(row.kind, error))
        && attempt < MAX_ATTEMPTS;
      const lastError = error instanceof Error ? error.message : String(error);
      await repo.update({ id: row.id }, {
        status: retry ? 'pending' : 'failed', attempts: attempt, lastError,
        nextAttemptAt: new Date(clock.now() + backoffMs(attempt)),
        claimedUntil: null,
      });
      logger.warn({ outboxId: row.id, kind: row.kind, attempt, lastError, retry },
        retry ? 'outbox row will be retried' : 'outbox row failed for good');
      return false;
    }
  }
}

/** 2 s, 4 s, 8 s ... capped at 30 min, with up to 50 % jitter. */
export function backoffMs(attempt: number): number {
  const base = Math.min(2_000 * 2 ** (attempt - 1), 30 * 60_000);
  return Math.round(base * (1 + Math.random() * 0.5));
}
