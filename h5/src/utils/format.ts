import { t } from '@/locale';

/**
 * Date formatting for the H5. Due dates and working days are business dates
 * in China, so they are shown in Asia/Shanghai whatever the phone is set to
 * (the server's TZ_BUSINESS default). Intl only supplies the numbers; the
 * words come from the locale file, so every browser shows the same text.
 */
const BUSINESS_TZ = 'Asia/Shanghai';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: BUSINESS_TZ,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

function partsOf(at: Date): DateParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = parts;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour, minute, weekday };
}

function dayText(parts: DateParts): string {
  const weekday = t.date.weekdays[parts.weekday];
  return `${t.date.monthDay(parts.month, parts.day)} ${weekday}`;
}

function parse(timestamp: string): Date | null {
  const at = new Date(timestamp);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** `2025-03-28` → `3月28日 周五`; returns the input if it is not a date. */
export function formatIsoDate(isoDate: string): string {
  // Noon UTC is the same calendar day in Shanghai, whatever the date.
  const at = parse(`${isoDate}T12:00:00Z`);
  return at ? dayText(partsOf(at)) : isoDate;
}

/** A timestamp as its business day, e.g. `3月28日 周五`. */
export function formatDay(timestamp: string): string {
  const at = parse(timestamp);
  return at ? dayText(partsOf(at)) : timestamp;
}

/** A timestamp with its time of day, e.g. `3月20日 14:32`. */
export function formatDayTime(timestamp: string): string {
  const at = parse(timestamp);
  if (!at) return timestamp;
  const parts = partsOf(at);
  const time = `${String(parts.hour).padStart(2, '0')}:`
    + String(parts.minute).padStart(2, '0');
  return `${t.date.monthDay(parts.month, parts.day)} ${time}`;
}

/** True when `timestamp` is a valid time before `now`. */
export function isPast(timestamp: string | null, now = Date.now()): boolean {
  if (!timestamp) return false;
  const at = Date.parse(timestamp);
  return !Number.isNaN(at) && at < now;
}
