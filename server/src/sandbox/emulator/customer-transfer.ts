/**
 * Customer transfer (客户继承, WECOM.md section 10): on-the-job and resigned
 * transfers of a member's customers, their results over time, the
 * unassigned list of resigned members, and customer group chats moving to a
 * new owner (D:92125, D:92126, D:92124, D:92127, D:93005).
 *
 * A started transfer waits (status 2) and settles 24 h later by the
 * emulator clock: taken over (1) and the follower moved to the takeover,
 * unless `setOutcome` chose refused (3) or successor at limit (4).
 */
import type { DemoCustomer, DemoCustomerGroup } from '../demo-company';
import type { EndpointTable } from './cgi';
import type { EmulatorCore } from './core';
import { EmulatorError, WecomError } from './errors';
import { optionalText, requireText } from './fields';

/** How long a transfer waits before WeCom settles it. */
export const TRANSFER_WAIT_S = 24 * 3600;
/** A customer may be transferred twice per this many seconds. */
const TRANSFER_WINDOW_S = 90 * 24 * 3600;
const MAX_PER_CALL = 100;
const RESULT_PAGE = 100;

/** 1 taken over, 2 waiting, 3 refused, 4 successor at limit. */
export type TransferStatus = 1 | 2 | 3 | 4;
/** An outcome tests and the sandbox may choose instead of success. */
export type TransferOutcome = 3 | 4;

/** One started transfer of one customer. */
export interface TransferRecord {
  mode: 'on_job' | 'resigned';
  handover: string;
  takeover: string;
  externalUserid: string;
  /** Unix seconds. */
  startedAt: number;
  status: TransferStatus;
  /** Unix seconds when taken over; 0 until then. */
  takeoverTime: number;
}

/** The transfer state a restart keeps (snapshot field `customerTransfer`). */
export interface CustomerTransferSnapshot {
  records: TransferRecord[];
  outcomes: Record<string, TransferOutcome>;
  /** Members marked resigned, with their unix dimission time. */
  resigned: { userid: string; at: number }[];
  groups: DemoCustomerGroup[];
  /** Customers added at run time (`addCustomer`). */
  added: DemoCustomer[];
}

/** Customer-transfer state over the core's directory. */
export class CustomerTransfers {
  records: TransferRecord[] = [];
  outcomes: Record<string, TransferOutcome> = {};
  resigned: { userid: string; at: number }[] = [];
  groups: DemoCustomerGroup[];
  added: DemoCustomer[] = [];
  private readonly pristine: DemoCustomer[];
  private readonly pristineStatus: Map<string, number>;
  private readonly pristineGroups: DemoCustomerGroup[];

  constructor(private readonly core: EmulatorCore) {
    this.pristine = structuredClone(core.company.customers);
    this.pristineStatus = new Map(core.company.people
      .map((p) => [p.userid, p.status]));
    this.pristineGroups = structuredClone(core.company.customerGroups ?? []);
    this.groups = structuredClone(this.pristineGroups);
  }

  /** The state before any transfer: what a file saved without one means. */
  initial(): CustomerTransferSnapshot {
    return {
      records: [], outcomes: {}, resigned: [], added: [],
      groups: structuredClone(this.pristineGroups),
    };
  }

  /** Chooses what settling this customer's transfers gives. */
  setOutcome(externalUserid: string, outcome: TransferOutcome | null): void {
    if (outcome === null) delete this.outcomes[externalUserid];
    else this.outcomes[externalUserid] = outcome;
  }

  /** Marks a member as having left (status 5) now. */
  markResigned(userid: string): void {
    const person = this.core.person(userid);
    if (!person) throw new EmulatorError(404, 'not_found', 'no such member');
    person.status = 5;
    if (!this.resigned.some((r) => r.userid === userid)) {
      this.resigned.push({ userid, at: this.core.nowS() });
    }
  }

  /** Adds a customer to the directory. */
  addCustomer(customer: DemoCustomer): void {
    if (this.core.customer(customer.external_userid)) {
      throw new EmulatorError(409, 'conflict', 'customer exists');
    }
    this.added.push(structuredClone(customer));
    this.core.company.customers.push(structuredClone(customer));
  }

  /** Settles the transfers whose 24 h have passed. */
  settle(): void {
    const now = this.core.nowS();
    for (const record of this.records) {
      if (record.status !== 2) continue;
      const due = record.startedAt + TRANSFER_WAIT_S;
      if (due > now) continue;
      record.status = this.settledStatus(record.externalUserid);
      if (record.status === 1) {
        record.takeoverTime = due;
        this.moveFollower(record);
      }
    }
  }

  /** The state to save. */
  snapshot(): CustomerTransferSnapshot {
    return structuredClone({
      records: this.records, outcomes: this.outcomes, resigned: this.resigned,
      groups: this.groups, added: this.added,
    });
  }

  /** Puts saved state back, replaying followers moved by transfers. */
  restore(saved: CustomerTransferSnapshot): void {
    const copy = structuredClone(saved);
    this.records = copy.records;
    this.outcomes = copy.outcomes;
    this.groups = copy.groups;
    this.added = copy.added;
    this.resigned = copy.resigned;
    const customers = this.core.company.customers;
    customers.splice(0, customers.length,
      ...structuredClone(this.pristine), ...structuredClone(this.added));
    for (const person of this.core.company.people) {
      person.status = (this.pristineStatus.get(person.userid) ?? 1) as 1;
    }
    for (const { userid } of this.resigned) {
      const person = this.core.person(userid);
      if (person) person.status = 5;
    }
    for (const record of this.records) {
      if (record.status === 1) this.moveFollower(record);
    }
  }

  /** The errcode for transferring one customer now; 0 when it may start. */
  check(handover: string, takeover: string, externalUserid: string): number {
    const customer = this.core.customer(externalUserid);
    if (!customer) return 40096;
    if (handover === takeover) return 40130;
    const follows = (c: DemoCustomer) =>
      c.follow_user.some((f) => f.userid === handover);
    if (!follows(customer)) {
      return this.core.company.customers.some(follows) ? 40131 : 84061;
    }
    const mine = this.records.filter((r) => r.externalUserid === externalUserid);
    if (mine.some((r) => r.status === 2)) return 40129;
    const since = this.core.nowS() - TRANSFER_WINDOW_S;
    if (mine.filter((r) => r.startedAt > since).length >= 2) return 40128;
    return 0;
  }

  /** Starts transfers; per-customer errcodes as WeCom answers them. */
  start(mode: TransferRecord['mode'], body: Record<string, unknown>) {
    const handover = member(this.core, body, 'handover_userid');
    const takeover = member(this.core, body, 'takeover_userid');
    const ids = externalIds(body);
    if (mode === 'resigned' && this.core.person(handover)?.status !== 5) {
      throw new WecomError(40097);
    }
    this.settle();

    return ids.map((externalUserid) => {
      const errcode = this.check(handover, takeover, externalUserid);
      if (errcode === 0) {
        this.records.push({
          mode, handover, takeover, externalUserid,
          startedAt: this.core.nowS(), status: 2, takeoverTime: 0,
        });
      }
      return { external_userid: externalUserid, errcode };
    });
  }

  /** One page of a handover/takeover pair's transfer results. */
  results(mode: TransferRecord['mode'], body: Record<string, unknown>) {
    const handover = member(this.core, body, 'handover_userid');
    const takeover = member(this.core, body, 'takeover_userid');
    const cursor = optionalText(body, 'cursor', 'cursor') ?? '';
    const offset = cursor === '' ? 0 : Number(cursor);
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new WecomError(40058, 'cursor');
    }
    this.settle();

    const mine = this.records.filter((r) => r.mode === mode
      && r.handover === handover && r.takeover === takeover);
    const page = mine.slice(offset, offset + RESULT_PAGE);
    const more = mine.length > offset + RESULT_PAGE;
    return {
      customer: page.map((r) => ({
        external_userid: r.externalUserid, status: r.status,
        takeover_time: r.takeoverTime,
      })),
      next_cursor: more ? String(offset + RESULT_PAGE) : '',
    };
  }

  /** What a transfer of this customer settles as. */
  private settledStatus(externalUserid: string): TransferStatus {
    return Object.hasOwn(this.outcomes, externalUserid)
      ? this.outcomes[externalUserid] : 1;
  }

  /** Moves a taken-over customer's follower entry to the takeover. */
  private moveFollower(record: TransferRecord): void {
    const customer = this.core.customer(record.externalUserid);
    if (!customer) return;
    const from = customer.follow_user.find((f) => f.userid === record.handover);
    if (!from) return;
    if (customer.follow_user.some((f) => f.userid === record.takeover)) {
      customer.follow_user = customer.follow_user.filter((f) => f !== from);
    } else {
      from.userid = record.takeover;
      from.oper_userid = record.takeover;
    }
  }
}

/** A required member userid, 40003 when unknown. */
function member(
  core: EmulatorCore, body: Record<string, unknown>, key: string,
): string {
  const userid = requireText(body, key, key);
  if (!core.person(userid)) throw new WecomError(40003, key);
  return userid;
}

/** external_userid: 1 to 100 strings. */
function externalIds(body: Record<string, unknown>): string[] {
  const value = body.external_userid;
  if (value === undefined || value === null) {
    throw new WecomError(40063, 'external_userid');
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new WecomError(40058, 'external_userid');
  }
  if (value.length === 0) throw new WecomError(40063, 'external_userid');
  if (value.length > MAX_PER_CALL) {
    throw new WecomError(40058, 'external_userid must have 1 to 100 entries');
  }
  return value as string[];
}

/** The customer-transfer endpoints; groups are in customer-groups.ts. */
export function customerTransferEndpoints(
  core: EmulatorCore, transfers: CustomerTransfers,
): EndpointTable {
  return {
    'externalcontact/transfer_customer': {
      method: 'POST',
      handler: ({ body }) => {
        const message = optionalText(body, 'transfer_success_msg',
          'transfer_success_msg');
        if (message !== undefined && [...message].length > 200) {
          throw new WecomError(40058, 'transfer_success_msg');
        }
        return { customer: transfers.start('on_job', body) };
      },
    },
    'externalcontact/transfer_result': {
      method: 'POST',
      handler: ({ body }) => transfers.results('on_job', body),
    },
    'externalcontact/resigned/transfer_customer': {
      method: 'POST',
      handler: ({ body }) => ({ customer: transfers.start('resigned', body) }),
    },
    'externalcontact/resigned/transfer_result': {
      method: 'POST',
      handler: ({ body }) => transfers.results('resigned', body),
    },
    'externalcontact/get_unassigned_list': {
      method: 'POST',
      handler: ({ body }) => unassigned(core, transfers, body),
    },
  };
}

/** get_unassigned_list: customers still followed by resigned members. */
function unassigned(
  core: EmulatorCore, transfers: CustomerTransfers,
  body: Record<string, unknown>,
) {
  const size = body.page_size ?? 1000;
  if (typeof size !== 'number' || !Number.isInteger(size)
    || size < 1 || size > 1000) {
    throw new WecomError(40058, 'page_size');
  }
  const cursor = optionalText(body, 'cursor', 'cursor') ?? '';
  const offset = cursor === '' ? 0 : Number(cursor);
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new WecomError(40058, 'cursor');
  }
  transfers.settle();

  const info: Record<string, unknown>[] = [];
  for (const { userid, at } of transfers.resigned) {
    for (const customer of core.company.customers) {
      if (!customer.follow_user.some((f) => f.userid === userid)) continue;
      const busy = transfers.records.some((r) => r.status === 2
        && r.handover === userid && r.externalUserid === customer.external_userid);
      if (busy) continue;
      info.push({
        handover_userid: userid, external_userid: customer.external_userid,
        dimission_time: at,
      });
    }
  }
  const page = info.slice(offset, offset + size);
  const isLast = info.length <= offset + size;
  return {
    info: page, is_last: isLast,
    next_cursor: isLast ? '' : String(offset + size),
  };
}
