import { EntityManager } from 'typeorm';
import type { UpdateHandoverRequest } from '@baton/shared';
import { Handover, Milestone } from '../entities';
import { audit } from '../domain/audit';
import { dateInZone } from '../domain/calendar';
import { dueAt } from '../domain/due-dates';
import { HandoverRecord } from '../domain/handover-record';
import { enqueue } from '../outbox/outbox';
import { CommandContext } from './context';

/**
 * HR corrects the title or the last working day. A new last day re-dates
 * the open milestones counted from it; a new title renames the group.
 */
export async function handoverUpdater(props: {
  manager: EntityManager; context: CommandContext; record: HandoverRecord;
  actor: string; input: UpdateHandoverRequest;
}): Promise<void> {
  const { manager, context, record, actor, input } = props;
  const { handover } = record;
  const now = new Date(context.clock.now());
  const before = { title: handover.title, lastWorkingDay: handover.lastWorkingDay };
  const after = { title: input.title ?? before.title,
    lastWorkingDay: input.lastWorkingDay ?? before.lastWorkingDay };

  await manager.update(Handover, { id: handover.id }, { ...after, updatedAt: now });
  Object.assign(handover, after);

  if (after.lastWorkingDay !== before.lastWorkingDay) {
    const start = handover.startedAt ?? now;
    const plan = handover.templateSnapshot?.milestones ?? [];
    for (const milestone of record.milestones) {
      const planned = plan.find((p) => p.key === milestone.key);
      if (milestone.doneAt || planned?.due.from !== 'last_day') continue;
      milestone.dueAt = dueAt(planned, {
        start: dateInZone(start.getTime(), context.tzBusiness),
        lastDay: after.lastWorkingDay,
      }, context.calendar, context.tzBusiness);
      await manager.update(Milestone, { id: milestone.id }, { dueAt: milestone.dueAt });
    }
  }
  if (after.title !== before.title && handover.status === 'active' && handover.chatId) {
    await enqueue(manager, {
      kind: 'appchat.update', handoverId: handover.id,
      dedupeKey: `handover:${handover.id}:renamed:${now.getTime()}`,
      payload: { chatid: handover.chatId, name: after.title.slice(0, 50) },
    }, now);
  }
  await audit(manager, {
    actor, action: 'handover.updated', targetType: 'handover', targetId: handover.id,
    handoverId: handover.id, details: { before, after },
  }, now);
}
