import crypto from 'node:crypto';
import { Router } from '@koa/router';
import type { JsapiConfigResponse, JsapiSignature } from '@baton/shared';
import { AppError, validationError } from '../errors';
import { requireAuth } from '../middleware/auth';
import { jsonBody } from '../middleware/json-body';
import { WecomApiError, WecomTransportError } from '../wecom/errors';
import { getTicket, jsapiSignature, TicketKind } from '../wecom/jsapi';
import { TokenStore } from '../wecom/token-store';
import { RouteDeps } from './context';

/** The longest page URL signed; WeCom's own pages are far shorter. */
const URL_MAX = 2048;

/**
 * `GET /api/wecom/jsapi-config?url=`: signatures for the WeCom JS-SDK on
 * one of our pages, so the H5 can pick photos and chat files and preview
 * materials. Only for a logged-in member, and only for URLs under our
 * public URL: a signature is a grant to call JS-SDK APIs as our app.
 */
export function jsapiRouter(deps: RouteDeps & { tokens: TokenStore }): Router {
  const router = new Router({ prefix: '/api/wecom' });
  router.use(requireAuth(deps), jsonBody);

  router.get('/jsapi-config', async (ctx) => {
    const url = pageUrl(deps.env.publicUrl, ctx.query.url);

    const [corp, agent] = await Promise.all([
      sign(deps, 'jsapi', url), sign(deps, 'agent_config', url),
    ]);

    const body: JsapiConfigResponse = {
      corpId: deps.wecom.corpId, agentId: deps.wecom.agentId, corp, agent,
    };
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  });

  return router;
}

/**
 * The page URL to sign, without its `#` fragment (WeCom signs without
 * it), or a 400 naming `url` when it is missing or not one of our pages.
 */
function pageUrl(publicUrl: string, raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > URL_MAX) {
    throw validationError('url: expected the page URL', 'url');
  }
  const url = raw.split('#')[0];
  // `https://baton.example.com.evil.test/` must not pass as ours: the
  // public URL has to be followed by a path, query or nothing.
  const ours = url === publicUrl || url.startsWith(`${publicUrl}/`)
    || url.startsWith(`${publicUrl}?`);
  if (!ours) throw validationError(`url: must start with ${publicUrl}`, 'url');
  return url;
}

/** A fresh signature over `url` with the cached ticket of that kind. */
async function sign(deps: RouteDeps & { tokens: TokenStore }, kind: TicketKind,
  url: string): Promise<JsapiSignature> {
  let ticket: string;
  try {
    ticket = await getTicket(deps.wecom, deps.tokens, deps.clock, kind);
  } catch (error) {
    if (!(error instanceof WecomApiError || error instanceof WecomTransportError)) {
      throw error;
    }
    deps.logger.warn({ err: error, kind }, 'jsapi ticket unavailable');
    throw new AppError(502, 'wecom_unavailable', 'WeCom did not give a JS-SDK ticket');
  }
  const timestamp = Math.floor(deps.clock.now() / 1000);
  const nonceStr = crypto.randomBytes(12).toString('base64url');
  return { timestamp, nonceStr,
    signature: jsapiSignature({ ticket, nonceStr, timestamp, url }) };
}
