import { Router } from '@koa/router';
import { CreateItemRequest, ReasonRequest, SECTIONS, UpdateItemRequest } from '@baton/shared';
import { itemCreator } from '../commands/itemCreator';
import { itemDeleter } from '../commands/itemDeleter';
import { ItemMove, itemTransitioner } from '../commands/itemTransitioner';
import { itemUpdater } from '../commands/itemUpdater';
import { validationError } from '../errors';
import { requireAuth } from '../middleware/auth';
import { jsonBody } from '../middleware/json-body';
import { parseInput } from '../middleware/validate';
import { childById } from '../policies/access';
import { presentItem } from '../presenters/item';
import { changeHandover, loadAccess, parseCursor } from './access';
import { RouteDeps } from './context';

const PAGE_SIZE = 100;

/** Item moves by URL verb, and whether they need a reason. */
const MOVES: Record<string, { move: ItemMove; reason: boolean }> = {
  submit: { move: 'submit', reason: false },
  acknowledge: { move: 'acknowledge', reason: false },
  return: { move: 'return', reason: true },
  'not-applicable': { move: 'markNotApplicable', reason: true },
  reopen: { move: 'reopen', reason: false },
};

/** `/api/handovers/:id/items`: the structured handover itself. */
export function itemRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api/handovers/:id/items' });
  router.use(requireAuth(deps), jsonBody);

  router.get('/', async (ctx) => {
    const access = await loadAccess(deps, deps.db.manager, ctx);
    const section = ctx.query.section;
    if (section !== undefined && !SECTIONS.includes(section as never)) {
      throw validationError(`section must be one of ${SECTIONS.join(', ')}`, 'section');
    }
    const offset = parseCursor(ctx.query.cursor) ?? 0;

    const items = access.record.items.filter((i) => !section || i.section === section);
    const page = items.slice(offset, offset + PAGE_SIZE);

    ctx.body = {
      items: page.map((i) => presentItem(access, i)),
      nextCursor: items.length > offset + PAGE_SIZE ? String(offset + PAGE_SIZE) : null,
    };
  });

  router.post('/', async (ctx) => {
    const input = parseInput(CreateItemRequest, ctx.request.body);
    const { result: item, access } = await changeHandover(deps, ctx, async (access, manager) => {
      access.require('createItem', '只有离任者或人事可以添加交接内容');
      return itemCreator({ manager, context: deps.commands, record: access.record,
        actor: access.actor.userid, input });
    });
    ctx.status = 201;
    ctx.body = presentItem(access, childById(access.record.items, String(item.id), 'item'));
  });

  router.get('/:itemId', async (ctx) => {
    const access = await loadAccess(deps, deps.db.manager, ctx);
    ctx.body = presentItem(access, childById(access.record.items, ctx.params.itemId, 'item'));
  });

  router.patch('/:itemId', async (ctx) => {
    const input = parseInput(UpdateItemRequest, ctx.request.body);
    const { access } = await changeHandover(deps, ctx, async (access, manager) => {
      const item = childById(access.record.items, ctx.params.itemId, 'item');
      access.requireItem(item, 'update', '这一项现在不能修改');
      await itemUpdater({ manager, context: deps.commands, item,
        actor: access.actor.userid, input });
    });
    ctx.body = presentItem(access, childById(access.record.items, ctx.params.itemId, 'item'));
  });

  for (const [verb, { move, reason }] of Object.entries(MOVES)) {
    router.post(`/:itemId/${verb}`, async (ctx) => {
      const input = reason ? parseInput(ReasonRequest, ctx.request.body) : null;
      const { access } = await changeHandover(deps, ctx, async (access, manager) => {
        const item = childById(access.record.items, ctx.params.itemId, 'item');
        access.requireItem(item, move);
        await itemTransitioner({ manager, context: deps.commands, record: access.record,
          item, actor: access.actor.userid, move, reason: input?.reason });
      });
      ctx.body = presentItem(access, childById(access.record.items, ctx.params.itemId, 'item'));
    });
  }

  router.delete('/:itemId', async (ctx) => {
    await changeHandover(deps, ctx, async (access, manager) => {
      const item = childById(access.record.items, ctx.params.itemId, 'item');
      access.requireItem(item, 'delete', '只能删除自己添加的草稿');
      await itemDeleter({ manager, context: deps.commands, item, actor: access.actor.userid });
    });
    ctx.status = 204;
  });

  return router;
}
