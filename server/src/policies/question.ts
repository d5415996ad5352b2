import type { QuestionStatus } from '@baton/shared';
import { conflict, forbidden } from '../errors';
import type { HandoverAccess } from './access';
import { allowed, refusal, Rule, Subject } from './handover';

/**
 * What may be done to one question; see policies/handover.ts for the
 * shape. Reading and asking are handover actions (`readQuestions`,
 * `askQuestion`); answering depends on the question too.
 */
export const QUESTION_ACTIONS = ['answer'] as const;
export type QuestionAction = (typeof QUESTION_ACTIONS)[number];

/** What a question's rules look at. */
export interface QuestionFacts {
  status: QuestionStatus;
}

export const QUESTION_RULES: Record<QuestionAction, Rule<QuestionFacts>> = {
  // Only the departing executive knows the answer; once the handover is no
  // longer running, open questions stay open.
  answer: {
    who: (s) => s.roles.has('departing'),
    when: (s, q) => s.status === 'active' && q.status === 'open',
    why: (s, q) => (s.status === 'active' && q.status !== 'open'
      ? 'the question has already been answered' : null),
  },
};

/** Every question action the subject may take on this question now. */
export function questionActions(subject: Subject,
  question: QuestionFacts): Set<QuestionAction> {
  return allowed(QUESTION_RULES, QUESTION_ACTIONS, subject, question);
}

/**
 * 403 unless the actor may ever do `action` to the question, 409 unless
 * the handover's and the question's state allow it now. The caller has
 * already answered 404 to whoever may not read the handover.
 */
export function requireQuestion(access: HandoverAccess, question: QuestionFacts,
  action: QuestionAction, message?: string): void {
  const refused = refusal(QUESTION_RULES[action], access.subject, question);
  if (refused?.status === 403) throw forbidden(message);
  if (refused?.status === 409) {
    throw conflict(refused.reason ?? `${action} is not possible in the current state`);
  }
}
