import type { ReminderSettings } from '@baton/shared';
import {
  BusinessCalendar, dateInZone, instantAt, shiftDays,
} from '../domain/calendar';

/**
 * When reminders fall due: pure arithmetic over a milestone's dates, the
 * template's settings and the business calendar. The scan in
 * reminderSender.ts asks these at each run and sends what they say.
 */

/** Business days and the zone they are counted in. */
export interface BusinessTime {
  calendar: BusinessCalendar;
  timeZone: string;
}

/** What the schedule reads of a milestone. */
export interface MilestoneReminderState {
  dueAt: Date | null;
  doneAt: Date | null;
  /** Overdue reminders sent so far. */
  reminderCount: number;
  lastRemindedAt: Date | null;
  escalatedAt: Date | null;
}

/** What a milestone is owed now. */
export interface RemindersDue {
  /** The owner should hear it is due within one business day. */
  dueSoon: boolean;
  /**
   * The overdue reminder to send now: its number, and when it became due
   * (its slot, or the end of the quiet hours or days off it waited for),
   * which the next one counts its interval from.
   */
  overdue: { sequence: number; at: Date } | null;
  /** The manager and HR should hear of it now. */
  escalate: boolean;
}

const HOUR_MS = 3_600_000;
/** How late a scan may send a reminder and still count it on time. */
const ON_TIME_MS = 30 * 60_000;
const NOTHING: RemindersDue = { dueSoon: false, overdue: null, escalate: false };

/** Minutes after local midnight of `instant` in the zone. */
export function minuteOfDay(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return get('hour') * 60 + get('minute');
}

/** `HH:MM` as minutes after midnight. */
function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * Whether `instant` is inside the quiet hours, which run from `start`
 * (included) to `end` (excluded) and may span midnight; equal times mean
 * there are none.
 */
export function inQuietHours(instant: number, quiet: ReminderSettings['quietHours'],
  timeZone: string): boolean {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const now = minuteOfDay(instant, timeZone);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * Whether reminders may go out at `instant`: on a business day and outside
 * the quiet hours. At other times they wait (they are not dropped): the
 * first scan after the quiet hours or the day off sends them.
 */
export function mayRemindAt(instant: number, settings: ReminderSettings,
  time: BusinessTime): boolean {
  return time.calendar.isWorkday(dateInZone(instant, time.timeZone))
    && !inQuietHours(instant, settings.quietHours, time.timeZone);
}

/**
 * The first moment at or after `instant` when reminders may go out: the
 * end of the quiet hours, or the first business day. Null if there is
 * none within a year (a calendar of nothing but days off).
 */
export function firstAllowedAt(instant: number, settings: ReminderSettings,
  time: BusinessTime): number | null {
  const { timeZone } = time;
  const end = minutesOf(settings.quietHours.end);
  let at = instant;
  for (let step = 0; step < 800; step++) {
    if (mayRemindAt(at, settings, time)) return at;
    const day = dateInZone(at, timeZone);
    const minute = minuteOfDay(at, timeZone);
    if (!time.calendar.isWorkday(day)) {
      at = instantAt(shiftDays(day, 1), 0, 0, timeZone).getTime();
    } else if (minute < end) { // inside the quiet hours, before they end
      at = instantAt(day, Math.floor(end / 60), end % 60, timeZone).getTime();
    } else {
      // Quiet from `start` past midnight: it ends tomorrow.
      at = instantAt(shiftDays(day, 1), Math.floor(end / 60), end % 60,
        timeZone).getTime();
    }
  }
  return null;
}

/** One business day before `dueAt`, at the same local time. */
export function dueSoonAt(dueAt: Date, time: BusinessTime): Date {
  const day = dateInZone(dueAt.getTime(), time.timeZone);
  const minute = minuteOfDay(dueAt.getTime(), time.timeZone);
  const before = time.calendar.addBusinessDays(day, -1);
  return instantAt(before, Math.floor(minute / 60), minute % 60, time.timeZone);
}

/**
 * When overdue reminder number `reminderCount + 1` falls due: at
 * `dueAt + reminderCount × interval`, and never sooner than one interval
 * after the last one became due (a reminder held back over a weekend does
 * not bring the next one closer). `lastRemindedAt` holds that moment, not
 * when the scan happened to run, so the cadence does not drift.
 */
export function nextOverdueAt(milestone: MilestoneReminderState,
  settings: ReminderSettings): number | null {
  if (!milestone.dueAt) return null;
  const interval = settings.intervalHours * HOUR_MS;
  const slot = milestone.dueAt.getTime() + milestone.reminderCount * interval;
  const last = milestone.lastRemindedAt?.getTime();
  return last === undefined ? slot : Math.max(slot, last + interval);
}

/**
 * What `milestone` is owed at `now`: nothing once done, undated, or at a
 * time reminders may not go out; before its due time, the due-soon notice
 * from one business day before; from its due time, overdue reminders every
 * interval; and with the reminder after `escalateAfter` of them, the
 * escalation (once: the caller records it).
 */
export function remindersDue(milestone: MilestoneReminderState, now: number,
  settings: ReminderSettings, time: BusinessTime): RemindersDue {
  if (milestone.doneAt || !milestone.dueAt) return NOTHING;
  if (!mayRemindAt(now, settings, time)) return NOTHING;
  if (now < milestone.dueAt.getTime()) {
    return { ...NOTHING, dueSoon: now >= dueSoonAt(milestone.dueAt, time).getTime() };
  }
  const next = nextOverdueAt(milestone, settings);
  if (next === null || now < next) return NOTHING;
  const allowed = Math.min(firstAllowedAt(next, settings, time) ?? now, now);
  // Sent about on time, the cadence keeps to its slots; sent long after
  // (no scan ran: a stopped server, a sandbox jump), it restarts from now
  // rather than catching up with one reminder per scan.
  const at = now - allowed <= ON_TIME_MS ? allowed : now;
  return {
    dueSoon: false,
    overdue: { sequence: milestone.reminderCount + 1, at: new Date(at) },
    escalate: milestone.escalatedAt === null
      && milestone.reminderCount >= settings.escalateAfter,
  };
}

/** Whether a milestone is past due and still open at `now`. */
export function isOverdue(milestone: MilestoneReminderState, now: number): boolean {
  return milestone.doneAt === null && milestone.dueAt !== null
    && milestone.dueAt.getTime() <= now;
}
