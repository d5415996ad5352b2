/**
 * Validation of `template_card` messages per card_type (D:90236). Missing
 * required fields give 40063, malformed ones 40058, a bad task_id 42014.
 * TODO: per-field character limits (titles, descs) are not checked yet; the
 * live service truncates or refuses over-long text.
 */
import { WecomError } from './errors';
import {
  byteLength, objectList, optionalChoice, optionalObject, optionalText,
  requireObject, requireText,
} from './fields';

/** The card types WeCom knows. */
export const CARD_TYPES = [
  'text_notice', 'news_notice', 'button_interaction', 'vote_interaction',
  'multiple_interaction',
] as const;

/** One of CARD_TYPES. */
export type CardType = (typeof CARD_TYPES)[number];

const INTERACTIVE: readonly string[] = [
  'button_interaction', 'vote_interaction', 'multiple_interaction',
];
const TASK_ID = /^[0-9a-zA-Z_\-@]+$/;
const TASK_ID_MAX_BYTES = 128;
const KEY_MAX_BYTES = 1024;

/** What the rest of the emulator needs to know about a valid card. */
export interface ValidCard {
  cardType: CardType;
  taskId: string | null;
  /** Clicks reach the app's callback (interactive, or has action_menu). */
  usesCallback: boolean;
}

/** Checks a template card; throws WecomError, else describes it. */
export function validateTemplateCard(card: Record<string, unknown>): ValidCard {
  const type = card.card_type;
  if (type === undefined) throw new WecomError(40063, 'card_type');
  if (!CARD_TYPES.includes(type as CardType)) {
    throw new WecomError(40058, 'card_type');
  }
  const cardType = type as CardType;
  const hasMenu = checkCommon(card);
  const needsTask = INTERACTIVE.includes(cardType) || hasMenu;
  const taskId = checkTaskId(card.task_id, needsTask);

  CHECKS[cardType](card);
  return { cardType, taskId, usesCallback: needsTask };
}

/** Checks the parts every card type may have; true when it has a menu. */
function checkCommon(card: Record<string, unknown>): boolean {
  const source = optionalObject(card, 'source', 'source');
  if (source) {
    optionalChoice(source, 'desc_color', 'source.desc_color', [0, 1, 2, 3]);
  }

  const menu = optionalObject(card, 'action_menu', 'action_menu');
  if (menu) {
    const path = 'action_menu.action_list';
    for (const action of objectList(menu, 'action_list', path, 1, 3)) {
      requireText(action, 'text', 'action_menu.action_list.text');
      requireText(action, 'key', 'action_menu.action_list.key', KEY_MAX_BYTES);
    }
  }
  optionalObject(card, 'main_title', 'main_title');
  optionalObject(card, 'quote_area', 'quote_area');
  optionalText(card, 'sub_title_text', 'sub_title_text');

  const items = objectList(
    card, 'horizontal_content_list', 'horizontal_content_list', 0, 6,
  );
  for (const item of items) checkHorizontalItem(item);
  return menu !== undefined;
}

function checkHorizontalItem(item: Record<string, unknown>): void {
  const path = 'horizontal_content_list';
  requireText(item, 'keyname', `${path}.keyname`);
  const type = optionalChoice(item, 'type', `${path}.type`, [0, 1, 2, 3]);
  if (type === 1) requireText(item, 'url', `${path}.url`);
  if (type === 2) requireText(item, 'media_id', `${path}.media_id`);
  if (type === 3) requireText(item, 'userid', `${path}.userid`);
}

function checkTaskId(value: unknown, required: boolean): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw new WecomError(42014, 'task_id is empty');
    return null;
  }
  if (typeof value !== 'string' || !TASK_ID.test(value)) {
    throw new WecomError(42014, 'task_id allows only [0-9a-zA-Z_-@]');
  }
  if (byteLength(value) > TASK_ID_MAX_BYTES) {
    throw new WecomError(42014, 'task_id is longer than 128 bytes');
  }
  return value;
}

function checkMainTitle(card: Record<string, unknown>): void {
  const title = requireObject(card, 'main_title', 'main_title');
  requireText(title, 'title', 'main_title.title');
}

function checkCardAction(
  card: Record<string, unknown>, required: boolean,
): void {
  const action = required
    ? requireObject(card, 'card_action', 'card_action')
    : optionalObject(card, 'card_action', 'card_action');
  if (!action) return;
  const allowed = required ? [1, 2] : [0, 1, 2];
  const type = optionalChoice(action, 'type', 'card_action.type', allowed);
  if (required && type === undefined) {
    throw new WecomError(40063, 'card_action.type');
  }
  if (type === 1) requireText(action, 'url', 'card_action.url');
  if (type === 2) requireText(action, 'appid', 'card_action.appid');
}

function checkJumpList(card: Record<string, unknown>): void {
  for (const jump of objectList(card, 'jump_list', 'jump_list', 0, 3)) {
    requireText(jump, 'title', 'jump_list.title');
    const type = optionalChoice(jump, 'type', 'jump_list.type', [0, 1, 2]);
    if (type === 1) requireText(jump, 'url', 'jump_list.url');
    if (type === 2) requireText(jump, 'appid', 'jump_list.appid');
  }
}

function checkOptions(
  holder: Record<string, unknown>, path: string, max: number,
): void {
  requireText(holder, 'question_key', `${path}.question_key`, KEY_MAX_BYTES);
  const list = `${path}.option_list`;
  for (const option of objectList(holder, 'option_list', list, 1, max)) {
    requireText(option, 'id', `${list}.id`);
    requireText(option, 'text', `${list}.text`);
  }
}

function checkSubmitButton(card: Record<string, unknown>): void {
  const button = requireObject(card, 'submit_button', 'submit_button');
  requireText(button, 'text', 'submit_button.text');
  requireText(button, 'key', 'submit_button.key', KEY_MAX_BYTES);
}

const CHECKS: Record<CardType, (card: Record<string, unknown>) => void> = {
  text_notice: (card) => {
    const title = optionalObject(card, 'main_title', 'main_title');
    const hasTitle = typeof title?.title === 'string' && title.title !== '';
    if (!hasTitle && !card.sub_title_text) {
      throw new WecomError(40063, 'main_title.title or sub_title_text');
    }
    optionalObject(card, 'emphasis_content', 'emphasis_content');
    checkJumpList(card);
    checkCardAction(card, true);
  },
  news_notice: (card) => {
    checkMainTitle(card);
    const image = optionalObject(card, 'card_image', 'card_image');
    const area = optionalObject(card, 'image_text_area', 'image_text_area');
    if (image) requireText(image, 'url', 'card_image.url');
    if (area) requireText(area, 'image_url', 'image_text_area.image_url');
    if (!image && !area) {
      throw new WecomError(40063, 'card_image or image_text_area');
    }
    const rows = objectList(
      card, 'vertical_content_list', 'vertical_content_list', 0, 4,
    );
    for (const row of rows) {
      requireText(row, 'title', 'vertical_content_list.title');
    }
    checkJumpList(card);
    checkCardAction(card, true);
  },
  button_interaction: (card) => {
    checkMainTitle(card);
    checkCardAction(card, false);
    const selection =
      optionalObject(card, 'button_selection', 'button_selection');
    if (selection) checkOptions(selection, 'button_selection', 10);
    for (const button of objectList(card, 'button_list', 'button_list', 1, 6)) {
      requireText(button, 'text', 'button_list.text');
      optionalChoice(button, 'style', 'button_list.style', [1, 2, 3, 4]);
      const type = optionalChoice(button, 'type', 'button_list.type', [0, 1]);
      if (type === 1) requireText(button, 'url', 'button_list.url');
      else requireText(button, 'key', 'button_list.key', KEY_MAX_BYTES);
    }
  },
  vote_interaction: (card) => {
    checkMainTitle(card);
    const box = requireObject(card, 'checkbox', 'checkbox');
    checkOptions(box, 'checkbox', 20);
    optionalChoice(box, 'mode', 'checkbox.mode', [0, 1]);
    checkSubmitButton(card);
  },
  multiple_interaction: (card) => {
    checkMainTitle(card);
    for (const select of objectList(card, 'select_list', 'select_list', 1, 3)) {
      checkOptions(select, 'select_list', 10);
    }
    checkSubmitButton(card);
  },
};
