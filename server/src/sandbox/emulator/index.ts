/**
 * The WeCom emulator: a Koa app answering WeCom's paths as qyapi does, with
 * inspectable state, fault injection and simulated callbacks, so Baton runs
 * and is tested offline. Follows the contract in the design notes' WECOM.md.
 */
import Koa from 'koa';
import type { Logger } from 'pino';

import type { AdjustableClock } from '../../clock';
import type {
  DemoCompany, DemoCustomer, DemoCustomerGroup,
} from '../demo-company';
import { appchatEndpoints } from './appchat';
import {
  ApprovalStore, approvalEndpoints, type EmulatedApproval,
} from './approval';
import { CallbackSender } from './callbacks';
import { CardRegistry } from './cards';
import { cgiBin } from './cgi';
import { click, type ClickInput } from './click';
import { EmulatorCore } from './core';
import { customerGroupEndpoints } from './customer-groups';
import {
  CustomerTransfers, customerTransferEndpoints, type TransferOutcome,
  type TransferRecord,
} from './customer-transfer';
import { directoryEndpoints } from './directory';
import { externalContactEndpoints } from './externalcontact';
import { FaultInjector } from './faults';
import { JsapiTickets, jsapiEndpoints } from './jsapi';
import { DuplicateChecker, MemberLimiter } from './limits';
import { storeMedia, mediaEndpoints } from './media';
import { messageEndpoints, type SendResult } from './message';
import { authEndpoints, authorize, OAuthCodes } from './oauth';
import {
  applySnapshot, parseSnapshot, takeSnapshot, type EmulatorSnapshot,
  type SnapshotStores,
} from './snapshot';
import { StateFile, type SavedState } from './state-file';
import { TokenStore, tokenEndpoints } from './tokens';
import type {
  AppChat, CallbackResult, CallLogEntry, ClickResult, DroppedCounts,
  EmulatorOptions, FaultRateSpec, FaultSpec, InboxMessage, MediaRecord,
  XmlFields,
} from './types';

export { EmulatorError, WecomError } from './errors';
export type { EmulatedApproval } from './approval';
export type { ClickInput } from './click';
export type { EmulatorSnapshot, MediaMeta } from './snapshot';
export type { TransferOutcome, TransferRecord } from './customer-transfer';
export type * from './types';

const MINUTE_MS = 60_000;

/** The emulated WeCom service for one company and one self-built app. */
export class WecomEmulator {
  /** Serves /cgi-bin/... and /connect/oauth2/authorize; mount anywhere. */
  readonly app: Koa;
  /** The emulator's clock (also moved by the sandbox API). */
  readonly clock: AdjustableClock;

  private readonly core: EmulatorCore;
  private readonly tokens: TokenStore;
  private readonly faultInjector: FaultInjector;
  private readonly cards: CardRegistry;
  private readonly codes: OAuthCodes;
  private readonly appLimiter: MemberLimiter;
  private readonly chatLimiter: MemberLimiter;
  private readonly duplicates = new DuplicateChecker<SendResult>();
  private readonly tickets: JsapiTickets;
  private readonly callbacks: CallbackSender;
  private readonly stateFile: StateFile | null;
  private readonly approvals = new ApprovalStore();
  private readonly transfers: CustomerTransfers;

  constructor(options: EmulatorOptions) {
    const core = new EmulatorCore(options);
    const limits = core.limits;
    this.core = core;
    this.clock = options.clock;
    this.tokens = new TokenStore(core);
    this.faultInjector = new FaultInjector(core.opts.random);
    this.cards = new CardRegistry(core);
    this.codes = new OAuthCodes(core);
    this.appLimiter = new MemberLimiter([
      { ms: MINUTE_MS, max: limits.appPerMemberPerMinute },
      { ms: 60 * MINUTE_MS, max: limits.appPerMemberPerHour },
    ]);
    this.chatLimiter = new MemberLimiter([
      { ms: MINUTE_MS, max: limits.chatPerMemberPerMinute },
    ]);
    this.callbacks = new CallbackSender(core);
    this.tickets = new JsapiTickets(core);
    this.transfers = new CustomerTransfers(core);
    this.stateFile = options.stateFile
      ? new StateFile(options.stateFile, core.log, () => this.savedState())
      : null;
    this.loadStateFile();
    this.app = this.buildApp();
  }

  /** The directory the emulator serves. */
  get company(): DemoCompany {
    return this.core.company;
  }

  /** The emulator's logger (silent unless one was given). */
  get log(): Logger {
    return this.core.log;
  }

  /** Drops every access token early, as WeCom may; they then give 40014. */
  invalidateTokens(): void {
    this.tokens.invalidateAll();
    this.changed();
  }

  /** Makes the next `count` calls of `endpoint` fail; throws EmulatorError
   * (400) on a bad spec. */
  addFault(spec: FaultSpec): void {
    this.faultInjector.add(spec);
  }

  /** Fails calls at random with probability `rate`; null stops it. */
  setFaultRate(spec: FaultRateSpec | null): void {
    this.faultInjector.setRate(spec);
  }

  /** Drops queued faults and the random mode. */
  clearFaults(): void {
    this.faultInjector.clear();
  }

  /** Queued faults with remaining counts, and the random mode. */
  faults(): { queued: FaultSpec[]; rate: FaultRateSpec | null } {
    return this.faultInjector.list();
  }

  /** The member's app messages, oldest first (live objects: read only). */
  inbox(userid: string): InboxMessage[] {
    return [...(this.core.inboxes.get(userid) ?? [])];
  }

  /** App group chats, all or those `userid` is in, oldest first. */
  chats(userid?: string): AppChat[] {
    const all = [...this.core.chats.values()];
    return userid ? all.filter((c) => c.userlist.includes(userid)) : all;
  }

  /** One app group chat. */
  chat(chatid: string): AppChat | undefined {
    return this.core.chats.get(chatid);
  }

  /** A stored upload, expired ones included. */
  media(mediaId: string): MediaRecord | undefined {
    return this.core.media.get(mediaId);
  }

  /** Stores bytes as media, e.g. for a simulated ww.uploadImage. */
  addMedia(
    input: Pick<MediaRecord, 'type' | 'filename' | 'contentType' | 'data'>,
  ): MediaRecord {
    const record = storeMedia(this.core, input);
    this.changed();
    return record;
  }

  /** Messages silently dropped by the per-member limits, per userid. */
  droppedCounts(): DroppedCounts {
    const { app, chat } = this.core.dropped;
    return { app: { ...app }, chat: { ...chat } };
  }

  /** Every /cgi-bin call so far, oldest first. */
  callLog(): CallLogEntry[] {
    return [...this.core.calls];
  }

  /** Number of /cgi-bin calls per endpoint. */
  callCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.core.calls) {
      counts[call.endpoint] = (counts[call.endpoint] ?? 0) + 1;
    }
    return counts;
  }

  /** Encrypts, signs and POSTs a callback with these fields to the app. */
  sendCallback(fields: XmlFields): Promise<CallbackResult> {
    return this.callbacks.send(fields);
  }

  /** Presses a card button as `userid`; see click.ts. */
  async click(input: ClickInput): Promise<ClickResult> {
    try {
      return await click(this.core, this.cards, this.callbacks, input);
    } finally {
      this.changed();
    }
  }

  /**
   * Makes this customer's transfers settle as refused by the customer (3)
   * or the successor at the customer limit (4) instead of taken over; null
   * goes back to success.
   */
  setTransferOutcome(
    externalUserid: string, outcome: TransferOutcome | null,
  ): void {
    this.transfers.setOutcome(externalUserid, outcome);
    this.changed();
  }

  /** Marks a member as having left the company (status 5), now. */
  markResigned(userid: string): void {
    this.transfers.markResigned(userid);
    this.changed();
  }

  /** Adds a customer (external contact) to the directory. */
  addCustomer(customer: DemoCustomer): void {
    this.transfers.addCustomer(customer);
    this.changed();
  }

  /** Customer transfers started so far, settled as of now. */
  customerTransfers(): TransferRecord[] {
    this.transfers.settle();
    return structuredClone(this.transfers.records);
  }

  /** Customer group chats with their current owners. */
  customerGroups(): DemoCustomerGroup[] {
    return structuredClone(this.transfers.groups);
  }

  /**
   * Adds (or replaces) an approval for oa/getapprovaldetail; kept in
   * memory only. Throws EmulatorError (400) on a bad sp_no.
   */
  addApproval(detail: EmulatedApproval): void {
    this.approvals.add(detail);
  }

  /** Forgets all messages, chats, media, tokens, codes, faults and logs. */
  reset(): void {
    const core = this.core;
    core.inboxes.clear();
    core.chats.clear();
    core.media.clear();
    core.calls.length = 0;
    core.dropped = { app: {}, chat: {} };
    this.tokens.invalidateAll();
    this.faultInjector.clear();
    this.cards.clear();
    this.codes.clear();
    this.appLimiter.clear();
    this.chatLimiter.clear();
    this.duplicates.clear();
    this.changed();
  }

  /** A copy of the state a restart keeps (see snapshot.ts); media
   * without bytes. */
  snapshot(): EmulatorSnapshot {
    return takeSnapshot(this.stores());
  }

  /**
   * Replaces messages, chats, media, cards, tokens and codes with those of
   * `snapshot`; false (logged) when it is no valid version 1 snapshot.
   * Media bytes come from `mediaData`, by default the ones held now; media
   * without bytes is dropped.
   */
  restore(
    snapshot: unknown,
    mediaData: (mediaId: string) => Buffer | undefined =
    (mediaId) => this.core.media.get(mediaId)?.data,
  ): boolean {
    const parsed = parseSnapshot(snapshot, this.core.log);
    if (!parsed) return false;
    applySnapshot(this.stores(), parsed, mediaData);
    this.changed();
    return true;
  }

  /** Writes pending changes to the state file now (a no-op without one).
   * Resolves once written; a failed write is logged, not thrown. */
  flush(): Promise<void> {
    return this.stateFile?.flush() ?? Promise.resolve();
  }

  /** Asks for the state to be saved; unchanged state is not rewritten. */
  private changed(): void {
    this.stateFile?.schedule();
  }

  private stores(): SnapshotStores {
    return {
      core: this.core, tokens: this.tokens, tickets: this.tickets,
      cards: this.cards, codes: this.codes, duplicates: this.duplicates,
      transfers: this.transfers,
    };
  }

  private savedState(): SavedState {
    const snapshot = this.snapshot();
    const media = snapshot.media
      .map((meta) => this.core.media.get(meta.mediaId))
      .filter((record) => record !== undefined);
    return { snapshot, media };
  }

  /** Restores from the state file; a bad one is logged and ignored. */
  private loadStateFile(): void {
    const loaded = this.stateFile?.load();
    if (!loaded) return;
    try {
      if (this.restore(loaded.value, loaded.mediaData)) {
        this.core.log.info(
          { file: this.stateFile?.file, chats: this.core.chats.size },
          'emulator state restored',
        );
      }
    } catch (err) {
      this.core.log.warn({ err }, 'emulator state not restored');
      this.reset();
    }
  }

  private buildApp(): Koa {
    const core = this.core;
    const endpoints = {
      ...tokenEndpoints(core, this.tokens),
      ...directoryEndpoints(core),
      ...messageEndpoints(core, {
        cards: this.cards, limiter: this.appLimiter,
        duplicates: this.duplicates,
      }),
      ...appchatEndpoints(core, this.chatLimiter),
      ...mediaEndpoints(core),
      ...authEndpoints(this.codes),
      ...jsapiEndpoints(this.tickets),
      ...externalContactEndpoints(core),
      ...approvalEndpoints(this.approvals),
      ...customerTransferEndpoints(core, this.transfers),
      ...customerGroupEndpoints(core, this.transfers),
    };

    const app = new Koa();
    app.silent = true;
    app.on('error', (err: unknown) => {
      core.log.error({ err }, 'emulator request failed');
    });
    // Any call may change state; a save that changes nothing writes nothing.
    app.use(async (_ctx, next) => {
      try {
        await next();
      } finally {
        this.changed();
      }
    });
    app.use(cgiBin(core, endpoints, this.faultInjector, this.tokens));
    app.use(async (ctx, next) => {
      if (ctx.path !== '/connect/oauth2/authorize') return next();
      if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
        ctx.status = 405;
        return;
      }
      authorize(core, this.codes, ctx);
    });
    return app;
  }
}
