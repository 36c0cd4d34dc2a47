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

/** Used ranges of the named sheets, in one sync. Missing or empty sheets are skipped. */
export async function loadSheets(context: Excel.RequestContext, names: readonly string[]): Promise<LoadedSheet[]> {
  const pending = names.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load('name,id');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('values,rowIndex,columnIndex');
    return { ws, used };
  });
  await context.sync();
  const out: LoadedSheet[] = [];
  for (const { ws, used } of pending) {
    if (ws.isNullObject || used.isNullObject) continue;
    out.push({ id: ws.id, name: ws.name, grid: padColumns(used.values as CellValue[][], used.columnIndex), firstRow: used.rowIndex + 1 });
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
  const names = sheets.items.map((s) => s.name).filter((n) => n !== RECORDS_SHEET && n !== SUMMARY_SHEET);
  const order = preferred && names.includes(preferred) ? [preferred, ...names.filter((n) => n !== preferred)] : names;
  const loaded = await loadSheets(context, [...order, RECORDS_SHEET]);
  const recordsSheet = loaded.find((s) => s.name === RECORDS_SHEET);
  for (const sheet of loaded) {
    if (sheet === recordsSheet) continue;
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
