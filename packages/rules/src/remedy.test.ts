import { describe, expect, it } from 'vitest';
import { RemedyTable } from './remedy.js';
import type { Remedy } from './types.js';

/** A stand-in remedy that says which keys it was stored under. */
const tagged = (k: string) => ({ summary: k }) as Remedy;

describe('RemedyTable (the plan\'s shared remedies by figures, nm-2017/art11)', () => {
  it('nm-2017/art11: keys that differ in any one part find their own remedy, also when their slots collide', () => {
    const table = new RemedyTable();
    const keys: [number, number, number][] = [];
    // 20,000 entries in 65,536 slots: collisions and long probe runs are certain
    for (let i = 0; i < 7000; i++) keys.push([213 * 10_000, 1234, i], [213 * 10_000, i, 1234], [i * 10_000 + 2024, 0, 0]);
    const distinct = new Set(keys.map((k) => k.join('/')));
    for (const [a, b, c] of keys) {
      const slot = table.slot(a, b, c);
      const found = table.get(slot);
      if (found === undefined) table.set(slot, a, b, c, tagged(`${a}/${b}/${c}`));
      else expect(found.summary).toBe(`${a}/${b}/${c}`); // the one key listed twice
    }
    expect(table.size).toBe(distinct.size);
    for (const [a, b, c] of keys) expect(table.get(table.slot(a, b, c))?.summary).toBe(`${a}/${b}/${c}`);
    expect(table.get(table.slot(1, 2, 3))).toBeUndefined();
  });
});
