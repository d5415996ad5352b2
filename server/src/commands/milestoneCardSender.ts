import crypto from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Milestone } from '../entities';
import { dateInZone } from '../domain/calendar';
import { HandoverRecord, holdersOf } from '../domain/handover-record';
import { computeProgress } from '../domain/progress';
import { milestoneCard } from '../domain/wecom-messages';
import { enqueue } from '../outbox/outbox';
import { CommandContext } from './context';

/**
 * Each owner holds one open card: their next milestone. Sends it for every
 * owner role (at the start), or for `ownerRole` only (after one of theirs
 * completed), unless that milestone already had its card.
 */
export async function nextCardsSender(props: {
  manager: EntityManager; record: HandoverRecord; context: CommandContext;
  ownerRole?: Milestone['ownerRole'];
}): Promise<void> {
  const { record } = props;
  const roles = props.ownerRole ? [props.ownerRole]
    : [...new Set(record.milestones.map((m) => m.ownerRole))];
  for (const role of roles) {
    const next = record.milestones.find((m) => m.ownerRole === role && m.doneAt === null);
    if (next && !next.cardTaskId) {
      await milestoneCardSender({ ...props, milestone: next });
    }
  }
}

/**
 * Queues a milestone's card to its owners and remembers the task id, so
 * the click can be traced back. Does nothing when the role has nobody.
 */
export async function milestoneCardSender(props: {
  manager: EntityManager; record: HandoverRecord; milestone: Milestone;
  context: CommandContext;
}): Promise<void> {
  const { manager, record, milestone, context } = props;
  const touser = holdersOf(record, milestone.ownerRole);
  if (touser.length === 0) return;

  const taskId = `bt${record.handover.ref}m${milestone.id}`
    + `x${crypto.randomBytes(4).toString('hex')}`;
  milestone.cardTaskId = taskId;
  await manager.update(Milestone, { id: milestone.id }, { cardTaskId: taskId });

  const now = context.clock.now();
  await enqueue(manager, milestoneCard({
    handover: record.handover,
    milestone,
    taskId,
    touser,
    dueLabel: milestone.dueAt ? dateInZone(milestone.dueAt.getTime(), context.tzBusiness) : '-',
    progress: computeProgress(record, now),
    publicUrl: context.publicUrl,
  }), new Date(now));
}
