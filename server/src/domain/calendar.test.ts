import { addBusinessDays, dateInZone, instantAt } from './calendar';

describe('calendar', () => {
  it('skips weekends both ways', () => {
    expect(addBusinessDays('2026-12-04', 1)).toBe('2026-12-07'); // Fri -> Mon
    expect(addBusinessDays('2026-12-07', -1)).toBe('2026-12-04');
    expect(addBusinessDays('2026-12-09', -5)).toBe('2026-12-02');
    expect(addBusinessDays('2026-12-09', 0)).toBe('2026-12-09');
  });

  it('places local times in the business zone', () => {
    expect(instantAt('2026-12-31', 18, 0, 'Asia/Shanghai').toISOString())
      .toBe('2026-12-31T10:00:00.000Z');
    expect(dateInZone(Date.parse('2026-12-31T17:00:00Z'), 'Asia/Shanghai'))
      .toBe('2027-01-01');
  });
});
