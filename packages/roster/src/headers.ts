/**
 * Header vocabulary (ROSTER.md) and header-row detection.
 */
import { normHeader, stripBrackets } from './normalize.js';
import { cellText, type Cell } from './values.js';

export type Grid = Cell[][];

export interface ColumnBinding {
  field: string;
  index: number;
  /** "A".."ZZ" */
  column: string;
  /** header text as written in the sheet (trimmed) */
  header: string;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index0: number): string {
  let n = Math.floor(index0);
  if (!(n >= 0)) return '?';
  let s = '';
  n += 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Roster fields by their (Simplified, normalised) header aliases. */
const ID_HEADERS: readonly string[] = ['身份证号', '身份证号码', '公民身份号码', '公民身份证号', '公民身份证号码', '证件号码', '身份证'];

export const ROSTER_HEADERS: Record<string, readonly string[]> = {
  name: ['姓名', '名字'],
  id: ID_HEADERS,
  sex: ['性别'],
  birth: ['出生日期', '出生年月日'],
  unit: ['工作单位', '单位', '单位名称'],
  sector: ['单位性质'],
  grassroots: ['基层一线'],
  purpose: ['申报类型'],
  level: ['申报级别'],
  education: ['学历'],
  assessYears: ['认定年限'],
  postGrade: ['岗位等级'],
  postdoc: ['出站博士后'],
  epidemic: ['疫情防控一线'],
  transferYear: ['党政机关转任年度'],
  exceptionalYears: ['破格任职年限'],
  highSkill: ['高技能人才'],
  qualExamYears: ['职业资格考试合格年度'],
  titleExamYears: ['职称外语计算机合格年度', '职称外语计算机考试合格年度'],
  unitPlanFiled: ['单位专业培训已备案'],
};

/** Record fields (培训记录). */
export const RECORD_HEADERS: Record<string, readonly string[]> = {
  id: ID_HEADERS,
  name: ['姓名'],
  creditYear: ['学年度', '年度', '学习年度', '计入年度'],
  category: ['类别', '科目类别', '科目'],
  kind: ['形式', '培训形式', '学习形式'],
  hours: ['学时'],
  minutes: ['分钟', '时长(分钟)'],
  halfDays: ['半天', '半天数'],
  date: ['完成日期', '日期', '结业日期'],
  filed: ['是否备案', '备案'],
};

/** Known columns that carry nothing for us: silently ignored (not reported as unknown). */
const IGNORED = new Set(['序号', '编号', '行号', 'no', 'no.']);

function buildIndex(table: Record<string, readonly string[]>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [field, aliases] of Object.entries(table)) for (const a of aliases) m.set(normHeader(a), field);
  return m;
}
const ROSTER_INDEX = buildIndex(ROSTER_HEADERS);
const RECORD_INDEX = buildIndex(RECORD_HEADERS);

export type HeaderKind = 'roster' | 'records';

/**
 * The field a header names, "hours:2024:public" for year-hour columns,
 * "" for known-ignored columns (序号), undefined for unknown headers.
 */
export function classifyHeader(raw: string, kind: HeaderKind): string | undefined {
  const h = normHeader(raw);
  if (h === '') return undefined;
  if (IGNORED.has(h)) return '';
  const index = kind === 'roster' ? ROSTER_INDEX : RECORD_INDEX;
  const direct = index.get(h) ?? index.get(stripBrackets(h));
  if (direct) return direct;
  if (kind === 'roster') {
    const y = yearHourField(h) ?? yearHourField(stripBrackets(h)) ?? yearlessHourField(h) ?? yearlessHourField(stripBrackets(h));
    if (y) return y;
  } else {
    // 学时(小时) / 时长（分钟）
    const s = stripBrackets(h);
    if (/^(学时|学时数)$/.test(s) && !/分钟/.test(h)) return 'hours';
    if (/分钟/.test(h)) return 'minutes';
  }
  return undefined;
}

/** `2024年公需学时`, `2024公需`, `公需2024`, `2024年专业科目学时`, `2024年度公需学时` … */
function yearHourField(h: string): string | undefined {
  const m = /^(\d{4})(?:年度?)?(公需|专业)(?:科目)?(?:学时)?$/.exec(h) ?? /^(公需|专业)(?:科目)?(?:学时)?(\d{4})(?:年度?)?(?:学时)?$/.exec(h);
  if (!m) return undefined;
  const [year, cat] = /^\d/.test(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  const y = Number(year);
  if (y < 1990 || y > 2100) return undefined;
  return `hours:${y}:${cat === '公需' ? 'public' : 'professional'}`;
}

/** The year placeholder of an hours column whose header names no year: `hours:?:public`. */
export const YEARLESS = '?';

/**
 * `公需学时`, `专业科目学时`, `公需课`, `专业课学时数` …: hours whose year is
 * decided from the title, the sheet name or the review year (reader.ts).
 * A bare `专业` is not one (it is as often the person's specialty).
 */
function yearlessHourField(h: string): string | undefined {
  const m = /^(公需|专业)(?:科目)?(?:学时数?|课(?:学时数?)?)$/.exec(h);
  if (!m) return undefined;
  return `hours:${YEARLESS}:${m[1] === '公需' ? 'public' : 'professional'}`;
}

/** Under a group cell naming hours (学时, 继续教育学时): a sub-header 公需 / 专业 (科目) is a year-less hours column. */
function yearlessUnderHours(parent: string, sub: string): string | undefined {
  if (!/学时|學時/.test(parent)) return undefined;
  const m = /^(公需|专业)(?:科目)?(?:课)?$/.exec(normHeader(sub));
  if (!m) return undefined;
  const y = /(\d{4})年/.exec(normHeader(parent));
  const year = y && Number(y[1]) >= 1990 && Number(y[1]) <= 2100 ? y[1] : YEARLESS;
  return `hours:${year}:${m[1] === '公需' ? 'public' : 'professional'}`;
}

export interface HeaderFound {
  /** index into the grid (0-based) */
  rowIndex: number;
  columns: ColumnBinding[];
  /** duplicate recognised headers after the first */
  duplicates: ColumnBinding[];
  unknown: { column: string; header: string; index: number }[];
  /** 1, or 2 when a second header row (公需/专业 under a merged 2024年) was merged in */
  headerRows: number;
}

export const HEADER_SCAN_ROWS = 30;

/** The row among the first 30 with the most recognised headers, needing the ID column. */
export function findHeader(grid: Grid, kind: HeaderKind): HeaderFound | undefined {
  let best: HeaderFound | undefined;
  let bestCount = 0;
  const limit = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = grid[r];
    if (!Array.isArray(row)) continue;
    const columns: ColumnBinding[] = [];
    const duplicates: ColumnBinding[] = [];
    const unknown: HeaderFound['unknown'] = [];
    const seen = new Set<string>();
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== 'string') {
        // numbers/dates in a header row are not headers; a non-blank one is an unknown column
        if (cell !== null && cell !== undefined && cellText(cell).trim() !== '') {
          unknown.push({ column: columnLetter(c), header: cellText(cell), index: c });
        }
        continue;
      }
      const header = cell.trim();
      if (header === '') continue;
      const field = classifyHeader(header, kind);
      if (field === '') continue;
      if (field === undefined) {
        unknown.push({ column: columnLetter(c), header, index: c });
        continue;
      }
      const binding = { field, index: c, column: columnLetter(c), header };
      if (seen.has(field)) duplicates.push(binding);
      else {
        seen.add(field);
        columns.push(binding);
      }
    }
    if (!seen.has('id')) continue;
    if (columns.length > bestCount) {
      best = { rowIndex: r, columns, duplicates, unknown, headerRows: 1 };
      bestCount = columns.length;
    }
  }
  return best ? withSubHeader(grid, best, kind) : undefined;
}

/**
 * Two-row headers: a merged group cell (2024年, 公需学时, 学时) over sub-headers
 * (公需 / 专业, 2022年 / 2023年). The second row is a sub-header row when its
 * ID cell is blank, it holds no numbers, and at least one of its cells, joined
 * to the group text above-left, names a column not yet bound.
 */
function withSubHeader(grid: Grid, found: HeaderFound, kind: HeaderKind): HeaderFound {
  const top = grid[found.rowIndex];
  const sub = grid[found.rowIndex + 1];
  if (!Array.isArray(top) || !Array.isArray(sub)) return found;
  const idIndex = found.columns.find((c) => c.field === 'id')?.index;
  if (idIndex === undefined) return found;
  const idCell = sub[idIndex];
  if (idCell !== null && idCell !== undefined && cellText(idCell).trim() !== '') return found;
  // a year-less hours cell (公需学时) can be a group cell over 2022年 / 2023年: not bound for this purpose
  const yearless = (b: ColumnBinding) => b.field.startsWith(`hours:${YEARLESS}:`);
  const bound = new Set(found.columns.filter((c) => !yearless(c)).map((c) => c.field));
  const boundIdx = new Set(found.columns.filter((c) => !yearless(c)).map((c) => c.index));
  const added: ColumnBinding[] = [];
  const groupCols = new Set<number>();
  for (let c = 0; c < sub.length; c++) {
    const cell = sub[c];
    if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) continue;
    if (typeof cell !== 'string') return found; // numbers/dates: a data row
    if (boundIdx.has(c)) continue;
    let pc = c;
    while (pc >= 0 && (top[pc] === null || top[pc] === undefined || cellText(top[pc]).trim() === '')) pc--;
    const parent = pc >= 0 && !boundIdx.has(pc) ? cellText(top[pc]).trim() : '';
    const t = cell.trim();
    const tries = parent ? [parent + t, parent.replace(/学时|學時|科目/g, '') + t, t] : [t];
    let field: string | undefined;
    for (const h of tries) {
      field = classifyHeader(h, kind);
      if (field) break;
    }
    if (!field && kind === 'roster' && parent) {
      // a group text with a year (2024年继续教育学时) over 公需 / 专业 was tried above; without one the year is decided later
      field = yearlessUnderHours(parent, t);
    }
    if (!field || bound.has(field)) continue;
    bound.add(field);
    if (parent) groupCols.add(pc);
    added.push({ field, index: c, column: columnLetter(c), header: parent ? `${parent} ${t}` : t });
  }
  if (added.length === 0) return found;
  const replaced = new Set([...groupCols, ...added.map((a) => a.index)]);
  const kept = found.columns.filter((c) => !(yearless(c) && replaced.has(c.index)));
  const columns = [...kept, ...added].sort((a, b) => a.index - b.index);
  const addedIdx = new Set(added.map((a) => a.index));
  const unknown = found.unknown.filter((u) => !groupCols.has(u.index) && !addedIdx.has(u.index));
  return { ...found, columns, unknown, headerRows: 2 };
}
