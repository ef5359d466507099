import { describe, expect, it } from 'vitest';
import { isWithin, shanghaiDayRange } from '../../src/app/home/shanghaiDay';

describe('shanghaiDayRange', () => {
  it('starts at Shanghai midnight', () => {
    const range = shanghaiDayRange(new Date('2026-12-04T06:30:00Z'));

    expect(range.start.toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it('puts 00:30 in the new day', () => {
    const range = shanghaiDayRange(new Date('2026-12-04T16:30:00Z'));

    expect(range.start.toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it('puts 23:59 in the same day', () => {
    const range = shanghaiDayRange(new Date('2026-12-04T15:59:59.999Z'));

    expect(range.start.toISOString()).toBe('2026-12-03T16:00:00.000Z');
  });
});

describe('isWithin', () => {
  const today = shanghaiDayRange(new Date('2026-12-04T06:30:00Z'));

  it('compares instants across offsets', () => {
    expect(isWithin(today, '2026-12-04T00:10:00+08:00')).toBe(true);
    expect(isWithin(today, '2026-12-03T23:59:00+08:00')).toBe(false);
  });

  it('includes start, excludes end', () => {
    expect(isWithin(today, '2026-12-03T16:00:00.000Z')).toBe(true);
    expect(isWithin(today, '2026-12-04T16:00:00.000Z')).toBe(false);
  });
});
