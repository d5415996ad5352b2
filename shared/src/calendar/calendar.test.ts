import { CN_CALENDAR, CN_CALENDAR_NOTES } from './index';

/** Every date from `first` to `last`, both included. */
function range(first: string, last: string): string[] {
  const days: string[] = [];
  const day = new Date(`${first}T00:00:00Z`);
  for (; day.toISOString().slice(0, 10) <= last;
    day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

function isRealDate(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day)
    && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

const inYear = (year: number) => (day: string) => day.startsWith(`${year}-`);

const lists = [
  ['holidays', CN_CALENDAR.holidays],
  ['workdays', CN_CALENDAR.workdays],
] as const;

describe('China business calendar', () => {
  it.each(lists)('%s are real YYYY-MM-DD dates in 2026 or 2027',
    (_name, days) => {
      expect(days.filter((d) => !isRealDate(d))).toEqual([]);
      expect(days.filter((d) => !/^202[67]-/.test(d))).toEqual([]);
    });

  it.each(lists)('%s are sorted and unique', (_name, days) => {
    const sortedUnique = [...new Set(days)].sort();
    expect(days).toEqual(sortedUnique);
  });

  it('has no day that is both a holiday and a workday', () => {
    const holidays = new Set(CN_CALENDAR.holidays);
    expect(CN_CALENDAR.workdays.filter((d) => holidays.has(d))).toEqual([]);
  });

  it('makes only weekend days into workdays', () => {
    expect(CN_CALENDAR.workdays.length).toBeGreaterThan(0);
    expect(CN_CALENDAR.workdays.filter((d) => ![0, 6].includes(weekday(d))))
      .toEqual([]);
  });

  it('gives the 2026 days off of the State Council notice', () => {
    const notice = [
      ...range('2026-01-01', '2026-01-03'), // 元旦
      ...range('2026-02-15', '2026-02-23'), // 春节
      ...range('2026-04-04', '2026-04-06'), // 清明节
      ...range('2026-05-01', '2026-05-05'), // 劳动节
      ...range('2026-06-19', '2026-06-21'), // 端午节
      ...range('2026-09-25', '2026-09-27'), // 中秋节
      ...range('2026-10-01', '2026-10-07'), // 国庆节
    ];
    expect(notice).toHaveLength(33);
    expect(CN_CALENDAR.holidays.filter(inYear(2026))).toEqual(notice);
  });

  it('gives the 2026 make-up workdays of the State Council notice', () => {
    expect(CN_CALENDAR.workdays.filter(inYear(2026))).toEqual([
      '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09',
      '2026-09-20', '2026-10-10',
    ]);
  });

  it('gives only the 13 statutory days off for 2027, with no workdays', () => {
    expect(CN_CALENDAR.holidays.filter(inYear(2027))).toEqual([
      '2027-01-01',
      ...range('2027-02-05', '2027-02-08'),
      '2027-04-05',
      '2027-05-01', '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      ...range('2027-10-01', '2027-10-03'),
    ]);
    expect(CN_CALENDAR.workdays.filter(inYear(2027))).toEqual([]);
  });

  it('says that 2027 is provisional and how to override it', () => {
    expect(CN_CALENDAR_NOTES).toMatch(/2027: PROVISIONAL/);
    expect(CN_CALENDAR_NOTES).toMatch(/JSON file of the same shape/);
  });
});
