/**
 * The one placement of the annotation block that the file host and the WPS host share
 * (src/hosts/block.ts): right of the clerk's cells and merged areas on the roster's
 * rows, and past hidden columns. Each host's own tests (file-host, wps-addin host) check it in place.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '@ce/roster';
import { freeColumn, mergedArea, type PlacedSheet } from '../src/hosts/block.js';
import { COLUMN_COUNT } from '../src/taskpane/annotate.js';

// sheet rows 1–2 a title, row 3 the header, rows 4–6 people; roster in A:C (so `from` is D = 3)
const HEADER0 = 2;
const LAST0 = 5;
const FROM = 3;
function sheet(edit: (grid: Cell[][]) => void = () => undefined, more: Partial<PlacedSheet> = {}): PlacedSheet {
  const grid: Cell[][] = [['花名册'], [], ['姓名', '身份证号', '工作单位'], ['甲', 'x', 'u'], ['乙', 'y', 'u'], ['丙', 'z', 'u']];
  edit(grid);
  return { grid, firstRow: 1, merges: [], ...more };
}

describe('freeColumn', () => {
  it('an empty sheet right of the roster: the block starts where it was asked to', () => {
    expect(freeColumn(sheet(), HEADER0, LAST0, FROM)).toBe(FROM);
  });

  it("a column with the clerk's data on a roster row pushes the block past it; data above the header does not", () => {
    expect(freeColumn(sheet((g) => (g[4]![5] = '备注')), HEADER0, LAST0, FROM)).toBe(6);
    expect(freeColumn(sheet((g) => (g[2]![4] = 0)), HEADER0, LAST0, FROM)).toBe(5); // a 0 is a value
    expect(freeColumn(sheet((g) => (g[0]![9] = '标题右侧')), HEADER0, LAST0, FROM)).toBe(FROM);
    // a space is the clerk's cell too (the download must not lose it)
    expect(freeColumn(sheet((g) => (g[5]![3] = ' ')), HEADER0, LAST0, FROM)).toBe(4);
  });

  it('a merged area spanning into the block pushes it past its last column; one on the title rows does not', () => {
    const intoBlock = mergedArea({ r0: 4, c0: 2, rows: 2, cols: 3 }); // C5:E6
    expect(intoBlock).toEqual({ s: { r: 4, c: 2 }, e: { r: 5, c: 4 } });
    expect(freeColumn(sheet(undefined, { merges: [intoBlock] }), HEADER0, LAST0, FROM)).toBe(5);
    const title = mergedArea({ r0: 0, c0: 0, rows: 2, cols: 12 }); // A1:L2
    expect(freeColumn(sheet(undefined, { merges: [title] }), HEADER0, LAST0, FROM)).toBe(FROM);
    // starting above the header and reaching into it counts
    const down = mergedArea({ r0: 1, c0: 6, rows: 2, cols: 1 }); // G2:G3
    expect(freeColumn(sheet(undefined, { merges: [down] }), HEADER0, LAST0, FROM)).toBe(7);
  });

  it('a hidden column inside the block moves the block past it (results in it would not be seen); one beyond the block does not', () => {
    const hidden = (cols: number[]) => ({ isHiddenColumn: (c0: number) => cols.includes(c0) });
    expect(freeColumn(sheet(undefined, hidden([FROM + 1])), HEADER0, LAST0, FROM)).toBe(FROM + 2);
    // two hidden ones, the second inside the moved block
    expect(freeColumn(sheet(undefined, hidden([FROM, FROM + 1 + COLUMN_COUNT - 1])), HEADER0, LAST0, FROM)).toBe(FROM + COLUMN_COUNT + 1);
    expect(freeColumn(sheet(undefined, hidden([FROM + COLUMN_COUNT])), HEADER0, LAST0, FROM)).toBe(FROM);
    // data, then a hidden column right after it
    expect(freeColumn(sheet((g) => (g[3]![4] = 'x'), hidden([5])), HEADER0, LAST0, FROM)).toBe(6);
  });

  it('reads the grid by its first sheet row (a grid that starts below row 1)', () => {
    const grid: Cell[][] = [['姓名', '身份证号', '工作单位', '', '', '', '', '', '旧列'], ['甲', 'x', 'u']];
    expect(freeColumn({ grid, firstRow: 3, merges: [] }, 2, 3, 3)).toBe(9);
  });
});
