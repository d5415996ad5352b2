import { EntityManager } from 'typeorm';
import type { AskQuestionRequest } from '@baton/shared';
import { Question } from '../entities';
import { audit } from '../domain/audit';
import { HandoverRecord, holdersOf, namesOf } from '../domain/handover-record';
import { questionAskedCard, shortChars } from '../domain/question-messages';
import { validationError } from '../errors';
import { enqueue } from '../outbox/outbox';
import { CommandContext } from './context';

/** How much of a question or answer the timeline keeps. */
export const EXCERPT_CHARS = 100;

/**
 * Records a question on the handover or one of its items (policy checked
 * by the caller) and queues a card to the departing executive that opens
 * it in the H5, in the same transaction.
 */
export async function questionAsker(props: {
  manager: EntityManager; context: CommandContext; record: HandoverRecord;
  actor: string; input: AskQuestionRequest;
}): Promise<Question> {
  const { manager, context, record, actor, input } = props;
  const { handover } = record;
  const item = input.itemId === undefined ? null
    : record.items.find((i) => String(i.id) === input.itemId);
  if (item === undefined) {
    throw validationError('itemId: no such item in this handover', 'itemId');
  }
  const now = new Date(context.clock.now());

  const question = await manager.save(manager.create(Question, {
    handoverId: handover.id, itemId: item?.id ?? null, askedBy: actor,
    body: input.body, status: 'open', answer: null, answeredBy: null,
    askedAt: now, answeredAt: null,
  }));
  await audit(manager, {
    actor, action: 'question.asked', targetType: 'question', targetId: question.id,
    handoverId: handover.id,
    details: { itemId: item?.id ?? null, itemTitle: item?.title ?? null,
      excerpt: shortChars(input.body, EXCERPT_CHARS) },
  }, now);

  const touser = holdersOf(record, 'departing');
  if (touser.length > 0) {
    const names = await namesOf(manager, [actor]);
    await enqueue(manager, questionAskedCard({
      handover, questionId: question.id, itemTitle: item?.title ?? null,
      body: input.body, publicUrl: context.publicUrl, touser,
      asker: record.names.get(actor) ?? names.get(actor) ?? actor,
    }), now);
  }
  return question;
}
