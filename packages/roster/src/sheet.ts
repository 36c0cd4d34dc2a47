/**
 * Sheet-level reading rules (ROSTER.md): merged cells, the year of year-less
 * hour columns, rows that are not people. Host-agnostic like the rest.
 */
import type { ColumnBinding, Grid } from './headers.js';
import { YEARLESS } from './headers.js';
import { cellText, isBlank, type Cell } from './values.js';

/**
 * A merged area in sheet coordinates, 0-based and inclusive (row 0 = sheet
 * row 1, column 0 = A) — the shape of SheetJS `!merges` entries.
 */
export interface MergedArea {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/**
 * The grid with each merged area's top-left value copied into every cell of
 * the area (a unit name merged down 17 rows is the unit of all 17). Rows not
 * touched are shared with the input; touched rows are copies; the input is
 * never changed. `firstRow` is the sheet row of grid[0] (1-based). The same
 * mechanism as the row stream's (MergeFill), over a whole grid.
 */
export function fillMerges(grid: Grid, merges: readonly MergedArea[] | undefined, firstRow = 1): Grid {
  if (!merges || merges.length === 0) return grid;
  const fill = new MergeFill(merges, firstRow);
  let out: Cell[][] | undefined;
  for (let r = 0; r < grid.length; r++) {
    const row = rowAt(grid, r);
    const filled = fill.row(r, row);
    if (filled !== row) (out ??= grid.slice())[r] = filled;
  }
  return out ?? grid;
}

/** A merged area that is filled: coordinates whole numbers, in order, at most 16 384 columns wide. */
function isArea(m: MergedArea | undefined): m is MergedArea {
  if (!m || !m.s || !m.e) return false;
  const coords = [m.s.r, m.s.c, m.e.r, m.e.c];
  return coords.every((x) => Number.isInteger(x) && x >= 0) && m.e.r >= m.s.r && m.e.c >= m.s.c && m.e.c - m.s.c <= 16_384;
}

const DEAD = Symbol('blank top-left');

/**
 * Merged areas filled for rows read one at a time, from the first grid row
 * down (as a stream of sheet rows gives them; fillMerges runs it over a
 * grid): `row(r, cells)` is row r of the filled grid, without the grid. Every row must be
 * given, in order, blank ones too (a merge's value is its top-left cell as
 * earlier merges left it).
 */
export class MergeFill {
  /** grid row → the merges (by position in the list) whose top-left is in it */
  private readonly starts = new Map<number, number[]>();
  /** merges covering the current row, in list order */
  private active: number[] = [];
  private readonly values = new Map<number, Cell | typeof DEAD>();
  private readonly areas: ({ r0: number; r1: number; c0: number; c1: number } | undefined)[] = [];

  constructor(merges: readonly MergedArea[] | undefined, firstRow = 1) {
    const off = firstRow - 1;
    (merges ?? []).forEach((m, i) => {
      if (!isArea(m) || m.s.r - off < 0) {
        this.areas.push(undefined);
        return;
      }
      const a = { r0: m.s.r - off, r1: m.e.r - off, c0: m.s.c, c1: m.e.c };
      this.areas.push(a);
      const list = this.starts.get(a.r0);
      if (list) list.push(i);
      else this.starts.set(a.r0, [i]);
    });
  }

  /** Row r of the filled grid: `cells` itself when no merge fills it, else a copy (the input is never changed). */
  row(r: number, cells: Cell[]): Cell[] {
    const starting = this.starts.get(r);
    if (this.active.length === 0 && starting === undefined) return cells;
    this.active = this.active.filter((i) => (this.areas[i]?.r1 ?? -1) >= r);
    if (starting) this.active = [...this.active, ...starting].sort((a, b) => a - b);
    let out = cells;
    for (const i of this.active) {
      const a = this.areas[i];
      if (!a) continue;
      if (a.r0 === r) this.values.set(i, isBlank(out[a.c0]) ? DEAD : out[a.c0]);
      const value = this.values.get(i);
      if (value === DEAD || value === undefined) continue;
      if (out === cells) out = cells.slice();
      for (let c = a.c0; c <= a.c1; c++) {
        while (out.length < c) out.push(null);
        if (r === a.r0 && c === a.c0) continue;
        out[c] = value;
      }
    }
    return out;
  }
}

function rowAt(grid: Grid, i: number): Cell[] {
  const r = grid[i];
  return Array.isArray(r) ? r : [];
}

/** The text of the rows above the header (titles), one line per row, cells joined by a space. */
export function titleText(grid: Grid, headerIndex: number): string {
  const lines: string[] = [];
  for (let r = 0; r < headerIndex && r < grid.length; r++) {
    const parts: string[] = [];
    let last = '';
    for (const cell of rowAt(grid, r)) {
      if (isBlank(cell)) continue;
      const t = cellText(cell).trim();
      if (t !== last) parts.push(t); // a filled merge repeats its text
      last = t;
    }
    if (parts.length) lines.push(parts.join(' '));
  }
  return lines.join('\n');
}

const inRange = (y: number) => y >= 1990 && y <= 2100;

/**
 * The one year a title or sheet name names: `2024年度…` first; otherwise a
 * bare `2024年` that is not the start of a date (填报日期：2025年1月10日 is
 * when the form was filled, not the year it is for); for sheet names also a
 * bare `2024`. Undefined when none, or when several different years appear.
 */
export function namedYear(text: string, bare = false): number | undefined {
  const s = text.normalize('NFKC');
  // 2022—2024年, 2022至2024年度: a span of years is no one year
  if (/\d{4}\s*年?度?\s*[-—–~〜至到]\s*\d{4}/.test(s)) return undefined;
  const pick = (re: RegExp) => {
    const ys = new Set<number>();
    for (const m of s.matchAll(re)) if (inRange(Number(m[1]))) ys.add(Number(m[1]));
    return ys;
  };
  for (const re of [/(\d{4})\s*年度/g, /(\d{4})\s*年(?!\s*\d{1,2}\s*月)/g, ...(bare ? [/(?<!\d)(\d{4})(?!\d)/g] : [])]) {
    const ys = pick(re);
    if (ys.size === 1) return [...ys][0];
    if (ys.size > 1) return undefined;
  }
  return undefined;
}

export interface HourYear {
  year: number;
  source: 'title' | 'sheet' | 'review';
  /** the title line or sheet name the year was taken from */
  text?: string;
}

/** Where the year of year-less hour columns comes from (title, sheet name, review year), or undefined. */
export function decideHourYear(title: string, sheetName: string | undefined, reviewYear: number | undefined): HourYear | undefined {
  for (const line of title.split('\n')) {
    const y = namedYear(line);
    if (y !== undefined) return { year: y, source: 'title', text: line };
  }
  if (sheetName !== undefined) {
    const y = namedYear(sheetName, true);
    if (y !== undefined) return { year: y, source: 'sheet', text: sheetName };
  }
  if (reviewYear !== undefined && Number.isInteger(reviewYear) && inRange(reviewYear)) return { year: reviewYear, source: 'review' };
  return undefined;
}

const short = (t: string) => (t.length > 40 ? `${t.slice(0, 40)}…` : t);
const colList = (cols: readonly ColumnBinding[]) => cols.map((c) => `${c.column}列「${c.header}」`).join('、');

export function hourYearNotice(y: HourYear, cols: readonly ColumnBinding[]): string {
  const why =
    y.source === 'title'
      ? `按表头上方标题“${short(y.text ?? '')}”取 ${y.year} 年`
      : y.source === 'sheet'
        ? `按工作表名“${y.text}”取 ${y.year} 年`
        : `表头上方标题和工作表名都没有写年度，按审验年度取 ${y.year} 年`;
  return `学时列未写年度（${colList(cols)}），${why}`;
}

export function hourYearRefusal(cols: readonly ColumnBinding[]): string {
  return `${colList(cols)}未写年度，表头上方标题和工作表名中也没有年份，无法确定这些学时属于哪一年；请把列名写成“2024年公需学时”“2024年专业学时”，或在表头上方的标题中写明年度`;
}

/** Bind year-less hour columns to `year` (field `hours:?:public` → `hours:2024:public`). */
export function bindYear(columns: readonly ColumnBinding[], year: number): ColumnBinding[] {
  const prefix = `hours:${YEARLESS}:`;
  return columns.map((c) => (c.field.startsWith(prefix) ? { ...c, field: `hours:${year}:${c.field.slice(prefix.length)}` } : c));
}

export const isYearless = (c: ColumnBinding) => c.field.startsWith(`hours:${YEARLESS}:`);

// ------------------------------------------------------------ rows that are not people

/**
 * Words that open a total, signature or notes row. 注 and 备注 need a colon
 * or a number after them (注：…, 注1.), so that no name is taken for one.
 */
const FOOTER_START =
  /^(?:合计|小计|总计|共计|本页合计|注[:：\d.、(（]|注$|备注[:：]|说明[:：\d.、]?|填表说明|填表人|填报人|制表人|审核人|复核人|负责人|单位负责人|主管领导|经办人|联系人|联系电话|填表日期|填报日期|制表日期|填报单位|单位[(（]?盖章|[(（]盖章)/;

const squeeze = (t: string) => t.normalize('NFKC').replace(/[\s\u3000]+/g, '');

export function startsAsFooter(text: string): boolean {
  return FOOTER_START.test(squeeze(text));
}

/**
 * Whether an ID cell holds an attempt at an ID number (so the row is a
 * person, however broken the number): a number, or text with a run of 6 or
 * more digits. `38人`, `合计`, blank are not.
 */
export function looksLikeIdAttempt(cell: Cell): boolean {
  if (typeof cell === 'number') return cell >= 1e5;
  if (isBlank(cell)) return false;
  return /\d{6}/.test(squeeze(cellText(cell)));
}

const PLAIN_ID = /^(\d{17}[\dXx]|\d{15})$/;

/** 15 to 18 ID characters: a whole ID number, right or wrong. */
function hasIdShape(cell: Cell): boolean {
  if (typeof cell === 'number') return cell >= 1e13;
  return /^\d{14,17}[\dXx]$/.test(squeeze(cellText(cell)));
}

export type SkipKind = 'footer' | 'numbered';

/**
 * Why a data row (as written: merged values not filled in) is not a person,
 * or undefined when it is one. A row is a footer when its first text opens
 * like one (合计, 填表人：…, 注：…, 单位（盖章）), or when its ID cell holds no
 * ID attempt and its name cell is empty or itself a footer word (a 合计 row
 * with 38人 in the ID column, notes continuation lines like `　　2.专业…`)
 * and carries no 序号 number (a numbered row with data is a person whose
 * name and ID are missing, and is reported as such).
 * `ignored` are 序号-like columns, whose number alone does not make a person.
 */
export function notPersonRow(row: Cell[], idIndex: number | undefined, nameIndex: number | undefined, ignored: ReadonlySet<number>): SkipKind | undefined {
  // the usual row, an ID as it should be, is a person: decided without normalising any text
  const id0 = idIndex === undefined ? undefined : row[idIndex];
  if (typeof id0 === 'string' && PLAIN_ID.test(id0)) return undefined;
  let first: string | undefined;
  let any = false;
  let numbered = false;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    if (ignored.has(c) && (typeof v === 'number' || /^\d+$/.test(squeeze(cellText(v))))) {
      numbered = true;
      continue;
    }
    any = true;
    if (first === undefined && typeof v === 'string') first = v;
    break;
  }
  if (!any) return 'numbered';
  const idCell = idIndex === undefined ? undefined : row[idIndex];
  if (first !== undefined && startsAsFooter(first) && !hasIdShape(idCell)) return 'footer';
  if (looksLikeIdAttempt(idCell)) return undefined;
  // a numbered row with data but no name or ID is a person whose details are missing (reported on the row)
  if (numbered) return undefined;
  const nameCell = nameIndex === undefined ? undefined : row[nameIndex];
  if (isBlank(nameCell) || (typeof nameCell === 'string' && startsAsFooter(nameCell))) return 'footer';
  return undefined;
}

/** 41, 42, 43, 44, 47 → "41–44、47" */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join('、');
}

/** Whether a sheet is the training records (培训记录, in simplified or traditional characters; ROSTER.md), not a roster. */
export function isRecordsSheet(name: string): boolean {
  return /^(培训记录|培訓記錄)$/.test(name.normalize('NFKC').trim());
}
