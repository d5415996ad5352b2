import { REMINDER_DEFAULTS, reminderSettings } from '@baton/shared';
import { BusinessCalendar, instantAt } from '../domain/calendar';
import {
  dueSoonAt, firstAllowedAt, inQuietHours, mayRemindAt, type MilestoneReminderState,
  nextOverdueAt, remindersDue,
} from './schedule';

const TZ = 'Asia/Shanghai';
// 2027-03-15 is a Monday; the Monday after is a day off here.
const time = {
  calendar: new BusinessCalendar({ holidays: ['2027-03-22'], workdays: [] }),
  timeZone: TZ,
};
const at = (day: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return instantAt(day, h, m, TZ);
};
const HOUR = 3_600_000;

/** A milestone due Wednesday 2027-03-17 at 18:00, never reminded. */
function milestone(change: Partial<MilestoneReminderState> = {}): MilestoneReminderState {
  return {
    dueAt: at('2027-03-17', '18:00'), doneAt: null, reminderCount: 0,
    lastRemindedAt: null, escalatedAt: null, ...change,
  };
}

describe('reminder settings', () => {
  it('fills what a template leaves out from the defaults', () => {
    expect(reminderSettings(undefined)).toEqual(REMINDER_DEFAULTS);
    expect(reminderSettings({ intervalHours: 4 })).toEqual({
      ...REMINDER_DEFAULTS, intervalHours: 4,
    });
  });
});

describe('quiet hours', () => {
  const quiet = REMINDER_DEFAULTS.quietHours; // 21:00 to 08:30

  it('span midnight, start included and end excluded', () => {
    expect(inQuietHours(at('2027-03-16', '20:59').getTime(), quiet, TZ)).toBe(false);
    expect(inQuietHours(at('2027-03-16', '21:00').getTime(), quiet, TZ)).toBe(true);
    expect(inQuietHours(at('2027-03-17', '03:00').getTime(), quiet, TZ)).toBe(true);
    expect(inQuietHours(at('2027-03-17', '08:29').getTime(), quiet, TZ)).toBe(true);
    expect(inQuietHours(at('2027-03-17', '08:30').getTime(), quiet, TZ)).toBe(false);
  });

  it('may lie inside one day, or be none when start equals end', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(inQuietHours(at('2027-03-17', '12:30').getTime(), lunch, TZ)).toBe(true);
    expect(inQuietHours(at('2027-03-17', '13:30').getTime(), lunch, TZ)).toBe(false);
    const none = { start: '00:00', end: '00:00' };
    expect(inQuietHours(at('2027-03-17', '00:00').getTime(), none, TZ)).toBe(false);
  });

  it('and days off hold every reminder back', () => {
    const ok = (day: string, hhmm: string) =>
      mayRemindAt(at(day, hhmm).getTime(), REMINDER_DEFAULTS, time);
    expect(ok('2027-03-19', '10:00')).toBe(true); // Friday
    expect(ok('2027-03-20', '10:00')).toBe(false); // Saturday
    expect(ok('2027-03-22', '10:00')).toBe(false); // the holiday Monday
    expect(ok('2027-03-23', '08:00')).toBe(false); // quiet
    expect(ok('2027-03-23', '08:30')).toBe(true);
  });
});

describe('the due-soon notice', () => {
  it('is one business day before, at the same time', () => {
    expect(dueSoonAt(at('2027-03-17', '18:00'), time)).toEqual(at('2027-03-16', '18:00'));
    // Due on the Tuesday after the holiday Monday: the Friday before.
    expect(dueSoonAt(at('2027-03-23', '18:00'), time)).toEqual(at('2027-03-19', '18:00'));
  });

  it('is owed from then until the due time, not before', () => {
    const due = (day: string, hhmm: string) =>
      remindersDue(milestone(), at(day, hhmm).getTime(), REMINDER_DEFAULTS, time);
    expect(due('2027-03-16', '17:59').dueSoon).toBe(false);
    expect(due('2027-03-16', '18:00'))
      .toEqual({ dueSoon: true, overdue: null, escalate: false });
    expect(due('2027-03-17', '17:59').dueSoon).toBe(true);
    expect(due('2027-03-17', '18:00').dueSoon).toBe(false);
  });
});

describe('overdue reminders', () => {
  it('start at the due time and come every interval', () => {
    const settings = { ...REMINDER_DEFAULTS, intervalHours: 4 };
    const due = milestone().dueAt!.getTime();
    expect(remindersDue(milestone(), due, settings, time).overdue)
      .toEqual({ sequence: 1, at: new Date(due) });
    const once = milestone({ reminderCount: 1, lastRemindedAt: new Date(due) });
    expect(remindersDue(once, due + 4 * HOUR - 1, settings, time).overdue).toBeNull();
    // 22:00 is quiet: held back to 08:30 the next morning, not dropped.
    expect(remindersDue(once, due + 4 * HOUR, settings, time).overdue).toBeNull();
    // Sent late by the scan, it still counts from 08:30: no drift.
    expect(remindersDue(once, at('2027-03-18', '08:40').getTime(), settings, time)
      .overdue).toEqual({ sequence: 2, at: at('2027-03-18', '08:30') });
  });

  it('held back, count from the first moment they may go', () => {
    const quietFriday = at('2027-03-19', '22:00').getTime();
    expect(firstAllowedAt(quietFriday, REMINDER_DEFAULTS, time))
      .toBe(at('2027-03-23', '08:30').getTime()); // past the weekend and holiday
    expect(firstAllowedAt(at('2027-03-18', '03:00').getTime(), REMINDER_DEFAULTS, time))
      .toBe(at('2027-03-18', '08:30').getTime());
    const lunch = { ...REMINDER_DEFAULTS, quietHours: { start: '12:00', end: '13:30' } };
    expect(firstAllowedAt(at('2027-03-20', '12:10').getTime(), lunch, time))
      .toBe(at('2027-03-23', '00:00').getTime());
  });

  it('restart their cadence when sent long after they were due', () => {
    // No scan ran from Wednesday's due time until Friday 10:00.
    const late = at('2027-03-19', '10:00');
    expect(remindersDue(milestone(), late.getTime(), REMINDER_DEFAULTS, time).overdue)
      .toEqual({ sequence: 1, at: late });
  });

  it('never come twice inside one interval after a held-back one', () => {
    const late = at('2027-03-23', '08:30'); // sent after the weekend and holiday
    const state = milestone({ reminderCount: 2, lastRemindedAt: late });
    expect(nextOverdueAt(state, REMINDER_DEFAULTS)).toBe(late.getTime() + 24 * HOUR);
  });

  it('bring the escalation with the reminder after escalateAfter of them', () => {
    const due = milestone().dueAt!.getTime();
    const day = 24 * HOUR;
    const after = (count: number, escalatedAt: Date | null = null) => remindersDue(
      milestone({ reminderCount: count, escalatedAt,
        lastRemindedAt: new Date(due + (count - 1) * day) }),
      due + count * day, REMINDER_DEFAULTS, time);
    expect(after(1)).toMatchObject({ overdue: { sequence: 2 }, escalate: false });
    expect(after(2)).toMatchObject({ overdue: { sequence: 3 }, escalate: true });
    expect(after(3, new Date(due)).escalate).toBe(false);
  });

  it('stop once the milestone is done', () => {
    const done = milestone({ doneAt: at('2027-03-17', '19:00') });
    const later = at('2027-03-18', '18:00').getTime();
    expect(remindersDue(done, later, REMINDER_DEFAULTS, time))
      .toEqual({ dueSoon: false, overdue: null, escalate: false });
  });
});
