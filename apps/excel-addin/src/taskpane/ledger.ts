/**
 * What the add-in wrote, recorded in the workbook itself: a hidden sheet `_ce_ledger`
 * written in the same Excel.run as the annotation, so it is saved with the cells it
 * describes. Document settings (`ce.annotations`) are still written, but they are known
 * to fail to save or to persist (office-js #761, #6091, #5206); when the ledger sheet
 * exists it is the record, and settings are only read for workbooks annotated before
 * the ledger existed. The sheet is deleted when nothing is recorded any more, so a
 * cleared workbook is as it was.
 *
 * Layout: row 1 a Chinese note; then one row per annotated sheet: "annotation", the
 * sheet id, the AnnotationTrack as JSON.
 */
export const LEDGER_SHEET = '_ce_ledger';
const NOTE = '继续教育学时检查加载项的写入记录（请勿修改或删除；清除标注后自动删除）';
const KIND = 'annotation';

/** a record read back from a cell: only the shape the add-in writes */
function isTrack(v: unknown): v is { sheetId: string; headerRow: number; startCol: number; rows: number; headers: string[] } {
  const t = v as Record<string, unknown> | null;
  return (
    !!t &&
    typeof t.sheetId === 'string' &&
    Number.isInteger(t.headerRow) &&
    Number.isInteger(t.startCol) &&
    Number.isInteger(t.rows) &&
    Array.isArray(t.headers) &&
    t.headers.every((h) => typeof h === 'string')
  );
}

export interface LedgerRead<T> {
  exists: boolean;
  /** rows the sheet holds now (cleared before rewriting) */
  rows: number;
  tracks: Record<string, T>;
}

/** reads the ledger sheet; exists=false when the workbook has none */
export async function readLedger<T>(context: Excel.RequestContext): Promise<LedgerRead<T>> {
  const ws = context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET);
  ws.load('name');
  await context.sync();
  if (ws.isNullObject) return { exists: false, rows: 0, tracks: {} };
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,rowCount');
  await context.sync();
  const tracks: Record<string, T> = {};
  if (used.isNullObject) return { exists: true, rows: 0, tracks };
  const rowsNow = used.rowIndex + used.rowCount;
  for (const row of used.values as unknown[][]) {
    if (row[0] !== KIND || typeof row[2] !== 'string') continue;
    try {
      const t: unknown = JSON.parse(row[2]);
      if (isTrack(t) && t.sheetId === row[1]) tracks[t.sheetId] = t as T;
    } catch {
      // a cell someone edited: not a record the add-in can trust, so it is not one
    }
  }
  return { exists: true, rows: rowsNow, tracks };
}

/** queues the ledger's new content (the caller syncs): rewritten whole, deleted when empty */
export function queueLedger(context: Excel.RequestContext, before: { exists: boolean; rows: number }, tracks: Record<string, { sheetId: string }>): void {
  const exists = before.exists;
  const rows = Object.values(tracks).map((t) => [KIND, t.sheetId, JSON.stringify(t)]);
  const sheets = context.workbook.worksheets;
  if (rows.length === 0) {
    if (exists) sheets.getItem(LEDGER_SHEET).delete();
    return;
  }
  let ws: Excel.Worksheet;
  if (exists) {
    ws = sheets.getItem(LEDGER_SHEET);
    if (before.rows > 0) ws.getRangeByIndexes(0, 0, before.rows, 3).clear('Contents');
  } else {
    ws = sheets.add(LEDGER_SHEET);
    // hidden, not very hidden: IT can still unhide and read it
    ws.visibility = 'Hidden' as Excel.SheetVisibility;
  }
  ws.getRangeByIndexes(0, 0, 1, 3).values = [[NOTE, '', '']];
  ws.getRangeByIndexes(1, 0, rows.length, 3).values = rows;
}
