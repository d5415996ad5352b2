/**
 * Application messages: message/send (D:90236) with its validation, silent
 * per-member limits and duplicate check, and message/update_template_card
 * (D:94888) which spends a response_code to change delivered cards.
 */
import type { CardRegistry, ResponseCodeEntry } from './cards';
import { cardsWithTask } from './cards';
import { isRecord, type EndpointTable } from './cgi';
import { checkContent, isContentType, type CheckedContent } from './content';
import { randomId, type EmulatorCore } from './core';
import { WecomError } from './errors';
import { flag } from './fields';
import {
  duplicateInterval, type DuplicateChecker, type MemberLimiter,
} from './limits';
import { partyMembers, resolveRecipients } from './recipients';
import { validateTemplateCard, type ValidCard } from './template-card';
import type { CardState, InboxMessage } from './types';

/** What message/send answers on success. */
export type SendResult = Record<string, unknown>;

/** Collaborators of the message endpoints. */
export interface MessageDeps {
  cards: CardRegistry;
  limiter: MemberLimiter;
  duplicates: DuplicateChecker<SendResult>;
}

/** Checks the request's agentid against the app (40056). */
export function checkAgent(
  core: EmulatorCore, request: Record<string, unknown>,
): void {
  const agentid = request.agentid;
  const text = typeof agentid === 'number' || typeof agentid === 'string'
    ? String(agentid) : '';
  if (text === '' || text !== core.opts.agentId) throw new WecomError(40056);
}

/** The message/send and message/update_template_card endpoints. */
export function messageEndpoints(
  core: EmulatorCore, deps: MessageDeps,
): EndpointTable {
  return {
    'message/send': {
      method: 'POST',
      handler: ({ body }) => send(core, deps, body),
    },
    'message/update_template_card': {
      method: 'POST',
      handler: ({ body }) => updateCard(core, deps, body),
    },
  };
}

function send(
  core: EmulatorCore, deps: MessageDeps, request: Record<string, unknown>,
): SendResult {
  checkAgent(core, request);
  const msgtype = typeof request.msgtype === 'string' ? request.msgtype : '';
  const { content, card } = checkMessage(core, msgtype, request);
  if (card?.usesCallback && !core.opts.callbackUrl()) {
    throw new WecomError(43012);
  }
  const recipients = resolveRecipients(core, request);

  const checkDuplicates = flag(request.enable_duplicate_check);
  const interval = duplicateInterval(request.duplicate_check_interval);
  if (checkDuplicates) {
    const earlier = deps.duplicates.find(request, core.nowMs(), interval);
    if (earlier) return earlier;
  }
  if (card?.taskId) {
    if (deps.cards.hasTask(card.taskId)) {
      throw new WecomError(42014, 'task_id already used by this app');
    }
    deps.cards.addTask(card.taskId);
  }

  const msgid = randomId(40);
  const users = recipients.users;
  const responseCode = card?.usesCallback && card.taskId
    ? deps.cards.issue(card.taskId, users, users) : null;
  for (const userid of users) {
    if (!deps.limiter.allow(userid, core.nowMs())) {
      core.countDropped('app', userid);
      continue;
    }
    core.inbox(userid).push(inboxMessage(core, {
      msgid, msgtype, content, card, responseCode,
      request: structuredClone(request),
    }));
  }

  const result: SendResult = { msgid };
  if (responseCode) result.response_code = responseCode;
  for (const key of ['invaliduser', 'invalidparty', 'invalidtag'] as const) {
    if (recipients[key].length > 0) result[key] = recipients[key].join('|');
  }
  if (checkDuplicates) {
    deps.duplicates.remember(request, core.nowMs(), result);
  }
  return result;
}

/** Validates the msgtype and its content. */
function checkMessage(
  core: EmulatorCore, msgtype: string, request: Record<string, unknown>,
): { content: CheckedContent; card: ValidCard | null } {
  if (msgtype === 'template_card') {
    const raw = request.template_card;
    if (raw === undefined || raw === null) {
      throw new WecomError(40063, 'template_card');
    }
    if (!isRecord(raw)) throw new WecomError(40058, 'template_card');
    const card = validateTemplateCard(raw);
    return { content: {}, card };
  }
  if (!isContentType(msgtype)) throw new WecomError(40008);
  return { content: checkContent(core, msgtype, request), card: null };
}

function inboxMessage(core: EmulatorCore, sent: {
  msgid: string; msgtype: string; content: CheckedContent;
  request: Record<string, unknown>;
  card: ValidCard | null; responseCode: string | null;
}): InboxMessage {
  const message: InboxMessage = {
    msgid: sent.msgid,
    msgtype: sent.msgtype,
    createdAt: core.nowS(),
    body: sent.request,
  };
  if (sent.card) {
    message.card = {
      taskId: sent.card.taskId,
      cardType: sent.card.cardType,
      responseCode: sent.responseCode,
    };
  }
  if (sent.content.media) message.media = sent.content.media;
  return message;
}

function updateCard(
  core: EmulatorCore, deps: MessageDeps, request: Record<string, unknown>,
): Record<string, unknown> {
  checkAgent(core, request);
  const code = request.response_code;
  if (code === undefined || code === null || code === '') {
    throw new WecomError(40063, 'response_code');
  }
  if (typeof code !== 'string') throw new WecomError(40058, 'response_code');
  const change = cardChange(request);
  const { targets, invaliduser } = updateTargets(core, request);

  const entry = deps.cards.spend(code);
  const reached = targets ?? entry.defaultTargets;
  for (const userid of flag(request.atall) ? entry.recipients : reached) {
    for (const message of cardsWithTask(core, userid, entry.taskId)) {
      if (message.card) applyChange(message.card, change, entry);
    }
  }
  return { invaliduser };
}

type CardChange =
  | { replaceName: string }
  | { card: Record<string, unknown> };

/** Either `button.replace_name` or a whole new `template_card`. */
function cardChange(request: Record<string, unknown>): CardChange {
  if (request.button !== undefined && request.button !== null) {
    if (!isRecord(request.button)) throw new WecomError(40058, 'button');
    const name = request.button.replace_name;
    if (name === undefined || name === '') {
      throw new WecomError(40063, 'button.replace_name');
    }
    if (typeof name !== 'string') {
      throw new WecomError(40058, 'button.replace_name');
    }
    return { replaceName: name };
  }
  const card = request.template_card;
  if (card === undefined || card === null) {
    throw new WecomError(40063, 'button or template_card');
  }
  if (!isRecord(card)) throw new WecomError(40058, 'template_card');
  validateTemplateCard(card);
  return { card: structuredClone(card) };
}

/** Members named by userids/partyids; null when the call names nobody. */
function updateTargets(
  core: EmulatorCore, request: Record<string, unknown>,
): { targets: string[] | null; invaliduser: string[] } {
  const userids = request.userids ?? [];
  const partyids = request.partyids ?? [];
  if (!Array.isArray(userids) || userids.length > 1000) {
    throw new WecomError(40058, 'userids');
  }
  if (!Array.isArray(partyids)) throw new WecomError(40058, 'partyids');

  const targets = new Set<string>();
  const invaliduser: string[] = [];
  for (const userid of userids) {
    if (typeof userid === 'string' && core.person(userid)) targets.add(userid);
    else invaliduser.push(String(userid));
  }
  for (const party of partyids) {
    if (typeof party !== 'number' && typeof party !== 'string') continue;
    partyMembers(core, party)?.forEach((u) => targets.add(u));
  }
  const named = userids.length + partyids.length > 0;
  return { targets: named ? [...targets] : null, invaliduser };
}

function applyChange(
  card: CardState, change: CardChange, entry: ResponseCodeEntry,
): void {
  if ('replaceName' in change) {
    card.replaceName = change.replaceName;
    return;
  }
  card.updatedCard = change.card;
  card.cardType = String(change.card.card_type);
  delete card.replaceName;
  // A card sent by update keeps the original task for later clicks.
  card.taskId = entry.taskId;
}
