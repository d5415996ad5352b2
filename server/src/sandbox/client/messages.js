// Renders one WeCom message body as the WeCom client shows it: a bubble for
// text and markdown, a card for textcard, template_card and news. The body
// is the object the app sent to message/send or appchat/send.
// https://developer.work.weixin.qq.com/document/path/90236
import { h, link, safeUrl } from './dom.js';
import {
  renderMarkdown, renderText, renderTextcardDescription,
} from './markdown.js';

/**
 * A message as the sandbox API lists it.
 * @typedef {object} SandboxMessage
 * @property {string} msgid
 * @property {string} msgtype
 * @property {number} createdAt unix seconds
 * @property {Record<string, unknown>} body the WeCom message object
 * @property {{ taskId: string, responseCode: string, replaceName?: string,
 *   updatedCard?: object }} [card] template card state, if it is one
 */

/**
 * @typedef {object} RenderContext
 * @property {(userid: string) => string} nameOf a person's display name
 * @property {(message: SandboxMessage, button: object, taskId: string)
 *   => void} onCallback
 *   a callback button was pressed
 * @property {ReadonlySet<string>} pending msgids whose click is in flight
 */

/**
 * The visible content of one message (bubble or card).
 * @param {SandboxMessage} message
 * @param {RenderContext} ctx
 * @returns {HTMLElement}
 */
export function renderMessage(message, ctx) {
  const body = message.body ?? {};
  const type = body.msgtype ?? message.msgtype;
  switch (type) {
    case 'text':
      return bubble(renderText(body.text?.content));
    case 'markdown':
      return bubble(renderMarkdown(body.markdown?.content));
    case 'textcard':
      return textcard(body.textcard ?? {});
    case 'template_card':
      return templateCard(message, ctx);
    case 'news':
      return news(body.news?.articles ?? []);
    case 'file':
      return fileCard(body.file ?? {});
    case 'image':
      return bubble(h('span', { class: 'muted' }, '[图片]'));
    default:
      return bubble(h('span', { class: 'muted' },
        `[模拟客户端暂不支持的消息类型：${type}]`));
  }
}

/**
 * One line of text summarising a message, for chat lists.
 * @param {SandboxMessage} message
 */
export function previewOf(message) {
  const body = message.body ?? {};
  switch (body.msgtype ?? message.msgtype) {
    case 'text': return body.text?.content ?? '';
    case 'markdown':
      return (body.markdown?.content ?? '').replace(/<[^>]*>|[#*>`]/g, '');
    case 'textcard': return `[卡片] ${body.textcard?.title ?? ''}`;
    case 'template_card':
      return `[卡片] ${body.template_card?.main_title?.title ?? ''}`;
    case 'news': return `[图文] ${body.news?.articles?.[0]?.title ?? ''}`;
    case 'file': return '[文件]';
    default: return '[消息]';
  }
}

function bubble(content) {
  return h('div', { class: 'bubble', 'data-test': 'bubble' }, content);
}

function textcard(card) {
  return h('div', { class: 'card', 'data-test': 'textcard' },
    h('div', { class: 'card-body' },
      h('div', { class: 'card-title' }, card.title ?? ''),
      renderTextcardDescription(card.description)),
    h('div', { class: 'card-foot' },
      link(card.url, [card.btntxt || '详情', h('span', { class: 'chev' }, '›')],
        'card-foot-link')));
}

function news(articles) {
  return h('div', { class: 'card', 'data-test': 'news' },
    articles.map((article, index) => link(article.url, [
      index === 0 && safeUrl(article.picurl)
        ? h('img', { class: 'news-pic', src: safeUrl(article.picurl), alt: '' })
        : null,
      h('div', { class: 'card-body' },
        h('div', { class: 'card-title' }, article.title ?? ''),
        article.description
          ? h('div', { class: 'card-desc' }, article.description)
          : null),
    ], 'news-item')));
}

function fileCard(file) {
  return h('div', { class: 'card file-card', 'data-test': 'file' },
    h('span', { class: 'file-icon', 'aria-hidden': 'true' }, '文件'),
    h('div', { class: 'card-body' },
      h('div', { class: 'card-title' }, file.name ?? '文件'),
      h('div', { class: 'card-desc' }, file.media_id ?? '')));
}

/**
 * The card as it is now: the updated card if the app replaced it through
 * update_template_card, else the one it sent.
 */
function currentCard(message) {
  const updated = message.card?.updatedCard;
  if (updated && typeof updated === 'object') {
    return updated.template_card ?? updated;
  }
  return message.body?.template_card ?? {};
}

function templateCard(message, ctx) {
  const card = currentCard(message);
  const taskId = card.task_id ?? message.card?.taskId ?? '';
  const action = card.card_action ?? {};
  const actionUrl = Number(action.type) === 1 ? safeUrl(action.url) : null;

  const main = h('div', {
    class: actionUrl ? 'card-body clickable' : 'card-body',
    'data-test': actionUrl ? 'card-action' : null,
    onClick: actionUrl ? () => openUrl(actionUrl) : null,
  },
  cardSource(card.source),
  h('div', { class: 'card-title' }, card.main_title?.title ?? ''),
  card.main_title?.desc
    ? h('div', { class: 'card-desc' }, card.main_title.desc) : null,
  emphasis(card.emphasis_content),
  quote(card.quote_area),
  card.sub_title_text
    ? h('div', { class: 'card-sub' }, card.sub_title_text) : null,
  rows(card.horizontal_content_list ?? [], ctx),
  jumps(card.jump_list ?? []));

  return h('div', {
    class: 'card template-card',
    'data-test': 'template-card',
    'data-msgid': message.msgid,
    'data-task-id': taskId,
  }, main, actions(message, card, taskId, ctx));
}

function cardSource(source) {
  if (!source?.desc) return null;
  return h('div', { class: 'card-source' },
    safeUrl(source.icon_url)
      ? h('img', { src: safeUrl(source.icon_url), alt: '' }) : null,
    source.desc);
}

function emphasis(content) {
  if (!content?.title) return null;
  return h('div', { class: 'card-emphasis' },
    h('div', { class: 'card-emphasis-title' }, content.title),
    content.desc ? h('div', { class: 'card-desc' }, content.desc) : null);
}

function quote(area) {
  if (!area?.title && !area?.quote_text) return null;
  return h('div', { class: 'card-quote' },
    area.title ? h('div', { class: 'card-quote-title' }, area.title) : null,
    area.quote_text ? h('div', {}, area.quote_text) : null);
}

function rows(list, ctx) {
  if (list.length === 0) return null;
  return h('div', { class: 'card-rows' }, list.map((row) => {
    const type = Number(row.type ?? 0);
    let value = row.value ?? '';
    if (type === 3 && row.userid) value = ctx.nameOf(row.userid);
    const shown = type === 1 ? link(row.url, [value], 'card-row-link')
      : h('span', {}, value);
    return h('div', { class: 'card-row', 'data-test': 'card-row' },
      h('span', { class: 'card-row-key' }, row.keyname ?? ''),
      h('span', { class: 'card-row-value' }, shown));
  }));
}

function jumps(list) {
  if (list.length === 0) return null;
  return h('div', { class: 'card-jumps' }, list.map((jump) =>
    link(jump.url, [jump.title ?? '', h('span', { class: 'chev' }, '›')],
      'card-jump')));
}

function actions(message, card, taskId, ctx) {
  // WeCom shows an updated button card as one greyed label in place of the
  // buttons (update_template_card with button.replace_name).
  const replaced = message.card?.replaceName;
  if (replaced) {
    return h('div', { class: 'card-actions' },
      h('div', { class: 'card-replaced', 'data-test': 'card-replaced' },
        replaced));
  }
  const buttons = card.button_list ?? [];
  if (buttons.length === 0) return null;

  const busy = ctx.pending.has(message.msgid);
  return h('div', { class: 'card-actions' }, buttons.map((button) => {
    const isUrl = Number(button.type) === 1;
    return h('button', {
      type: 'button',
      class: `card-button card-button--style${Number(button.style) || 1}`,
      'data-test': 'card-button',
      'data-key': button.key ?? null,
      'data-button-type': isUrl ? 'url' : 'callback',
      disabled: busy,
      onClick: isUrl
        ? () => openUrl(safeUrl(button.url))
        : () => ctx.onCallback(message, button, taskId),
    }, busy && !isUrl ? '处理中…' : button.text ?? '');
  }));
}

function openUrl(url) {
  if (url) window.open(url, '_blank', 'noopener');
}
