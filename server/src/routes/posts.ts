import { Router } from '@koa/router';
import { ProgressPostRequest, type ProgressPostResponse } from '@baton/shared';
import { progressPoster } from '../commands/progressPoster';
import { computeProgress } from '../domain/progress';
import { requireAuth } from '../middleware/auth';
import { jsonBody } from '../middleware/json-body';
import { parseInput } from '../middleware/validate';
import { changeHandover } from './access';
import { RouteDeps } from './context';

/** `POST /api/handovers/:id/posts`: HR's progress update to the group. */
export function postRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api/handovers/:id/posts' });
  router.use(requireAuth(deps), jsonBody);

  router.post('/', async (ctx) => {
    const input = parseInput(ProgressPostRequest, ctx.request.body);
    const { result, access } = await changeHandover(deps, ctx, async (access, manager) => {
      access.require('postUpdate', '只有人事可以在群里发布进展');
      return progressPoster({ manager, context: deps.commands, record: access.record,
        actor: access.actor.userid, text: input.text });
    });
    const body: ProgressPostResponse = {
      content: result.content,
      progress: computeProgress(access.record, deps.clock.now()),
    };
    ctx.status = 201;
    ctx.body = body;
  });

  return router;
}
