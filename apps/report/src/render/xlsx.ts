/**
 * The annotated workbook: the roster as given (every original cell, same
 * rows), five annotation columns to its right, and a 汇总 sheet. Text that
 * looks like a formula (=, +, -, @) is written as text, never as a formula.
 */
import ExcelJS from 'exceljs';
import { STATUS_LABELS } from '@ce/rules';
import type { EvaluationResult } from '@ce/rules';
import { fmtHours, fmtYuan, maskId, STATUS_ORDER, zhDate } from '@ce/summary';
import type { SummaryModel } from '@ce/summary';
import { explainShort } from '../table.js';

export interface XlsxInput {
  model: SummaryModel;
  /** the roster grid as loaded; grid[0] is sheet row `firstRow` */
  sheetName: string;
  grid: readonly (readonly unknown[])[];
  firstRow: number;
  /** 1-based sheet row of the header */
  headerRow: number;
  /** 0-based index of the roster's last used column */
  lastColumnIndex: number;
  results: readonly EvaluationResult[];
  /** 0-based roster columns holding ID numbers: masked (first 6, last 4) in the copy unless showId */
  idColumns?: readonly number[];
  showId?: boolean;
}

export const ANNOTATION_HEADERS = ['状态', '缺少学时', '缺公需', '缺专业', '说明'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value for ExcelJS that can never become a formula. */
export function safeValue(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  return String(v);
}

function setCell(cell: ExcelJS.Cell, v: unknown): void {
  const value = safeValue(v);
  cell.value = value;
  if (typeof value === 'string' && FORMULA_START.test(value)) {
    // Mark as text so that editing the cell in Excel does not turn it into a formula.
    cell.numFmt = '@';
    (cell.style as { quotePrefix?: boolean }).quotePrefix = true;
  } else if (value instanceof Date) {
    cell.numFmt = 'yyyy-mm-dd';
  }
}

const SHEET_NAME_BAD = /[\\/?*[\]:]/g;

function sheetName(name: string, taken: Set<string>): string {
  let base = name.replace(SHEET_NAME_BAD, '_').slice(0, 31) || '花名册';
  if (base === '汇总') base = '花名册';
  let n = base;
  for (let i = 2; taken.has(n); i++) n = `${base.slice(0, 28)}(${i})`;
  taken.add(n);
  return n;
}

const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
const STATUS_FILL: Record<string, string> = {
  compliant: 'FFE8F5E9',
  'non-compliant': 'FFFFEBEE',
  exempt: 'FFE3F2FD',
  'not-restrictive': 'FFFFF3E0',
  invalid: 'FFF3E5F5',
};
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBBBBBB' } },
  left: { style: 'thin', color: { argb: 'FFBBBBBB' } },
  bottom: { style: 'thin', color: { argb: 'FFBBBBBB' } },
  right: { style: 'thin', color: { argb: 'FFBBBBBB' } },
};

function a4(ws: ExcelJS.Worksheet, landscape: boolean, titleRow?: number): void {
  ws.pageSetup.paperSize = 9; // A4
  ws.pageSetup.orientation = landscape ? 'landscape' : 'portrait';
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0;
  ws.pageSetup.margins = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
  if (titleRow) ws.pageSetup.printTitlesRow = `${titleRow}:${titleRow}`;
  ws.headerFooter.oddFooter = '&C第 &P 页 / 共 &N 页';
}

function rosterSheet(wb: ExcelJS.Workbook, input: XlsxInput, taken: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(input.sheetName, taken));
  const width = Math.max(input.lastColumnIndex + 1, ...input.grid.map((r) => r.length));
  const mask = new Set(input.showId ? [] : (input.idColumns ?? []));
  input.grid.forEach((cells, i) => {
    const sheetRow = input.firstRow + i;
    const row = ws.getRow(sheetRow);
    cells.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      const masked = mask.has(c) && sheetRow > input.headerRow ? maskId(String(v)) : v;
      setCell(row.getCell(c + 1), masked);
    });
  });
  const first = width + 1;
  const head = ws.getRow(input.headerRow);
  ANNOTATION_HEADERS.forEach((h, k) => {
    const cell = head.getCell(first + k);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
    cell.border = THIN;
  });
  for (const r of input.results) {
    const row = ws.getRow(r.row);
    const label = STATUS_LABELS[r.status].zh;
    const m = r.missing;
    const values: unknown[] = [label, m ? m.total : null, m ? m.public : null, m ? m.professional : null, explainShort(r)];
    values.forEach((v, k) => {
      const cell = row.getCell(first + k);
      setCell(cell, v);
      cell.border = THIN;
      if (k === 0) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[r.status] ?? 'FFFFFFFF' } };
    });
  }
  for (let k = 0; k < ANNOTATION_HEADERS.length; k++) ws.getColumn(first + k).width = k === 4 ? 48 : 10;
  ws.views = [{ state: 'frozen', ySplit: input.headerRow, xSplit: 0 }];
  a4(ws, true, input.headerRow);
}

function summarySheet(wb: ExcelJS.Workbook, model: SummaryModel, taken: Set<string>): void {
  taken.add('汇总');
  const ws = wb.addWorksheet('汇总');
  const cols = 11;
  ws.columns = [24, 22, 12, 20, 10, 10, 10, 10, 26, 48, 12].map((w) => ({ width: w }));
  let r = 1;
  const put = (values: unknown[], style?: { bold?: boolean; head?: boolean; size?: number }) => {
    const row = ws.getRow(r++);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      setCell(cell, v);
      if (style?.bold || style?.head) cell.font = { bold: true, size: style.size ?? 11 };
      if (style?.head) {
        cell.fill = HEAD_FILL;
      }
      if (style?.head || style?.bold === false) cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    return row;
  };
  ws.mergeCells(1, 1, 1, cols);
  put([model.title], { bold: true, size: 15 });
  ws.getRow(1).getCell(1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, cols);
  put([model.basis]);
  ws.mergeCells(3, 1, 3, cols);
  put([model.subtitle]);
  const facts: string[] = [];
  if (model.window) facts.push(model.window.text + `（${model.window.key}）`);
  if (model.deadline) facts.push(model.deadline.text + `（${model.deadline.key}）`);
  if (model.fees) facts.push(`补学费用：${model.fees.basis}；缺少学时合计约 ${fmtYuan(model.fees.total.total)} 元（${model.fees.key}）`);
  for (const f of facts) {
    ws.mergeCells(r, 1, r, cols);
    put([f]);
  }
  r++;
  const section = (title: string) => {
    ws.mergeCells(r, 1, r, cols);
    put([title], { bold: true });
  };
  section('一、总体情况');
  put(['总人数', ...STATUS_ORDER.map((s) => model.statusLabels[s]), '缺少学时', '缺公需', '缺专业'], { head: true });
  const t = model.totals;
  put([t.people, ...STATUS_ORDER.map((s) => t.counts[s]), t.missing.total, t.missing.public, t.missing.professional], { bold: false });
  r++;
  section('二、各单位情况');
  const fees = model.fees !== undefined;
  put(['工作单位', '人数', ...STATUS_ORDER.map((s) => model.statusLabels[s]), '缺少学时', ...(fees ? ['补学费用(元)'] : [])], { head: true });
  const money = (row: ExcelJS.Row, col: number) => {
    row.getCell(col).numFmt = '0.00';
  };
  const moneyCol = 2 + STATUS_ORDER.length + 2;
  for (const u of model.units) {
    const ur = put([u.unit, u.people, ...STATUS_ORDER.map((s) => u.counts[s]), u.missing.total, ...(fees ? [u.cost ?? 0] : [])], { bold: false });
    if (fees) money(ur, moneyCol);
  }
  const tr = put(['合计', t.people, ...STATUS_ORDER.map((s) => t.counts[s]), t.missing.total, ...(fees ? [model.fees!.total.total] : [])], { head: true });
  if (fees) money(tr, moneyCol);
  r++;
  section(`三、未达标人员名单（${model.shortfalls.length} 人）`);
  const listHead = r;
  put(['行号', '单位', '姓名', '身份证号', '状态', '缺少学时', '缺公需', '缺专业', '各年度缺口', '原因与依据', ...(fees ? ['费用(元)'] : [])], { head: true });
  for (const s of model.shortfalls) {
    const years = s.years
      .filter((y) => y.short.public > 0 || y.short.professional > 0)
      .map((y) => `${y.year}：${[y.short.public > 0 ? `公需缺 ${fmtHours(y.short.public)}` : '', y.short.professional > 0 ? `专业缺 ${fmtHours(y.short.professional)}` : ''].filter(Boolean).join('，')}`)
      .join('\n');
    const why = s.reasons.map((x) => (x.kind === 'rule' ? `依据 ${x.key}` : `${x.text}（${x.key}）`)).join('\n');
    const sr = put([s.row, s.unit, s.name, s.id, s.statusLabel, s.missing.total, s.missing.public, s.missing.professional, years, why, ...(fees ? [s.cost?.total ?? 0] : [])], { bold: false });
    if (fees) money(sr, 11);
  }
  r++;
  section(`四、数据有误需修改的行（${model.invalid.length} 行）`);
  put(['行号', '姓名', '身份证号', '单元格', '列名', '当前值', '需修改'], { head: true });
  for (const v of model.invalid) {
    for (const f of v.fixes) put([v.row, v.name, v.id, f.cell ?? '', f.header ?? '', f.value ?? '', f.message], { bold: false });
  }
  r++;
  for (const n of model.notes) {
    ws.mergeCells(r, 1, r, cols);
    put([n]);
  }
  ws.mergeCells(r, 1, r, cols);
  put([`制表日期：${zhDate(model.generatedOn)}`]);
  a4(ws, true, listHead);
}

export async function renderXlsx(input: XlsxInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ce-report';
  wb.created = new Date(Date.UTC(input.model.generatedOn.year, input.model.generatedOn.month - 1, input.model.generatedOn.day));
  const taken = new Set<string>(['汇总']);
  rosterSheet(wb, input, taken);
  taken.delete('汇总');
  summarySheet(wb, input.model, taken);
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}
