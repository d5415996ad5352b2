import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BusinessCalendar, dateInZone, instantAt } from './calendar';

describe('BusinessCalendar', () => {
  const weekendsOnly = new BusinessCalendar({ holidays: [], workdays: [] });
  // 2026 National Day: Oct 1-7 off, Sep 20 (Sun) and Oct 10 (Sat) worked.
  const china = new BusinessCalendar({
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04',
      '2026-10-05', '2026-10-06', '2026-10-07'],
    workdays: ['2026-09-20', '2026-10-10'],
  });

  it('skips weekends both ways', () => {
    expect(weekendsOnly.addBusinessDays('2026-12-04', 1)).toBe('2026-12-07');
    expect(weekendsOnly.addBusinessDays('2026-12-07', -1)).toBe('2026-12-04');
    expect(weekendsOnly.addBusinessDays('2026-12-09', -5)).toBe('2026-12-02');
    expect(weekendsOnly.addBusinessDays('2026-12-09', 0)).toBe('2026-12-09');
  });

  it('skips public holidays and counts make-up Saturdays', () => {
    expect(china.addBusinessDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(china.addBusinessDays('2026-10-09', 1)).toBe('2026-10-10');
    expect(china.addBusinessDays('2026-10-08', -1)).toBe('2026-09-30');
    expect(china.isWorkday('2026-09-20')).toBe(true);
    expect(china.isWorkday('2026-10-05')).toBe(false);
  });

  it('moves a due date off a holiday to the next workday', () => {
    expect(china.addBusinessDays('2026-10-03', 0)).toBe('2026-10-08');
  });

  it('reads a replacement calendar from a file, and refuses a malformed one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cal-'));
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify({ holidays: ['2027-01-01'], workdays: [] }));
    expect(BusinessCalendar.fromFile(good).isWorkday('2027-01-01')).toBe(false);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ holidays: ['01/01/2027'] }));
    expect(() => BusinessCalendar.fromFile(bad)).toThrow(/holidays/);
  });
});

describe('zones', () => {
  it('places local times in the business zone', () => {
    expect(instantAt('2026-12-31', 18, 0, 'Asia/Shanghai').toISOString())
      .toBe('2026-12-31T10:00:00.000Z');
    expect(dateInZone(Date.parse('2026-12-31T17:00:00Z'), 'Asia/Shanghai'))
      .toBe('2027-01-01');
  });
});
