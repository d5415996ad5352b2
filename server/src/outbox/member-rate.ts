import { DataSource, MoreThan } from 'typeorm';
import { OutboxMessage } from '../entities';

/**
 * WeCom drops an app's messages past 30 a minute and 1000 an hour to one
 * member, silently (D:90236). The dispatcher asks this window, built from
 * what the outbox sent in the last hour, when a message may go, and puts
 * it off until then rather than lose it. With several processes the
 * window may miss a send made a moment ago by another, so the limits keep
 * a small margin below WeCom's.
 */
export const MEMBER_LIMITS = [
  { windowMs: 60_000, max: 28 },
  { windowMs: 3_600_000, max: 990 },
] as const;

/** Recent app-message sends per member, for one dispatcher pass. */
export class MemberSendWindow {
  private constructor(private readonly sends: Map<string, number[]>) {}

  /** Reads the last hour's sent app messages. */
  static async load(db: DataSource, now: number): Promise<MemberSendWindow> {
    const longest = Math.max(...MEMBER_LIMITS.map((l) => l.windowMs));
    const rows = await db.getRepository(OutboxMessage).find({
      select: { payload: true, sentAt: true },
      where: { kind: 'message.send', status: 'sent', sentAt: MoreThan(new Date(now - longest)) },
    });
    const sends = new Map<string, number[]>();
    for (const row of rows) {
      for (const userid of recipientsOf(row.payload)) {
        sends.set(userid, [...(sends.get(userid) ?? []), row.sentAt!.getTime()]);
      }
    }
    return new MemberSendWindow(sends);
  }

  /** When a message to `recipients` may go: `now`, or later. */
  earliest(recipients: string[], now: number): number {
    let at = now;
    for (const userid of recipients) {
      const times = (this.sends.get(userid) ?? []).sort((a, b) => a - b);
      for (const { windowMs, max } of MEMBER_LIMITS) {
        const recent = times.filter((t) => t > now - windowMs);
        // The send that must leave the window before another fits.
        if (recent.length >= max) at = Math.max(at, recent[recent.length - max] + windowMs);
      }
    }
    return at;
  }

  /** Counts a send made now. */
  record(recipients: string[], now: number): void {
    for (const userid of recipients) {
      this.sends.set(userid, [...(this.sends.get(userid) ?? []), now]);
    }
  }
}

/** The members an app message goes to (`touser` is `a|b|c`). */
export function recipientsOf(payload: Record<string, unknown>): string[] {
  const touser = payload.touser;
  return typeof touser === 'string' ? touser.split('|').filter(Boolean) : [];
}
