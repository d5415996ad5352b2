import { AdjustableClock, unixSeconds } from './clock';

describe('AdjustableClock', () => {
  it('moves forward by the given amount', () => {
    const clock = new AdjustableClock();
    const before = clock.now();
    clock.advance(3_600_000);
    expect(clock.now() - before).toBeGreaterThanOrEqual(3_600_000);
    expect(unixSeconds(clock)).toBe(Math.floor(clock.now() / 1000));
  });

  it('refuses to move back', () => {
    expect(() => new AdjustableClock().advance(-1)).toThrow(RangeError);
  });
});
