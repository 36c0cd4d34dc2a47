/**
 * Workbook bytes → grids with SheetJS (.xlsx, .xlsm, .xls, .ods), Node-free:
 * the CLI's reader (for what the lean reader leaves to it) and the offline
 * page read workbooks with this one function. Grid conventions: see xlsx.ts.
 */
import * as XLSX from '@e965/xlsx';
import { sheetjsValue, trimGrid } from './cell-values.js';
import type { Cell, Grid, MergedArea } from '@ce/roster';

export interface LoadedSheet {
  name: string;
  grid: Grid;
  /** 1-based sheet row of grid[0] */
  firstRow: number;
  /**
   * Merged areas in sheet coordinates, 0-based inclusive (row 0 = sheet row 1,
   * column 0 = A), as SheetJS gives them. The grid keeps each value in the
   * top-left cell only; pass these to readRoster (`merges`) to have every
   * cell of an area read as that value.
   */
  merges: MergedArea[];
  /** hidden rows, 0-based sheet rows (0 = sheet row 1, not a grid index) */
  hiddenRows: number[];
  /** hidden columns, 0-based (0 = A) */
  hiddenColumns: number[];
}

/** SheetJS: handles .xlsx, .xlsm, .xls (BIFF), .ods. */
export function readWorkbookSheetJS(bytes: Uint8Array): LoadedSheet[] {
  const wb = XLSX.read(bytes, { type: 'array', dense: true, cellDates: false, cellFormula: true, cellNF: true, sheetStubs: true, cellText: false, cellHTML: false, cellStyles: true });
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const out: LoadedSheet[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] as XLSX.DenseWorkSheet | undefined;
    if (!ws || !ws['!ref']) {
      out.push({ name, grid: [], firstRow: 1, merges: [], hiddenRows: [], hiddenColumns: [] });
      continue;
    }
    const range = XLSX.utils.decode_range(ws['!ref']);
    const data = ws['!data'] ?? [];
    const grid: Grid = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const src = data[r];
      const row: Cell[] = [];
      if (src) {
        for (let c = 0; c <= range.e.c && c < src.length; c++) {
          const cell = src[c];
          if (!cell) {
            row.push(null);
            continue;
          }
          row.push(sheetjsValue(cell, date1904));
        }
      }
      grid.push(row);
    }
    out.push({ name, grid: trimGrid(grid), firstRow: range.s.r + 1, ...layoutOf(ws) });
  }
  return out;
}

/** Merges and hidden rows/columns (SheetJS reads `!cols` / `!rows` only with cellStyles). */
function layoutOf(ws: XLSX.WorkSheet): Pick<LoadedSheet, 'merges' | 'hiddenRows' | 'hiddenColumns'> {
  const merges = (ws['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
  const hidden = (list: ({ hidden?: boolean } | undefined)[] | undefined) => {
    const out: number[] = [];
    (list ?? []).forEach((x, i) => {
      if (x?.hidden) out.push(i);
    });
    return out;
  };
  return { merges, hiddenRows: hidden(ws['!rows']), hiddenColumns: hidden(ws['!cols']) };
}

