/**
 * Errors the API shows to callers. Each has a stable id and an HTTP status;
 * the error middleware turns them into `{ error: { id, message, field } }`.
 * Anything else becomes a 500 with a generic message and is logged.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** 400: the request is malformed; `field` names the bad input. */
export const validationError = (message: string, field?: string) =>
  new AppError(400, 'validation_error', message, field);

/** 401: nobody is logged in, or the session ended. */
export const authenticationRequired = () =>
  new AppError(401, 'authentication_required', '请先登录');

/** 403: known to the caller, but not theirs to do. */
export const forbidden = (message = '没有权限执行此操作') =>
  new AppError(403, 'forbidden', message);

/** 404: missing, or hidden from this caller (outsiders get 404, not 403). */
export const notFound = (what = 'resource') =>
  new AppError(404, 'not_found', `${what} not found`);

/** 409: the record is not in a state that allows this. */
export const conflict = (message: string) =>
  new AppError(409, 'conflict', message);

/** 413: the body is larger than we accept. */
export const payloadTooLarge = () =>
  new AppError(413, 'payload_too_large', 'request body too large');
