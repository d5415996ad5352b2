/**
 * A simulated press on a template card button: the emulator sends the
 * `template_card_event` callback WeCom would send (D:90240), with a fresh
 * ResponseCode, and applies an `update_button` passive reply to the card.
 */
import type { CallbackSender } from './callbacks';
import { cardsWithTask, type CardRegistry } from './cards';
import { isRecord } from './cgi';
import type { EmulatorCore } from './core';
import { EmulatorError } from './errors';
import type { ClickResult, ReplyFields, XmlFields } from './types';

/** Who pressed which button on which card. */
export interface ClickInput {
  userid: string;
  taskId: string;
  key: string;
  /** Chosen options per question_key; default the card's preselection. */
  selected?: Record<string, string[]>;
}

type Json = Record<string, unknown>;

/** Presses a button; throws EmulatorError (400/404/409) when it cannot. */
export async function click(
  core: EmulatorCore, cards: CardRegistry, sender: CallbackSender,
  input: ClickInput,
): Promise<ClickResult> {
  for (const field of ['userid', 'taskId', 'key'] as const) {
    if (typeof input[field] !== 'string' || input[field] === '') {
      throw new EmulatorError(400, 'validation_error',
        `${field} is required`, field === 'taskId' ? 'task_id' : field);
    }
  }
  if (!core.person(input.userid)) {
    throw new EmulatorError(404, 'not_found', 'no such member', 'userid');
  }
  const message = cardsWithTask(core, input.userid, input.taskId)[0];
  if (!message?.card) {
    throw new EmulatorError(404, 'not_found',
      'this member has no card with that task id', 'task_id');
  }
  const state = message.card;
  if (state.replaceName !== undefined) {
    throw new EmulatorError(409, 'conflict',
      `the button already reads "${state.replaceName}"`, 'task_id');
  }
  const sent = message.body.template_card;
  const card = state.updatedCard ?? (isRecord(sent) ? sent : {});
  const event = eventFor(card, input.key);
  if (!core.opts.callbackUrl()) {
    throw new EmulatorError(409, 'conflict', 'the app has no callback URL');
  }

  const recipients = [...core.inboxes.keys()].filter(
    (u) => cardsWithTask(core, u, input.taskId).length > 0,
  );
  const responseCode = cards.issue(input.taskId, [input.userid], recipients);
  const fields: XmlFields = {
    ToUserName: core.opts.corpId,
    FromUserName: input.userid,
    CreateTime: core.nowS(),
    MsgType: 'event',
    Event: event,
    EventKey: input.key,
    TaskId: input.taskId,
    CardType: state.cardType,
    ResponseCode: responseCode,
  };
  const selection = selectedItems(card, input.selected);
  if (selection) fields.SelectedItems = selection;

  const result = await sender.send(fields);
  const replaceName = replyReplaceName(result.reply);
  if (replaceName) state.replaceName = replaceName;
  return { ...result, responseCode, card: state, message };
}

/** The event a key raises: a button or submit, or an action menu entry. */
function eventFor(card: Json, key: string): string {
  const buttons = Array.isArray(card.button_list) ? card.button_list : [];
  const button = buttons.find((b) => isRecord(b) && b.key === key);
  if (isRecord(button)) {
    if (button.type !== undefined && button.type !== 0) {
      throw new EmulatorError(400, 'validation_error',
        'that button opens a URL and sends no callback', 'key');
    }
    return 'template_card_event';
  }
  if (isRecord(card.submit_button) && card.submit_button.key === key) {
    return 'template_card_event';
  }
  const menu = isRecord(card.action_menu) ? card.action_menu : {};
  const actions = Array.isArray(menu.action_list) ? menu.action_list : [];
  if (actions.some((a) => isRecord(a) && a.key === key)) {
    return 'template_card_menu_event';
  }
  throw new EmulatorError(400, 'validation_error',
    'the card has no callback button with that key', 'key');
}

/** SelectedItems for cards with questions, else undefined. */
function selectedItems(
  card: Json, chosen: Record<string, string[]> | undefined,
): XmlFields | undefined {
  const questions: Json[] = [];
  if (isRecord(card.button_selection)) questions.push(card.button_selection);
  if (isRecord(card.checkbox)) questions.push(card.checkbox);
  if (Array.isArray(card.select_list)) {
    questions.push(...card.select_list.filter(isRecord));
  }
  if (questions.length === 0) return undefined;

  const items = questions.map((q): XmlFields => {
    const key = typeof q.question_key === 'string' ? q.question_key : '';
    const ids = chosen?.[key] ?? preselected(q);
    return { QuestionKey: key, OptionIds: { OptionId: ids } };
  });
  return { SelectedItem: items };
}

/** Options a question starts with: `selected_id` or checked ones. */
function preselected(question: Json): string[] {
  if (typeof question.selected_id === 'string') return [question.selected_id];
  const options = Array.isArray(question.option_list)
    ? question.option_list.filter(isRecord) : [];
  return options
    .filter((o) => o.is_checked === true && typeof o.id === 'string')
    .map((o) => String(o.id));
}

/** Button.ReplaceName of an `update_button` passive reply. */
function replyReplaceName(reply: ReplyFields | null): string | undefined {
  if (!reply || reply.MsgType !== 'update_button') return undefined;
  const button = reply.Button;
  if (typeof button !== 'object' || Array.isArray(button)) return undefined;
  const name = button.ReplaceName;
  return typeof name === 'string' && name !== '' ? name : undefined;
}
