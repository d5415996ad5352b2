import type {
  HandoverDetail, ItemView, MaterialView, PersonRef, TimelineEvent,
} from '@baton/shared';
import type { RouteLocationRaw } from 'vue-router';
import { t } from '@/locale';

/*
 * Turns what the server records about a handover (the audit trail, the
 * items, the files, the milestones) into the entries of its history page.
 */

/** What an entry is about, which picks its icon and colour. */
export type HistoryTone = 'item' | 'done' | 'warning' | 'file' | 'milestone'
  | 'handover' | 'question' | 'performance';

/** One line of the history. */
export interface HistoryEntry {
  key: string;
  at: string;
  actor: PersonRef | null;
  /** What happened, e.g. 提交了「华东重点客户」. */
  text: string;
  /** More about it: a reason, the performance note, the item a file is on. */
  detail: string | null;
  tone: HistoryTone;
  link: RouteLocationRaw | null;
}

/** The records the history is made from. */
export interface HistorySources {
  handover: HandoverDetail;
  items: ItemView[];
  materials: MaterialView[];
  /** The audit trail, newest first; null when the caller may not read it. */
  events: TimelineEvent[] | null;
}

interface Lookup {
  handoverId: string;
  items: Map<string, ItemView>;
  materials: Map<string, MaterialView>;
  milestones: Map<string, string>;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function itemLink(lookup: Lookup, itemId: string | null): RouteLocationRaw | null {
  return itemId && lookup.items.has(itemId)
    ? { name: 'item', params: { id: lookup.handoverId, itemId } }
    : null;
}

function itemTitle(lookup: Lookup, itemId: string | null,
  recorded: unknown): string {
  return text(recorded)
    ?? (itemId ? lookup.items.get(itemId)?.title : undefined)
    ?? t.successor.history.unknownItem;
}

type Describe = (event: TimelineEvent, lookup: Lookup) =>
  Pick<HistoryEntry, 'text' | 'detail' | 'tone' | 'link'>;

function itemEvent(
  say: (title: string) => string,
  tone: HistoryTone,
): Describe {
  return (event, lookup) => {
    const reason = text(event.details.reason);
    return {
      text: say(itemTitle(lookup, event.targetId, event.details.title)),
      detail: reason && t.successor.history.reason(reason),
      tone,
      link: itemLink(lookup, event.targetId),
    };
  };
}

function materialEvent(say: (name: string) => string): Describe {
  return (event, lookup) => {
    const material = lookup.materials.get(event.targetId);
    const onItem = material?.itemId ? lookup.items.get(material.itemId) : null;
    const name = text(event.details.name) ?? material?.name ?? '';
    return {
      text: say(name),
      detail: onItem ? t.successor.history.attachedTo(onItem.title) : null,
      tone: 'file',
      link: itemLink(lookup, material?.itemId ?? null),
    };
  };
}

function milestoneEvent(say: (title: string) => string): Describe {
  return (event, lookup) => ({
    text: say(lookup.milestones.get(event.targetId)
      ?? t.successor.history.unknownMilestone),
    detail: null,
    tone: 'milestone',
    link: null,
  });
}

function questionEvent(say: (title: string) => string): Describe {
  return (event, lookup) => {
    const raw = event.details.itemId;
    const itemId = typeof raw === 'number' || typeof raw === 'string'
      ? String(raw) : null;
    const title = itemId
      ? itemTitle(lookup, itemId, event.details.itemTitle)
      : t.successor.history.wholeHandover;
    return {
      text: say(title),
      detail: text(event.details.excerpt),
      tone: 'question',
      link: event.targetId
        ? { name: 'question',
          params: { id: lookup.handoverId, questionId: event.targetId } }
        : null,
    };
  };
}

function handoverMoved(event: TimelineEvent): ReturnType<Describe> {
  const to = event.details.to;
  const status = typeof to === 'string' && to in t.statuses
    ? t.statuses[to as keyof typeof t.statuses] : String(to);
  const reason = text(event.details.reason);
  return {
    text: t.successor.history.events.handoverMoved(status),
    detail: reason && t.successor.history.reason(reason),
    tone: 'handover',
    link: null,
  };
}

const events = t.successor.history.events;

/**
 * The audit actions the history shows. Edits of drafts, customer listings
 * and participant changes stay on the full timeline only.
 */
const DESCRIBE: Record<string, Describe> = {
  'item.submit': itemEvent(events.itemSubmitted, 'item'),
  'item.acknowledge': itemEvent(events.itemAcknowledged, 'done'),
  'item.return': itemEvent(events.itemReturned, 'warning'),
  'item.markNotApplicable': itemEvent(events.itemNotApplicable, 'warning'),
  'item.reopen': itemEvent(events.itemReopened, 'item'),
  'material.completed': materialEvent(events.materialUploaded),
  'material.shared': materialEvent(events.materialShared),
  'milestone.completed': milestoneEvent(events.milestoneCompleted),
  'milestone.signed': milestoneEvent(events.milestoneSigned),
  'handover.started': () => ({ text: events.handoverStarted, detail: null,
    tone: 'handover', link: null }),
  'handover.completed': handoverMoved,
  'handover.evaluating': handoverMoved,
  'handover.closed': handoverMoved,
  'handover.cancelled': handoverMoved,
  'handover.posted': (event) => ({ text: events.progressPosted,
    detail: text(event.details.text), tone: 'handover', link: null }),
  'question.asked': questionEvent(events.questionAsked),
  'question.answered': questionEvent(events.questionAnswered),
};

/** Team-member notes the caller may read, dated when they were handed over. */
function performanceEntries(lookup: Lookup, handover: HandoverDetail,
  items: ItemView[]): HistoryEntry[] {
  return items.flatMap((item) => {
    const note = item.kind === 'team_member'
      ? text(item.fields.recentPerformance) : null;
    if (!note) return [];
    return [{
      key: `performance-${item.id}`,
      at: item.submittedAt ?? item.updatedAt,
      actor: handover.departing,
      text: events.performanceRecord(item.title),
      detail: note,
      tone: 'performance' as const,
      link: itemLink(lookup, item.id),
    }];
  });
}

/**
 * Without the audit trail (not everyone may read it), what the records
 * themselves say: when items were submitted and confirmed, files uploaded
 * and milestones done.
 */
function snapshotEntries(lookup: Lookup, sources: HistorySources): HistoryEntry[] {
  const { handover, items, materials } = sources;
  const entries: HistoryEntry[] = [];
  for (const item of items) {
    const link = itemLink(lookup, item.id);
    if (item.submittedAt) {
      entries.push({ key: `submitted-${item.id}`, at: item.submittedAt,
        actor: handover.departing, text: events.itemSubmitted(item.title),
        detail: null, tone: 'item', link });
    }
    if (item.acknowledgedAt) {
      entries.push({ key: `acknowledged-${item.id}`, at: item.acknowledgedAt,
        actor: item.acknowledgedBy, text: events.itemAcknowledged(item.title),
        detail: null, tone: 'done', link });
    }
  }
  for (const material of materials) {
    if (!material.completedAt) continue;
    const onItem = material.itemId ? lookup.items.get(material.itemId) : null;
    entries.push({ key: `material-${material.id}`, at: material.completedAt,
      actor: material.uploadedBy, text: events.materialUploaded(material.name),
      detail: onItem ? t.successor.history.attachedTo(onItem.title) : null,
      tone: 'file', link: itemLink(lookup, material.itemId) });
  }
  for (const milestone of handover.milestones) {
    if (!milestone.doneAt) continue;
    entries.push({ key: `milestone-${milestone.id}`, at: milestone.doneAt,
      actor: milestone.doneBy, text: events.milestoneCompleted(milestone.title),
      detail: null, tone: 'milestone', link: null });
  }
  return entries;
}

/**
 * The history's entries, newest first. With the audit trail loaded only
 * down to `oldest`, records older than that wait for the next page, so
 * the list never shows a gap that later fills in above the fold.
 */
export function historyEntries(sources: HistorySources,
  oldest: string | null): HistoryEntry[] {
  const { handover, items, materials, events: trail } = sources;
  const lookup: Lookup = {
    handoverId: handover.id,
    items: new Map(items.map((i) => [i.id, i])),
    materials: new Map(materials.map((m) => [m.id, m])),
    milestones: new Map(handover.milestones.map((m) => [m.id, m.title])),
  };

  const fromTrail = (trail ?? []).flatMap((event) => {
    const describe = DESCRIBE[event.action];
    return describe ? [{ key: `event-${event.id}`, at: event.at,
      actor: event.actor, ...describe(event, lookup) }] : [];
  });
  const fromRecords = [
    ...performanceEntries(lookup, handover, items),
    ...(trail ? [] : snapshotEntries(lookup, sources)),
  ].filter((entry) => !oldest || entry.at >= oldest);

  return [...fromTrail, ...fromRecords]
    .sort((a, b) => b.at.localeCompare(a.at));
}

const dayKey = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
});

/** Entries of one business day (Asia/Shanghai), newest day first. */
export interface HistoryDay {
  /** `2026-12-03`. */
  day: string;
  entries: HistoryEntry[];
}

/** Groups newest-first entries by business day, keeping their order. */
export function groupByDay(entries: HistoryEntry[]): HistoryDay[] {
  const days: HistoryDay[] = [];
  for (const entry of entries) {
    const day = dayKey.format(new Date(entry.at));
    const last = days[days.length - 1];
    if (last?.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return days;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23',
});

/** The business time of day of a timestamp, e.g. `14:32`. */
export function timeOfDay(at: string): string {
  return timeFormat.format(new Date(at));
}

/** The business day of now, in the form of `HistoryDay.day`. */
export function today(now = new Date()): string {
  return dayKey.format(now);
}
