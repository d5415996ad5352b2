import { EntityManager } from 'typeorm';
import type { ItemStatus } from '@baton/shared';
import { patch } from '../db/partial';
import { HandoverItem } from '../entities';
import { audit } from '../domain/audit';
import { HandoverRecord } from '../domain/handover-record';
import { checkFields } from '../domain/item-fields';
import { conflict } from '../errors';
import { ItemAction } from '../policies/item';
import { CommandContext } from './context';
import { milestoneRuleApplier } from './milestoneRuleApplier';

/** The status moves of an item (policy checked by the caller). */
export type ItemMove = Extract<ItemAction,
  'submit' | 'acknowledge' | 'return' | 'markNotApplicable' | 'reopen'>;

const TARGET: Record<ItemMove, ItemStatus> = {
  submit: 'submitted',
  acknowledge: 'acknowledged',
  return: 'draft',
  markNotApplicable: 'not_applicable',
  reopen: 'draft',
};

/**
 * Moves an item: the departing executive submits it (whole and valid),
 * the successor acknowledges it or sends it back with a comment, it is
 * marked not applicable with a reason, or reopened. Milestones whose rule
 * the move satisfies complete themselves.
 */
export async function itemTransitioner(props: {
  manager: EntityManager; context: CommandContext; record: HandoverRecord;
  item: HandoverItem; actor: string; move: ItemMove; reason?: string;
}): Promise<void> {
  const { manager, context, record, item, actor, move, reason } = props;
  if (move === 'submit') checkFields(item.kind, item.fields, true);
  const now = new Date(context.clock.now());
  const changes: Partial<HandoverItem> = { status: TARGET[move], updatedAt: now };
  if (move === 'submit') Object.assign(changes, { submittedAt: now, returnComment: null });
  if (move === 'acknowledge') {
    Object.assign(changes, { acknowledgedAt: now, acknowledgedBy: actor });
  }
  if (move === 'return') changes.returnComment = reason ?? null;
  if (move === 'markNotApplicable') changes.naReason = reason ?? null;
  if (move === 'reopen') changes.naReason = null;

  const result = await manager.createQueryBuilder().update(HandoverItem).set(patch(changes))
    .where('id = :id AND status = :from', { id: item.id, from: item.status })
    .execute();
  if (result.affected !== 1) throw conflict('item changed meanwhile; reload');
  const from = item.status;
  Object.assign(item, changes);

  await audit(manager, {
    actor, action: `item.${move}`, targetType: 'item', targetId: item.id,
    handoverId: item.handoverId,
    details: { title: item.title, from, to: item.status, ...(reason ? { reason } : {}) },
  }, now);
  await milestoneRuleApplier({ manager, context, record, actor });
}
