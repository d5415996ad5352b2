import { bodyParser } from '@koa/bodyparser';

/**
 * JSON bodies, parsed only after authentication (routers add it after
 * requireAuth), so anonymous requests never cost a parse. The cap is above
 * any field's own limit, so an oversized field gets a 400 that names it;
 * only a body past the cap gets a bare 413.
 */
export const jsonBody = bodyParser({ enableTypes: ['json'], jsonLimit: '12mb' });
