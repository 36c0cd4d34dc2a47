/**
 * A spreadsheet cell as every reader of this project gives it: numbers as
 * numbers, text as strings, date-formatted cells as Date at UTC midnight,
 * formulas as their cached result (`=FORMULA` when none is cached), errors as
 * the text Excel shows. No Node APIs: the offline page imports it too
 * (`@ce/files/cells`), so the page reads a cell exactly as the CLI does.
 */
import * as XLSX from '@e965/xlsx';
import type { Cell } from '@ce/roster';

const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Excel serial (1900 system) → Date at UTC; serial < 61 accounts for the 1900-02-29 bug. */
export function serialToUtcDate(serial: number, date1904: boolean): Date {
  if (date1904) return new Date(Date.UTC(1904, 0, 1) + Math.round(serial * 86_400_000));
  const adj = serial < 61 ? serial + 1 : serial;
  return new Date(EPOCH_1900 + Math.round(adj * 86_400_000));
}

/** BIFF error codes → the text Excel shows in the cell. */
export const EXCEL_ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

export function sheetjsValue(cell: XLSX.CellObject, date1904: boolean): Cell {
  const v = cell.v;
  // stub cells: empty-but-formatted, or a formula whose result was never cached
  if (cell.t === 'z') return cell.f ? `=${cell.f}` : null;
  if (v === undefined || v === null) {
    if (cell.f) return `=${cell.f}`; // formula without a cached result
    return null;
  }
  switch (cell.t) {
    case 'n': {
      if (typeof v === 'number' && cell.z !== undefined && XLSX.SSF.is_date(String(cell.z))) return serialToUtcDate(v, date1904);
      return v as number;
    }
    case 's':
      return String(v);
    case 'b':
      return Boolean(v);
    case 'd':
      return v instanceof Date ? v : String(v);
    case 'e':
      // with cellText off SheetJS gives only the BIFF error code; name it as Excel shows it
      return cell.w ?? (typeof v === 'number' ? EXCEL_ERRORS[v] : undefined) ?? '#ERROR';
    default:
      return typeof v === 'object' ? String(v) : (v as Cell);
  }
}

/** Whether a row holds a value (null, undefined and '' are empty). */
export function hasValue(row: readonly unknown[]): boolean {
  return row.some((c) => c !== null && c !== undefined && c !== '');
}

/** A grid without its trailing empty rows (formatting-only rows are common). */
export function trimGrid<G extends readonly (readonly unknown[] | undefined)[]>(grid: G): G {
  let end = grid.length;
  while (end > 0) {
    const row = grid[end - 1];
    if (row && hasValue(row)) break;
    end--;
  }
  return grid.length === end ? grid : (grid.slice(0, end) as unknown as G);
}
