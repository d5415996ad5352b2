import { EntityManager } from 'typeorm';
import type { ParticipantRole } from '@baton/shared';
import { Milestone } from '../entities';
import { audit } from '../domain/audit';
import { HandoverRecord } from '../domain/handover-record';
import { conflict } from '../errors';
import { CommandContext } from './context';
import { milestoneCompleter } from './milestoneCompleter';

/**
 * Signs a sign-off milestone in every role the actor may still sign as
 * (`roles`, from the policy); the last signature completes it.
 */
export async function milestoneSigner(props: {
  manager: EntityManager; context: CommandContext; record: HandoverRecord;
  milestone: Milestone; actor: string; roles: ParticipantRole[];
}): Promise<void> {
  const { manager, context, record, milestone, actor, roles } = props;
  const now = new Date(context.clock.now());
  const before = milestone.signatures ?? {};
  const signatures = { ...before };
  for (const role of roles) signatures[role] = { userid: actor, at: now.toISOString() };

  // Guard on the signatures read, so two signers at once cannot lose one.
  const result = await manager.createQueryBuilder().update(Milestone)
    .set({ signatures })
    .where('id = :id AND done_at IS NULL', { id: milestone.id })
    .andWhere(milestone.signatures === null ? 'signatures IS NULL' : 'signatures = :before',
      { before: JSON.stringify(before) })
    .execute();
  if (result.affected !== 1) throw conflict('someone signed meanwhile; reload');
  milestone.signatures = signatures;

  await audit(manager, {
    actor, action: 'milestone.signed', targetType: 'milestone', targetId: milestone.id,
    handoverId: record.handover.id, details: { roles },
  }, now);
  if ((milestone.signers ?? []).every((role) => signatures[role])) {
    await milestoneCompleter({ manager, context, record, milestoneId: milestone.id,
      actor, via: 'signatures' });
  }
}
