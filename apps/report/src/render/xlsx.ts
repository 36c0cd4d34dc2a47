/**
 * The annotated workbook: the roster as given (every original cell, same
 * rows), five annotation columns to its right, and a 汇总 sheet. Text that
 * looks like a formula (=, +, -, @) is written as text, never as a formula.
 *
 * Written with exceljs's streaming writer: each row is committed (serialised
 * and zipped) as soon as it is complete, so a 100k-row roster is never held as
 * cell objects. Cells share a few frozen style objects, which exceljs's style
 * table recognises by identity instead of hashing a new style per cell.
 */
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { STATUS_LABELS } from '@ce/rules';
import type { EvaluationResult } from '@ce/rules';
import { fmtYuan, maskId, STATUS_ORDER, yearGapLines, zhDate } from '@ce/summary';
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

type Style = Partial<ExcelJS.Style>;
/** Style objects are shared between cells (exceljs caches the style id per object): never mutate one. */
const styleCache = new Map<string, Style>();
function style(key: string, make: () => Style): Style {
  let st = styleCache.get(key);
  if (!st) styleCache.set(key, (st = make()));
  return st;
}
const PLAIN: Style = {};

/** Set a value that can never become a formula, with `base` plus the text or date format it needs. */
function setCell(cell: ExcelJS.Cell, v: unknown, base: Style = PLAIN, key = ''): void {
  const value = safeValue(v);
  cell.value = value;
  if (typeof value === 'string' && FORMULA_START.test(value)) {
    // Mark as text so that editing the cell in Excel does not turn it into a formula.
    cell.style = style(`text|${key}`, () => ({ ...base, numFmt: '@', quotePrefix: true }) as Style);
  } else if (value instanceof Date) {
    cell.style = style(`date|${key}`, () => ({ ...base, numFmt: 'yyyy-mm-dd' }));
  } else cell.style = base;
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

function a4(landscape: boolean, titleRow?: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRow ? { printTitlesRow: `${titleRow}:${titleRow}` } : {}),
  };
}
const FOOTER: Partial<ExcelJS.HeaderFooter> = { oddFooter: '&C第 &P 页 / 共 &N 页' };

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;
type Sheet = ExcelJS.Worksheet;

/** 0-based column index → A, B, …, Z, AA, … */
function colName(c: number): string {
  let n = c + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** exceljs internals used by RawRows (exceljs 4.4 streaming writer). */
interface WriterInternals {
  sharedStrings: { add(s: string): number };
  styles: { addStyleModel(style: Style, cellType: number): number };
}
interface SheetInternals {
  startedData: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _write(text: string): void;
}
const VALUE_TYPE = { Number: 2, String: 3, Date: 4, Boolean: 9 } as const; // ExcelJS.ValueType

/**
 * Rows written as XML into a streaming worksheet, cells the way exceljs writes
 * them (shared strings, style ids from its style table), in batches.
 */
class RawRows {
  private buf = '';
  private n = 0;
  private readonly w: WriterInternals;
  private readonly s: SheetInternals;
  constructor(wb: Writer, ws: Sheet) {
    this.w = wb as unknown as WriterInternals;
    this.s = ws as unknown as SheetInternals;
  }
  /** ` s="N"` per style and value type, asked of exceljs's style table once */
  private readonly sids = new Map<Style, string[]>();
  private sid(st: Style, type: number): string {
    if (st === PLAIN) return '';
    let byType = this.sids.get(st);
    if (!byType) this.sids.set(st, (byType = []));
    return (byType[type] ??= ` s="${this.w.styles.addStyleModel(st, type)}"`);
  }
  /** One cell (same rules as setCell: never a formula, =+-@ text as text). */
  cell(ref: string, v: unknown, base: Style, key: string): string {
    const value = safeValue(v);
    if (value === null) return base === PLAIN ? '' : `<c r="${ref}"${this.sid(base, VALUE_TYPE.String)}/>`;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return this.cell(ref, String(value), base, key);
      return `<c r="${ref}"${this.sid(base, VALUE_TYPE.Number)}><v>${value}</v></c>`;
    }
    if (typeof value === 'boolean') return `<c r="${ref}"${this.sid(base, VALUE_TYPE.Boolean)} t="b"><v>${value ? 1 : 0}</v></c>`;
    if (value instanceof Date) {
      const st = style(`date|${key}`, () => ({ ...base, numFmt: 'yyyy-mm-dd' }));
      return `<c r="${ref}"${this.sid(st, VALUE_TYPE.Date)}><v>${25569 + value.getTime() / 86_400_000}</v></c>`;
    }
    const str = typeof value === 'string' ? value : String(value as unknown);
    const st = FORMULA_START.test(str) ? style(`text|${key}`, () => ({ ...base, numFmt: '@', quotePrefix: true }) as Style) : base;
    return `<c r="${ref}"${this.sid(st, VALUE_TYPE.String)} t="s"><v>${this.w.sharedStrings.add(str)}</v></c>`;
  }
  /** An unstyled cell (most of the roster copy): numbers and ordinary text without the general path. */
  plainCell(ref: string, v: unknown): string {
    if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"><v>${v}</v></c>`;
    if (typeof v === 'string' && !FORMULA_START.test(v)) return `<c r="${ref}" t="s"><v>${this.w.sharedStrings.add(v)}</v></c>`;
    return this.cell(ref, v, PLAIN, '');
  }
  row(r: number, cellsXml: string): void {
    this.buf += `<row r="${r}">${cellsXml}</row>`;
    if (++this.n >= 500) this.flush();
  }
  flush(): void {
    if (!this.s.startedData) {
      this.s._writeColumns();
      this.s._writeOpenSheetData();
      this.s.startedData = true;
    }
    if (this.buf !== '') this.s._write(this.buf);
    this.buf = '';
    this.n = 0;
  }
}

async function rosterSheet(wb: Writer, input: XlsxInput, taken: Set<string>): Promise<void> {
  let width = input.lastColumnIndex + 1;
  for (const r of input.grid) if (r.length > width) width = r.length;
  const ws = wb.addWorksheet(sheetName(input.sheetName, taken), {
    pageSetup: a4(true, input.headerRow),
    headerFooter: FOOTER,
    views: [{ state: 'frozen', ySplit: input.headerRow, xSplit: 0 }],
  }) as unknown as Sheet;
  const mask = new Set(input.showId ? [] : (input.idColumns ?? []));
  const first = width + 1;
  for (let k = 0; k < ANNOTATION_HEADERS.length; k++) ws.getColumn(first + k).width = k === 4 ? 48 : 10;
  const headStyle = style('annot-head', () => ({ font: { bold: true }, fill: HEAD_FILL, border: THIN }));
  const border = style('border', () => ({ border: THIN }));
  const statusStyles = new Map<string, Style>();
  const statusStyle = (status: string) => {
    let st = statusStyles.get(status);
    if (!st) {
      st = style(`status|${status}`, () => ({ border: THIN, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[status] ?? 'FFFFFFFF' } } }));
      statusStyles.set(status, st);
    }
    return st;
  };
  const byRow = new Map<number, EvaluationResult>();
  let last = input.firstRow + input.grid.length - 1;
  for (const r of input.results) {
    byRow.set(r.row, r);
    if (r.row > last) last = r.row;
  }
  if (input.headerRow > last) last = input.headerRow;
  // The roster rows are serialised here, not through exceljs Row/Cell objects (about
  // 25 cells a row, 100k rows): the same XML exceljs writes, with its shared-string
  // table and its style ids, straight into the sheet's stream.
  const raw = new RawRows(wb, ws);
  const cols: string[] = [];
  const col = (c: number) => (cols[c] ??= colName(c));
  for (let sheetRow = Math.min(input.firstRow, input.headerRow); sheetRow <= last; sheetRow++) {
    const cells = input.grid[sheetRow - input.firstRow];
    const res = byRow.get(sheetRow);
    const head = sheetRow === input.headerRow;
    if (!cells && !res && !head) continue;
    let xml = '';
    if (cells) {
      const rowText = String(sheetRow);
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (v === null || v === undefined || v === '') continue;
        const masked = mask.has(c) && sheetRow > input.headerRow ? maskId(String(v)) : v;
        xml += raw.plainCell(col(c) + rowText, masked);
      }
    }
    if (head) ANNOTATION_HEADERS.forEach((h, k) => (xml += raw.cell(`${col(first - 1 + k)}${sheetRow}`, h, headStyle, 'annot-head')));
    if (res) {
      const label = STATUS_LABELS[res.status].zh;
      const m = res.missing;
      xml += raw.cell(`${col(first - 1)}${sheetRow}`, label, statusStyle(res.status), res.status);
      xml += raw.cell(`${col(first)}${sheetRow}`, m ? m.total : null, border, 'border');
      xml += raw.cell(`${col(first + 1)}${sheetRow}`, m ? m.public : null, border, 'border');
      xml += raw.cell(`${col(first + 2)}${sheetRow}`, m ? m.professional : null, border, 'border');
      xml += raw.cell(`${col(first + 3)}${sheetRow}`, explainShort(res), border, 'border');
    }
    if (xml !== '') raw.row(sheetRow, xml);
    // let the zip stream compress what is written so far instead of buffering the whole sheet
    if (sheetRow % 2000 === 0) {
      raw.flush();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  raw.flush();
  (ws as unknown as { commit(): void }).commit();
}

function summarySheet(wb: Writer, model: SummaryModel, listHeadRow: (r: number) => void): Sheet {
  const ws = wb.addWorksheet('汇总', { headerFooter: FOOTER, pageSetup: a4(true) }) as unknown as Sheet;
  const cols = 11;
  ws.columns = [24, 22, 12, 20, 10, 10, 10, 10, 26, 48, 12].map((w) => ({ width: w }));
  let r = 1;
  let pending: ExcelJS.Row | undefined;
  type PutOptions = { bold?: boolean; head?: boolean; size?: number; center?: boolean; moneyCol?: number };
  const styleOf = (opt: PutOptions | undefined, i: number) => {
    const bold = opt?.bold === true || opt?.head === true;
    const head = opt?.head === true;
    const border = head || opt?.bold === false;
    const money = opt?.moneyCol === i + 1;
    const key = `sum|${bold ? 1 : 0}${head ? 1 : 0}|${opt?.size ?? 11}|${border ? 1 : 0}|${opt?.center ? 1 : 0}|${money ? 1 : 0}`;
    const base = style(key, () => ({
      ...(bold ? { font: { bold: true, size: opt?.size ?? 11 } } : {}),
      ...(head ? { fill: HEAD_FILL } : {}),
      ...(border ? { border: THIN } : {}),
      ...(money ? { numFmt: '0.00' } : {}),
      alignment: opt?.center ? { horizontal: 'center' } : { vertical: 'top', wrapText: true },
    }));
    return { key, base };
  };
  // The long lists (one row a person) are written as raw rows, like the roster copy.
  const raw = new RawRows(wb, ws);
  const cols11: string[] = [];
  // a list's rows all share one PutOptions: its per-column styles are worked out once
  const listStyles = new Map<PutOptions, { key: string; base: Style }[]>();
  const putRaw = (values: unknown[], opt: PutOptions) => {
    if (pending) {
      pending.commit();
      pending = undefined;
    }
    let styles = listStyles.get(opt);
    if (!styles) listStyles.set(opt, (styles = []));
    let xml = '';
    for (let i = 0; i < values.length; i++) {
      const { key, base } = (styles[i] ??= styleOf(opt, i));
      xml += raw.cell(`${(cols11[i] ??= colName(i))}${r}`, values[i], base, key);
    }
    raw.row(r++, xml);
  };
  const endRaw = () => {
    if (pending) {
      pending.commit();
      pending = undefined;
    }
    raw.flush();
    // exceljs counts rows from the next uncommitted one
    (ws as unknown as { _rowZero: number })._rowZero = r;
  };
  const put = (values: unknown[], opt?: PutOptions) => {
    pending?.commit();
    const row = ws.getRow(r++);
    pending = row;
    values.forEach((v, i) => {
      const { key, base } = styleOf(opt, i);
      setCell(row.getCell(i + 1), v, base, key);
    });
    return row;
  };
  ws.mergeCells(1, 1, 1, cols);
  put([model.title], { bold: true, size: 15, center: true });
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
  const moneyCol = fees ? 2 + STATUS_ORDER.length + 2 : undefined;
  for (const u of model.units) {
    put([u.unit, u.people, ...STATUS_ORDER.map((s) => u.counts[s]), u.missing.total, ...(fees ? [u.cost ?? 0] : [])], { bold: false, moneyCol });
  }
  put(['合计', t.people, ...STATUS_ORDER.map((s) => t.counts[s]), t.missing.total, ...(fees ? [model.fees!.total.total] : [])], { head: true, moneyCol });
  r++;
  section(`三、未达标人员名单（${model.shortfalls.length} 人）`);
  listHeadRow(r);
  put(['行号', '单位', '姓名', '身份证号', '状态', '缺少学时', '缺公需', '缺专业', '各年度缺口', '原因与依据', ...(fees ? ['费用(元)'] : [])], { head: true });
  const shortfallRow: PutOptions = { bold: false, moneyCol: fees ? 11 : undefined };
  for (const s of model.shortfalls) {
    const years = yearGapLines(s.years).join('\n');
    const why = s.reasons.map((x) => (x.kind === 'rule' ? `依据 ${x.key}` : `${x.text}（${x.key}）`)).join('\n');
    putRaw([s.row, s.unit, s.name, s.id, s.statusLabel, s.missing.total, s.missing.public, s.missing.professional, years, why, ...(fees ? [s.cost?.total ?? 0] : [])], shortfallRow);
  }
  endRaw();
  r++;
  section(`四、数据有误需修改的行（${model.invalid.length} 行）`);
  put(['行号', '姓名', '身份证号', '单元格', '列名', '当前值', '需修改'], { head: true });
  const invalidRow: PutOptions = { bold: false };
  for (const v of model.invalid) {
    for (const f of v.fixes) putRaw([v.row, v.name, v.id, f.cell ?? '', f.header ?? '', f.value ?? '', f.message], invalidRow);
  }
  endRaw();
  r++;
  for (const n of model.notes) {
    ws.mergeCells(r, 1, r, cols);
    put([n]);
  }
  ws.mergeCells(r, 1, r, cols);
  put([`制表日期：${zhDate(model.generatedOn)}`]);
  return ws;
}

/** Write the annotated workbook to `path`, streaming row by row. */
export async function writeXlsx(input: XlsxInput, path: string): Promise<void> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.on('error', reject));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'ce-report';
  wb.created = new Date(Date.UTC(input.model.generatedOn.year, input.model.generatedOn.month - 1, input.model.generatedOn.day));
  const taken = new Set<string>(['汇总']);
  const write = async () => {
    await rosterSheet(wb, input, taken);
    // The print-title row of 汇总 is known once its list starts; it is written with the workbook's defined names.
    let listHead = 1;
    const ws = summarySheet(wb, input.model, (r) => (listHead = r));
    ws.pageSetup.printTitlesRow = `${listHead}:${listHead}`;
    (ws as unknown as { commit(): void }).commit();
    await wb.commit();
  };
  await Promise.race([write(), failed]);
}
