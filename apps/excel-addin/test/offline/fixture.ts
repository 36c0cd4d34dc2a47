/**
 * The clerk's workbook for a public case, as the tests hand it to the offline page:
 * the case roster (sheet 花名册) and its records (sheet 培训记录) with the things a
 * real roster has and the download must keep — header font/fill/borders, number
 * formats, column widths, a hidden row and column, a frozen header, and a third sheet
 * with a merged title, a formula and a date cell.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCsvBytes, parseCsv } from '@ce/files';
import { toExcelGrid } from '../helpers.js';

/** revision-3 public cases (beside the repository) */
export const CASES_R3 = fileURLToPath(new URL('../../../../../shared/cases-r3', import.meta.url));

export interface CaseR3 {
  file: string;
  policy: string;
  records?: string;
  asOf?: string;
  year?: number;
}

export function loadCasesR3(): CaseR3[] {
  return JSON.parse(readFileSync(join(CASES_R3, 'cases.json'), 'utf8')) as CaseR3[];
}

/** a case CSV read by the project's CSV reader */
export function csvGrid(file: string): string[][] {
  return parseCsv(decodeCsvBytes(readFileSync(join(CASES_R3, file)))) as string[][];
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

function fill(ws: ExcelJS.Worksheet, rows: (string | number | boolean)[][]): void {
  rows.forEach((row, i) => {
    const r = ws.getRow(i + 1);
    row.forEach((v, c) => {
      if (v !== '') r.getCell(c + 1).value = v;
    });
  });
}

export async function caseWorkbook(c: CaseR3): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet('花名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = toExcelGrid(csvGrid(c.file));
  fill(roster, rows);
  const header = rows[0]!;
  header.forEach((_, i) => {
    const cell = roster.getRow(1).getCell(i + 1);
    cell.font = { bold: true, name: '宋体', size: 11, color: { argb: 'FF1F3864' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { top: thin, bottom: thin, left: thin, right: thin };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    roster.getColumn(i + 1).width = /身份证/.test(String(header[i])) ? 22 : /学时/.test(String(header[i])) ? 9.5 : 12;
  });
  // hours as numbers with one decimal shown, as HR offices format them
  header.forEach((h, i) => {
    if (!/学时/.test(String(h))) return;
    for (let r = 2; r <= rows.length; r++) {
      const cell = roster.getRow(r).getCell(i + 1);
      if (typeof cell.value === 'number') cell.numFmt = '0.0';
    }
  });
  if (rows.length > 3) roster.getRow(3).hidden = true;
  const firstExpected = header.findIndex((h) => String(h).startsWith('期望'));
  if (firstExpected >= 0) roster.getColumn(firstExpected + 1).hidden = true;
  if (c.records) fill(wb.addWorksheet('培训记录'), toExcelGrid(csvGrid(c.records)));
  const notes = wb.addWorksheet('说明');
  notes.mergeCells('A1:D1');
  notes.getCell('A1').value = '填表说明（本表不参与检查）';
  notes.getCell('A1').font = { size: 14, bold: true };
  notes.getCell('A1').alignment = { horizontal: 'center' };
  notes.getCell('A2').value = 2;
  notes.getCell('B2').value = { formula: 'A2*3', result: 6 };
  notes.getCell('C2').value = new Date(Date.UTC(2024, 11, 31));
  notes.getCell('C2').numFmt = 'yyyy"年"m"月"d"日"';
  notes.getCell('D2').value = '隐藏列中的内容';
  notes.getColumn(4).hidden = true;
  notes.getRow(4).getCell(1).value = '隐藏行';
  notes.getRow(4).hidden = true;
  notes.getColumn(1).width = 30;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
