/**
 * Validation of a message's content object per msgtype (D:90236, D:90248),
 * shared by message/send and appchat/send. template_card is validated in
 * template-card.ts since only message/send takes it.
 */
import type { EmulatorCore } from './core';
import { isRecord } from './cgi';
import { WecomError } from './errors';
import { byteLength, objectList, optionalText, requireText } from './fields';
import { findMedia, mediaRef } from './media';
import type { MediaRef } from './types';

/** Message types both APIs take (message/send adds template_card). */
export const CONTENT_TYPES = [
  'text', 'markdown', 'textcard', 'image', 'voice', 'video', 'file',
  'news', 'mpnews',
] as const;

/** Text and markdown content limit. */
const CONTENT_MAX_BYTES = 2048;

/** What checking found worth keeping: the media a message refers to. */
export interface CheckedContent {
  media?: MediaRef;
}

/** True for a msgtype in CONTENT_TYPES. */
export function isContentType(msgtype: string): boolean {
  return (CONTENT_TYPES as readonly string[]).includes(msgtype);
}

/**
 * Checks `request[msgtype]` for one of CONTENT_TYPES; throws WecomError.
 */
export function checkContent(
  core: EmulatorCore, msgtype: string, request: Record<string, unknown>,
): CheckedContent {
  const raw = request[msgtype];
  if (raw === undefined || raw === null) {
    throw new WecomError(msgtype === 'text' || msgtype === 'markdown'
      ? 44004 : 40063, msgtype);
  }
  if (!isRecord(raw)) throw new WecomError(40058, msgtype);
  const body = raw;

  switch (msgtype) {
    case 'text':
    case 'markdown':
      checkTextContent(body, msgtype);
      return {};
    case 'textcard':
      checkTextcard(body);
      return {};
    case 'news':
      checkArticles(body, 'news', (article) => {
        if (!article.url && !(article.appid && article.pagepath)) {
          throw new WecomError(40063, 'news.articles.url');
        }
      });
      return {};
    case 'mpnews':
      checkArticles(body, 'mpnews', (article) => {
        requireMedia(core, article, 'thumb_media_id');
        requireText(article, 'content', 'mpnews.articles.content', 666 * 1024);
      });
      return {};
    default:
      return { media: requireMedia(core, body, 'media_id') };
  }
}

function checkTextContent(body: Record<string, unknown>, path: string): void {
  const content = body.content;
  if (content === undefined || content === null || content === '') {
    throw new WecomError(44004, `${path}.content`);
  }
  if (typeof content !== 'string') throw new WecomError(40058, path);
  if (byteLength(content) > CONTENT_MAX_BYTES) {
    throw new WecomError(45002, `${path}.content exceeds 2048 bytes`);
  }
}

function checkTextcard(card: Record<string, unknown>): void {
  requireText(card, 'title', 'textcard.title', 128);
  requireText(card, 'description', 'textcard.description', 512);
  requireText(card, 'url', 'textcard.url', 2048);
  const button = optionalText(card, 'btntxt', 'textcard.btntxt');
  if (button !== undefined && [...button].length > 4) {
    throw new WecomError(45002, 'textcard.btntxt exceeds 4 characters');
  }
}

function checkArticles(
  body: Record<string, unknown>, path: string,
  checkMore: (article: Record<string, unknown>) => void,
): void {
  const articles = body.articles;
  if (Array.isArray(articles) && articles.length > 8) {
    throw new WecomError(45008, `${path}.articles`);
  }
  const list = objectList(body, 'articles', `${path}.articles`, 1, 8);
  for (const article of list) {
    requireText(article, 'title', `${path}.articles.title`, 128);
    optionalText(article, 'description', `${path}.articles.description`, 512);
    checkMore(article);
  }
}

function requireMedia(
  core: EmulatorCore, obj: Record<string, unknown>, key: string,
): MediaRef {
  const id = requireText(obj, key, key);
  const record = findMedia(core, id);
  if (!record) throw new WecomError(40007, key);
  return mediaRef(record);
}
