import { EntityManager } from 'typeorm';
import type { AddParticipantRequest } from '@baton/shared';
import { Employee, HandoverParticipant } from '../entities';
import { audit } from '../domain/audit';
import { HandoverRecord } from '../domain/handover-record';
import { conflict, validationError } from '../errors';
import { enqueue } from '../outbox/outbox';
import { CommandContext } from './context';

/** Roles HR adds and removes; the others are fixed at creation. */
const CHANGEABLE = new Set(['manager', 'stakeholder']);

/**
 * Adds a manager or stakeholder. Once the group exists, they join it.
 */
export async function participantAdder(props: {
  manager: EntityManager; context: CommandContext; record: HandoverRecord;
  actor: string; input: AddParticipantRequest;
}): Promise<HandoverParticipant> {
  const { manager, context, record, actor, input } = props;
  const person = await manager.findOneBy(Employee, { userid: input.userid });
  if (!person || person.departedAt) {
    throw validationError(`${input.userid} is not a member of the directory`, 'userid');
  }
  // One person, one role: a departing executive who is also their own
  // manager, or a successor who is also a signer twice over, defeats the
  // three-way sign-off.
  const existing = record.participants.find((p) => p.userid === input.userid);
  if (existing) {
    throw conflict(`${input.userid} already takes part as ${existing.role}`);
  }
  const now = new Date(context.clock.now());
  const participant = await manager.save(manager.create(HandoverParticipant, {
    handoverId: record.handover.id, userid: input.userid, role: input.role, createdAt: now,
  }));
  await audit(manager, {
    actor, action: 'participant.added', targetType: 'participant',
    targetId: participant.id, handoverId: record.handover.id,
    details: { userid: input.userid, role: input.role },
  }, now);
  await syncChat(manager, record, { add: input.userid }, now);
  return participant;
}

/** Removes a manager or stakeholder; they leave the group unless still in another role. */
export async function participantRemover(props: {
  manager: EntityManager; context: CommandContext; record: HandoverRecord;
  actor: string; participant: HandoverParticipant;
}): Promise<void> {
  const { manager, context, record, actor, participant } = props;
  if (!CHANGEABLE.has(participant.role)) {
    throw conflict(`the ${participant.role} cannot be removed`);
  }
  const now = new Date(context.clock.now());
  await manager.delete(HandoverParticipant, { id: participant.id });
  await audit(manager, {
    actor, action: 'participant.removed', targetType: 'participant',
    targetId: participant.id, handoverId: record.handover.id,
    details: { userid: participant.userid, role: participant.role },
  }, now);
  const stays = record.participants.some((p) => p.id !== participant.id
    && p.userid === participant.userid);
  if (!stays) await syncChat(manager, record, { remove: participant.userid }, now);
}

/** Membership follows participants once the group has been created. */
async function syncChat(manager: EntityManager, record: HandoverRecord,
  change: { add?: string; remove?: string }, now: Date): Promise<void> {
  const { handover } = record;
  if (handover.status !== 'active' || !handover.chatId) return;
  await enqueue(manager, {
    kind: 'appchat.update', handoverId: handover.id,
    dedupeKey: `handover:${handover.id}:members:${now.getTime()}:${change.add ?? change.remove}`,
    payload: {
      chatid: handover.chatId,
      ...(change.add ? { add_user_list: [change.add] } : {}),
      ...(change.remove ? { del_user_list: [change.remove] } : {}),
    },
  }, now);
}
