import { z } from 'zod';
import { PersonRef } from './me';

export const QUESTION_STATUSES = ['open', 'answered'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** The longest question and answer kept, in characters. */
export const QUESTION_MAX = 2000;
export const ANSWER_MAX = 4000;

/**
 * One question on a handover (usually on one of its items) as the API shows
 * it. The thread stays readable to the successor, manager and HR after the
 * departing executive has left.
 */
export const QuestionView = z.object({
  id: z.string(),
  handoverId: z.string(),
  /** The item asked about; null for a question on the handover as a whole. */
  itemId: z.string().nullable(),
  itemTitle: z.string().nullable(),
  body: z.string(),
  askedBy: PersonRef,
  askedAt: z.string(),
  status: z.enum(QUESTION_STATUSES),
  answer: z.string().nullable(),
  answeredBy: PersonRef.nullable(),
  answeredAt: z.string().nullable(),
  /** `answer` when the caller may answer it now. */
  actions: z.array(z.string()),
});
export type QuestionView = z.infer<typeof QuestionView>;

export const QuestionListResponse = z.object({
  items: z.array(QuestionView),
});
export type QuestionListResponse = z.infer<typeof QuestionListResponse>;

/** `POST /api/handovers/:id/questions`. */
export const AskQuestionRequest = z.object({
  itemId: z.string().regex(/^[1-9]\d{0,14}$/, 'not an item id').optional(),
  body: z.string().trim().min(1, 'the question is empty').max(QUESTION_MAX),
}).strict();
export type AskQuestionRequest = z.infer<typeof AskQuestionRequest>;

/** `POST /api/handovers/:id/questions/:questionId/answer`. */
export const AnswerQuestionRequest = z.object({
  answer: z.string().trim().min(1, 'the answer is empty').max(ANSWER_MAX),
}).strict();
export type AnswerQuestionRequest = z.infer<typeof AnswerQuestionRequest>;
