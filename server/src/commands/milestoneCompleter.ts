import { EntityManager } from 'typeorm';
import { Milestone } from '../entities';
import { audit } from '../domain/audit';
import { HandoverRecord } from '../domain/handover-record';
import { computeProgress } from '../domain/progress';
import { progressPost } from '../domain/wecom-messages';
import { conflict } from '../errors';
import { enqueue } from '../outbox/outbox';
import { CommandContext } from './context';
import { nextCardsSender } from './milestoneCardSender';

export interface MilestoneCompleterProps {
  manager: EntityManager;
  context: CommandContext;
  record: HandoverRecord;
  /** Which of the record's milestones; matched by id. */
  milestoneId: number;
  /** Who completes it; the caller has checked the policy. */
  actor: string;
  /** How: a card click, the H5, a met rule, or the last signature. */
  via: 'card' | 'h5' | 'rule' | 'signatures';
}

/**
 * Marks a milestone done, posts the new progress to the group and sends
 * its owner's next milestone as a card. Runs inside the caller's transaction.
 * A milestone already done is a conflict, so repeated clicks change nothing.
 */
export async function milestoneCompleter(props: MilestoneCompleterProps): Promise<void> {
  const { manager, context, record, actor } = props;
  const milestone = record.milestones.find((m) => m.id === props.milestoneId);
  if (!milestone) throw conflict('milestone is not part of this handover');
  const now = new Date(context.clock.now());
  const result = await manager.createQueryBuilder().update(Milestone)
    .set({ doneAt: now, doneBy: actor })
    .where('id = :id AND done_at IS NULL', { id: milestone.id })
    .execute();
  if (result.affected !== 1) throw conflict('milestone already done');
  milestone.doneAt = now;
  milestone.doneBy = actor;

  await audit(manager, {
    actor, action: 'milestone.completed', targetType: 'milestone',
    targetId: milestone.id, handoverId: record.handover.id,
    details: { key: milestone.key, via: props.via },
  }, now);

  const progress = computeProgress(record, now.getTime());
  await enqueue(manager, progressPost({
    handover: record.handover, milestone, progress,
    who: record.names.get(actor) ?? actor,
  }), now);

  await nextCardsSender({ manager, record, context, ownerRole: milestone.ownerRole });
}
