import { Router } from '@koa/router';
import { AddParticipantRequest } from '@baton/shared';
import { participantAdder, participantRemover } from '../commands/participantChanger';
import { requireAuth } from '../middleware/auth';
import { jsonBody } from '../middleware/json-body';
import { parseInput } from '../middleware/validate';
import { childById } from '../policies/access';
import { presentDetail } from '../presenters/handover';
import { changeHandover } from './access';
import { RouteDeps } from './context';

/** `/api/handovers/:id/participants`: HR adds and removes managers and stakeholders. */
export function participantRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api/handovers/:id/participants' });
  router.use(requireAuth(deps), jsonBody);

  router.post('/', async (ctx) => {
    const input = parseInput(AddParticipantRequest, ctx.request.body);
    const { access } = await changeHandover(deps, ctx, async (access, manager) => {
      access.require('manageParticipants', '只有人事可以调整参与人');
      await participantAdder({ manager, context: deps.commands, record: access.record,
        actor: access.actor.userid, input });
    });
    ctx.status = 201;
    ctx.body = presentDetail(access, deps.clock.now());
  });

  router.delete('/:participantId', async (ctx) => {
    const { access } = await changeHandover(deps, ctx, async (access, manager) => {
      access.require('manageParticipants', '只有人事可以调整参与人');
      const participant = childById(access.record.participants,
        ctx.params.participantId, 'participant');
      await participantRemover({ manager, context: deps.commands, record: access.record,
        actor: access.actor.userid, participant });
    });
    ctx.body = presentDetail(access, deps.clock.now());
  });

  return router;
}
