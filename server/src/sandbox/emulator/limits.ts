/**
 * Limits WeCom applies without an error: per-member delivery windows (excess
 * dropped silently) and message/send's duplicate check (D:90236).
 */

/** One sliding window: at most `max` deliveries in `ms`. */
export interface Window {
  ms: number;
  max: number;
}

/** Sliding-window delivery counts per member. */
export class MemberLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly longestMs: number;

  constructor(private readonly windows: Window[]) {
    this.longestMs = Math.max(...windows.map((w) => w.ms));
  }

  /** Records a delivery to `userid` at `nowMs`; false (not recorded) when
   * a window is full and the message must be dropped. */
  allow(userid: string, nowMs: number): boolean {
    const times = (this.sent.get(userid) ?? [])
      .filter((t) => t > nowMs - this.longestMs);
    const full = this.windows.some(
      (w) => times.filter((t) => t > nowMs - w.ms).length >= w.max,
    );
    if (!full) times.push(nowMs);
    this.sent.set(userid, times);
    return !full;
  }

  /** Forgets all deliveries. */
  clear(): void {
    this.sent.clear();
  }
}

/** Default and largest duplicate_check_interval, in seconds. */
export const DUPLICATE_INTERVAL_S = { default: 1800, max: 14_400 };

/** One remembered request as saved: its canonical JSON, time and answer. */
export interface DuplicateSnapshot<T> {
  key: string;
  atMs: number;
  result: T;
}

/** Remembers requests sent with enable_duplicate_check. */
export class DuplicateChecker<T> {
  private readonly seen = new Map<string, { atMs: number; result: T }>();

  /** The earlier result of an identical request inside the window. */
  find(request: unknown, nowMs: number, intervalS: number): T | undefined {
    const hit = this.seen.get(canonicalJson(request));
    if (!hit || hit.atMs + intervalS * 1000 <= nowMs) return undefined;
    return hit.result;
  }

  /** Remembers a request's result from `nowMs`. */
  remember(request: unknown, nowMs: number, result: T): void {
    this.seen.set(canonicalJson(request), { atMs: nowMs, result });
  }

  /** Forgets all requests. */
  clear(): void {
    this.seen.clear();
  }

  /** Requests young enough to still match the longest interval. */
  snapshot(nowMs: number): DuplicateSnapshot<T>[] {
    const since = nowMs - DUPLICATE_INTERVAL_S.max * 1000;
    return structuredClone([...this.seen]
      .filter(([, hit]) => hit.atMs > since)
      .map(([key, hit]) => ({ key, ...hit })));
  }

  /** Replaces the remembered requests with saved ones. */
  restore(saved: DuplicateSnapshot<T>[]): void {
    this.seen.clear();
    for (const { key, atMs, result } of structuredClone(saved)) {
      this.seen.set(key, { atMs, result });
    }
  }
}

/** The interval a request asks for: default 1800 s, capped at 4 h. */
export function duplicateInterval(value: unknown): number {
  const seconds = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    return DUPLICATE_INTERVAL_S.default;
  }
  return Math.min(seconds, DUPLICATE_INTERVAL_S.max);
}

/** JSON with object keys sorted, so equal requests give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
