/**
 * The emulator's shared state: options, directory, clock and the stores each
 * API area reads and writes. One instance per emulated company and app.
 */
import { randomInt } from 'node:crypto';

import pino, { type Logger } from 'pino';

import { unixSeconds } from '../../clock';
import { DEMO_COMPANY } from '../demo-company';
import type {
  DemoCompany, DemoCustomer, DemoDepartment, DemoPerson,
} from '../demo-company';
import type {
  AppChat, CallLogEntry, DroppedCounts, EmulatorLimits, EmulatorOptions,
  InboxMessage, MediaRecord,
} from './types';

const ALNUM =
  '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A random string over `alphabet` (default letters and digits). */
export function randomId(length: number, alphabet = ALNUM): string {
  let out = '';
  for (let i = 0; i < length; i += 1) {
    out += alphabet[randomInt(alphabet.length)];
  }
  return out;
}

/** Defaults from WeCom's documentation (D:90236, D:90245). */
const DEFAULT_LIMITS: EmulatorLimits = {
  appPerMemberPerMinute: 30,
  appPerMemberPerHour: 1000,
  chatPerMemberPerMinute: 200,
  gettokenPerMinute: Infinity,
};

/** Seconds a response_code works by default: 72 h (D:94945). */
export const RESPONSE_CODE_TTL_S = 72 * 3600;

/** Options with every default filled in. */
export type ResolvedOptions = Required<
  Omit<EmulatorOptions, 'trustedHosts' | 'logger' | 'limits' | 'stateFile'>
> & Pick<EmulatorOptions, 'trustedHosts'>;

/** State shared by all API areas of one emulator. */
export class EmulatorCore {
  readonly opts: ResolvedOptions;
  readonly limits: EmulatorLimits;
  readonly log: Logger;
  readonly company: DemoCompany;

  /** App messages per userid, oldest first. */
  readonly inboxes = new Map<string, InboxMessage[]>();
  readonly chats = new Map<string, AppChat>();
  readonly media = new Map<string, MediaRecord>();
  readonly calls: CallLogEntry[] = [];
  dropped: DroppedCounts = { app: {}, chat: {} };

  constructor(options: EmulatorOptions) {
    const o = options;
    this.opts = {
      corpId: o.corpId,
      agentId: o.agentId,
      secret: o.secret,
      token: o.token,
      encodingAesKey: o.encodingAesKey,
      callbackUrl: o.callbackUrl,
      clock: o.clock,
      trustedHosts: o.trustedHosts,
      sameTokenWithinValidity: o.sameTokenWithinValidity ?? true,
      renewTokenOnRepeat: o.renewTokenOnRepeat ?? false,
      expiredTokenErrcode: o.expiredTokenErrcode ?? 42001,
      responseCodeTtlSeconds: o.responseCodeTtlSeconds ?? RESPONSE_CODE_TTL_S,
      company: o.company ?? DEMO_COMPANY,
      random: o.random ?? Math.random,
    };
    this.limits = { ...DEFAULT_LIMITS, ...withoutUndefined(options.limits) };
    this.log = options.logger ?? pino({ level: 'silent' });
    // A copy: transfers move followers and members leave, and the demo
    // company is shared by every emulator in the process.
    this.company = structuredClone(this.opts.company);
  }

  /** Clock milliseconds. */
  nowMs(): number {
    return this.opts.clock.now();
  }

  /** Clock unix seconds. */
  nowS(): number {
    return unixSeconds(this.opts.clock);
  }

  /** The member with this userid, if any. */
  person(userid: string): DemoPerson | undefined {
    return this.company.people.find((p) => p.userid === userid);
  }

  /** The department with this id, if any. */
  department(id: number): DemoDepartment | undefined {
    return this.company.departments.find((d) => d.id === id);
  }

  /** Ids of a department and everything below it. */
  subtree(id: number): number[] {
    const ids = [id];
    for (let i = 0; i < ids.length; i += 1) {
      for (const d of this.company.departments) {
        if (d.parentid === ids[i]) ids.push(d.id);
      }
    }
    return ids;
  }

  /** The customer with this external_userid, if any. */
  customer(externalUserid: string): DemoCustomer | undefined {
    return this.company.customers.find(
      (c) => c.external_userid === externalUserid,
    );
  }

  /** The member's inbox, created on first use. */
  inbox(userid: string): InboxMessage[] {
    let list = this.inboxes.get(userid);
    if (!list) {
      list = [];
      this.inboxes.set(userid, list);
    }
    return list;
  }

  /** Counts one silently dropped message for a member. */
  countDropped(kind: keyof DroppedCounts, userid: string): void {
    const counts = this.dropped[kind];
    counts[userid] = (counts[userid] ?? 0) + 1;
  }
}

/** A copy of `value` without keys whose value is undefined. */
function withoutUndefined<T extends object>(value: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!value) return out;
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out;
}
