/**
 * 下载标注后的花名册: the clerk's own workbook with the five annotation columns added.
 *
 * For an .xlsx the ORIGINAL bytes are loaded with ExcelJS and only the annotation cells
 * are added, so values, formulas, styles, number formats, merges, column widths, hidden
 * rows/columns and the other sheets are written back as they were (SheetJS community
 * edition would drop the styles). ExcelJS does not keep charts, pivot tables or
 * sparklines; a workbook with those still downloads, without them (said in the README).
 * For a .csv or .xls the download is a new .xlsx of the sheet values plus the columns.
 */
import ExcelJS from 'exceljs';
import type { Status } from '@ce/rules';
import type { CellValue } from '../../core/workbook.js';
import { COLUMN_COUNT, HEADER_FILL, STATUS_FILL } from '../../taskpane/annotate.js';
import type { FileBook, FileSheet } from './load.js';

export interface SheetAnnotation {
  sheetId: string;
  sheetName: string;
  /** 0-based sheet row of the header cells */
  headerRow0: number;
  /** 0-based first annotation column */
  startCol: number;
  /** header row first, then one row per sheet row below it */
  rows: CellValue[][];
  /** status of each data row (undefined: a row with no person) */
  statuses: (Status | undefined)[];
}

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });
/** widths (characters) of the five new columns */
const WIDTHS = [10, 10, 8, 8, 60];

function writeAnnotation(ws: ExcelJS.Worksheet, a: SheetAnnotation): void {
  a.rows.forEach((row, i) => {
    const r = ws.getRow(a.headerRow0 + 1 + i);
    row.forEach((v, c) => {
      if (v === '' && i > 0) return;
      const cell = r.getCell(a.startCol + 1 + c);
      cell.value = v;
      if (i === 0) {
        cell.font = { bold: true };
        cell.fill = solid(HEADER_FILL);
      } else if (c === 0) {
        const s = a.statuses[i - 1];
        if (s) cell.fill = solid(STATUS_FILL[s]);
      } else if (c === COLUMN_COUNT - 1) {
        cell.alignment = { wrapText: true, vertical: 'top' };
      }
    });
  });
  for (let c = 0; c < COLUMN_COUNT; c++) {
    const col = ws.getColumn(a.startCol + 1 + c);
    // a width the clerk set on an empty column is kept
    if (!col.width) col.width = WIDTHS[c];
  }
}

function valueForExcel(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' && v.startsWith('=')) return v; // an uncached formula as the reader saw it: keep as text
  return v as ExcelJS.CellValue;
}

function sheetFromGrid(wb: ExcelJS.Workbook, s: FileSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(s.name);
  s.grid.forEach((row, i) => {
    const r = ws.getRow(s.firstRow + i);
    row.forEach((v, c) => {
      const x = valueForExcel(v);
      if (x !== null) r.getCell(c + 1).value = x;
    });
  });
  for (const m of s.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r0 + m.rows, m.c0 + m.cols);
  for (const r of s.hiddenRows) ws.getRow(r + 1).hidden = true;
  for (const c of s.hiddenCols) ws.getColumn(c + 1).hidden = true;
  return ws;
}

/** The annotated workbook as .xlsx bytes. */
export async function annotatedWorkbook(book: FileBook, annotations: readonly SheetAnnotation[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (book.kind === 'xlsx') {
    await wb.xlsx.load(book.bytes as unknown as ExcelJS.Buffer);
  } else {
    for (const s of book.sheets) sheetFromGrid(wb, s);
  }
  for (const a of annotations) {
    const ws = wb.getWorksheet(a.sheetName);
    if (!ws) throw new Error(`工作表“${a.sheetName}”不在工作簿中`);
    writeAnnotation(ws, a);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A new workbook of rows (the summary sheet), bold/header rows marked. */
export async function rowsWorkbook(
  name: string,
  rows: readonly CellValue[][],
  opts: { bold?: readonly number[]; headerRows?: readonly number[]; widths?: readonly number[] } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  rows.forEach((row, i) => {
    const r = ws.getRow(i + 1);
    row.forEach((v, c) => {
      if (v !== '') r.getCell(c + 1).value = v;
    });
  });
  for (const i of opts.bold ?? []) ws.getRow(i + 1).font = { bold: true };
  for (const i of opts.headerRows ?? []) ws.getRow(i + 1).eachCell((c) => (c.fill = solid(HEADER_FILL)));
  (opts.widths ?? []).forEach((w, c) => (ws.getColumn(c + 1).width = w));
  ws.headerFooter.oddFooter = '&C第 &P 页，共 &N 页';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
