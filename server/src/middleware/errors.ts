import type { Context, Next } from 'koa';
import { AppError } from '../errors';
import type { Logger } from '../logger';

/**
 * Turns errors into `{ error: { id, message, field } }`. AppErrors and
 * client errors from middleware (bad JSON, too large) keep their 4xx; any
 * other error is a 500 whose details stay in the log.
 */
export function errorMiddleware(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      if (error instanceof AppError) {
        ctx.status = error.status;
        ctx.body = { error: { id: error.id, message: error.message,
          ...(error.field ? { field: error.field } : {}) } };
        return;
      }
      const status = (error as { status?: number }).status;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        ctx.status = status;
        ctx.body = { error: {
          id: status === 413 ? 'payload_too_large' : 'bad_request',
          message: (error as { expose?: boolean }).expose
            ? (error as Error).message : 'bad request',
        } };
        return;
      }
      logger.error({ err: error, path: ctx.path, requestId: ctx.state.requestId },
        'request failed');
      ctx.status = 500;
      ctx.body = { error: { id: 'internal_error', message: 'internal error' } };
    }
  };
}
