/**
 * readRoster / readRecords: a grid of cells (from xlsx, csv or an Excel
 * add-in's range) → Person[] / TrainingRecord[] with every problem attached to
 * its cell. Never throws.
 */
import type { CellIssue, CellRef, ColumnRef, Person, TrainingRecord } from '@ce/rules';
import { dayNumber } from '@ce/rules';
import { findHeader, columnLetter, HEADER_SCAN_ROWS, type ColumnBinding, type Grid, type HeaderFound, type HeaderKind } from './headers.js';
import {
  bindYear,
  decideHourYear,
  MergeFill,
  hourYearNotice,
  hourYearRefusal,
  isYearless,
  notPersonRow,
  rowRanges,
  titleText,
  type HourYear,
  type MergedArea,
  type SkipKind,
} from './sheet.js';
import { TRUNCATED_ID_ADVICE, normalizeId, parseIdNumber } from './idnumber.js';
import {
  cellText,
  formatDate,
  isBlank,
  isNoneMark,
  parseAmount,
  parseCategory,
  parseDate,
  parseEducation,
  parseKind,
  parseLevel,
  parsePostGrade,
  parsePurpose,
  parseSex,
  parseWhole,
  parseYear,
  parseYearList,
  parseYesNo,
  type Cell,
  type Parsed,
} from './values.js';

export interface ReadOptions {
  /** sheet or file name, for messages and TrainingRecord.source */
  sheetName?: string;
  /** sheet row number of grid[0] (1-based); default 1 */
  firstRow?: number;
  /**
   * The review year: the year of year-less hour columns (公需科目学时) when
   * neither the title rows nor the sheet name name one.
   */
  reviewYear?: number;
  /**
   * Merged areas, in sheet coordinates (0-based, row 0 = sheet row 1; SheetJS
   * `!merges`, or the Excel host's merged areas): the top-left value is read
   * as the value of every cell of the area.
   */
  merges?: readonly MergedArea[];
}

export interface RosterRead {
  sheetName?: string;
  /** 1-based sheet row of the header; 0 if not found */
  headerRow: number;
  columns: ColumnBinding[];
  unknownColumns: { column: string; header: string }[];
  people: Person[];
  issues: CellIssue[];
  warnings: CellIssue[];
  /** 0-based index of the last non-empty column in the header or data rows */
  lastColumnIndex: number;
  /**
   * What the reader decided that the clerk should be told, in Chinese, once
   * each (hosts print them at the top of the output): the year given to
   * year-less hour columns, the rows skipped as not people.
   */
  notices: string[];
  /** the text of the rows above the header (title lines), '' when none */
  title: string;
  /** the year given to year-less hour columns, and where it came from; undefined when there are none */
  hourYear?: HourYear;
  /** data rows that are not people (合计/签字/说明 rows, rows holding only a 序号), 1-based sheet rows */
  skippedRows: { row: number; kind: SkipKind }[];
  /**
   * Set when the whole roster is refused (a year-less hour column whose year
   * cannot be decided): one Chinese line naming the column. `people` is then
   * empty and the same text is in `issues`. Hosts stop (the CLI exits 2).
   */
  refusal?: string;
}

export interface RecordsRead {
  headerRow: number;
  records: TrainingRecord[];
  issues: CellIssue[];
  warnings: CellIssue[];
}

const FIELD_LABELS: Record<string, string> = {
  roster: '身份证号（或 身份证號、公民身份号码、证件号码）',
  records: '身份证号（或 身份證號、公民身份号码、证件号码）',
};

/** The sheet row of the grid's first row (1 unless the host read from further down). */
function firstRowOf(options: ReadOptions): number {
  const r = options.firstRow;
  return r !== undefined && Number.isInteger(r) && r >= 1 ? r : 1;
}

function rowOf(grid: Grid, i: number): Cell[] {
  const r = grid[i];
  return Array.isArray(r) ? r : [];
}

function isBlankRow(row: Cell[]): boolean {
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

function lastNonEmpty(row: Cell[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (!isBlank(row[c])) return c;
  return -1;
}

interface Ctx {
  row: number;
  errors: CellIssue[];
  warnings: CellIssue[];
  byField: Map<string, ColumnBinding>;
  cellsRow: Cell[];
}

function refOf(b: ColumnBinding, row: number, cell: Cell): CellRef {
  return { row, column: b.column, header: b.header, value: cellText(cell) };
}

/**
 * A person's cells, as plain data: every field of the sheet is a key; the
 * cells a clerk wrote hold a CellRef, blank ones `undefined` (the column of a
 * blank field is in the sheet's shared `columns`). The object for each row is
 * a copy of one template made by JSON.parse, so every row has V8's fast shape;
 * keyed additions past a dozen fields would turn each into a dictionary.
 */
interface CellsPlan {
  columns: Readonly<Record<string, ColumnRef>>;
  cellsOf(row: number, values: Cell[]): Record<string, CellRef | undefined>;
}

function cellsPlan(bindings: Iterable<ColumnBinding>): CellsPlan {
  const list = [...bindings];
  const columns: Record<string, ColumnRef> = {};
  for (const b of list) columns[b.field] = Object.freeze({ column: b.column, header: b.header });
  const template = JSON.parse(JSON.stringify(Object.fromEntries(list.map((b) => [b.field, null])))) as Record<string, CellRef | undefined>;
  for (const b of list) template[b.field] = undefined;
  return {
    columns: Object.freeze(columns),
    cellsOf(row, values) {
      const cells = { ...template };
      for (const b of list) {
        const v = values[b.index];
        if (!isBlank(v)) cells[b.field] = refOf(b, row, v);
      }
      return cells;
    },
  };
}

function issueAt(ctx: Ctx, field: string, message: string, key?: string): CellIssue {
  const b = ctx.byField.get(field);
  const issue: CellIssue = { field, row: ctx.row, message };
  if (b) {
    issue.column = b.column;
    issue.header = b.header;
    issue.value = cellText(ctx.cellsRow[b.index]);
  }
  if (key) issue.key = key;
  return issue;
}

/** `rows`: how many rows the sheet (grid) has. */
function headerNotFound(kind: HeaderKind, rows: number, firstRow: number): CellIssue {
  const scanned = Math.min(rows, HEADER_SCAN_ROWS);
  return {
    field: 'header',
    row: 0,
    message:
      rows === 0
        ? '表格为空，找不到表头'
        : `在前${scanned}行（第${firstRow}–${firstRow + Math.max(scanned - 1, 0)}行）中找不到表头：需要一列名为 ${FIELD_LABELS[kind]} 的列`,
  };
}

export function readRoster(grid: Grid, options: ReadOptions = {}): RosterRead {
  // not a grid: read as an empty one (「表格为空，找不到表头」)
  return readRosterRows(Array.isArray(grid) ? grid : [], options);
}

/** Rows enough to find the header: the rows it is looked for in, and a sub-header row under the last of them. */
const HEAD_ROWS = HEADER_SCAN_ROWS + 1;

/**
 * readRoster over rows given one at a time (grid[0] first): the same
 * RosterRead readRoster(grid) gives for the grid of those rows, without the
 * grid. Only the first rows (where the header is looked for) are kept; a
 * host reading a large sheet (the CLI's .xlsx stream) passes its rows as it
 * reads them. Non-array rows read as blank, as in readRoster.
 */
export function readRosterRows(rows: Iterable<Cell[]>, options: ReadOptions = {}): RosterRead {
  const firstRow = firstRowOf(options);
  const out: RosterRead = {
    headerRow: 0,
    columns: [],
    unknownColumns: [],
    people: [],
    issues: [],
    warnings: [],
    lastColumnIndex: -1,
    notices: [],
    title: '',
    skippedRows: [],
  };
  if (options.sheetName !== undefined) out.sheetName = options.sheetName;
  const it = rows[Symbol.iterator]();
  const pull = (): Cell[] | undefined => {
    const n = it.next();
    return n.done ? undefined : Array.isArray(n.value) ? n.value : [];
  };
  const head: Cell[][] = [];
  for (let row = pull(); row !== undefined; row = head.length < HEAD_ROWS ? pull() : undefined) head.push(row);
  let header;
  try {
    header = findHeader(head, 'roster');
  } catch (e) {
    out.issues.push({ field: 'header', row: 0, message: `读取表头时出错：${String(e)}` });
    return out;
  }
  if (!header) {
    let count = 0;
    for (let row: Cell[] | undefined = head[0]; row !== undefined; row = count < head.length ? head[count] : pull()) {
      out.lastColumnIndex = Math.max(out.lastColumnIndex, lastNonEmpty(row));
      count++;
    }
    out.issues.push(headerNotFound('roster', count, firstRow));
    return out;
  }
  out.headerRow = firstRow + header.rowIndex;
  out.columns = header.columns;
  out.unknownColumns = header.unknown.map(({ column, header: h }) => ({ column, header: h }));
  for (const u of header.unknown) {
    out.warnings.push({ field: 'header', row: out.headerRow, column: u.column, header: u.header, value: u.header, message: `未识别的列「${u.header}」（${u.column}列），已忽略` });
  }
  for (const d of header.duplicates) {
    const first = header.columns.find((c) => c.field === d.field);
    out.warnings.push({
      field: d.field,
      row: out.headerRow,
      column: d.column,
      header: d.header,
      value: d.header,
      message: `列「${d.header}」（${d.column}列）与${first?.column ?? ''}列重复，只读取${first?.column ?? '第一'}列`,
    });
  }
  out.title = titleText(head, header.rowIndex);
  const years = settleHourYear(header, out.title, options);
  if ('refusal' in years) {
    out.refusal = years.refusal;
    out.issues.push({ field: 'header', row: out.headerRow, message: years.refusal });
    return out;
  }
  if (years.hourYear) {
    out.hourYear = years.hourYear;
    out.notices.push(years.notice);
  }
  out.columns = years.columns;
  const byField = new Map(years.columns.map((c) => [c.field, c] as const));
  const cells = cellsPlan(byField.values());
  const yearColumns = yearColumnsOf(byField.values());
  const merges = new MergeFill(options.merges, firstRow);
  const idIndex = byField.get('id')?.index;
  const nameIndex = byField.get('name')?.index;
  const ignoredIdx = new Set<number>();
  // 序号-like columns: a row whose only content is there is still blank
  const headerRowCells = head[header.rowIndex] ?? [];
  for (let c = 0; c < headerRowCells.length; c++) {
    const h = headerRowCells[c];
    if (typeof h === 'string' && /^(序号|编号|行号|no\.?)$/i.test(h.normalize('NFKC').trim())) ignoredIdx.add(c);
  }
  out.lastColumnIndex = lastNonEmpty(headerRowCells);

  for (let r = header.rowIndex + 1; r < header.rowIndex + header.headerRows; r++) {
    out.lastColumnIndex = Math.max(out.lastColumnIndex, lastNonEmpty(head[r] ?? []));
  }
  const dataStart = header.rowIndex + header.headerRows;
  let r = 0;
  for (let written: Cell[] | undefined = head[0]; written !== undefined; written = ++r < head.length ? head[r] : pull()) {
    // every row goes through the merges (a merge's value is its top-left cell, wherever it is)
    const cellsRow = merges.row(r, written);
    if (r < dataStart) continue;
    // decisions about the row are made on it as written; its values are read with merges filled in
    const last = lastNonEmpty(written);
    out.lastColumnIndex = Math.max(out.lastColumnIndex, last);
    if (last < 0) continue;
    const sheetRow = firstRow + r;
    const skip = notPersonRow(written, idIndex, nameIndex, ignoredIdx);
    if (skip !== undefined) {
      out.skippedRows.push({ row: sheetRow, kind: skip });
      continue;
    }
    const person = emptyPerson(sheetRow, cells.cellsOf(sheetRow, cellsRow), cells.columns);
    try {
      readPersonRow(person, { row: sheetRow, errors: person.errors, warnings: person.warnings, byField, cellsRow }, yearColumns);
    } catch (e) {
      person.errors.push({ field: 'row', row: sheetRow, message: `读取本行时出错：${e instanceof Error ? e.message : String(e)}` });
    }
    out.people.push(person);
  }
  if (out.skippedRows.length > 0) out.notices.push(skippedNotice(out.skippedRows));
  if (out.people.length === 0) {
    const msg = '花名册中没有人员数据行（表头下方没有任何人员）';
    out.issues.push({ field: 'people', row: out.headerRow, message: msg });
    out.notices.push(msg);
  }

  // duplicate ID numbers: warn on every row involved
  const byId = new Map<string, Person[]>();
  for (const p of out.people) {
    if (p.id === '') continue;
    const list = byId.get(p.id);
    if (list) list.push(p);
    else byId.set(p.id, [p]);
  }
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    // at most ten other rows are named: a large group made this quadratic (20k repeated IDs took 10 s)
    const NAMED = 10;
    for (const p of list) {
      const others: number[] = [];
      for (let i = 0; i < list.length && others.length < NAMED; i++) if (list[i] !== p) others.push(list[i]!.row);
      const more = list.length - 1 > NAMED ? `等共${list.length - 1}行` : '';
      const ref = p.columns?.id;
      const w: CellIssue = { field: 'id', row: p.row, value: id, message: `身份证号 ${id} 与第${others.join('、')}行${more}重复` };
      if (ref) {
        w.column = ref.column;
        w.header = ref.header;
      }
      p.warnings.push(w);
      out.warnings.push({ ...w });
    }
  }
  return out;
}

/** 「第41–44行为合计/签字/说明行，未作人员处理」, one line for every skipped row. */
function skippedNotice(rows: readonly { row: number; kind: SkipKind }[]): string {
  const footers = rows.filter((r) => r.kind === 'footer').map((r) => r.row);
  const numbered = rows.filter((r) => r.kind === 'numbered').map((r) => r.row);
  const parts: string[] = [];
  if (footers.length) parts.push(`第${rowRanges(footers)}行为合计/签字/说明行`);
  if (numbered.length) parts.push(`第${rowRanges(numbered)}行只有序号`);
  return `${parts.join('，')}，未作人员处理`;
}

type YearSettled = { columns: ColumnBinding[]; hourYear?: undefined } | { columns: ColumnBinding[]; hourYear: HourYear; notice: string } | { refusal: string };

/** Year-less hour columns get the year of the title, else the sheet name, else the review year; else the roster is refused. */
function settleHourYear(header: HeaderFound, title: string, options: ReadOptions): YearSettled {
  const yearless = header.columns.filter(isYearless);
  if (yearless.length === 0) return { columns: header.columns };
  const y = decideHourYear(title, options.sheetName, options.reviewYear);
  if (!y) return { refusal: hourYearRefusal(yearless) };
  // a year-less column whose year is also written in another column is a duplicate: the written one wins
  const bound = bindYear(header.columns, y.year);
  const seen = new Set<string>();
  const columns = bound.filter((c, i) => {
    if (isYearless(header.columns[i]!) && header.columns.some((o, j) => j !== i && o.field === c.field)) return false;
    if (seen.has(c.field)) return false;
    seen.add(c.field);
    return true;
  });
  return { columns, hourYear: y, notice: hourYearNotice(y, yearless) };
}

/**
 * Header, title and the year of year-less hour columns, without reading the
 * rows: what a loader needs to pick a sheet (and to refuse one) cheaply.
 */
export function inspectRoster(grid: Grid, options: ReadOptions = {}): { headerRow: number; title: string; hourYear?: HourYear; refusal?: string } {
  const firstRow = firstRowOf(options);
  let header: HeaderFound | undefined;
  try {
    header = Array.isArray(grid) ? findHeader(grid, 'roster') : undefined;
  } catch {
    header = undefined;
  }
  if (!header) return { headerRow: 0, title: '' };
  const title = titleText(grid, header.rowIndex);
  const years = settleHourYear(header, title, options);
  const out: { headerRow: number; title: string; hourYear?: HourYear; refusal?: string } = { headerRow: firstRow + header.rowIndex, title };
  if ('refusal' in years) out.refusal = years.refusal;
  else if (years.hourYear) out.hourYear = years.hourYear;
  return out;
}

/** The parsed value; or, when it did not parse, undefined after recording the problem on its cell. */
function take<T>(ctx: Ctx, field: string, parsed: Parsed<T>, severity: 'error' | 'warning' = 'error'): T | undefined {
  if (parsed.ok) return parsed.value;
  (severity === 'error' ? ctx.errors : ctx.warnings).push(issueAt(ctx, field, parsed.message));
  return undefined;
}

/** The row's cell for a field, undefined when the sheet has no such column. (No closures per row: they are costly at 100k rows.) */
function cellAt(ctx: Ctx, field: string): Cell {
  const b = ctx.byField.get(field);
  return b ? ctx.cellsRow[b.index] : undefined;
}

/** A year-hour column (2024年公需学时 …), worked out once per sheet. */
interface YearColumn {
  field: string;
  index: number;
  year: number;
  category: 'public' | 'professional';
  label: string;
}

function yearColumnsOf(bindings: Iterable<ColumnBinding>): YearColumn[] {
  const out: YearColumn[] = [];
  for (const b of bindings) {
    const m = /^hours:(\d+):(public|professional)$/.exec(b.field);
    if (!m) continue;
    const year = Number(m[1]);
    const category = m[2] as 'public' | 'professional';
    out.push({ field: b.field, index: b.index, year, category, label: `${year}年${category === 'public' ? '公需' : '专业'}学时` });
  }
  return out;
}

function readPersonRow(p: Person, ctx: Ctx, yearColumns: readonly YearColumn[]): void {
  const { byField, cellsRow } = ctx;

  // name
  const nameCell = cellAt(ctx, 'name');
  if (!isBlank(nameCell)) p.name = cellText(nameCell).normalize('NFKC').trim();
  else ctx.warnings.push(issueAt(ctx, 'name', '缺少姓名'));

  // ID number
  const idCell = cellAt(ctx, 'id');
  if (typeof idCell === 'number' && (!Number.isSafeInteger(idCell) || idCell >= 1e16)) {
    p.id = normalizeId(cellText(idCell));
    ctx.errors.push(
      issueAt(ctx, 'id', `身份证号被 Excel 存成了数字（${idCell.toExponential(5).replace('e+', 'E+')}），${TRUNCATED_ID_ADVICE}`),
    );
  } else if (isBlank(idCell)) {
    ctx.errors.push(issueAt(ctx, 'id', '缺少身份证号'));
  } else {
    const raw = typeof idCell === 'number' ? String(idCell) : cellText(idCell);
    const parsed = parseIdNumber(raw);
    p.id = parsed.id;
    if (parsed.ok) {
      p.birth = parsed.birth;
      p.sex = parsed.sex;
      if (parsed.legacy) {
        ctx.warnings.push(issueAt(ctx, 'id', `15位旧身份证号（无校验位），按 ${parsed.birth.year} 年出生、${parsed.sex === 'M' ? '男' : '女'}读取`));
      }
    } else {
      ctx.errors.push(issueAt(ctx, 'id', parsed.message));
    }
  }

  // 性别 / 出生日期: only checked against the ID
  if (byField.has('sex')) {
    const s = parseSex(cellAt(ctx, 'sex'));
    if (!s.ok) ctx.warnings.push(issueAt(ctx, 'sex', s.message));
    else if (s.value && p.sex && s.value !== p.sex) {
      ctx.errors.push(issueAt(ctx, 'sex', `性别「${cellText(cellAt(ctx, 'sex')).trim()}」与身份证号不符（身份证号显示为${p.sex === 'M' ? '男' : '女'}）`));
    }
  }
  if (byField.has('birth')) {
    const d = parseDate(cellAt(ctx, 'birth'));
    if (!d.ok) ctx.warnings.push(issueAt(ctx, 'birth', d.message));
    else if (d.value && p.birth && formatDate(d.value) !== formatDate(p.birth)) {
      ctx.errors.push(issueAt(ctx, 'birth', `出生日期 ${formatDate(d.value)} 与身份证号不符（身份证号显示为 ${formatDate(p.birth)}）`));
    }
  }

  const unit = cellAt(ctx, 'unit');
  if (!isBlank(unit)) p.unit = cellText(unit).normalize('NFKC').trim();
  if (byField.has('sector') && !isBlank(cellAt(ctx, 'sector'))) {
    p.nonPublic = /^非公/.test(cellText(cellAt(ctx, 'sector')).normalize('NFKC').replace(/\s+/g, ''));
  }
  // fields start undefined (emptyPerson), so a blank or bad cell leaves them so
  p.grassroots = take(ctx, 'grassroots', parseYesNo(cellAt(ctx, 'grassroots')));
  p.purpose = take(ctx, 'purpose', parsePurpose(cellAt(ctx, 'purpose'))) ?? p.purpose;
  p.level = take(ctx, 'level', parseLevel(cellAt(ctx, 'level')));
  p.education = take(ctx, 'education', parseEducation(cellAt(ctx, 'education')), 'warning');
  p.assessYears = take(ctx, 'assessYears', parseWhole(cellAt(ctx, 'assessYears'), '认定年限'));
  p.postGrade = take(ctx, 'postGrade', parsePostGrade(cellAt(ctx, 'postGrade')));
  p.postdoc = take(ctx, 'postdoc', parseYesNo(cellAt(ctx, 'postdoc')));
  if (byField.has('epidemic')) {
    const cell = cellAt(ctx, 'epidemic');
    const yn = parseYesNo(cell);
    if (yn.ok && (typeof cell !== 'number' || cell === 0 || cell === 1)) {
      if (yn.value === true) p.epidemic = { flagged: true, years: [] };
    } else {
      const years = take(ctx, 'epidemic', parseYearList(cell, '疫情防控一线'));
      if (years) p.epidemic = { flagged: true, years };
    }
  }
  p.transferYear = take(ctx, 'transferYear', parseYear(cellAt(ctx, 'transferYear'), '党政机关转任年度'));
  p.exceptionalYears = take(ctx, 'exceptionalYears', parseWhole(cellAt(ctx, 'exceptionalYears'), '破格任职年限'));
  p.highSkill = take(ctx, 'highSkill', parseYesNo(cellAt(ctx, 'highSkill')));
  p.qualExamYears = take(ctx, 'qualExamYears', parseYearList(cellAt(ctx, 'qualExamYears'), '职业资格考试合格年度'));
  p.titleExamYears = take(ctx, 'titleExamYears', parseYearList(cellAt(ctx, 'titleExamYears'), '职称外语计算机合格年度'));
  p.unitPlanFiled = take(ctx, 'unitPlanFiled', parseYesNo(cellAt(ctx, 'unitPlanFiled')));

  // year-hour columns
  for (const c of yearColumns) {
    const slot = (p.hours[c.year] ??= { public: 0, professional: 0 });
    const v = take(ctx, c.field, parseAmount(cellsRow[c.index], undefined, c.label));
    if (v !== undefined) slot[c.category] = v;
  }
}

/** Kinds for which no amount is needed (the pack credits them). */
const EXAM_KINDS = new Set(['职业资格考试', '职称外语计算机考试']);

export function readRecords(grid: Grid, options: ReadOptions = {}): RecordsRead {
  const firstRow = firstRowOf(options);
  const out: RecordsRead = { headerRow: 0, records: [], issues: [], warnings: [] };
  if (!Array.isArray(grid)) {
    out.issues.push(headerNotFound('records', 0, firstRow));
    return out;
  }
  let header;
  try {
    header = findHeader(grid, 'records');
  } catch (e) {
    out.issues.push({ field: 'header', row: 0, message: `读取培训记录表头时出错：${String(e)}` });
    return out;
  }
  if (!header) {
    out.issues.push(headerNotFound('records', grid.length, firstRow));
    return out;
  }
  out.headerRow = firstRow + header.rowIndex;
  for (const u of header.unknown) {
    out.warnings.push({ field: 'header', row: out.headerRow, column: u.column, header: u.header, value: u.header, message: `培训记录中未识别的列「${u.header}」（${u.column}列），已忽略` });
  }
  if (!header.columns.some((c) => c.field === 'kind')) {
    out.issues.push({ field: 'kind', row: out.headerRow, message: '培训记录缺少“形式”列，无法判断学时如何计入' });
  }
  const byField = new Map(header.columns.map((c) => [c.field, c] as const));
  for (let r = header.rowIndex + header.headerRows; r < grid.length; r++) {
    const cellsRow = rowOf(grid, r);
    if (isBlankRow(cellsRow)) continue;
    const sheetRow = firstRow + r;
    const ctx: Ctx = { row: sheetRow, errors: [], warnings: [], byField, cellsRow };
    let rec: TrainingRecord | undefined;
    try {
      rec = readRecordRow(ctx, options.sheetName);
    } catch (e) {
      ctx.errors.push({ field: 'row', row: sheetRow, message: `读取本条记录时出错：${e instanceof Error ? e.message : String(e)}` });
    }
    const where = options.sheetName ? `${options.sheetName} ` : '';
    const what = rec?.unusable !== undefined ? '无法计入' : '未读取';
    for (const e of ctx.errors) out.issues.push({ ...e, message: `${where}第${sheetRow}行培训记录${what}：${e.message}` });
    out.warnings.push(...ctx.warnings);
    if (rec && (ctx.errors.length === 0 || rec.unusable !== undefined)) out.records.push(rec);
  }
  return out;
}

const AMOUNT_FIELDS = [
  ['hours', '学时'],
  ['minutes', '分钟'],
  ['halfDays', '半天'],
] as const;

function readRecordRow(ctx: Ctx, source: string | undefined): TrainingRecord | undefined {
  const { byField, row } = ctx;
  const idCell = cellAt(ctx, 'id');
  let id = '';
  if (isBlank(idCell)) ctx.errors.push(issueAt(ctx, 'id', '缺少身份证号'));
  else if (typeof idCell === 'number' && (!Number.isSafeInteger(idCell) || idCell >= 1e16)) {
    ctx.errors.push(issueAt(ctx, 'id', `身份证号被 Excel 存成了数字，${TRUNCATED_ID_ADVICE}`));
  } else {
    id = normalizeId(cellText(idCell));
    if (/^\d(\.\d+)?E\+?\d+$/.test(id)) ctx.errors.push(issueAt(ctx, 'id', `身份证号被存成了科学计数法数字（${id}），${TRUNCATED_ID_ADVICE}`));
  }

  const kind = take(ctx, 'kind', parseKind(cellAt(ctx, 'kind')));
  const category = take(ctx, 'category', parseCategory(cellAt(ctx, 'category')));
  const date = take(ctx, 'date', parseDate(cellAt(ctx, 'date')));
  let creditYear = take(ctx, 'creditYear', parseYear(cellAt(ctx, 'creditYear'), '学年度'));
  if (creditYear === undefined && date) creditYear = date.year;
  if (creditYear === undefined && !ctx.errors.some((e) => e.field === 'creditYear' || e.field === 'date')) {
    ctx.errors.push(issueAt(ctx, byField.has('creditYear') ? 'creditYear' : 'date', '缺少学年度，且没有完成日期可推算'));
  }

  const amounts: { field: 'hours' | 'minutes' | 'halfDays'; label: string; value: number }[] = [];
  for (const [field, label] of AMOUNT_FIELDS) {
    const cell = cellAt(ctx, field);
    if (isBlank(cell) || isNoneMark(cell)) continue; // — or 无 in the columns not used
    const a = parseAmount(cell, undefined, label);
    if (a.ok) amounts.push({ field, label, value: a.value });
    else ctx.errors.push(issueAt(ctx, field, a.message));
  }
  if (amounts.length > 1) {
    ctx.errors.push(issueAt(ctx, amounts[1]!.field, `学时、分钟、半天只能填一项，本行填了${amounts.map((a) => a.label).join('和')}`));
  }
  const amountErrors = ctx.errors.some((e) => e.field === 'hours' || e.field === 'minutes' || e.field === 'halfDays');
  if (amounts.length === 0 && !amountErrors && kind && !EXAM_KINDS.has(kind)) {
    ctx.errors.push(issueAt(ctx, byField.has('hours') ? 'hours' : 'kind', '缺少学时（学时、分钟、半天须填一项）'));
  }
  const filed = parseYesNo(cellAt(ctx, 'filed'));
  if (!filed.ok) ctx.warnings.push(issueAt(ctx, 'filed', `${filed.message}；按“未知”处理`));

  const usable = ctx.errors.length === 0 && kind !== undefined && creditYear !== undefined;
  // a record that cannot be used still belongs to its person (listed among the excluded), when its ID links it
  if (!usable && (id === '' || ctx.errors.some((e) => e.field === 'id'))) return undefined;
  // Every record has the same fields in the same order (absent = undefined): one
  // object shape keeps the evaluator's property reads fast on large rosters.
  const rec: TrainingRecord = {
    row,
    source,
    id,
    // 0 / 网络培训 only fill the type on unusable records, which credit nothing
    creditYear: creditYear ?? 0,
    category: category || undefined,
    kind: kind ?? '网络培训',
    hours: undefined,
    minutes: undefined,
    halfDays: undefined,
    date: date || undefined,
    day: date ? dayNumber(date) : undefined,
    filed: filed.ok ? filed.value : undefined,
    unusable: usable ? undefined : unusableReason(ctx.errors),
    kindText: kind === undefined ? cellText(cellAt(ctx, 'kind')).trim() : undefined,
  };
  const a = amounts[0];
  if (a && usable) rec[a.field] = a.value;
  return rec;
}

/** 「形式（D列）：无法识别的形式「讲座」…；学时（E列）：学时应为数字，实为「三十」」 */
function unusableReason(errors: readonly CellIssue[]): string {
  return errors.map((e) => (e.header ? `${e.header}（${e.column}列）：${e.message}` : e.message)).join('；');
}

/** A person with every field present (absent = undefined), in one order, for the same reason as records. */
function emptyPerson(row: number, cells: Record<string, CellRef | undefined>, columns: Readonly<Record<string, ColumnRef>>): Person {
  return {
    row,
    name: undefined,
    id: '',
    sex: undefined,
    birth: undefined,
    unit: undefined,
    nonPublic: undefined,
    grassroots: undefined,
    purpose: 'annual',
    level: undefined,
    education: undefined,
    assessYears: undefined,
    postGrade: undefined,
    postdoc: undefined,
    epidemic: undefined,
    transferYear: undefined,
    exceptionalYears: undefined,
    highSkill: undefined,
    qualExamYears: undefined,
    titleExamYears: undefined,
    unitPlanFiled: undefined,
    hours: {},
    cells,
    columns,
    errors: [],
    warnings: [],
  };
}

export { columnLetter };
