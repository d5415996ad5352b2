import { Router } from '@koa/router';
import type { MeResponse } from '@baton/shared';
import { Employee } from '../entities';
import { actorOf, requireAuth } from '../middleware/auth';
import { jsonBody } from '../middleware/json-body';
import { RouteDeps } from './context';

/** `GET /api/me`: who is logged in. */
export function meRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api/me' });
  router.use(requireAuth(deps), jsonBody);

  router.get('/', async (ctx) => {
    const actor = actorOf(ctx);
    const me = await deps.db.getRepository(Employee).findOneBy({ userid: actor.userid });
    const body: MeResponse = {
      user: { userid: actor.userid, name: me?.name ?? actor.userid,
        position: me?.position ?? '' },
      isHr: actor.isHr,
    };
    ctx.body = body;
  });

  return router;
}
