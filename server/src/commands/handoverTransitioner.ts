import { EntityManager } from 'typeorm';
import type { HandoverStatus } from '@baton/shared';
import { copy } from '../copy/zh-CN';
import { Handover } from '../entities';
import { audit } from '../domain/audit';
import { HandoverRecord } from '../domain/handover-record';
import { checkTransition } from '../domain/lifecycle';
import { completionBlocker } from '../domain/completion';
import { conflict } from '../errors';
import { enqueue } from '../outbox/outbox';
import { CommandContext } from './context';

/** The moves after the start; see domain/lifecycle.ts. */
export type LaterStatus = Extract<HandoverStatus,
  'completed' | 'evaluating' | 'closed' | 'cancelled'>;

export interface HandoverTransitionerProps {
  manager: EntityManager;
  context: CommandContext;
  record: HandoverRecord;
  actor: string;
  to: LaterStatus;
  /** Required to cancel. */
  reason?: string;
}

const DATE_COLUMN: Record<LaterStatus, keyof Handover | null> = {
  completed: 'completedAt', evaluating: null, closed: 'closedAt', cancelled: 'cancelledAt',
};

/**
 * Moves a handover on: completes it (only once signed off and every
 * required item is settled), starts the evaluation, closes or cancels it.
 * Cancelling keeps every item and milestone; it only marks the handover.
 * The group hears about completion and cancellation.
 */
export async function handoverTransitioner(props: HandoverTransitionerProps): Promise<void> {
  const { manager, context, record, actor, to } = props;
  const { handover } = record;
  checkTransition(handover.status, to);
  const blocker = to === 'completed' ? completionBlocker(record) : null;
  if (blocker) throw conflict(blocker);
  const now = new Date(context.clock.now());

  const dateColumn = DATE_COLUMN[to];
  const changes: Partial<Handover> = { status: to, updatedAt: now };
  if (dateColumn) Object.assign(changes, { [dateColumn]: now });
  if (to === 'cancelled') changes.cancelReason = props.reason ?? null;
  const result = await manager.createQueryBuilder().update(Handover).set(changes)
    .where('id = :id AND status = :from', { id: handover.id, from: handover.status })
    .execute();
  if (result.affected !== 1) throw conflict('the handover changed meanwhile; reload');

  await audit(manager, {
    actor, action: `handover.${to}`, targetType: 'handover', targetId: handover.id,
    handoverId: handover.id,
    details: { from: handover.status, to, ...(props.reason ? { reason: props.reason } : {}) },
  }, now);
  const from = handover.status;
  Object.assign(handover, changes);
  await tellGroup(manager, record, to, from, now);
}

/** The group learns a handover completed (and is renamed) or was cancelled. */
async function tellGroup(manager: EntityManager, record: HandoverRecord,
  to: LaterStatus, from: HandoverStatus, now: Date): Promise<void> {
  const { handover } = record;
  if (from === 'draft' || !handover.chatId) return; // no group exists yet
  if (to === 'completed') {
    await enqueue(manager, {
      kind: 'appchat.update', handoverId: handover.id,
      dedupeKey: `handover:${handover.id}:renamed-completed`,
      payload: { chatid: handover.chatId, name: copy.completedChatName(handover.title) },
    }, now);
  }
  if (to === 'completed' || to === 'cancelled') {
    await enqueue(manager, {
      kind: 'appchat.send', handoverId: handover.id,
      dedupeKey: `handover:${handover.id}:${to}`,
      payload: { chatid: handover.chatId, msgtype: 'markdown', markdown: {
        content: to === 'completed'
          ? copy.handoverCompleted(handover.title)
          : copy.handoverCancelled(handover.title, handover.cancelReason ?? ''),
      } },
    }, now);
  }
}
