/**
 * H5 login (D:91022, D:91023): the authorize page, where in the sandbox you
 * pick who you are (or pass `userid=`), and auth/getuserinfo, which swaps a
 * single-use code that lives 5 minutes for the member's userid.
 */
import type { Context } from 'koa';

import type { EndpointTable } from './cgi';
import { randomId, type EmulatorCore } from './core';
import { WecomError } from './errors';
import { errorPage, pickerPage, type PickerEntry } from './oauth-page';

/** Seconds an OAuth code lives. */
export const OAUTH_CODE_TTL_S = 300;

const SCOPES = ['snsapi_base', 'snsapi_privateinfo'];
const STATE = /^[a-zA-Z0-9]{0,128}$/;

interface IssuedCode {
  userid: string;
  issuedAtMs: number;
  used: boolean;
}

/** One OAuth code as saved. */
export interface OAuthCodeSnapshot extends IssuedCode {
  code: string;
}

/** OAuth codes handed out by the authorize page. */
export class OAuthCodes {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(private readonly core: EmulatorCore) {}

  /** A fresh code for `userid`. */
  issue(userid: string): string {
    const code = randomId(32);
    const issuedAtMs = this.core.nowMs();
    this.codes.set(code, { userid, issuedAtMs, used: false });
    return code;
  }

  /** The userid of a code, spending it; 40029 if used, unknown or old. */
  redeem(code: string): string {
    const issued = this.codes.get(code);
    const maxAgeMs = OAUTH_CODE_TTL_S * 1000;
    if (!issued || issued.used ||
        issued.issuedAtMs + maxAgeMs <= this.core.nowMs()) {
      throw new WecomError(40029);
    }
    issued.used = true;
    return issued.userid;
  }

  /** Forgets every code. */
  clear(): void {
    this.codes.clear();
  }

  /** Codes still within their 5 minutes (older ones answer as unknown). */
  snapshot(): OAuthCodeSnapshot[] {
    const since = this.core.nowMs() - OAUTH_CODE_TTL_S * 1000;
    return [...this.codes]
      .filter(([, issued]) => issued.issuedAtMs > since)
      .map(([code, issued]) => ({ code, ...issued }));
  }

  /** Replaces the codes with saved ones. */
  restore(saved: OAuthCodeSnapshot[]): void {
    this.codes.clear();
    for (const { code, userid, issuedAtMs, used } of saved) {
      this.codes.set(code, { userid, issuedAtMs, used });
    }
  }
}

/** The auth/getuserinfo endpoint. */
export function authEndpoints(codes: OAuthCodes): EndpointTable {
  return {
    'auth/getuserinfo': {
      method: 'GET',
      handler: ({ query }) => {
        const code = query('code');
        if (!code) throw new WecomError(41008);
        return { userid: codes.redeem(code) };
      },
    },
  };
}

/** Serves GET /connect/oauth2/authorize. */
export function authorize(
  core: EmulatorCore, codes: OAuthCodes, ctx: Context,
): void {
  const params = new URLSearchParams(ctx.querystring);
  const problem = checkAuthorize(core, params);
  if (problem) {
    core.log.info({ errcode: problem.errcode }, 'emulator refused authorize');
    ctx.type = 'html';
    ctx.body = errorPage(problem.errcode, problem.detail);
    return;
  }

  const userid = params.get('userid');
  if (!userid) {
    ctx.type = 'html';
    ctx.body = pickerPage(core.company.corpName, pickerEntries(core, ctx));
    return;
  }
  if (!core.person(userid)) {
    ctx.type = 'html';
    ctx.body = errorPage(60111, userid);
    return;
  }
  const target = new URL(params.get('redirect_uri') ?? '');
  target.searchParams.append('code', codes.issue(userid));
  target.searchParams.append('state', params.get('state') ?? '');
  ctx.redirect(target.toString());
}

/** What is wrong with an authorize request, or null. */
function checkAuthorize(
  core: EmulatorCore, params: URLSearchParams,
): { errcode: number; detail: string } | null {
  const fail = (errcode: number, detail: string): {
    errcode: number; detail: string;
  } => ({ errcode, detail });
  if (params.get('appid') !== core.opts.corpId) return fail(40013, 'appid');
  if (params.get('response_type') !== 'code') {
    return fail(40058, 'response_type must be code');
  }
  if (!SCOPES.includes(params.get('scope') ?? '')) return fail(40058, 'scope');
  const agentid = params.get('agentid');
  if (agentid && agentid !== core.opts.agentId) return fail(40056, 'agentid');
  if (!STATE.test(params.get('state') ?? '')) {
    return fail(40058, 'state must be [a-zA-Z0-9], at most 128 bytes');
  }

  const raw = params.get('redirect_uri');
  if (!raw) return fail(40063, 'redirect_uri');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(40058, 'redirect_uri');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(40058, 'redirect_uri');
  }
  const trusted = core.opts.trustedHosts?.map((h) => h.toLowerCase());
  if (trusted && !trusted.includes(url.host.toLowerCase())) {
    return fail(50001, url.host);
  }
  return null;
}

/** One link per member, each this same URL plus `userid=`. */
function pickerEntries(core: EmulatorCore, ctx: Context): PickerEntry[] {
  // originalUrl keeps the mount prefix, so links work wherever we are mounted.
  const path = ctx.originalUrl.split('?')[0];
  return core.company.people.map((person) => {
    const params = new URLSearchParams(ctx.querystring);
    params.set('userid', person.userid);
    const department = core.department(person.main_department);
    return {
      userid: person.userid,
      name: person.name,
      detail: [person.position, department?.name].filter(Boolean).join(' · '),
      href: `${path}?${params.toString()}`,
    };
  });
}
