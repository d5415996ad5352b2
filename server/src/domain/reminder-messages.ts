import { copy } from '../copy/zh-CN';
import { Handover, Milestone } from '../entities';
import { OutboxEntry } from '../outbox/outbox';
import { handoverUrl } from './wecom-messages';

/**
 * The reminders' WeCom messages: textcards to owners, managers and HR
 * (message/send), and a markdown line for the group (appchat/send). The
 * outbox keys derive from the reminder's once-only key.
 */

/** What every reminder card says besides its kind. */
export interface ReminderCardProps {
  handover: Handover;
  milestone: Milestone;
  touser: string[];
  /** `YYYY-MM-DD HH:MM`, business time. */
  dueLabel: string;
  publicUrl: string;
  /** The reminder_log key this message belongs to. */
  reminderKey: string;
}

const GROUP_LINE_ITEMS = 8;

/** Shortens text for a textcard's byte limits (title 128 B, body 512 B). */
function short(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}

function textcard(props: ReminderCardProps, title: string,
  description: string): OutboxEntry {
  return {
    kind: 'message.send',
    handoverId: props.handover.id,
    dedupeKey: `reminder:${props.reminderKey}`,
    payload: {
      touser: props.touser.join('|'),
      msgtype: 'textcard',
      textcard: {
        title, description,
        url: handoverUrl(props.publicUrl, props.handover.id),
        btntxt: copy.open,
      },
    },
  };
}

/** To the owners, one business day before the milestone falls due. */
export function dueSoonReminder(props: ReminderCardProps): OutboxEntry {
  return textcard(props, copy.reminderDueSoonTitle(short(props.milestone.title, 30)),
    copy.reminderDueSoonBody({
      handover: short(props.handover.title, 40), due: props.dueLabel,
    }));
}

/** To the owners, every interval while the milestone is overdue. */
export function overdueReminder(props: ReminderCardProps & {
  sequence: number;
}): OutboxEntry {
  return textcard(props, copy.reminderOverdueTitle(short(props.milestone.title, 30)),
    copy.reminderOverdueBody({
      handover: short(props.handover.title, 40), due: props.dueLabel,
      sequence: props.sequence,
    }));
}

/** To the manager and HR, once the owners have been reminded enough. */
export function escalationReminder(props: ReminderCardProps & {
  owners: string; reminders: number;
}): OutboxEntry {
  return textcard(props,
    copy.reminderEscalationTitle(short(props.milestone.title, 30)),
    copy.reminderEscalationBody({
      handover: short(props.handover.title, 40), due: props.dueLabel,
      owners: short(props.owners, 40), reminders: props.reminders,
    }));
}

/** The group's overdue line for the day: every milestone past due. */
export function groupOverdueLine(props: {
  handover: Handover; reminderKey: string;
  overdue: { title: string; owners: string; dueLabel: string }[];
}): OutboxEntry {
  // Markdown is capped at 2048 bytes: name the first few, count the rest.
  const shown = props.overdue.slice(0, GROUP_LINE_ITEMS);
  const lines = shown.map((m) => copy.groupOverdueItem({
    title: short(m.title, 40), owners: short(m.owners, 40), due: m.dueLabel,
  }));
  const rest = props.overdue.length - shown.length;
  if (rest > 0) lines.push(`>${copy.andMore(rest)}`);
  return {
    kind: 'appchat.send',
    handoverId: props.handover.id,
    dedupeKey: `reminder:${props.reminderKey}`,
    payload: {
      chatid: props.handover.chatId,
      msgtype: 'markdown',
      markdown: {
        content: [copy.groupOverdueHeading(props.handover.title), ...lines]
          .join('\n'),
      },
    },
  };
}
