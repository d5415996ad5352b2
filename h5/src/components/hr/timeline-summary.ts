import type {
  HandoverDetail, HandoverStatus, ItemStatus, ParticipantRole, TimelineEvent,
} from '@baton/shared';
import { t } from '@/locale';
import { formatIsoDate } from '@/utils/format';

/** One audit entry in words: who, did what, to what, and how it changed. */
export interface TimelineLine {
  actor: string;
  action: string;
  /** What it was done to (an item's title, a milestone, a file), if named. */
  target: string | null;
  /** Before and after, or what was said, in a short line. */
  change: string | null;
}

type Details = Record<string, unknown>;

const str = (value: unknown): string | null =>
  (typeof value === 'string' && value ? value : null);

const num = (value: unknown): number | null =>
  (typeof value === 'number' ? value : null);

function joined(...parts: (string | null)[]): string | null {
  const kept = parts.filter((p): p is string => Boolean(p));
  return kept.length ? kept.join(' · ') : null;
}

function statusWord(value: unknown): string {
  const key = str(value);
  return key && key in t.statuses ? t.statuses[key as HandoverStatus] : key ?? '';
}

function itemStatusWord(value: unknown): string {
  const key = str(value);
  return key && key in t.items.statuses ? t.items.statuses[key as ItemStatus] : key ?? '';
}

function roleWord(value: unknown): string {
  const key = str(value);
  return key && key in t.roles ? t.roles[key as ParticipantRole] : key ?? '';
}

/** The names the handover knows, for userids the details mention. */
function nameOf(detail: HandoverDetail | null, userid: unknown): string {
  const id = str(userid) ?? '';
  const known = detail?.participants.find((p) => p.userid === id)
    ?? [detail?.departing, detail?.successor].find((p) => p?.userid === id);
  return known?.name ?? id;
}

/** A handover correction: which of title and last working day moved. */
function updateChange(d: Details): string | null {
  const before = (d.before ?? {}) as Details;
  const after = (d.after ?? {}) as Details;
  const { timeline } = t.hr;
  const lines: string[] = [];
  if (before.title !== after.title) {
    lines.push(`${timeline.titleField} ${timeline.change(
      String(before.title ?? ''), String(after.title ?? ''))}`);
  }
  if (before.lastWorkingDay !== after.lastWorkingDay) {
    lines.push(`${timeline.lastWorkingDay} ${timeline.change(
      formatIsoDate(String(before.lastWorkingDay ?? '')),
      formatIsoDate(String(after.lastWorkingDay ?? '')))}`);
  }
  return lines.join('；') || null;
}

function changeOf(event: TimelineEvent, detail: HandoverDetail | null): string | null {
  const d = event.details;
  const { timeline } = t.hr;
  const reason = str(d.reason) && timeline.reason(str(d.reason)!);
  const [kind] = event.action.split('.');

  switch (event.action) {
    case 'handover.created':
      return timeline.change(nameOf(detail, d.departing), nameOf(detail, d.successor));
    case 'handover.started':
      return timeline.change(statusWord(d.from ?? 'draft'), statusWord('active'));
    case 'handover.updated':
      return updateChange(d);
    case 'handover.posted':
      return joined(str(d.text) && timeline.quote(str(d.text)!),
        num(d.percent) === null ? null : timeline.percent(num(d.percent)!));
    case 'participant.added':
    case 'participant.removed':
      return timeline.person(nameOf(detail, d.userid), roleWord(d.role));
    case 'item.updated':
      return Array.isArray(d.changed) ? timeline.fieldsChanged(d.changed.length) : null;
    case 'milestone.completed':
      return str(d.via) ? timeline.via[str(d.via)!] ?? null : null;
    case 'milestone.signed':
      return Array.isArray(d.roles) ? d.roles.map(roleWord).join('、') : null;
    case 'customers.listed':
      return num(d.listed) === null ? null : timeline.customers(num(d.listed)!);
    case 'customers.transfer_requested':
      return num(d.customers) === null ? null : timeline.customers(num(d.customers)!);
    default:
      break;
  }
  if (kind === 'handover' && d.from !== undefined && d.to !== undefined) {
    return joined(timeline.change(statusWord(d.from), statusWord(d.to)), reason);
  }
  if (kind === 'item' && d.from !== undefined) {
    return joined(timeline.change(itemStatusWord(d.from), itemStatusWord(d.to)), reason);
  }
  return reason;
}

function targetOf(event: TimelineEvent, detail: HandoverDetail | null): string | null {
  const d = event.details;
  if (event.targetType === 'milestone') {
    return detail?.milestones.find((m) => m.id === event.targetId)?.title ?? null;
  }
  return str(d.title) ?? str(d.name);
}

/** Puts an audit entry into words for the timeline. */
export function describeEvent(event: TimelineEvent,
  detail: HandoverDetail | null): TimelineLine {
  const { timeline } = t.hr;
  const actor = timeline.actors[event.actor.userid] ?? event.actor.name;
  return {
    actor,
    action: timeline.actions[event.action] ?? timeline.unknownAction(event.action),
    target: targetOf(event, detail),
    change: changeOf(event, detail),
  };
}

const timeFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** The time of day of a timestamp in business time, `14:32`. */
export function timeOfDay(timestamp: string): string {
  const at = new Date(timestamp);
  return Number.isNaN(at.getTime()) ? '' : timeFormat.format(at);
}
