import { describe, expect, it } from 'vitest';
import { dayNumber, dayYear, daysBetween, formatDate, formatDay, fullAge, readIsoDate } from './dates.js';

describe('dates', () => {
  it('counts days and rejects impossible typed dates', () => {
    expect(daysBetween({ year: 2024, month: 11, day: 1 }, { year: 2024, month: 12, day: 31 })).toBe(60);
    expect(readIsoDate('2025-11-31')).toBeUndefined();
    expect(readIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(readIsoDate(' 2025-1-5 ')).toEqual({ year: 2025, month: 1, day: 5 });
    expect(readIsoDate('2025/01/05')).toBeUndefined();
  });

  it('full age (周岁) turns on the birthday', () => {
    expect(fullAge({ year: 1969, month: 12, day: 31 }, { year: 2024, month: 12, day: 30 })).toBe(54);
    expect(fullAge({ year: 1969, month: 12, day: 31 }, { year: 2024, month: 12, day: 31 })).toBe(55);
    expect(formatDate({ year: 2025, month: 1, day: 5 })).toBe('2025-01-05');
  });

  it('a date as the number yyyymmdd orders like the date and prints like it', () => {
    const d = { year: 2025, month: 1, day: 5 };
    expect(dayNumber(d)).toBe(20250105);
    expect(dayYear(dayNumber(d))).toBe(2025);
    expect(formatDay(dayNumber(d))).toBe(formatDate(d));
    expect(formatDay(dayNumber({ year: 2024, month: 12, day: 31 }))).toBe('2024-12-31');
    expect(dayNumber({ year: 2024, month: 12, day: 31 })).toBeLessThan(dayNumber(d));
  });
});
