import pino from 'pino';

/**
 * The one structured logger. Secrets never go in: tokens, keys, cookies and
 * codes are redacted wherever they appear in a logged object.
 */
export function createLogger(level: string): pino.Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: [
        'access_token', '*.access_token', 'secret', '*.secret',
        'token', '*.token', 'aesKey', '*.aesKey', 'code', '*.code',
        'req.headers.cookie', 'res.headers["set-cookie"]',
        'headers.cookie',
      ],
      censor: '[redacted]',
    },
  });
}

export type Logger = pino.Logger;
