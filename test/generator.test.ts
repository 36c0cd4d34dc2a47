/**
 * The benchmark generator (test/bench/generate.ts) is deterministic and yields
 * rows the reader accepts: valid, unique 18-digit ID numbers (MOD 11-2), no
 * cell errors, records matched to roster people. (test/bench/** itself is not
 * run by vitest; `pnpm bench` runs it.)
 */
import { describe, expect, it } from 'vitest';
import { idCheckChar, parseIdNumber, readRecords, readRoster } from '@ce/roster';
import { checkChar, DEFAULT_SEED, generate, idNumber, RECORD_HEADER, ROSTER_HEADER } from './bench/generate.js';

describe('benchmark generator', () => {
  it('is deterministic: same seed → same grids; chunks equal the whole', () => {
    const a = generate(DEFAULT_SEED, 300);
    const b = generate(DEFAULT_SEED, 300);
    expect(b).toEqual(a);
    const tail = generate(DEFAULT_SEED, 100, 200);
    expect(tail.roster.slice(1)).toEqual(a.roster.slice(201));
    expect(generate(DEFAULT_SEED + 1, 300).roster).not.toEqual(a.roster);
  });

  it('yields valid, unique 18-digit IDs with MOD 11-2 check characters', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const id = idNumber(DEFAULT_SEED, i);
      expect(id).toMatch(/^\d{17}[\dX]$/);
      expect(id[17]).toBe(idCheckChar(id.slice(0, 17)));
      expect(checkChar(id.slice(0, 17))).toBe(idCheckChar(id.slice(0, 17)));
      const parsed = parseIdNumber(id);
      expect(parsed.ok, id).toBe(true);
      ids.add(id);
    }
    expect(ids.size).toBe(20_000);
    // far apart indices do not collide either (the 1M run)
    expect(idNumber(DEFAULT_SEED, 999_999)).not.toBe(idNumber(DEFAULT_SEED, 999_999 - 14_600));
  });

  it('rows the reader accepts: no errors, mixed purposes, ~5 records per person', () => {
    const n = 2000;
    const g = generate(DEFAULT_SEED, n);
    expect(g.roster[0]).toEqual([...ROSTER_HEADER]);
    expect(g.records[0]).toEqual([...RECORD_HEADER]);
    const roster = readRoster(g.roster);
    expect(roster.issues).toEqual([]);
    expect(roster.unknownColumns).toEqual([]);
    expect(roster.people).toHaveLength(n);
    expect(roster.people.filter((p) => p.errors.length > 0)).toEqual([]);
    const purposes = new Set(roster.people.map((p) => p.purpose));
    expect([...purposes].sort()).toEqual(['annual', 'assessment', 'post', 'title']);
    expect(roster.people.some((p) => p.epidemic)).toBe(true);
    expect(roster.people.some((p) => p.nonPublic)).toBe(true);
    const years = new Set(roster.people.flatMap((p) => Object.keys(p.hours)));
    expect([...years].sort()).toEqual(['2022', '2023', '2024']);

    const records = readRecords(g.records, { sheetName: '培训记录' });
    expect(records.issues).toEqual([]);
    expect(records.records.length).toBe(g.records.length - 1);
    expect(records.records.length / n).toBeGreaterThan(4.5);
    expect(records.records.length / n).toBeLessThan(5.5);
    const ids = new Set(roster.people.map((p) => p.id));
    expect(records.records.every((r) => ids.has(r.id))).toBe(true);
  });
});
