/**
 * Dates in the business time zone. A handover's days (last working day,
 * due dates) are calendar dates there; instants are stored in UTC.
 *
 * TODO: business days skip weekends only; China's holidays and make-up
 * workdays (issue 3) still need a configurable calendar.
 */

/** `YYYY-MM-DD` of an instant in the given zone. */
export function dateInZone(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(new Date(instant));
}

/** Moves a `YYYY-MM-DD` by `n` weekdays (negative goes back). */
export function addBusinessDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    date.setUTCDate(date.getUTCDate() + step);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
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
