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
import { daysLeftText, fmtYuan, maskId, placeLine, PlaceText, STATUS_ORDER, yearGapLines, zhDate } from '@ce/summary';
import type { ActionItem, Reason, ShortfallRow, SummaryModel } from '@ce/summary';
import { HTML_NOTICE_LIMIT, noticeClosingText } from './html.js';
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
  /** the clerk's hidden rows (0-based sheet rows: 0 = row 1) and columns (0 = A): they stay hidden in the copy */
  hiddenRows?: readonly number[];
  hiddenColumns?: readonly number[];
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
  row(r: number, cellsXml: string, hidden = false): void {
    this.buf += hidden ? `<row r="${r}" hidden="1">${cellsXml}</row>` : `<row r="${r}">${cellsXml}</row>`;
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

/** Display width of text in Excel's character units (CJK and full-width count 2). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Column widths for the roster copy, from its header and first 300 rows, so
 * that IDs (18 characters) and names are not cut off: at least 6, at most 40.
 */
function rosterWidths(input: XlsxInput, width: number): number[] {
  const out: number[] = [];
  const ids = new Set(input.idColumns ?? []);
  const from = Math.max(0, input.headerRow - input.firstRow);
  const rows = input.grid.slice(from, from + 300);
  for (let c = 0; c < width; c++) {
    let w = ids.has(c) ? 20 : 6;
    for (const r of rows) {
      const v = r[c];
      if (v === null || v === undefined || v === '') continue;
      w = Math.max(w, textWidth(v instanceof Date ? '2024-01-01' : String(v)) + 2);
    }
    out.push(Math.min(40, w));
  }
  return out;
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
  rosterWidths(input, width).forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const c of input.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  const hiddenRows = new Set((input.hiddenRows ?? []).map((r) => r + 1));
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
    if (xml !== '') raw.row(sheetRow, xml, hiddenRows.has(sheetRow));
    // let the zip stream compress what is written so far instead of buffering the whole sheet
    if (sheetRow % 2000 === 0) {
      raw.flush();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  raw.flush();
  (ws as unknown as { commit(): void }).commit();
}

const reasonLines = (rs: readonly Reason[]) => rs.map((x) => `${x.text}（${x.key}）`).join('\n');

/** Column widths (characters) of the 汇总 sheet: wide enough for a unit, a name and an 18-character ID. */
export const SUMMARY_WIDTHS = [26, 24, 12, 22, 12, 10, 10, 10, 10, 26, 48, 12] as const;

function summarySheet(wb: Writer, model: SummaryModel, listHeadRow: (r: number) => void): Sheet {
  const ws = wb.addWorksheet('汇总', { headerFooter: FOOTER, pageSetup: a4(true), views: [{ state: 'normal', tabSelected: true }] as never }) as unknown as Sheet;
  const cols = SUMMARY_WIDTHS.length;
  ws.columns = SUMMARY_WIDTHS.map((w) => ({ width: w }));
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
  const colNames: string[] = [];
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
      xml += raw.cell(`${(colNames[i] ??= colName(i))}${r}`, values[i], base, key);
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
  const line = (text: string, opt?: PutOptions) => {
    ws.mergeCells(r, 1, r, cols);
    put([text], opt);
  };
  line(model.title, { bold: true, size: 15, center: true });
  if (model.unit) line(`填报单位：${model.unit}`, { center: true });
  line(model.basis);
  line(model.subtitle);
  const facts: string[] = [];
  if (model.window) facts.push(model.window.text + `（${model.window.key}）`);
  if (model.fees) facts.push(`补学费用：${model.fees.basis}；${model.fees.complete ? `未达标人员可补学时的补学费用合计约 ${fmtYuan(model.fees.total)} 元` : `未达标人员的补学费用待确认（可补学时未知的人员未计入，已知部分约 ${fmtYuan(model.fees.total)} 元）`}（${model.fees.key}）`);
  if (model.platforms.length > 0) facts.push(`学习平台：${model.platforms.map(placeLine).join('；')}`);
  for (const f of [...facts, ...model.sources]) line(f);
  r++;
  const section = (title: string) => line(title, { bold: true });
  section('时间节点');
  if (model.deadlines.length === 0) line('本通知未规定时间节点。');
  else {
    put(['日期', '事项', '距制表日(天)', '条款'], { head: true });
    for (const d of model.deadlines) put([zhDate(d.date), d.label, d.daysLeft, d.key], { bold: false });
  }
  r++;
  section('一、总体情况');
  put(['总人数', ...STATUS_ORDER.map((s) => model.statusLabels[s]), '未达标缺少学时', '缺公需', '缺专业'], { head: true });
  const t = model.totals;
  put([t.people, ...STATUS_ORDER.map((s) => t.counts[s]), t.missing.total, t.missing.public, t.missing.professional], { bold: false });
  if (t.referenceMissing.total > 0) line(`另：不作限制人员缺少学时 ${t.referenceMissing.total}（仅供参考，不计入合计）。`);
  r++;
  section('二、各单位情况');
  const fees = model.fees !== undefined;
  put(['工作单位', '人数', ...STATUS_ORDER.map((s) => model.statusLabels[s]), '未达标缺少学时', ...(fees ? ['补学费用(元)'] : [])], { head: true });
  const moneyCol = fees ? 2 + STATUS_ORDER.length + 2 : undefined;
  for (const u of model.units) {
    put([u.unit, u.people, ...STATUS_ORDER.map((s) => u.counts[s]), u.missing.total, ...(fees ? [u.cost ?? 0] : [])], { bold: false, moneyCol });
  }
  put(['合计', t.people, ...STATUS_ORDER.map((s) => t.counts[s]), t.missing.total, ...(model.fees ? [model.fees.total] : [])], { head: true, moneyCol });
  r++;
  const personHead = (withFees: boolean) => ['行号', '单位', '姓名', '身份证号', '申报类型', '状态', '缺少学时', '缺公需', '缺专业', '各年度缺口', '原因与依据', ...(withFees ? ['补学费用(元)'] : [])];
  const personValues = (s: ShortfallRow, withFees: boolean) => [s.row, s.unit, s.name, s.id, s.purposeLabel, s.statusLabel, s.missing.total, s.missing.public, s.missing.professional, yearGapLines(s.years).join('\n'), reasonLines(s.reasons), ...(withFees ? [s.cost ?? null] : [])];
  section(`三、未达标人员名单（${model.shortfalls.length} 人）`);
  listHeadRow(r);
  put(personHead(fees), { head: true });
  const shortfallRow: PutOptions = { bold: false, moneyCol: fees ? 12 : undefined };
  for (const s of model.shortfalls) putRaw(personValues(s, fees), shortfallRow);
  endRaw();
  r++;
  section(`四、行动清单见“${ACTION_SHEET}”工作表（${model.actions.items.length} 人，须补学 ${model.actions.totals.mustAct} 人）；每人通知单见“${NOTICE_SHEET}”工作表（${model.notices.length} 份）`);
  r++;
  section(`五、不作限制人员名单（${model.notRestrictive.length} 人，学时仅供参考）`);
  put(personHead(false), { head: true });
  const plainRow: PutOptions = { bold: false };
  for (const s of model.notRestrictive) putRaw(personValues(s, false), plainRow);
  endRaw();
  r++;
  section(`六、免除人员名单（${model.exempt.length} 人）`);
  put(['行号', '单位', '姓名', '身份证号', '申报类型', '免除依据'], { head: true });
  for (const e of model.exempt) putRaw([e.row, e.unit, e.name, e.id, e.purposeLabel, reasonLines(e.reliefs)], plainRow);
  endRaw();
  r++;
  section(`七、数据有误需修改的行（${model.invalid.length} 行）`);
  put(['行号', '姓名', '身份证号', '单元格', '列名', '当前值', '需修改'], { head: true });
  for (const v of model.invalid) {
    for (const f of v.fixes) putRaw([v.row, v.name, v.id, f.cell ?? '', f.header ?? '', f.value ?? '', f.message], plainRow);
  }
  endRaw();
  r++;
  put(model.signature.flatMap((label) => [`${label}：`, '']), { bold: true });
  r++;
  for (const n of model.notes) line(n);
  line(`制表日期：${zhDate(model.generatedOn)}`);
  return ws;
}

export const ACTION_SHEET = '行动清单';
export const NOTICE_SHEET = '通知单';

/** Rows written as raw XML into a sheet that has no merged or exceljs-made rows. */
function rawSheet(wb: Writer, ws: Sheet) {
  const raw = new RawRows(wb, ws);
  const names: string[] = [];
  let r = 1;
  const bold = style('raw-bold', () => ({ font: { bold: true }, alignment: { vertical: 'top', wrapText: false } }));
  const title = style('raw-title', () => ({ font: { bold: true, size: 14 } }));
  const head = style('raw-head', () => ({ font: { bold: true }, fill: HEAD_FILL, border: THIN, alignment: { vertical: 'top', wrapText: true } }));
  const cell = style('raw-cell', () => ({ border: THIN, alignment: { vertical: 'top', wrapText: true } }));
  const text = style('raw-text', () => ({ alignment: { vertical: 'top', wrapText: true } }));
  const styles = { bold, title, head, cell, text } as const;
  return {
    get row() {
      return r;
    },
    put(values: unknown[], kind: keyof typeof styles = 'cell') {
      let xml = '';
      values.forEach((v, i) => (xml += raw.cell(`${(names[i] ??= colName(i))}${r}`, v, styles[kind], `raw-${kind}`)));
      raw.row(r++, xml);
    },
    skip() {
      r++;
    },
    end() {
      raw.flush();
      (ws as unknown as { commit(): void }).commit();
    },
  };
}

const ACTION_HEAD = ['单位', '姓名', '行号', '身份证号', '申报类型', '状态', '各年度缺口', '可补公需', '可补专业', '截止日期', '剩余天数', '学习平台', '补学费用(元)', '已无法补公需', '已无法补专业', '须完成', '说明'];

function actionValues(a: ActionItem, fees: boolean, places: PlaceText): unknown[] {
  const known = a.hasRemedy && !a.unknown;
  return [
    a.unit,
    a.name,
    a.row,
    a.id,
    a.purposeLabel,
    a.statusLabel,
    a.gaps.join('\n'),
    known ? (a.closable?.public ?? null) : '未知',
    known ? (a.closable?.professional ?? null) : '未知',
    a.by ? zhDate(a.by) : known ? '' : '按当地安排',
    a.daysLeft,
    places.of(a.where),
    fees ? (a.bound ? a.cost : '不计') : null,
    known ? (a.closed?.public ?? null) : null,
    known ? (a.closed?.professional ?? null) : null,
    a.todo.filter((t) => !t.startsWith('学习平台')).join('\n'),
    [...(a.bound ? [] : ['不作限制，仅供参考']), ...(a.summary ? [a.summary] : [])].join('\n'),
  ];
}

function actionSheet(wb: Writer, model: SummaryModel, taken: Set<string>, places: PlaceText): void {
  const ws = wb.addWorksheet(sheetName(ACTION_SHEET, taken), { headerFooter: FOOTER, pageSetup: a4(true) }) as unknown as Sheet;
  ws.columns = [24, 12, 7, 22, 10, 9, 20, 9, 9, 15, 9, 36, 12, 11, 11, 40, 24].map((width) => ({ width }));
  const fees = model.fees !== undefined;
  const out = rawSheet(wb, ws);
  const a = model.actions;
  out.put([`${model.title}：行动清单`], 'title');
  out.put([`按截止前剩余天数由少到多、可补学时由多到少排列；学时与费用只计未达标人员，不作限制人员列在末尾，仅供参考。${model.basis}`], 'text');
  out.skip();
  out.put(['工作单位', '缺学时人数', '须补学人数', '可补公需', '可补专业', '已无法补', '补学费用(元)'], 'head');
  for (const u of [...a.units, { ...a.totals, unit: '合计' }]) {
    out.put([u.unit, u.people, u.mustAct, u.closable.public, u.closable.professional, u.closed.public + u.closed.professional, fees ? u.cost : null], u.unit === '合计' ? 'head' : 'cell');
  }
  out.skip();
  const headRow = out.row;
  ws.pageSetup.printTitlesRow = `${headRow}:${headRow}`;
  out.put(ACTION_HEAD, 'head');
  for (const item of a.items) out.put(actionValues(item, fees, places));
  out.end();
}

/** One block of rows per person, a page break after each, so each prints on its own page. */
function noticeSheet(wb: Writer, model: SummaryModel, taken: Set<string>, places: PlaceText): void {
  const ws = wb.addWorksheet(sheetName(NOTICE_SHEET, taken), { headerFooter: { oddFooter: '' }, pageSetup: a4(false) }) as unknown as Sheet;
  ws.pageSetup.fitToHeight = 0;
  ws.columns = [16, 80].map((width) => ({ width }));
  const breaks = (ws as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks;
  const out = rawSheet(wb, ws);
  if (model.notices.length === 0) out.put(['无须补学的人员。'], 'text');
  // as many as the HTML has; the 行动清单 sheet always has everyone
  const notices = model.notices.slice(0, HTML_NOTICE_LIMIT);
  if (notices.length < model.notices.length) {
    out.put([`本表列出最紧急的前 ${notices.length} 份通知单，其余 ${model.notices.length - notices.length} 人见“${ACTION_SHEET}”工作表。`], 'text');
    out.skip();
  }
  for (const a of notices) {
    out.put(['专业技术人员继续教育补学通知单'], 'title');
    out.put([`${model.basis}　审验年度 ${model.reviewYear}`], 'text');
    const rows: [string, unknown][] = [
      ['姓名', a.name],
      ['身份证号', a.id],
      ['工作单位', a.unit],
      ['申报类型', a.purposeLabel],
      ['缺少学时', `${a.missing.total}（公需 ${a.missing.public}，专业 ${a.missing.professional}）`],
      ['各年度缺口', a.gaps.join('\n') || '—'],
      ['须完成', a.todo.filter((t) => !t.startsWith('学习平台') && !t.startsWith('补学费用')).join('\n')],
      ['截止日期', !a.hasRemedy ? '待确认（按当地安排）' : a.unknown ? '通知未规定，按当地安排' : a.by ? `${zhDate(a.by)}（${daysLeftText(a.daysLeft)}）` : '—'],
      ['学习平台', places.of(a.where) || '—'],
    ];
    if (model.fees) rows.push(['补学费用', a.cost === null ? '—' : `约 ${fmtYuan(a.cost)} 元`]);
    for (const [k, v] of rows) out.put([k, v]);
    out.put(['', noticeClosingText(model)], 'text');
    out.put(['', `${model.unit ?? '填报单位'}（盖章）　${zhDate(model.generatedOn)}`], 'text');
    breaks.push({ id: out.row - 1, max: 16383, man: 1 });
    out.skip();
  }
  out.end();
}

/** Write the annotated workbook to `path`, streaming row by row. */
export async function writeXlsx(input: XlsxInput, path: string): Promise<void> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.on('error', reject));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'ce-report';
  wb.created = new Date(Date.UTC(input.model.generatedOn.year, input.model.generatedOn.month - 1, input.model.generatedOn.day));
  const taken = new Set<string>(['汇总']);
  // 汇总 first, so the workbook opens on it; then the action list, the notices, and the roster copy.
  (wb as unknown as { views: unknown[] }).views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  const write = async () => {
    // The print-title row of 汇总 is known once its list starts; it is written with the workbook's defined names.
    let listHead = 1;
    const ws = summarySheet(wb, input.model, (r) => (listHead = r));
    ws.pageSetup.printTitlesRow = `${listHead}:${listHead}`;
    (ws as unknown as { commit(): void }).commit();
    // the items' place lists, each laid out once for this workbook (items share them)
    const places = new PlaceText('\n');
    actionSheet(wb, input.model, taken, places);
    noticeSheet(wb, input.model, taken, places);
    await rosterSheet(wb, input, taken);
    await wb.commit();
  };
  await Promise.race([write(), failed]);
}
