/**
 * The emulator's state as saved between runs: a versioned JSON shape, its
 * validation, and taking it from / putting it back into the live stores.
 * Media bytes are not part of it (see state-file.ts); the clock is the
 * server's and is not saved either.
 */
import type { Logger } from 'pino';
import { z } from 'zod';

import type { CardRegistry, CardsSnapshot } from './cards';
import { isRecord } from './cgi';
import type { EmulatorCore } from './core';
import type {
  CustomerTransfers, CustomerTransferSnapshot,
} from './customer-transfer';
import type { JsapiTickets, TicketSnapshot } from './jsapi';
import type { DuplicateChecker, DuplicateSnapshot } from './limits';
import { findMedia, MEDIA_TTL_S } from './media';
import type { SendResult } from './message';
import type { OAuthCodes, OAuthCodeSnapshot } from './oauth';
import type { TokenSnapshot, TokenStore } from './tokens';
import type {
  AppChat, DroppedCounts, InboxMessage, MediaRecord,
} from './types';

/** A stored upload without its bytes. */
export type MediaMeta = Omit<MediaRecord, 'data'>;

/**
 * Everything a restart should not forget, version 1. Faults, the call log
 * and the per-member delivery windows are left out: they steer or describe
 * one run.
 */
export interface EmulatorSnapshot {
  version: 1;
  /** App messages per userid, oldest first, with their card state. */
  inboxes: Record<string, InboxMessage[]>;
  /** App group chats with their messages, oldest first. */
  chats: AppChat[];
  /** Live uploads; their bytes are kept beside the state file. */
  media: MediaMeta[];
  dropped: DroppedCounts;
  tokens: TokenSnapshot;
  jsapiTickets: TicketSnapshot[];
  /** Used task ids (reuse gives 42014) and unexpired response codes. */
  cards: CardsSnapshot;
  oauthCodes: OAuthCodeSnapshot[];
  /** Recent message/send requests for enable_duplicate_check. */
  duplicates: DuplicateSnapshot<SendResult>[];
  /** Customer transfers, groups and resigned members; files saved before
   * transfers were emulated have none and load as "nothing transferred". */
  customerTransfer?: CustomerTransferSnapshot;
}

/** The live stores a snapshot is taken from and put back into. */
export interface SnapshotStores {
  core: EmulatorCore;
  tokens: TokenStore;
  tickets: JsapiTickets;
  cards: CardRegistry;
  codes: OAuthCodes;
  duplicates: DuplicateChecker<SendResult>;
  transfers: CustomerTransfers;
}

/** A copy of the stores' state; media bytes are not included. */
export function takeSnapshot(stores: SnapshotStores): EmulatorSnapshot {
  const { core } = stores;
  const media = [...core.media.values()]
    .filter((record) => findMedia(core, record.mediaId))
    .map(({ data: _data, ...meta }) => meta);

  return {
    version: 1,
    inboxes: structuredClone(Object.fromEntries(core.inboxes)),
    chats: structuredClone([...core.chats.values()]),
    media: structuredClone(media),
    dropped: structuredClone(core.dropped),
    tokens: stores.tokens.snapshot(),
    jsapiTickets: stores.tickets.snapshot(),
    cards: stores.cards.snapshot(),
    oauthCodes: stores.codes.snapshot(),
    duplicates: stores.duplicates.snapshot(core.nowMs()),
    customerTransfer: stores.transfers.snapshot(),
  };
}

/**
 * Replaces the stores' state with a snapshot's. Media whose bytes
 * `mediaData` cannot give are left out, as are expired ones.
 */
export function applySnapshot(
  stores: SnapshotStores, snapshot: EmulatorSnapshot,
  mediaData: (mediaId: string) => Buffer | undefined,
): void {
  const { core } = stores;
  const saved = structuredClone(snapshot);
  // Bytes are read first: `mediaData` may read the media held now.
  const media = restorableMedia(core, saved.media, mediaData);

  core.inboxes.clear();
  for (const [userid, list] of Object.entries(saved.inboxes)) {
    core.inboxes.set(userid, list);
  }
  core.chats.clear();
  for (const chat of saved.chats) core.chats.set(chat.chatid, chat);
  core.dropped = saved.dropped;

  core.media.clear();
  for (const record of media) core.media.set(record.mediaId, record);

  stores.tokens.restore(saved.tokens);
  stores.tickets.restore(saved.jsapiTickets);
  stores.cards.restore(saved.cards);
  stores.codes.restore(saved.oauthCodes);
  stores.duplicates.restore(saved.duplicates);
  stores.transfers.restore(
    saved.customerTransfer ?? stores.transfers.initial());
}

/** Saved media that is still live and whose bytes can be read. */
function restorableMedia(
  core: EmulatorCore, saved: MediaMeta[],
  mediaData: (mediaId: string) => Buffer | undefined,
): MediaRecord[] {
  const records: MediaRecord[] = [];
  for (const meta of saved) {
    if (meta.createdAt + MEDIA_TTL_S <= core.nowS()) continue;
    const data = mediaData(meta.mediaId);
    if (!data || data.length !== meta.size) {
      core.log.warn({ mediaId: meta.mediaId }, 'emulator media bytes missing');
      continue;
    }
    records.push({ ...meta, data });
  }
  return records;
}

/** The snapshot in `value`, or null (logged) when it is not version 1. */
export function parseSnapshot(
  value: unknown, log: Logger,
): EmulatorSnapshot | null {
  const version = isRecord(value) ? value.version : undefined;
  if (version !== 1) {
    log.warn({ version }, 'emulator state has an unknown version, ignored');
    return null;
  }
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`);
    log.warn({ issues }, 'emulator state is malformed, ignored');
    return null;
  }
  return parsed.data;
}

const json = z.record(z.string(), z.unknown());
const ids = z.array(z.string());
const counts = z.record(z.string(), z.number());
// Media ids name files beside the state file: letters and digits only.
const mediaId = z.string().regex(/^[0-9A-Za-z]{1,128}$/);

const mediaRef = z.object({
  mediaId, filename: z.string(), contentType: z.string(), size: z.number(),
});

const inboxMessage = z.object({
  msgid: z.string(),
  msgtype: z.string(),
  createdAt: z.number(),
  body: json,
  card: z.object({
    taskId: z.string().nullable(),
    cardType: z.string(),
    responseCode: z.string().nullable(),
    replaceName: z.string().optional(),
    updatedCard: json.optional(),
  }).optional(),
  media: mediaRef.optional(),
});

const chat = z.object({
  chatid: z.string(),
  name: z.string(),
  owner: z.string(),
  userlist: ids,
  createdAt: z.number(),
  messages: z.array(z.object({
    msgid: z.string(),
    msgtype: z.string(),
    createdAt: z.number(),
    body: json,
    deliveredTo: ids,
    media: mediaRef.optional(),
  })),
});

const follower = z.object({
  userid: z.string(), remark: z.string(), description: z.string(),
  createtime: z.number(), add_way: z.number(), oper_userid: z.string(),
  tags: z.array(z.object({
    group_name: z.string(), tag_name: z.string(),
    type: z.union([z.literal(1), z.literal(2)]),
  })),
});

const customerTransferSchema = z.object({
  records: z.array(z.object({
    mode: z.enum(['on_job', 'resigned']),
    handover: z.string(),
    takeover: z.string(),
    externalUserid: z.string(),
    startedAt: z.number(),
    status: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    takeoverTime: z.number(),
  })),
  outcomes: z.record(z.string(), z.union([z.literal(3), z.literal(4)])),
  resigned: z.array(z.object({ userid: z.string(), at: z.number() })),
  groups: z.array(z.object({
    chat_id: z.string(), name: z.string(), owner: z.string(),
  })),
  added: z.array(z.object({
    external_userid: z.string(),
    name: z.string(),
    type: z.union([z.literal(1), z.literal(2)]),
    gender: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    corp_name: z.string().optional(),
    corp_full_name: z.string().optional(),
    position: z.string().optional(),
    follow_user: z.array(follower),
  })),
});

const snapshotSchema: z.ZodType<EmulatorSnapshot> = z.object({
  version: z.literal(1),
  inboxes: z.record(z.string(), z.array(inboxMessage)),
  chats: z.array(chat),
  media: z.array(z.object({
    mediaId,
    type: z.enum(['image', 'voice', 'video', 'file']),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int().nonnegative(),
    createdAt: z.number(),
  })),
  dropped: z.object({ app: counts, chat: counts }),
  tokens: z.object({
    current: z.string().nullable(),
    issued: z.array(z.object({ token: z.string(), expiresAtMs: z.number() })),
  }),
  jsapiTickets: z.array(z.object({
    kind: z.enum(['corp', 'agent']),
    value: z.string(),
    expiresAtMs: z.number(),
  })),
  cards: z.object({
    taskIds: ids,
    responseCodes: z.array(z.object({
      code: z.string(),
      taskId: z.string(),
      issuedAtMs: z.number(),
      used: z.boolean(),
      defaultTargets: ids,
      recipients: ids,
    })),
  }),
  oauthCodes: z.array(z.object({
    code: z.string(),
    userid: z.string(),
    issuedAtMs: z.number(),
    used: z.boolean(),
  })),
  duplicates: z.array(z.object({
    key: z.string(), atMs: z.number(), result: json,
  })),
  customerTransfer: customerTransferSchema.optional(),
});
