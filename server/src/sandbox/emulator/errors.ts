/**
 * Errors of the emulator: WeCom errcodes as the API answers them, and a typed
 * error with an HTTP status for the emulator's own control methods.
 */
import { randomBytes } from 'node:crypto';

/** English errmsg bases, as the live service writes them (D:90313). */
const ERRMSG: Record<number, string> = {
  [-1]: 'system busy',
  40001: 'invalid credential',
  40003: 'invalid userid',
  40004: 'invalid media type',
  40005: 'invalid type',
  40006: 'invalid file size',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40009: 'invalid image size',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40056: 'invalid agentid',
  40058: 'invalid Request Parameter',
  40063: 'some parameters are empty',
  40096: 'invalid external userid',
  41001: 'access_token missing',
  41002: 'corpid missing',
  41004: 'corpsecret missing',
  41008: 'missing code',
  42001: 'access_token expired',
  42014: 'invalid task_id',
  43001: 'require GET method',
  43002: 'require POST method',
  43012: 'require agent with callback url',
  44001: 'empty media data',
  44002: 'empty post data',
  44004: 'empty content',
  45001: 'media size out of limit',
  45002: 'content size out of limit',
  45008: 'article size out of limit',
  45009: 'api freq out of limit',
  45033: 'api concurrent out of limit',
  47001: 'data format error',
  48002: 'api forbidden',
  50001: 'redirect_url not authorized',
  60011: 'no privilege to access/modify contact/party/agent',
  60111: 'userid not found',
  60123: 'invalid party id',
  81013: 'user & party & tag all invalid',
  82001: 'all touser & toparty & totag empty',
  84061: 'not exist contact relation',
  86001: 'invalid chatid',
  86003: 'chatid not exist',
  86004: 'invalid chat name',
  86005: 'invalid chat owner',
  86006: 'invalid chat member count',
  86007: 'invalid chat member',
  86008: 'chat not created by this app',
  86201: 'missing chatid',
  86202: 'missing chat name',
  86203: 'missing chat owner',
  86204: 'missing chat member',
  86205: 'chatid too long',
  86207: 'chat owner not in member list',
  86215: 'chatid already exists',
  86216: 'invalid chat member id',
};

/**
 * A WeCom error answer. Handlers throw it; the /cgi-bin middleware turns it
 * into HTTP 200 `{ errcode, errmsg }`. `detail` names what was wrong.
 */
export class WecomError extends Error {
  constructor(readonly errcode: number, readonly detail?: string) {
    super(`wecom errcode ${errcode}${detail ? `: ${detail}` : ''}`);
    this.name = 'WecomError';
  }
}

/**
 * The errmsg WeCom would write for `errcode`, with the live service's
 * `, hint: [...], from ip: ..., more info at ...` suffix.
 */
export function errmsgFor(
  errcode: number, nowSeconds: number, ip: string, detail?: string,
): string {
  const base = ERRMSG[errcode] ?? 'unknown error';
  const what = detail ? `${base}: ${detail}` : base;
  const hint = `${nowSeconds}_${randomBytes(8).toString('hex')}`;
  return `${what}, hint: [${hint}], from ip: ${ip || '127.0.0.1'}, ` +
    `more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
}

/** Stable ids of the emulator's own (non-WeCom) errors. */
export type EmulatorErrorId =
  | 'validation_error' | 'not_found' | 'conflict' | 'callback_failed';

/**
 * An error from the emulator's control methods (click, faults, clock), with
 * the HTTP status and id the sandbox API answers with.
 */
export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    readonly id: EmulatorErrorId,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}
