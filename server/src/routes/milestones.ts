import { Router } from '@koa/router';
import { milestoneCompleter } from '../commands/milestoneCompleter';
import { milestoneSigner } from '../commands/milestoneSigner';
import { requireAuth } from '../middleware/auth';
import { jsonBody } from '../middleware/json-body';
import { childById, milestoneFacts } from '../policies/access';
import { signableRoles } from '../policies/milestone';
import { presentDetail } from '../presenters/handover';
import { changeHandover } from './access';
import { RouteDeps } from './context';

/** `/api/handovers/:id/milestones/:milestoneId/...`: complete and sign. */
export function milestoneRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api/handovers/:id/milestones/:milestoneId' });
  router.use(requireAuth(deps), jsonBody);

  router.post('/complete', async (ctx) => {
    const { access } = await changeHandover(deps, ctx, async (access, manager) => {
      const milestone = childById(access.record.milestones, ctx.params.milestoneId, 'milestone');
      access.requireMilestone(milestone, 'complete', '只有负责人、人事或部门负责人可以完成这个里程碑');
      await milestoneCompleter({ manager, context: deps.commands, record: access.record,
        milestoneId: milestone.id, actor: access.actor.userid, via: 'h5' });
    });
    ctx.body = presentDetail(access, deps.clock.now());
  });

  router.post('/sign', async (ctx) => {
    const { access } = await changeHandover(deps, ctx, async (access, manager) => {
      const milestone = childById(access.record.milestones, ctx.params.milestoneId, 'milestone');
      access.requireMilestone(milestone, 'sign', '你不需要签署这一项，或已经签过');
      await milestoneSigner({ manager, context: deps.commands, record: access.record,
        milestone, actor: access.actor.userid,
        roles: signableRoles(access.subject, milestoneFacts(milestone)) });
    });
    ctx.body = presentDetail(access, deps.clock.now());
  });

  return router;
}
