import { EntityManager } from 'typeorm';
import type { MilestoneRule } from '@baton/shared';
import { HandoverItem } from '../entities';
import { HandoverRecord } from '../domain/handover-record';
import { itemSettled } from '../domain/progress';
import { CommandContext } from './context';
import { milestoneCompleter } from './milestoneCompleter';

/** Which items a rule waits for; signed_off waits for signatures instead. */
const RULE_ITEMS: Record<Exclude<MilestoneRule, 'signed_off'>, (i: HandoverItem) => boolean> = {
  documents_acknowledged: (i) => i.section === 'documents_assets',
  clients_acknowledged: (i) => i.kind === 'client',
  team_acknowledged: (i) => i.kind === 'team_member',
  access_acknowledged: (i) => i.kind === 'system_access',
};

/**
 * Completes every open milestone whose rule is now met: all its items
 * acknowledged or not applicable (and at least one of them exists). Only
 * while the handover runs; the actor whose change met the rule is recorded.
 */
export async function milestoneRuleApplier(props: {
  manager: EntityManager; context: CommandContext; record: HandoverRecord; actor: string;
}): Promise<void> {
  const { manager, context, record, actor } = props;
  if (record.handover.status !== 'active') return;
  for (const milestone of record.milestones) {
    if (milestone.doneAt || !milestone.rule || milestone.rule === 'signed_off') continue;
    const items = record.items.filter(RULE_ITEMS[milestone.rule]);
    if (items.length === 0 || !items.every(itemSettled)) continue;
    await milestoneCompleter({ manager, context, record, milestoneId: milestone.id,
      actor, via: 'rule' });
  }
}
