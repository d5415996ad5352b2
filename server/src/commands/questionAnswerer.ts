import { EntityManager } from 'typeorm';
import { patch } from '../db/partial';
import { Question } from '../entities';
import { audit } from '../domain/audit';
import { HandoverRecord } from '../domain/handover-record';
import { questionAnsweredCard, shortChars } from '../domain/question-messages';
import { conflict } from '../errors';
import { enqueue } from '../outbox/outbox';
import { CommandContext } from './context';
import { EXCERPT_CHARS } from './questionAsker';

/**
 * Answers an open question (policy checked by the caller) and queues a
 * message to whoever asked, linking to the thread. Only one answer wins:
 * the update holds only while the question is still open, so a second
 * answer at the same moment gets 409.
 */
export async function questionAnswerer(props: {
  manager: EntityManager; context: CommandContext; record: HandoverRecord;
  question: Question; actor: string; answer: string;
}): Promise<Question> {
  const { manager, context, record, question, actor, answer } = props;
  const now = new Date(context.clock.now());
  const changes: Partial<Question> = {
    status: 'answered', answer, answeredBy: actor, answeredAt: now,
  };

  const result = await manager.createQueryBuilder().update(Question).set(patch(changes))
    .where('id = :id AND status = :open', { id: question.id, open: 'open' })
    .execute();
  if (result.affected !== 1) throw conflict('the question has already been answered');
  Object.assign(question, changes);

  const item = record.items.find((i) => i.id === question.itemId) ?? null;
  await audit(manager, {
    actor, action: 'question.answered', targetType: 'question', targetId: question.id,
    handoverId: record.handover.id,
    details: { itemId: question.itemId, itemTitle: item?.title ?? null,
      excerpt: shortChars(answer, EXCERPT_CHARS) },
  }, now);
  await enqueue(manager, questionAnsweredCard({
    handover: record.handover, questionId: question.id,
    itemTitle: item?.title ?? null, body: question.body, publicUrl: context.publicUrl,
    touser: question.askedBy, answerer: record.names.get(actor) ?? actor, answer,
  }), now);
  return question;
}
