import { Router } from '@koa/router';
import { CloneTemplateRequest, UpdateTemplateRequest } from '@baton/shared';
import {
  templateCloner, templateEditor, templateRetirer,
} from '../commands/templateCommands';
import { HandoverTemplate } from '../entities';
import { conflict, forbidden, notFound } from '../errors';
import { actorOf, requireAuth } from '../middleware/auth';
import { jsonBody } from '../middleware/json-body';
import { parseInput } from '../middleware/validate';
import { presentTemplate } from '../presenters/template';
import { TEMPLATE_RULES, TemplateAction } from '../policies/template';
import { Actor } from '../policies/handover';
import { parseId } from './access';
import { RouteDeps } from './context';

/** `/api/templates`: role templates; HR clones, edits and retires them. */
export function templateRouter(deps: RouteDeps): Router {
  const router = new Router({ prefix: '/api/templates' });
  router.use(requireAuth(deps), jsonBody);
  const repo = () => deps.db.getRepository(HandoverTemplate);

  /** Loads a template and checks the action, 404 / 403. */
  const load = async (actor: Actor, rawId: string | undefined, action?: TemplateAction) => {
    const id = parseId(rawId);
    const template = id === null ? null : await repo().findOneBy({ id });
    if (!template) throw notFound('template');
    if (action && !TEMPLATE_RULES[action].who(actor, template)) throw forbidden();
    if (action && !TEMPLATE_RULES[action].when(template)) {
      throw conflict(`${action} is not possible: the template is ${template.status}`);
    }
    return template;
  };

  router.get('/', async (ctx) => {
    const actor = actorOf(ctx);
    const all = actor.isHr && ctx.query.include === 'retired';
    const templates = await repo().find({
      where: all ? {} : { status: 'active' }, order: { builtin: 'DESC', id: 'ASC' },
    });
    ctx.body = { items: templates.map((t) => presentTemplate(actor, t)) };
  });

  router.get('/:id', async (ctx) => {
    const actor = actorOf(ctx);
    ctx.body = presentTemplate(actor, await load(actor, ctx.params.id));
  });

  router.post('/:id/clone', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parseInput(CloneTemplateRequest, ctx.request.body);
    const source = await load(actor, ctx.params.id, 'clone');

    const copy = await templateCloner({ db: deps.db, clock: deps.clock,
      actor: actor.userid, source, name: input.name });

    ctx.status = 201;
    ctx.body = presentTemplate(actor, copy);
  });

  router.put('/:id', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parseInput(UpdateTemplateRequest, ctx.request.body);
    const template = await load(actor, ctx.params.id, 'update');

    await templateEditor({ db: deps.db, clock: deps.clock, actor: actor.userid,
      template, definition: input.definition });

    ctx.body = presentTemplate(actor, await load(actor, ctx.params.id));
  });

  router.post('/:id/retire', async (ctx) => {
    const actor = actorOf(ctx);
    const template = await load(actor, ctx.params.id, 'retire');

    await templateRetirer({ db: deps.db, clock: deps.clock, actor: actor.userid, template });

    ctx.body = presentTemplate(actor, await load(actor, ctx.params.id));
  });

  return router;
}
