/**
 * Reading the workbook: which sheet is the roster, the optional 培训记录 sheet,
 * and the grids (padded so that grid column 0 is sheet column A).
 */
import { readWorkbook, type Grid, type ReadWorkbook } from './check.js';

export const RECORDS_SHEET = '培训记录';
export const SUMMARY_SHEET = '汇总表';

export type CellValue = string | number | boolean;

/** The used range's values placed so that grid[0][0] is the used range's top-left and column 0 is column A. */
export function padColumns(values: CellValue[][], columnIndex: number): Grid {
  if (columnIndex === 0) return values;
  const pad: CellValue[] = new Array<CellValue>(columnIndex).fill('');
  return values.map((row) => [...pad, ...row]);
}

export interface LoadedSheet {
  id: string;
  name: string;
  grid: Grid;
  /** 1-based sheet row of grid[0] */
  firstRow: number;
}

export interface WorkbookRead extends ReadWorkbook {
  rosterSheet: LoadedSheet;
  recordsSheet?: LoadedSheet;
}

/**
 * Excel on the web also limits each *response* to 5 MB, so a big used range is read
 * in row slices: the first slice is small, later ones are sized from the bytes per row
 * seen so far (to ~3 MB), and a slice the host still rejects is retried at half size.
 */
export const READ_RESPONSE_BUDGET = 3 * 1024 * 1024;
export const READ_MAX_CELLS = 200_000;
const FIRST_SLICE_ROWS = 100;

export interface UsedGrid {
  /** padded so that column 0 is column A */
  grid: Grid;
  /** 1-based sheet row of grid[0] */
  firstRow: number;
}

const utf8 = new TextEncoder();

function isResponseTooLarge(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'ResponsePayloadSizeLimitExceeded';
}

/** The used range's values (valuesOnly), read in slices under the response limit; undefined if the sheet is empty. */
export async function readUsedGrid(context: Excel.RequestContext, sheet: Excel.Worksheet, budget = READ_RESPONSE_BUDGET): Promise<UsedGrid | undefined> {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  if (used.isNullObject) return undefined;
  const cols = Math.max(1, used.columnCount);
  const maxRows = Math.max(1, Math.floor(READ_MAX_CELLS / cols));
  let rows = Math.min(maxRows, FIRST_SLICE_ROWS);
  let widestRow = 0;
  const values: CellValue[][] = [];
  for (let r = 0; r < used.rowCount; ) {
    const n = Math.min(rows, used.rowCount - r);
    const part = sheet.getRangeByIndexes(used.rowIndex + r, used.columnIndex, n, used.columnCount);
    part.load('values');
    try {
      await context.sync();
    } catch (e) {
      if (isResponseTooLarge(e) && n > 1) {
        rows = Math.max(1, Math.floor(n / 2));
        continue;
      }
      throw e;
    }
    for (const row of part.values as CellValue[][]) {
      widestRow = Math.max(widestRow, utf8.encode(JSON.stringify(row)).length + 1);
      values.push(row);
    }
    r += n;
    rows = Math.max(1, Math.min(maxRows, Math.floor(budget / Math.max(1, widestRow * 1.25))));
  }
  return { grid: padColumns(values, used.columnIndex), firstRow: used.rowIndex + 1 };
}

/** Used ranges of the named sheets; missing or empty sheets are skipped. */
export async function loadSheets(context: Excel.RequestContext, names: readonly string[]): Promise<LoadedSheet[]> {
  const sheets = names.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load('name,id');
    return ws;
  });
  await context.sync();
  const out: LoadedSheet[] = [];
  for (const ws of sheets) {
    if (ws.isNullObject) continue;
    const used = await readUsedGrid(context, ws);
    if (used) out.push({ id: ws.id, name: ws.name, ...used });
  }
  return out;
}

/**
 * Finds the roster: the preferred sheet if it has a roster header, else the first
 * sheet (in tab order, other than 培训记录 and 汇总表) whose header the reader finds.
 */
export async function readRosterWorkbook(context: Excel.RequestContext, preferred?: string): Promise<WorkbookRead | undefined> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  // _ce_ledger: the add-in's own hidden record sheet (taskpane/ledger.ts), never a roster
  const names = sheets.items.map((s) => s.name).filter((n) => n !== RECORDS_SHEET && n !== SUMMARY_SHEET && n !== '_ce_ledger');
  const order = preferred && names.includes(preferred) ? [preferred, ...names.filter((n) => n !== preferred)] : names;
  // one sheet at a time, stopping at the first roster: a big workbook is not read whole
  const recordsSheet = (await loadSheets(context, [RECORDS_SHEET]))[0];
  for (const name of order) {
    const sheet = (await loadSheets(context, [name]))[0];
    if (!sheet) continue;
    const read = readWorkbook({
      roster: sheet.grid,
      sheetName: sheet.name,
      firstRow: sheet.firstRow,
      records: recordsSheet?.grid,
      recordsSheetName: recordsSheet?.name,
      recordsFirstRow: recordsSheet?.firstRow,
    });
    if (read.roster.headerRow > 0) return { ...read, rosterSheet: sheet, recordsSheet };
  }
  return undefined;
}
