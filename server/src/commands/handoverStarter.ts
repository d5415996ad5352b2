import { DataSource } from 'typeorm';
import { Handover, Milestone } from '../entities';
import { audit } from '../domain/audit';
import { dateInZone } from '../domain/calendar';
import { dueAt } from '../domain/due-dates';
import { loadHandover } from '../domain/handover-record';
import { checkTransition } from '../domain/lifecycle';
import { welcomeMessage } from '../domain/wecom-messages';
import { conflict } from '../errors';
import { enqueue } from '../outbox/outbox';
import { CommandContext } from './context';
import { nextCardsSender } from './milestoneCardSender';

export interface HandoverStarterProps {
  db: DataSource;
  context: CommandContext;
  actor: string;
  handoverId: number;
}

/**
 * Starts a draft handover: milestones due from the start are dated from
 * today, and (in the same transaction) the group chat, its welcome message
 * and each owner's first milestone card are queued for WeCom.
 */
export async function handoverStarter(props: HandoverStarterProps): Promise<void> {
  const { db, context, actor } = props;
  const now = new Date(context.clock.now());
  await db.transaction(async (manager) => {
    const record = await loadHandover(manager, props.handoverId);
    if (!record) throw conflict('handover is gone');
    const { handover } = record;
    checkTransition(handover.status, 'active');

    const start = dateInZone(now.getTime(), context.tzBusiness);
    const plan = handover.templateSnapshot?.milestones ?? [];
    for (const milestone of record.milestones) {
      const planned = plan.find((p) => p.key === milestone.key);
      if (planned?.due.from !== 'start') continue;
      milestone.dueAt = dueAt(planned, { start, lastDay: handover.lastWorkingDay },
        context.calendar, context.tzBusiness);
      await manager.update(Milestone, { id: milestone.id }, { dueAt: milestone.dueAt });
    }
    const changed = await manager.createQueryBuilder().update(Handover)
      .set({ status: 'active', startedAt: now, updatedAt: now })
      .where('id = :id AND status = :draft', { id: handover.id, draft: 'draft' })
      .execute();
    if (changed.affected !== 1) throw conflict('handover was started already');
    handover.status = 'active';

    await audit(manager, {
      actor, action: 'handover.started', targetType: 'handover',
      targetId: handover.id, handoverId: handover.id, details: { from: 'draft' },
    }, now);
    const members = [...new Set(record.participants.map((p) => p.userid))];
    await enqueue(manager, {
      kind: 'appchat.create', handoverId: handover.id,
      dedupeKey: `handover:${handover.id}:chat`,
      // The owner must be a member (86207): the handover's HR, else anyone.
      payload: { chatid: handover.chatId, name: handover.title,
        owner: record.participants.find((p) => p.role === 'hr')?.userid ?? members[0],
        userlist: members },
    }, now);
    await enqueue(manager, welcomeMessage({
      handover,
      departing: record.names.get(handover.departingUserid) ?? handover.departingUserid,
      successor: record.names.get(handover.successorUserid) ?? handover.successorUserid,
      publicUrl: context.publicUrl,
    }), now);
    await nextCardsSender({ manager, record, context });
  });
}
