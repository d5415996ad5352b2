import { Handover } from '../entities';
import { OutboxEntry } from '../outbox/outbox';
import { handoverUrl } from './wecom-messages';

/**
 * The WeCom messages of item questions: a card to the departing executive
 * when someone asks, and a textcard back to the asker once answered. Both
 * open the question's page in the H5.
 */

/** What the question messages say (the server's words, like copy/zh-CN.ts). */
export const questionCopy = {
  source: 'Baton 交接',
  askedTitle: (asker: string) => `${asker}向你提了一个问题`,
  asker: '提问人',
  item: '事项',
  wholeHandover: '整个交接',
  answerIt: '去回答',
  answeredTitle: (answerer: string) => `${answerer}回答了你的问题`,
  question: (text: string) => `问：${text}`,
  open: '查看',
};

/**
 * template_card's text limits, in characters. D:90236 gives them as
 * suggestions ("建议不超过"); longer text is cut off by the client, so we
 * shorten it ourselves and say so with an ellipsis.
 */
const CARD = { title: 26, desc: 30, quote: 112, value: 26 };

/** textcard's limits in UTF-8 bytes (WECOM.md §4). */
const TEXTCARD = { title: 128, description: 512 };

/** Where the H5 shows one question. */
export function questionUrl(publicUrl: string, handoverId: number,
  questionId: number): string {
  return `${handoverUrl(publicUrl, handoverId)}/questions/${questionId}`;
}

/** At most `chars` characters (code points), with `…` when cut. */
export function shortChars(text: string, chars: number): string {
  const points = [...text];
  return points.length <= chars ? text : `${points.slice(0, chars - 1).join('')}…`;
}

/** At most `bytes` UTF-8 bytes, cut between characters, with `…` when cut. */
export function shortBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let kept = '';
  let size = Buffer.byteLength('…');
  for (const point of text) {
    size += Buffer.byteLength(point);
    if (size > bytes) break;
    kept += point;
  }
  return `${kept}…`;
}

/** One line of what people wrote, as a card shows it. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text people wrote, safe inside a textcard description: there `<div
 * class="...">` styles the text, so their angle brackets become full-width.
 */
function plain(text: string): string {
  return oneLine(text).replace(/</g, '＜').replace(/>/g, '＞');
}

/** What both messages are about. */
export interface QuestionMessageProps {
  handover: Handover;
  questionId: number;
  /** The item's title; null for a question on the whole handover. */
  itemTitle: string | null;
  body: string;
  publicUrl: string;
}

/**
 * A `text_notice` card to the departing executive: who asks, about which
 * item, and the question; a tap opens the question to answer it.
 */
export function questionAskedCard(props: QuestionMessageProps & {
  touser: string[]; asker: string;
}): OutboxEntry {
  const { handover } = props;
  const url = questionUrl(props.publicUrl, handover.id, props.questionId);
  return {
    kind: 'message.send',
    handoverId: handover.id,
    dedupeKey: `question:${props.questionId}:asked`,
    payload: {
      touser: props.touser.join('|'),
      msgtype: 'template_card',
      template_card: {
        card_type: 'text_notice',
        source: { desc: questionCopy.source },
        main_title: {
          title: shortChars(questionCopy.askedTitle(props.asker), CARD.title),
          desc: shortChars(handover.title, CARD.desc),
        },
        quote_area: { quote_text: shortChars(oneLine(props.body), CARD.quote) },
        horizontal_content_list: [
          { keyname: questionCopy.asker, value: shortChars(props.asker, CARD.value) },
          { keyname: questionCopy.item,
            value: shortChars(props.itemTitle ?? questionCopy.wholeHandover, CARD.value) },
        ],
        jump_list: [{ type: 1, title: questionCopy.answerIt, url }],
        card_action: { type: 1, url },
      },
    },
  };
}

/**
 * A textcard to the asker once answered: the item, the start of the
 * question and of the answer; a tap opens the whole thread.
 */
export function questionAnsweredCard(props: QuestionMessageProps & {
  touser: string; answerer: string; answer: string;
}): OutboxEntry {
  const { handover } = props;
  const about = shortChars(plain(props.itemTitle ?? handover.title), 30);
  const question = shortChars(plain(props.body), 40);
  const describe = (answer: string) => `<div class="gray">${about}</div>`
    + `<div class="normal">${questionCopy.question(question)}</div>`
    + `<div class="highlight">${answer}</div>`;
  // The answer gets what the other lines and the markup leave of 512 bytes.
  const room = TEXTCARD.description - Buffer.byteLength(describe(''));
  return {
    kind: 'message.send',
    handoverId: handover.id,
    dedupeKey: `question:${props.questionId}:answered`,
    payload: {
      touser: props.touser,
      msgtype: 'textcard',
      textcard: {
        title: shortBytes(questionCopy.answeredTitle(props.answerer), TEXTCARD.title),
        description: describe(shortBytes(plain(props.answer), room)),
        url: questionUrl(props.publicUrl, handover.id, props.questionId),
        btntxt: questionCopy.open,
      },
    },
  };
}
