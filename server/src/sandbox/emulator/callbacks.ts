/**
 * Callbacks to the app (D:91144): build the message XML, encrypt it with the
 * app's EncodingAESKey, sign it and POST it to the callback URL, then check
 * and decrypt any passive reply the app answers with.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';

import axios from 'axios';
import { XMLParser } from 'fast-xml-parser';
import WXBizMsgCrypt from 'wechat-crypto';

import type { EmulatorCore } from './core';
import { EmulatorError } from './errors';
import type {
  CallbackResult, ReplyFields, ReplyValue, XmlFields, XmlValue,
} from './types';

/** WeCom gives up on an answer after 5 s. */
const CALLBACK_TIMEOUT_MS = 5000;

/** The XML of `fields` under `<xml>`, strings in CDATA. */
export function toXml(fields: XmlFields): string {
  return `<xml>${Object.entries(fields).map(([k, v]) => element(k, v))
    .join('')}</xml>`;
}

function element(name: string, value: XmlValue): string {
  if (Array.isArray(value)) return value.map((v) => element(name, v)).join('');
  if (typeof value === 'number') return `<${name}>${value}</${name}>`;
  if (typeof value === 'string') {
    // A CDATA section cannot hold `]]>`: split it across two sections.
    const safe = value.replace(/]]>/g, ']]]]><![CDATA[>');
    return `<${name}><![CDATA[${safe}]]></${name}>`;
  }
  const inner = Object.entries(value).map(([k, v]) => element(k, v)).join('');
  return `<${name}>${inner}</${name}>`;
}

const parser = new XMLParser({
  ignoreAttributes: true, parseTagValue: false, trimValues: true,
});

/** Parses `<xml>...</xml>` into string-leaved fields; null if not that. */
export function parseXml(text: string): ReplyFields | null {
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch {
    return null;
  }
  const root = normalize(isObject(parsed) ? parsed.xml : undefined);
  return typeof root === 'object' && !Array.isArray(root) ? root : null;
}

function normalize(value: unknown): ReplyValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    return value.map((v) => normalize(v) ?? '');
  }
  if (isObject(value)) {
    const out: ReplyFields = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalize(v) ?? '';
    return out;
  }
  return String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sends encrypted callbacks for one app. */
export class CallbackSender {
  private readonly cipher: WXBizMsgCrypt;

  constructor(private readonly core: EmulatorCore) {
    const o = core.opts;
    this.cipher = new WXBizMsgCrypt(o.token, o.encodingAesKey, o.corpId);
  }

  /**
   * POSTs `fields` (ToUserName, CreateTime and AgentID filled in when
   * absent) to the callback URL; never retries.
   * TODO: WeCom retries three times on a timeout or non-200; add that when
   * a test needs the server's dedupe exercised by real retries.
   */
  async send(fields: XmlFields): Promise<CallbackResult> {
    const url = this.core.opts.callbackUrl();
    if (!url) {
      throw new EmulatorError(409, 'conflict', 'the app has no callback URL');
    }
    const { corpId, agentId } = this.core.opts;
    const plain = toXml({
      ToUserName: corpId, CreateTime: this.core.nowS(), ...fields,
      ...(fields.AgentID === undefined ? { AgentID: agentValue(agentId) } : {}),
    });
    const encrypt = this.cipher.encrypt(plain);
    const timestamp = String(this.core.nowS());
    const nonce = String(randomInt(1e9, 1e10));
    const signature = this.cipher.getSignature(timestamp, nonce, encrypt);
    const envelope = toXml({
      ToUserName: corpId, Encrypt: encrypt, AgentID: agentId,
    });

    try {
      const response = await axios.post<string>(url, envelope, {
        params: { msg_signature: signature, timestamp, nonce },
        headers: { 'Content-Type': 'text/xml' },
        timeout: CALLBACK_TIMEOUT_MS,
        responseType: 'text',
        transformResponse: (data: unknown) => data,
        validateStatus: () => true,
      });
      const body = typeof response.data === 'string' ? response.data : '';
      this.core.log.debug({ status: response.status }, 'callback answered');
      return { status: response.status, body, ...this.openReply(body) };
    } catch (err) {
      const error = err instanceof Error ? err.message : 'request failed';
      this.core.log.warn({ error }, 'callback got no answer');
      return { status: 0, body: '', reply: null, error };
    }
  }

  /** Checks and decrypts a passive reply. */
  private openReply(body: string): Pick<CallbackResult, 'reply' | 'error'> {
    const text = body.trim();
    if (text === '' || text === 'success') return { reply: null };
    const outer = parseXml(text);
    const field = (name: string): string => {
      const value = outer?.[name];
      return typeof value === 'string' ? value : '';
    };
    const encrypt = field('Encrypt');
    if (!encrypt) return { reply: null, error: 'reply is not encrypted XML' };

    const expected = this.cipher.getSignature(
      field('TimeStamp'), field('Nonce'), encrypt,
    );
    if (!sameText(field('MsgSignature').toLowerCase(), expected)) {
      return { reply: null, error: 'reply signature does not match' };
    }
    let opened: { message: string; id: string };
    try {
      opened = this.cipher.decrypt(encrypt);
    } catch {
      return { reply: null, error: 'reply cannot be decrypted' };
    }
    if (opened.id !== this.core.opts.corpId) {
      return { reply: null, error: 'reply is for another corp' };
    }
    const reply = parseXml(opened.message);
    return reply ? { reply } : { reply: null, error: 'reply is not XML' };
  }
}

/** AgentID as a number when it is one, as WeCom writes it. */
function agentValue(agentId: string): string | number {
  return /^\d{1,15}$/.test(agentId) ? Number(agentId) : agentId;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
