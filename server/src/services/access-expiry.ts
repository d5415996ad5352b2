import { DataSource, In, IsNull, LessThan } from 'typeorm';
import { Clock } from '../clock';
import { Handover, HandoverParticipant, Session } from '../entities';
import type { Logger } from '../logger';

/**
 * Ends the sessions of departing executives whose read window has run out
 * on every handover they take part in: closed more than `readDays` ago (or
 * cancelled), and no other role anywhere. Their next visit needs a fresh
 * WeCom login, which a member who has left no longer has.
 */
export async function expireDepartingSessions(db: DataSource, clock: Clock,
  readDays: number, logger: Logger): Promise<number> {
  const cutoff = new Date(clock.now() - readDays * 86_400_000);
  const expired = await db.getRepository(Handover).find({
    select: { departingUserid: true },
    where: { status: 'closed', closedAt: LessThan(cutoff) },
  });
  let ended = 0;
  for (const userid of new Set(expired.map((h) => h.departingUserid))) {
    if (await stillInvolved(db, userid, cutoff)) continue;
    const result = await db.getRepository(Session).update(
      { userid, revokedAt: IsNull() }, { revokedAt: new Date(clock.now()) });
    if (result.affected) {
      ended += result.affected;
      logger.info({ userid, sessions: result.affected }, 'departing sessions ended');
    }
  }
  return ended;
}

/** Whether the person still has a handover they may read. */
async function stillInvolved(db: DataSource, userid: string, cutoff: Date) {
  const roles = await db.getRepository(HandoverParticipant).find({ where: { userid } });
  const ids = [...new Set(roles.map((r) => r.handoverId))];
  if (ids.length === 0) return false;
  const handovers = await db.getRepository(Handover).find({ where: { id: In(ids) } });
  return handovers.some((h) => {
    const departingOnly = roles.every((r) => r.handoverId !== h.id || r.role === 'departing');
    if (!departingOnly) return h.status !== 'cancelled';
    const windowOver = h.status === 'cancelled'
      || (h.status === 'closed' && h.closedAt !== null && h.closedAt < cutoff);
    return !windowOver;
  });
}
