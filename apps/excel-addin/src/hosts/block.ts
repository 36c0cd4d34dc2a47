/**
 * The annotation block as the hosts that write it themselves (the file host, the WPS host)
 * share it: where it goes, and what the pane gets back once it is written.
 *
 * Where: right of everything the clerk has on the roster's rows, so that neither the
 * download nor the workbook loses a cell of theirs, and not in a column they hid, where
 * the results would be written but not seen. (The Office.js host asks Excel instead and
 * refuses when the cells are taken: taskpane/annotate.ts.)
 */
import { columnLetter, type Cell, type MergedArea } from '@ce/roster';
import type { EvaluationResult } from '@ce/rules';
import { errorsText } from '../core/check.js';
import type { ReadWorkbook } from '../core/check.js';
import { COLUMN_COUNT, countByStatus, type AnnotateSuccess } from '../taskpane/annotate.js';

/** The rows a host has read: grid[0] is 1-based sheet row `firstRow`, column 0 is column A. */
export interface PlacedSheet {
  grid: readonly (readonly Cell[])[];
  firstRow: number;
  /** merged areas, 0-based and inclusive (the shape @ce/roster reads); hosts convert theirs */
  merges: readonly MergedArea[];
  /** whether the clerk hid this 0-based column; omitted: none is hidden */
  isHiddenColumn?: (c0: number) => boolean;
}

/** empty as the spreadsheet has it: a space is the clerk's, not room for the add-in */
const isEmpty = (v: Cell): boolean => v === null || v === undefined || v === '';

/**
 * The first 0-based column from `from` on where the block's COLUMN_COUNT columns meet
 * only empty, unmerged cells on sheet rows headerRow0…lastRow0 (0-based, header included)
 * and no hidden column.
 */
export function freeColumn(sheet: PlacedSheet, headerRow0: number, lastRow0: number, from: number): number {
  let c = from;
  // past the last non-empty cell of each row
  for (let r0 = headerRow0; r0 <= lastRow0; r0++) {
    const row = sheet.grid[r0 - (sheet.firstRow - 1)] ?? [];
    for (let k = row.length - 1; k >= c; k--) {
      if (!isEmpty(row[k])) {
        c = k + 1;
        break;
      }
    }
  }
  // past every merged area that touches those rows at or right of c
  for (const m of sheet.merges) {
    if (m.s.r <= lastRow0 && m.e.r >= headerRow0 && m.e.c >= c) c = Math.max(c, m.e.c + 1);
  }
  // everything from c on is empty there now: step past hidden columns until the block sees none
  const hidden = sheet.isHiddenColumn;
  if (hidden) {
    for (let k = c; k < c + COLUMN_COUNT; k++) if (hidden(k)) c = k + 1;
  }
  return c;
}

/** The file host's merge shape (top-left and size) as the one above. */
export function mergedArea(r: { r0: number; c0: number; rows: number; cols: number }): MergedArea {
  return { s: { r: r.r0, c: r.c0 }, e: { r: r.r0 + r.rows - 1, c: r.c0 + r.cols - 1 } };
}

/** A1 address of the block: its header row `headerRow0` (0-based) and `rows` rows from there, header included. */
export function blockAddress(headerRow0: number, startCol: number, rows: number): string {
  return `${columnLetter(startCol)}${headerRow0 + 1}:${columnLetter(startCol + COLUMN_COUNT - 1)}${headerRow0 + rows}`;
}

/** What the pane gets from a host that has written the block (`rows` counts the header row). */
export function blockWritten(w: {
  sheetName: string;
  headerRow0: number;
  startCol: number;
  rows: number;
  results: EvaluationResult[];
  read: ReadWorkbook;
  unmatchedRecords: number;
  syncs: number;
}): AnnotateSuccess {
  const { sheetName, results, read, unmatchedRecords, syncs } = w;
  return {
    ok: true,
    sheetName,
    address: blockAddress(w.headerRow0, w.startCol, w.rows),
    results,
    read,
    counts: countByStatus(results),
    invalid: results.filter((r) => r.status === 'invalid').map((r) => ({ row: r.row, name: r.name, message: errorsText(r) })),
    unmatchedRecords,
    syncs,
  };
}
