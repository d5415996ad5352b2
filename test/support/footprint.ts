import {
  AuditEvent, Handover, HandoverItem, HandoverParticipant, Milestone,
} from '../../server/src/entities';
import { RunningServer } from '../../server/src/server';

/**
 * What a refused request must leave as it was: the handover's state, each
 * item's and milestone's, its people, and how long its timeline is. Only
 * the columns every change touches (status, dates, `updated_at`) are read,
 * so that it stays cheap enough to take around every request; the audit
 * trail catches the rest, since every change writes to it.
 */
export async function handoverFootprint(server: RunningServer, id: string) {
  const { db } = server.services;
  const handoverId = Number(id);
  const order = { id: 'ASC' as const };
  return {
    handover: await db.getRepository(Handover).findOneOrFail({
      where: { id: handoverId },
      select: { id: true, title: true, status: true, lastWorkingDay: true, closedAt: true,
        updatedAt: true },
    }),
    items: await db.getRepository(HandoverItem).find({
      where: { handoverId }, order,
      select: { id: true, title: true, status: true, updatedAt: true },
    }),
    milestones: await db.getRepository(Milestone).find({
      where: { handoverId }, order,
      select: { id: true, dueAt: true, doneAt: true, doneBy: true },
    }),
    people: await db.getRepository(HandoverParticipant).find({
      where: { handoverId }, order, select: { id: true, userid: true, role: true },
    }),
    timeline: await db.getRepository(AuditEvent).countBy({ handoverId }),
  };
}
