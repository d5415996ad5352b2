import fs from 'node:fs';
import path from 'node:path';
import { Router } from '@koa/router';
import Koa from 'koa';
import mount from 'koa-mount';
import serve from 'koa-static';
import { callbackHandlers } from './callback/handlers';
import { CallbackCrypto } from './callback/crypto';
import { callbackRouter } from './callback/route';
import { customerTransferPoller } from './commands/customerTransferPoller';
import { errorMiddleware } from './middleware/errors';
import { requestLog } from './middleware/request-log';
import { adminRouter } from './routes/admin';
import { authRouter } from './routes/auth';
import { customerRouter } from './routes/customers';
import { directoryRouter } from './routes/directory';
import { handoverRouter } from './routes/handovers';
import { itemRouter } from './routes/items';
import { jsapiRouter } from './routes/jsapi';
import { materialRouter } from './routes/materials';
import { meRouter } from './routes/me';
import { milestoneRouter } from './routes/milestones';
import { participantRouter } from './routes/participants';
import { postRouter } from './routes/posts';
import { questionRouter } from './routes/questions';
import { templateRouter } from './routes/templates';
import { remindAndSend } from './reminders/job';
import { createSandboxApi } from './sandbox/sandbox-api';
import { Services } from './services';

const H5_DIST = path.resolve(__dirname, '../../h5/dist');
const SANDBOX_CLIENT = path.resolve(__dirname, 'sandbox/client');

/** The Koa app: callbacks, the JSON API, the H5 and, in sandbox, the emulator. */
export function buildApp(services: Services): Koa {
  const { env, logger } = services;
  const app = new Koa({ keys: services.sessionKeys, proxy: env.mode === 'live' });
  app.silent = true;

  app.use(requestLog(logger));
  app.use(errorMiddleware(logger));
  app.use(health(services).routes());

  const callbacks = callbackRouter({
    db: services.db, clock: services.clock, logger: logger.child({ part: 'callback' }),
    crypto: new CallbackCrypto(env.wecom.token, env.wecom.aesKey, env.wecom.corpId),
    corpId: env.wecom.corpId, maxAgeS: env.wecom.callbackMaxAgeS,
    handlers: callbackHandlers({
      context: services.commands, corpId: env.wecom.corpId,
      logger: logger.child({ part: 'callback' }), isHr: services.isHr,
      resignationApproval: env.resignationApproval,
    }),
    afterCommit: () => {
      void services.outbox.kick();
      services.callbackTasks.kick().then(() => services.outbox.kick())
        .catch((err: unknown) => logger.error({ err }, 'callback tasks failed'));
    },
  });
  app.use(callbacks.routes()).use(callbacks.allowedMethods());

  if (services.emulator) {
    app.use(mount('/sandbox/wecom', services.emulator.app));
    app.use(mount('/sandbox/api', createSandboxApi(services.emulator, {
      // Time moved: what fell due is reminded and sent, and customer
      // transfers read, before it answers.
      afterClockMoved: async () => {
        await remindAndSend(services);
        await customerTransferPoller({ db: services.db, client: services.wecom,
          clock: services.clock, logger: services.logger });
      },
    })));
    app.use(async (ctx, next) => {
      if (ctx.path === '/sandbox') return ctx.redirect('/sandbox/');
      await next();
    });
    app.use(mount('/sandbox', serve(SANDBOX_CLIENT)));
  }

  const isApi = (p: string) => p === '/api' || p.startsWith('/api/');
  const routers = [authRouter, meRouter, templateRouter, handoverRouter,
    itemRouter, milestoneRouter, participantRouter, postRouter, adminRouter,
    customerRouter, materialRouter, jsapiRouter, directoryRouter, questionRouter]
    .map((make) => make(services));
  for (const router of routers) {
    app.use(router.routes()).use(router.allowedMethods());
  }
  app.use(async (ctx, next) => {
    if (!isApi(ctx.path)) return next();
    ctx.status = 404;
    ctx.body = { error: { id: 'not_found', message: `no route ${ctx.method} ${ctx.path}` } };
  });

  app.use(serveH5());
  return app;
}

/** `GET /healthz`: 200 when the database answers, 503 otherwise. */
function health(services: Services): Router {
  const router = new Router();
  router.get('/healthz', async (ctx) => {
    try {
      await services.db.query('SELECT 1');
      ctx.body = { status: 'ok' };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'database unavailable' };
    }
  });
  return router;
}

/** The built H5, with its routes falling back to index.html. */
function serveH5(): Koa.Middleware {
  const files = serve(H5_DIST, { maxage: 0, index: 'index.html' });
  return async (ctx, next) => {
    await files(ctx, next);
    if (ctx.status !== 404 || ctx.method !== 'GET' || ctx.body) return;
    const index = path.join(H5_DIST, 'index.html');
    if (!fs.existsSync(index)) {
      ctx.status = 503;
      ctx.type = 'text/plain';
      ctx.body = 'The H5 is not built: run npm run build:h5';
      return;
    }
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = fs.createReadStream(index);
  };
}
