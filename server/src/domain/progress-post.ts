import type { Progress } from '@baton/shared';
import { copy } from '../copy/zh-CN';
import { dateInZone } from './calendar';
import { HandoverRecord } from './handover-record';

/** WeCom refuses markdown over 2048 bytes (45002). */
const MARKDOWN_LIMIT = 2048;

/**
 * HR's progress post as group markdown: the text, the progress line, what
 * is left and what is overdue. Lists are cut short, never the text or the
 * progress, so the whole stays within WeCom's byte limit.
 */
export function progressPostMarkdown(props: {
  record: HandoverRecord; text: string; author: string; progress: Progress;
  now: number; timeZone: string;
}): string {
  const { record, progress, now, timeZone } = props;
  const open = record.milestones.filter((m) => m.doneAt === null);
  const overdue = open.filter((m) => m.dueAt && m.dueAt.getTime() < now);
  const pending = open.filter((m) => !overdue.includes(m));
  const label = (m: (typeof open)[number]) => (m.dueAt
    ? `${m.title}（${dateInZone(m.dueAt.getTime(), timeZone).slice(5)}）` : m.title);

  const head = [
    `**${record.handover.title} · ${copy.postHeading}**`,
    ...props.text.split('\n').map((line) => `> ${line}`),
    `<font color="info">${copy.progressLine(progress)}</font>`,
  ];
  const tail = [copy.postSignature(props.author)];
  for (let keep = Math.max(pending.length, overdue.length); keep >= 0; keep--) {
    const lists = [
      ...(pending.length ? [list(copy.postPending, pending.map(label), keep)] : []),
      ...(overdue.length
        ? [`<font color="warning">${list(copy.postOverdue, overdue.map(label), keep)}</font>`]
        : []),
    ];
    const content = [...head, ...lists, ...tail].join('\n');
    if (Buffer.byteLength(content) <= MARKDOWN_LIMIT) return content;
  }
  return [...head, ...tail].join('\n');
}

function list(title: string, names: string[], keep: number): string {
  const shown = names.slice(0, keep);
  const more = names.length - shown.length;
  return `${title}${shown.join('、')}${more > 0 ? copy.andMore(more) : ''}`;
}
