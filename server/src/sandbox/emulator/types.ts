/**
 * Public shapes of the WeCom emulator: its options and the state it lets
 * tests and the sandbox inspect. Times are unix seconds unless named `...Ms`.
 */
import type { Logger } from 'pino';

import type { AdjustableClock } from '../../clock';
import type { DemoCompany } from '../demo-company';

/** Delivery limits WeCom enforces silently by dropping messages (D:90236). */
export interface EmulatorLimits {
  /** App messages per app per member per minute; default 30. */
  appPerMemberPerMinute: number;
  /** App messages per app per member per hour; default 1000. */
  appPerMemberPerHour: number;
  /** Group messages per app per member per minute; default 200. */
  chatPerMemberPerMinute: number;
  /** gettoken calls per minute before 45009; default Infinity. */
  gettokenPerMinute: number;
}

/** How the emulator is set up. */
export interface EmulatorOptions {
  corpId: string;
  agentId: string;
  secret: string;
  /** The app's callback token. */
  token: string;
  /** The app's 43-character EncodingAESKey. */
  encodingAesKey: string;
  /** Absolute URL of the server's /wecom/callback; undefined = none set. */
  callbackUrl: () => string | undefined;
  clock: AdjustableClock;
  /** OAuth redirect_uri host[:port] allowed; undefined = any. */
  trustedHosts?: string[];
  logger?: Logger;
  /** A repeat gettoken within validity returns the same token (UNCONFIRMED
   * on the live service); default true. */
  sameTokenWithinValidity?: boolean;
  /** A repeat gettoken also restarts the token's 7200 s; default false. */
  renewTokenOnRepeat?: boolean;
  /** What an expired token gives: 42001 (documented, default) or 40014. */
  expiredTokenErrcode?: 42001 | 40014;
  /** How long a card's response_code works; default 72 h. */
  responseCodeTtlSeconds?: number;
  limits?: Partial<EmulatorLimits>;
  /** The directory; default the demo company. */
  company?: DemoCompany;
  /** Random source in [0, 1) for the random fault mode; default Math.random. */
  random?: () => number;
  /** JSON file the state is kept in across restarts, media bytes beside it
   * in `<stateFile>.media/`; undefined = memory only. */
  stateFile?: string;
}

/** What a template card in someone's inbox currently looks like. */
export interface CardState {
  taskId: string | null;
  cardType: string;
  /** The response_code message/send returned, null for plain notices. */
  responseCode: string | null;
  /** Set when update_template_card (or a passive reply) greyed the button. */
  replaceName?: string;
  /** Set when update_template_card sent a whole new card. */
  updatedCard?: Record<string, unknown>;
}

/** Facts about a media file a message refers to, for display. */
export interface MediaRef {
  mediaId: string;
  filename: string;
  contentType: string;
  size: number;
}

/** One app message in one member's inbox. */
export interface InboxMessage {
  msgid: string;
  msgtype: string;
  createdAt: number;
  /** The message/send request as sent: msgtype, text / template_card ... */
  body: Record<string, unknown>;
  card?: CardState;
  media?: MediaRef;
}

/** One message posted to an app group chat. */
export interface ChatMessage {
  msgid: string;
  msgtype: string;
  createdAt: number;
  /** The appchat/send request as sent: chatid, msgtype, text ... */
  body: Record<string, unknown>;
  /** Members who got it (others hit the per-member limit). */
  deliveredTo: string[];
  media?: MediaRef;
}

/** An app group chat (应用群聊). */
export interface AppChat {
  chatid: string;
  name: string;
  owner: string;
  userlist: string[];
  createdAt: number;
  messages: ChatMessage[];
}

/** A stored upload. */
export interface MediaRecord {
  mediaId: string;
  type: 'image' | 'voice' | 'video' | 'file';
  filename: string;
  contentType: string;
  size: number;
  createdAt: number;
  data: Buffer;
}

/** One call to a /cgi-bin endpoint, as the emulator answered it. */
export interface CallLogEntry {
  /** Path after /cgi-bin/, e.g. `message/send`. */
  endpoint: string;
  method: string;
  /** Clock milliseconds when the call arrived. */
  at: number;
  /** The JSON errcode answered; null for a non-JSON answer. */
  errcode: number | null;
  httpStatus: number;
  /** True when an injected fault decided the answer. */
  fault: boolean;
}

/** Messages WeCom accepted but silently did not deliver, per userid. */
export interface DroppedCounts {
  app: Record<string, number>;
  chat: Record<string, number>;
}

/** A fault for the next `count` calls of one endpoint (`*` = any). */
export interface FaultSpec {
  endpoint: string;
  count: number;
  errcode?: number;
  httpStatus?: number;
  delayMs?: number;
}

/** Random faults: each call fails with probability `rate`. */
export interface FaultRateSpec {
  rate: number;
  errcodes?: number[];
  httpStatuses?: number[];
  /** Added before a faulted answer. */
  delayMs?: number;
  /** Only these endpoints; default all. */
  endpoints?: string[];
}

/** XML field values: arrays repeat the element, objects nest. */
export type XmlValue = string | number | XmlFields | XmlValue[];

/** The fields of a callback message, before encryption. */
export interface XmlFields {
  [name: string]: XmlValue;
}

/** A parsed XML value: text, nested fields, or a repeated element. */
export type ReplyValue = string | ReplyFields | ReplyValue[];

/** Decrypted fields of a passive reply; leaves are strings. */
export interface ReplyFields {
  [name: string]: ReplyValue;
}

/** What the server answered to one callback POST. */
export interface CallbackResult {
  /** HTTP status; 0 when no answer came (network error or 5 s timeout). */
  status: number;
  body: string;
  /** Decrypted passive reply, null when empty, plain or badly signed. */
  reply: ReplyFields | null;
  /** Why the answer or the reply was not usable. */
  error?: string;
}

/** What a simulated card button press did. */
export interface ClickResult extends CallbackResult {
  /** The callback's ResponseCode, usable once with update_template_card. */
  responseCode: string;
  /** The clicked card's state after any passive update. */
  card: CardState;
  /** The clicked inbox message (its `card` is the same object). */
  message: InboxMessage;
}
