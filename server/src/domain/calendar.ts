import fs from 'node:fs';
import { z } from 'zod';

/**
 * Dates in the business time zone. A handover's days (last working day,
 * due dates) are calendar dates there; instants are stored in UTC.
 */

/** Days off on weekdays and make-up workdays on weekends (调休). */
export interface CalendarData {
  holidays: readonly string[];
  workdays: readonly string[];
}

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const CalendarFile = z.object({
  holidays: z.array(Day), workdays: z.array(Day),
}).strict();

/**
 * Business days: Monday to Friday, less public holidays, plus the weekend
 * days China makes into workdays around long holidays.
 */
export class BusinessCalendar {
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;

  constructor(data: CalendarData) {
    this.holidays = new Set(data.holidays);
    this.workdays = new Set(data.workdays);
  }

  /** Reads a JSON file of the same shape; throws naming what is wrong. */
  static fromFile(file: string): BusinessCalendar {
    const parsed = CalendarFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) {
      throw new Error(`${file}: expected {"holidays": [...], "workdays": [...]}`
        + ' of YYYY-MM-DD dates');
    }
    return new BusinessCalendar(parsed.data);
  }

  /** Whether people work on `day` (YYYY-MM-DD). */
  isWorkday(day: string): boolean {
    if (this.workdays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * Moves `day` by `n` business days (negative goes back). With n = 0 a day
   * off moves forward to the next workday, so nothing falls due on a holiday.
   */
  addBusinessDays(day: string, n: number): string {
    let current = day;
    if (n === 0) {
      while (!this.isWorkday(current)) current = shiftDays(current, 1);
      return current;
    }
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0;) {
      current = shiftDays(current, step);
      if (this.isWorkday(current)) left--;
    }
    return current;
  }
}

/** `day` moved by whole calendar days, within years 1000 to 9999. */
export function shiftDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1000 || year > 9999) {
    throw new RangeError(`${day} moved by ${n} days leaves the calendar`);
  }
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` of an instant in the given zone. */
export function dateInZone(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(new Date(instant));
}

/** The instant of `hh:mm` local time on `day` in the zone. */
export function instantAt(day: string, hour: number, minute: number,
  timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d, hour, minute);
  // The zone's offset at that moment, read back through Intl.
  const offset = zoneOffsetMs(guess, timeZone);
  const first = guess - offset;
  return new Date(guess - zoneOffsetMs(first, timeZone));
}

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric',
    day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'),
    get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}
