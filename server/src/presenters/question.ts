import type { QuestionView } from '@baton/shared';
import { Question } from '../entities';
import { HandoverAccess } from '../policies/access';
import { questionActions } from '../policies/question';
import { iso, person } from './handover';

/** What the caller may do to a question now: `answer`, or nothing. */
export function questionActionsFor(access: HandoverAccess, q: Question): string[] {
  return [...questionActions(access.subject, { status: q.status })];
}

/**
 * A question for this caller, with its item's current title (null when it
 * is on the whole handover, or its item has since been deleted). `names`
 * holds the asker's and answerer's names.
 */
export function presentQuestion(access: HandoverAccess, q: Question,
  names: Map<string, string>): QuestionView {
  const item = q.itemId === null ? undefined
    : access.record.items.find((i) => i.id === q.itemId);
  return {
    id: String(q.id),
    handoverId: String(q.handoverId),
    itemId: q.itemId === null ? null : String(q.itemId),
    itemTitle: item?.title ?? null,
    body: q.body,
    askedBy: person(names, q.askedBy),
    askedAt: q.askedAt.toISOString(),
    status: q.status,
    answer: q.answer,
    answeredBy: q.answeredBy === null ? null : person(names, q.answeredBy),
    answeredAt: iso(q.answeredAt),
    actions: questionActionsFor(access, q),
  };
}
