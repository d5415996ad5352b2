import { IsNull, LessThan, LessThanOrEqual } from 'typeorm';

/**
 * Pieces shared by Baton's two work queues in the database, the outbox
 * (calls to WeCom) and callback tasks (work an event needs from WeCom):
 * rows are `pending` until done, tried at `next_attempt_at`, and owned by
 * one process while `claimed_until` lies ahead.
 */

/** Rows due now and not held by a live claim. */
export function dueAndUnclaimed(now: Date) {
  const due = { status: 'pending' as const, nextAttemptAt: LessThanOrEqual(now) };
  return [
    { ...due, claimedUntil: IsNull() },
    { ...due, claimedUntil: LessThan(now) },
  ];
}

/**
 * Runs `pass` until a pass does nothing, one run at a time per process: a
 * kick during a run asks for one more pass instead of starting another.
 */
export class DrainLoop {
  private running: Promise<number> | null = null;
  private again = false;

  constructor(private readonly pass: () => Promise<number>,
    private readonly maxRounds: number) {}

  /** Drains what is due now; resolves with how much the passes did. */
  kick(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => { this.running = null; });
    return this.running;
  }

  /** Resolves once no run is going (for shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  private async drain(): Promise<number> {
    let done = 0;
    for (let round = 0; round < this.maxRounds; round++) {
      this.again = false;
      const n = await this.pass();
      done += n;
      if (n === 0 && !this.again) break;
    }
    return done;
  }
}
