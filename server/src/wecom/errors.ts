/**
 * WeCom answered with a non-zero errcode. Branch on `errcode`, never on the
 * message: WeCom appends hints and IPs to it.
 */
export class WecomApiError extends Error {
  constructor(
    readonly endpoint: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeCom ${endpoint} failed with errcode ${errcode}`);
  }
}

/** WeCom could not be reached, timed out, or answered with HTTP >= 500. */
export class WecomTransportError extends Error {
  constructor(readonly endpoint: string, readonly reason: string) {
    super(`WeCom ${endpoint} unreachable: ${reason}`);
  }
}

/** Codes meaning the access token is gone: drop it, fetch again, retry once. */
export const TOKEN_EXPIRED_CODES = new Set([40014, 42001]);

/** Codes meaning WeCom is busy or limiting us: back off and try again. */
export const BUSY_CODES = new Set([-1, 45009, 45033]);

/** Codes that no retry fixes: the app's configuration is wrong. */
export const CONFIG_CODES = new Set([40001, 40013, 40091, 40056, 60020]);

/** Whether trying the same call again later may succeed. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof WecomTransportError) return true;
  return error instanceof WecomApiError
    && (BUSY_CODES.has(error.errcode) || TOKEN_EXPIRED_CODES.has(error.errcode));
}
