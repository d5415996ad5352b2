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
 * True for refusals a retry will not fix: gone (404), or not mine to see
 * (403). Pages show these as "not found" rather than as an error.
 */
export function isMissing(failure: unknown): boolean {
  return failure instanceof ApiError
    && (failure.status === 404 || failure.status === 403);
}

/** The text to show a person for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t.errors.unknown;
}
