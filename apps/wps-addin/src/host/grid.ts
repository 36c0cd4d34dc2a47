/**
 * Reading a WPS worksheet into the grid @ce/roster reads: UsedRange.Value2 in row chunks,
 * merged areas (MergeCells / MergeArea), hidden rows and columns (EntireRow/EntireColumn.Hidden).
 * Column 0 of the grid is column A, grid[0] is sheet row `firstRow`.
 */
import { groupRecordsById, readRecords, readRoster, type Grid, type MergedArea } from '@ce/roster';
import type { ReadWorkbook } from 'excel-addin/src/core/check.ts';
import type { CellValue } from 'excel-addin/src/core/workbook.ts';
import type { EtSheet } from './wps-api.js';

/** rows per Value2 read or write: one call per chunk, a yield between chunks */
export const CHUNK_ROWS = 2000;

export interface SheetGrid {
  grid: Grid;
  /** 1-based sheet row of grid[0] */
  firstRow: number;
  merges: MergedArea[];
  /** 1-based sheet rows / columns that are hidden (reported; checking reads them all) */
  hiddenRows: number[];
  hiddenCols: number[];
  /** Value2 calls made (the tests count them) */
  reads: number;
}

export const yieldToUi = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** Value2 of a range as a 2-D array (a single cell gives a scalar) with empties as ''. */
export function values2d(v: unknown): CellValue[][] {
  const rows = Array.isArray(v) ? (v as unknown[][]) : [[v]];
  return rows.map((r) => (Array.isArray(r) ? r : [r]).map((c) => (c === null || c === undefined ? '' : (c as CellValue))));
}

function* chunks(sheet: EtSheet, chunkRows: number): Generator<CellValue[][], { r1: number; c1: number; rows: number; cols: number }> {
  const used = sheet.UsedRange;
  const r1 = used.Row;
  const c1 = used.Column;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const pad: CellValue[] = new Array<CellValue>(c1 - 1).fill('');
  for (let r = 0; r < rows; r += chunkRows) {
    const n = Math.min(chunkRows, rows - r);
    const block = values2d(sheet.Cells.Item(r1 + r, c1).Resize(n, cols).Value2);
    yield c1 > 1 ? block.map((row) => [...pad, ...row]) : block;
  }
  return { r1, c1, rows, cols };
}

function finish(sheet: EtSheet, grid: CellValue[][], reads: number, u: { r1: number; c1: number; rows: number; cols: number }): SheetGrid {
  return { grid, firstRow: u.r1, merges: readMerges(sheet, u.r1, u.c1, u.rows, u.cols), ...readHidden(sheet, u.r1, u.c1, u.rows, u.cols), reads };
}

/** The whole read, pausing (a `yield`) after each chunk's Value2 call; returns the grid. */
function* reading(sheet: EtSheet, chunkRows: number): Generator<void, SheetGrid> {
  const grid: CellValue[][] = [];
  let reads = 0;
  const it = chunks(sheet, chunkRows);
  for (let step = it.next(); ; step = it.next()) {
    if (step.done) return finish(sheet, grid, reads, step.value);
    grid.push(...step.value);
    reads++;
    yield;
  }
}

/** The pane's read: one Value2 call per chunk of rows, a yield to WPS's UI between chunks. */
export async function readSheetGrid(sheet: EtSheet, chunkRows = CHUNK_ROWS): Promise<SheetGrid> {
  const r = reading(sheet, chunkRows);
  for (let step = r.next(); ; step = r.next()) {
    if (step.done) return step.value;
    await yieldToUi();
  }
}

/** The functions' read: WPS calls custom functions synchronously, so no yield is possible. */
export function readSheetGridSync(sheet: EtSheet, chunkRows = CHUNK_ROWS): SheetGrid {
  const r = reading(sheet, chunkRows);
  for (let step = r.next(); ; step = r.next()) if (step.done) return step.value;
}

/**
 * Merged areas inside the used range. MergeCells of a range is false when no cell is
 * merged, true when all are, null when mixed: rows without merges are skipped whole.
 */
function readMerges(sheet: EtSheet, r1: number, c1: number, rows: number, cols: number): MergedArea[] {
  const out: MergedArea[] = [];
  if (sheet.Cells.Item(r1, c1).Resize(rows, cols).MergeCells === false) return out;
  const seen = new Set<string>();
  for (let r = r1; r < r1 + rows; r++) {
    if (sheet.Cells.Item(r, c1).Resize(1, cols).MergeCells === false) continue;
    for (let c = c1; c < c1 + cols; c++) {
      const cell = sheet.Cells.Item(r, c);
      if (cell.MergeCells !== true) continue;
      const area = cell.MergeArea;
      const key = `${area.Row},${area.Column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ s: { r: area.Row - 1, c: area.Column - 1 }, e: { r: area.Row + area.Rows.Count - 2, c: area.Column + area.Columns.Count - 2 } });
    }
  }
  return out;
}

function readHidden(sheet: EtSheet, r1: number, c1: number, rows: number, cols: number): { hiddenRows: number[]; hiddenCols: number[] } {
  const hiddenRows: number[] = [];
  const hiddenCols: number[] = [];
  for (let r = r1; r < r1 + rows; r++) if (sheet.Cells.Item(r, 1).EntireRow.Hidden === true) hiddenRows.push(r);
  for (let c = c1; c < c1 + cols; c++) if (sheet.Cells.Item(1, c).EntireColumn.Hidden === true) hiddenCols.push(c);
  return { hiddenRows, hiddenCols };
}

/** The roster (with its merged areas) and the optional 培训记录 grid, read as the Excel adapter reads them. */
export function readBook(roster: SheetGrid, rosterName: string, records?: { grid: SheetGrid; name: string }): ReadWorkbook {
  const r = readRoster(roster.grid, { sheetName: rosterName, firstRow: roster.firstRow, merges: roster.merges });
  const rec = records ? readRecords(records.grid.grid, { sheetName: records.name, firstRow: records.grid.firstRow, merges: records.grid.merges }) : undefined;
  return { roster: r, records: rec, recordsById: groupRecordsById(rec?.records ?? []) };
}
