/**
 * Reading rows one at a time (readRosterRows, MergeFill) gives exactly what
 * reading the whole grid gives (readRoster, fillMerges): the CLI streams a
 * large .xlsx through readRosterRows, the add-in and the page pass grids.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readRoster, readRosterRows } from './reader.js';
import { fillMerges, MergeFill, type MergedArea } from './sheet.js';
import { isBlank } from './values.js';
import type { Cell, Grid } from './index.js';

const ID_M = '152502198503121115';
const ID_F = '150102199001011224';

/** The rows of a grid, one at a time, as a stream gives them (not an array). */
function* stream(grid: Grid): Generator<Cell[]> {
  for (const row of grid) yield row as Cell[];
}

const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  fc.constant(undefined),
  fc.constant(''),
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -5, max: 100 }),
  fc.constantFrom('身份证号', '姓名', '工作单位', '2024年公需学时', '2024年专业学时', '公需科目学时', '专业科目学时', '序号', '合计', '注：', ID_M, ID_F, '张三', '30', '—'),
);
const row = fc.array(cell, { maxLength: 8 });
const area = fc.record({ r0: fc.integer({ min: 0, max: 40 }), h: fc.integer({ min: 0, max: 6 }), c0: fc.integer({ min: 0, max: 7 }), w: fc.integer({ min: 0, max: 3 }) }).map(
  ({ r0, h, c0, w }): MergedArea => ({ s: { r: r0, c: c0 }, e: { r: r0 + h, c: c0 + w } }),
);

/**
 * The model the property is checked against: merges filled over the whole grid,
 * in list order, each from its top-left as earlier merges left it (the reader's
 * algorithm before rows were streamed).
 */
function referenceFill(grid: Grid, merges: readonly MergedArea[], firstRow: number): Cell[][] {
  const out = grid.map((r) => (Array.isArray(r) ? [...r] : []));
  const off = firstRow - 1;
  for (const m of merges) {
    const coords = [m.s.r, m.s.c, m.e.r, m.e.c];
    if (!coords.every((x) => Number.isInteger(x) && x >= 0) || m.e.r < m.s.r || m.e.c < m.s.c || m.e.c - m.s.c > 16_384) continue;
    const r0 = m.s.r - off;
    if (r0 < 0 || r0 >= out.length) continue;
    const value = out[r0]![m.s.c];
    if (isBlank(value)) continue; // (a blank top-left fills nothing: the reader's blank)
    for (let r = r0; r <= m.e.r - off && r < out.length; r++) {
      const target = out[r]!;
      for (let c = m.s.c; c <= m.e.c; c++) {
        while (target.length < c) target.push(null);
        if (r !== r0 || c !== m.s.c) target[c] = value;
      }
    }
  }
  return out;
}

describe('MergeFill and fillMerges fill as the whole-grid model does', () => {
  it('on random grids with overlapping and out-of-grid areas', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.array(area, { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (grid, merges, firstRow) => {
        const want = referenceFill(grid, merges, firstRow);
        const fill = new MergeFill(merges, firstRow);
        const got = grid.map((r, i) => fill.row(i, r as Cell[]));
        expect(got).toEqual(want);
        expect(fillMerges(grid, merges, firstRow)).toEqual(want);
        // the input rows are never changed
        expect(grid).toEqual(grid.map((r) => [...(r as Cell[])]));
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('a unit merged down the rows is every row’s unit; a blank top-left fills nothing', () => {
    const grid: Cell[][] = [['单位甲', 'a'], [null, 'b'], [null, 'c'], [null, 'd']];
    const fill = new MergeFill([{ s: { r: 0, c: 0 }, e: { r: 2, c: 0 } }, { s: { r: 3, c: 0 }, e: { r: 3, c: 1 } }]);
    expect(grid.map((r, i) => fill.row(i, r))).toEqual([['单位甲', 'a'], ['单位甲', 'b'], ['单位甲', 'c'], [null, 'd']]);
    expect(grid[1]).toEqual([null, 'b']);
  });
});

describe('readRosterRows = readRoster', () => {
  const roster = (rows: Cell[][]) => [
    ['2024年度专业技术人员继续教育学时统计表'],
    ['序号', '姓名', '身份证号', '工作单位', '公需科目学时', '专业科目学时'],
    ...rows,
  ];
  it('on random rosters (title, header, people, footers, blank and merged rows)', () => {
    const person = fc.tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom('张三', '李四', '', '合计'), fc.constantFrom(ID_M, ID_F, '', '1525'), cell, cell, cell);
    fc.assert(
      fc.property(fc.array(fc.oneof(person.map((p) => [...p] as Cell[]), row), { maxLength: 60 }), fc.array(area, { maxLength: 4 }), (rows, merges) => {
        const grid = roster(rows);
        const options = { sheetName: '2024年度', firstRow: 1, merges, reviewYear: 2024 };
        expect(readRosterRows(stream(grid), options)).toEqual(readRoster(grid, options));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('on random grids, with or without a header', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 45 }), fc.integer({ min: -2, max: 9 }), (grid, firstRow) => {
        expect(readRosterRows(stream(grid), { firstRow })).toEqual(readRoster(grid, { firstRow }));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('a header further down, a two-row header, duplicate IDs and no header at all', () => {
    const title = Array.from({ length: 28 }, (_, i): Cell[] => (i === 0 ? ['2024年度继续教育学时'] : []));
    const two = [...title, ['姓名', '身份证号', '2024年继续教育学时', null], [null, null, '公需', '专业'], ['张三', ID_M, 30, 60], ['李四', ID_M, 30, 60]];
    const a = readRosterRows(stream(two), { reviewYear: 2024 });
    expect(a).toEqual(readRoster(two, { reviewYear: 2024 }));
    expect(a.headerRow).toBe(29);
    expect(a.people.map((p) => p.hours[2024])).toEqual([
      { public: 30, professional: 60 },
      { public: 30, professional: 60 },
    ]);
    expect(a.warnings.filter((w) => w.message.includes('重复'))).toHaveLength(2);
    const none = Array.from({ length: 50 }, (_, i): Cell[] => [`第${i}行`, i]);
    const b = readRosterRows(stream(none));
    expect(b).toEqual(readRoster(none));
    expect(b.issues[0]!.message).toBe('在前30行（第1–30行）中找不到表头：需要一列名为 身份证号（或 身份证號、公民身份号码、证件号码） 的列');
    expect(b.lastColumnIndex).toBe(1);
    // the count of rows given is the grid's length
    expect(readRosterRows(stream(none.slice(0, 10))).issues[0]!.message).toMatch(/^在前10行（第1–10行）/);
  });
});
