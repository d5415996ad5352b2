import { QuestionListResponse, QuestionView } from '@baton/shared';
import { request } from './http';

function questionsPath(handoverId: string): string {
  return `/api/handovers/${encodeURIComponent(handoverId)}/questions`;
}

function questionPath(handoverId: string, questionId: string): string {
  return `${questionsPath(handoverId)}/${encodeURIComponent(questionId)}`;
}

/**
 * `GET /api/handovers/:id/questions`: the handover's questions, or only
 * those on one item when `itemId` is given. 403 without `readQuestions`.
 */
export function fetchQuestions(
  handoverId: string,
  itemId?: string,
  signal?: AbortSignal,
): Promise<QuestionListResponse> {
  return request(questionsPath(handoverId), QuestionListResponse, {
    query: { itemId },
    signal,
  });
}

/** `GET /api/handovers/:id/questions/:questionId`: one question. */
export function fetchQuestion(
  handoverId: string,
  questionId: string,
  signal?: AbortSignal,
): Promise<QuestionView> {
  return request(questionPath(handoverId, questionId), QuestionView, {
    signal,
  });
}

/**
 * `POST /api/handovers/:id/questions`: asks a question, on one item or on
 * the whole handover. Answers with the question as stored; 403 without
 * `askQuestion`, 409 when the handover no longer takes questions.
 */
export function askQuestion(
  handoverId: string,
  body: string,
  itemId?: string,
): Promise<QuestionView> {
  return request(questionsPath(handoverId), QuestionView, {
    method: 'POST',
    body: itemId ? { itemId, body } : { body },
  });
}

/**
 * `POST .../questions/:questionId/answer`: answers a question (the server
 * tells the asker). Answers with the question as it is afterwards; 403 or
 * 409 when the caller may not, or no longer can, answer it.
 */
export function answerQuestion(
  handoverId: string,
  questionId: string,
  answer: string,
): Promise<QuestionView> {
  const path = `${questionPath(handoverId, questionId)}/answer`;
  return request(path, QuestionView, { method: 'POST', body: { answer } });
}
