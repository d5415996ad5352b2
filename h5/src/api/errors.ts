import { ApiErrorBody } from '@baton/shared';
import { t } from '@/locale';

/**
 * A failed API call. `id` is the server's stable error id (or one of ours:
 * `network_error`, `bad_response`, `http_error`); `message` is safe to show.
 */
export class ApiError extends Error {
  readonly id: string;
  readonly status: number;
  readonly field: string | undefined;

  constructor(id: string, message: string, status: number, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.id = id;
    this.status = status;
    this.field = field;
  }
}

/**
 * Turns a non-2xx response body into an ApiError, using the server's
 * `{ error: { id, message, field } }` when it sent one.
 */
export function errorFromBody(status: number, body: unknown): ApiError {
  const parsed = ApiErrorBody.safeParse(body);
  if (parsed.success) {
    const { id, message, field } = parsed.data.error;
    return new ApiError(id, message, status, field);
  }
  return new ApiError('http_error', t.errors.byStatus(status), status);
}

/** The text to show a person for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t.errors.unknown;
}
