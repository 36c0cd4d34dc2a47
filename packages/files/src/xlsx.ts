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
import { trimGrid } from './cell-values.js';
import type { LoadedSheet } from './sheetjs.js';
// ExcelJS is loaded only when asked for (it costs ~0.4 s at start-up; the CLI never needs it)
import type ExcelJS from 'exceljs';
import type { Cell, Grid } from '@ce/roster';

export type { LoadedSheet } from './sheetjs.js';
export { readWorkbookSheetJS } from './sheetjs.js';



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
