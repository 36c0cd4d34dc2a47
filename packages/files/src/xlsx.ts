/**
 * Workbook bytes → grids. Two adapters: SheetJS (@e965/xlsx, the one used)
 * and ExcelJS (kept for the benchmark in scripts/bench-xlsx.ts and the
 * interop tests). Both give the same Grid conventions:
 *
 * - numbers as numbers, text as strings, booleans as booleans;
 * - date-formatted cells as `Date` objects at UTC midnight (+ time), so
 *   `toCivilDate` (UTC parts) reads them the same in every time zone;
 * - formula cells give their cached result; a formula with NO cached result
 *   is given as the text `=FORMULA` so the reader reports it as an unusable
 *   value on that cell (e.g. 学时应为数字，实为「=SUM(B2:C2)」);
 * - error cells (#N/A, #DIV/0!) are given as that text, likewise reported;
 * - column index 0 is always column A; grid[0] is sheet row `firstRow`.
 */
import * as XLSX from '@e965/xlsx';
import { sheetjsValue } from './cell-values.js';
// ExcelJS is loaded only when asked for (it costs ~0.4 s at start-up; the CLI never needs it)
import type ExcelJS from 'exceljs';
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

function trimGrid(grid: Grid): Grid {
  // drop trailing empty rows (formatting-only rows are common)
  let end = grid.length;
  while (end > 0) {
    const row = grid[end - 1];
    if (row && row.some((c) => c !== null && c !== undefined && c !== '')) break;
    end--;
  }
  return grid.length === end ? grid : grid.slice(0, end);
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

/** ExcelJS: .xlsx only. Used for the benchmark and interop tests. */
export async function readWorkbookExcelJS(bytes: Uint8Array): Promise<LoadedSheet[]> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  // ExcelJS's typings want a Node Buffer
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  const out: LoadedSheet[] = [];
  wb.eachSheet((ws) => {
    const grid: Grid = [];
    let firstRow = 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (firstRow === 0) firstRow = rowNumber;
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        while (cells.length < colNumber - 1) cells.push(null);
        // merged ranges: the value lives in the top-left cell only (as in Excel and SheetJS)
        cells.push(cell.isMerged && cell.master !== cell ? null : exceljsValue(cell.value));
      });
      grid[rowNumber - firstRow] = cells;
    });
    for (let i = 0; i < grid.length; i++) grid[i] ??= [];
    const merges = Object.values((ws as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {}).map(
      ({ model: m }) => ({ s: { r: m.top - 1, c: m.left - 1 }, e: { r: m.bottom - 1, c: m.right - 1 } }),
    );
    const hiddenColumns: number[] = [];
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c - 1);
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.hidden) hiddenRows.push(n - 1);
    });
    out.push({ name: ws.name, grid: trimGrid(grid), firstRow: firstRow || 1, merges, hiddenRows, hiddenColumns });
  });
  return out;
}

function exceljsValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      if (f.result === undefined || f.result === null) return `=${f.formula ?? f.sharedFormula ?? ''}`;
      const r = f.result;
      if (typeof r === 'object' && r !== null && !(r instanceof Date) && 'error' in r) return String(r.error);
      return r as Cell;
    }
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text; // hyperlink
    if ('error' in v) return String(v.error);
  }
  return String(v);
}
