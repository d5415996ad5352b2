/**
 * Factories for the outbox's tests: entries of every kind whose content
 * names the entry, so its deliveries can be counted at the emulator, and a
 * dispatcher on a test client. Nothing here is used outside tests.
 */
import type { DataSource } from 'typeorm';

import type { AdjustableClock, Clock } from '../clock';
import { OutboxMessage } from '../entities';
import type { WecomEmulator } from '../sandbox/emulator';
import { canonicalJson } from '../sandbox/emulator/limits';
import { buttonCard } from '../sandbox/emulator/test-support';
import type { WecomClient } from '../wecom/client';
import { silentLogger } from '../wecom/test-support';
import { OutboxDispatcher } from './dispatcher';
import { enqueue, type OutboxEntry } from './outbox';

/** A text message to `touser`, its content naming `key`. */
export function textEntry(key: string, touser: string[],
  handoverId: number | null = null): OutboxEntry {
  return {
    kind: 'message.send', dedupeKey: key, handoverId,
    payload: {
      touser: touser.join('|'), msgtype: 'text',
      text: { content: `outbox ${key}` },
    },
  };
}

/** A button card to `touser` whose task id is `key`. */
export function cardEntry(key: string, touser: string[],
  handoverId: number | null = null): OutboxEntry {
  return {
    kind: 'message.send', dedupeKey: key, handoverId,
    payload: {
      touser: touser.join('|'), msgtype: 'template_card',
      template_card: buttonCard(key),
    },
  };
}

/** Creates app group chat `chatid`, owned by the first member. */
export function chatCreateEntry(chatid: string, userlist: string[],
  handoverId: number | null = null): OutboxEntry {
  return {
    kind: 'appchat.create', dedupeKey: `chat-${chatid}`, handoverId,
    payload: { chatid, name: `交接群 ${chatid}`, owner: userlist[0], userlist },
  };
}

/** A text message to group chat `chatid`, its content naming `key`. */
export function chatTextEntry(chatid: string, key: string,
  handoverId: number | null = null): OutboxEntry {
  return {
    kind: 'appchat.send', dedupeKey: key, handoverId,
    payload: { chatid, msgtype: 'text', text: { content: `outbox ${key}` } },
  };
}

/** Enqueues `entries` in order, in one committed transaction. */
export async function enqueueAll(db: DataSource, entries: OutboxEntry[],
  clock: Clock): Promise<void> {
  await db.transaction(async (manager) => {
    for (const entry of entries) {
      await enqueue(manager, entry, new Date(clock.now()));
    }
  });
}

/** A dispatcher sending through `client`. */
export function testDispatcher(db: DataSource, client: WecomClient,
  clock: Clock): OutboxDispatcher {
  return new OutboxDispatcher({ db, client, clock, logger: silentLogger });
}

/** Every outbox row, oldest first. */
export function outboxRows(db: DataSource): Promise<OutboxMessage[]> {
  return db.getRepository(OutboxMessage).find({ order: { id: 'ASC' } });
}

/** Moves the clock just past the latest retry time of a pending row. */
export async function advancePastRetries(db: DataSource,
  clock: AdjustableClock): Promise<void> {
  const pending = await db.getRepository(OutboxMessage)
    .findBy({ status: 'pending' });
  const latest = Math.max(0, ...pending.map((r) => r.nextAttemptAt.getTime()));
  if (latest >= clock.now()) clock.advance(latest - clock.now() + 1);
}

/**
 * How often each entry arrived at the emulator, by dedupe key: per
 * recipient for app messages, once per chat for group chats.
 */
export function deliveries(emulator: WecomEmulator,
  entries: OutboxEntry[]): Record<string, number[]> {
  return Object.fromEntries(entries.map((entry) =>
    [entry.dedupeKey, deliveriesOf(emulator, entry)]));
}

/** What `deliveries` gives when every entry arrived exactly once. */
export function deliveredOnce(
  entries: OutboxEntry[]): Record<string, number[]> {
  return Object.fromEntries(entries.map((entry) =>
    [entry.dedupeKey, recipients(entry).map(() => 1)]));
}

function recipients(entry: OutboxEntry): string[] {
  return entry.kind === 'message.send'
    ? String(entry.payload.touser).split('|') : [String(entry.payload.chatid)];
}

function deliveriesOf(emulator: WecomEmulator, entry: OutboxEntry): number[] {
  const { payload } = entry;
  const msgtype = String(payload.msgtype);
  // Compared as JSON: the emulator's copies come from another realm.
  const content = canonicalJson(payload[msgtype]);
  const sameContent = (body: Record<string, unknown>) =>
    canonicalJson(body[msgtype]) === content;
  switch (entry.kind) {
    case 'message.send':
      return recipients(entry).map((userid) =>
        emulator.inbox(userid).filter((m) => sameContent(m.body)).length);
    case 'appchat.create':
      return [emulator.chats()
        .filter((chat) => chat.chatid === payload.chatid).length];
    case 'appchat.send':
      return [emulator.chat(String(payload.chatid))?.messages
        .filter((m) => sameContent(m.body)).length ?? 0];
    default:
      throw new Error(`no delivery count for kind ${entry.kind}`);
  }
}
