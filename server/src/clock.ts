/**
 * The time source for everything that compares dates: tokens, OAuth codes,
 * callback age, due dates. Production uses the wall clock; the sandbox and
 * tests move it forward to see expiry and reminders without waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** A wall clock that can be pushed forward (never back) by an offset. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves time forward; returns the new now. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError('a clock only moves forward');
    }
    this.offsetMs += ms;
    return this.now();
  }
}

/** Unix seconds, as WeCom writes timestamps. */
export function unixSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}
