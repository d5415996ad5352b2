import { Router } from '@koa/router';
import type { QuestionListResponse } from '@baton/shared';
import { AnswerQuestionRequest, AskQuestionRequest } from '@baton/shared';
import { EntityManager } from 'typeorm';
import { questionAnswerer } from '../commands/questionAnswerer';
import { questionAsker } from '../commands/questionAsker';
import { namesOf } from '../domain/handover-record';
import { Question } from '../entities';
import { notFound, validationError } from '../errors';
import { requireAuth } from '../middleware/auth';
import { jsonBody } from '../middleware/json-body';
import { parseInput } from '../middleware/validate';
import { HandoverAccess } from '../policies/access';
import { requireQuestion } from '../policies/question';
import { presentQuestion } from '../presenters/question';
import { changeHandover, loadAccess, parseId } from './access';
import { RouteDeps } from './context';

/**
 * `/api/handovers/:id/questions`: the successor's (or the manager's, or
 * HR's) questions on a handover's items, and the departing executive's
 * answers. Every reader of the handover reads them, also after close.
 */
export function questionRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api/handovers/:id/questions' });
  router.use(requireAuth(deps), jsonBody);

  router.get('/', async (ctx) => {
    const access = await loadAccess(deps, deps.db.manager, ctx);
    const itemId = ctx.query.itemId === undefined ? undefined : parseId(ctx.query.itemId);
    if (itemId === null) throw validationError('itemId is not an item id', 'itemId');
    access.require('readQuestions');

    const questions = await deps.db.getRepository(Question).find({
      where: { handoverId: access.record.handover.id,
        ...(itemId === undefined ? {} : { itemId }) },
      order: { id: 'ASC' },
    });

    const names = await namesFor(deps.db.manager, access, questions);
    const body: QuestionListResponse = {
      items: questions.map((q) => presentQuestion(access, q, names)),
    };
    ctx.body = body;
  });

  router.post('/', async (ctx) => {
    const input = parseInput(AskQuestionRequest, ctx.request.body);
    const { result, access } = await changeHandover(deps, ctx, (access, manager) => {
      access.require('askQuestion', '只有接任者、部门负责人或人事可以提问');
      return questionAsker({ manager, context: deps.commands, record: access.record,
        actor: access.actor.userid, input });
    });
    ctx.status = 201;
    ctx.body = presentQuestion(access, result,
      await namesFor(deps.db.manager, access, [result]));
  });

  router.get('/:questionId', async (ctx) => {
    const access = await loadAccess(deps, deps.db.manager, ctx);
    access.require('readQuestions');
    const question = await questionOf(deps.db.manager, access, ctx.params.questionId);

    ctx.body = presentQuestion(access, question,
      await namesFor(deps.db.manager, access, [question]));
  });

  router.post('/:questionId/answer', async (ctx) => {
    const input = parseInput(AnswerQuestionRequest, ctx.request.body);
    const { result, access } = await changeHandover(deps, ctx, async (access, manager) => {
      const question = await questionOf(manager, access, ctx.params.questionId);
      requireQuestion(access, question, 'answer', '只有离任者可以回答问题');
      return questionAnswerer({ manager, context: deps.commands, record: access.record,
        question, actor: access.actor.userid, answer: input.answer });
    });
    ctx.body = presentQuestion(access, result,
      await namesFor(deps.db.manager, access, [result]));
  });

  return router;
}

/** A question of this handover by its id from the URL, or 404. */
async function questionOf(manager: EntityManager, access: HandoverAccess,
  raw: string | undefined): Promise<Question> {
  const id = parseId(raw);
  const question = id === null ? null : await manager.findOneBy(Question,
    { id, handoverId: access.record.handover.id });
  if (!question) throw notFound('question');
  return question;
}

/**
 * Names of the people in these questions: the participants' come with the
 * record; HR outside the handover may ask too, so theirs are looked up.
 */
async function namesFor(manager: EntityManager, access: HandoverAccess,
  questions: Question[]): Promise<Map<string, string>> {
  const { names } = access.record;
  const missing = questions.flatMap((q) => [q.askedBy, q.answeredBy])
    .filter((userid): userid is string => userid !== null && !names.has(userid));
  if (missing.length === 0) return names;
  return new Map([...names, ...await namesOf(manager, missing)]);
}
