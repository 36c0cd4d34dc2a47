import { describe, expect, it } from 'vitest';
import { IntKeyTable } from './int-keys.js';

describe('IntKeyTable (a plan\'s shared remedies and lines by their numbers, nm-2017/art11)', () => {
  it('nm-2017/art11: keys that differ in any one part find their own remedy, also when their slots collide', () => {
    const table = new IntKeyTable<string>(21_000);
    const keys: [number, number, number][] = [];
    // 21,000 entries, the table laid out again as it grows: collisions and long probe runs are certain
    for (let i = 0; i < 7000; i++) keys.push([213 * 10_000, 1234, i], [213 * 10_000, i, 1234], [i * 10_000 + 2024, 0, 0]);
    const distinct = new Set(keys.map((k) => k.join('/')));
    for (const [a, b, c] of keys) {
      const slot = table.slot(a, b, c);
      const found = table.get(slot);
      if (found === undefined) table.set(slot, a, b, c, `${a}/${b}/${c}`);
      else expect(found).toBe(`${a}/${b}/${c}`); // the one key listed twice
    }
    expect(table.size).toBe(distinct.size);
    for (const [a, b, c] of keys) expect(table.get(table.slot(a, b, c))).toBe(`${a}/${b}/${c}`);
    expect(table.get(table.slot(1, 2, 3))).toBeUndefined();
  });

  it('stops keeping values at its capacity, and still finds those it kept', () => {
    const table = new IntKeyTable<number>(100);
    for (let i = 0; i < 150; i++) table.set(table.slot(i, -i, 7), i, -i, 7, i);
    expect(table.size).toBe(100);
    expect(table.get(table.slot(99, -99, 7))).toBe(99);
    expect(table.get(table.slot(100, -100, 7))).toBeUndefined();
  });
});
