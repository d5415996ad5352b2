import { Router } from '@koa/router';
import { TransferCustomersRequest } from '@baton/shared';
import { customerLister } from '../commands/customerLister';
import { customerTransferrer } from '../commands/customerTransferrer';
import { CustomerTransfer } from '../entities';
import { requireAuth } from '../middleware/auth';
import { jsonBody } from '../middleware/json-body';
import { parseInput } from '../middleware/validate';
import { HandoverAccess } from '../policies/access';
import { presentCustomers } from '../presenters/customer';
import { changeHandover, loadAccess } from './access';
import { RouteDeps } from './context';

/**
 * `/api/handovers/:id/customers`: the departing executive's WeCom customers
 * and their transfer (客户继承) to the successor. HR and the manager list
 * and transfer; the departing executive and the successor follow along.
 */
export function customerRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api/handovers/:id/customers' });
  router.use(requireAuth(deps), jsonBody);

  /** Rows of the handover, oldest first, as the API shows them. */
  const present = async (access: HandoverAccess) => presentCustomers(access,
    await deps.db.getRepository(CustomerTransfer).find({
      where: { handoverId: access.record.handover.id }, order: { id: 'ASC' },
    }));

  router.get('/', async (ctx) => {
    const access = await loadAccess(deps, deps.db.manager, ctx);

    access.require('readCustomers', '只有交接双方、经理和人事可以查看客户转接');

    ctx.body = await present(access);
  });

  router.post('/refresh', async (ctx) => {
    const access = await loadAccess(deps, deps.db.manager, ctx);

    access.require('transferCustomers', '只有人事或经理可以转接客户');

    await customerLister({ db: deps.db, client: deps.wecom, context: deps.commands,
      handover: access.record.handover, actor: access.actor.userid });

    ctx.body = await present(access);
  });

  router.post('/transfer', async (ctx) => {
    const input = parseInput(TransferCustomersRequest, ctx.request.body);

    const { access } = await changeHandover(deps, ctx, async (access, manager) => {
      access.require('transferCustomers', '只有人事或经理可以转接客户');
      return customerTransferrer({ manager, context: deps.commands, record: access.record,
        actor: access.actor.userid, externalUserids: input.externalUserids,
        message: input.message });
    });

    ctx.status = 202;
    ctx.body = await present(access);
  });

  return router;
}
