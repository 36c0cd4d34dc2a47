import { describe, expect, it } from 'vitest';
import { yearGapLines } from './format.js';

describe('yearGapLines', () => {
  it('one line a year that falls short, public before professional; none for years without a gap', () => {
    const y = (year: number, pub: number, prof: number) => ({ year, short: { public: pub, professional: prof } });
    expect(yearGapLines([y(2022, 0, 0), y(2023, 10, 0), y(2024, 2.5, 60)])).toEqual(['2023：公需缺 10', '2024：公需缺 2.5，专业缺 60']);
    expect(yearGapLines([])).toEqual([]);
  });
});
