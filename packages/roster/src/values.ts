/**
 * Parsing of single cell values. Every parser returns either a value or a
 * Chinese message; none throws.
 */
import type { CivilDate, Education, Level, Purpose, RecordKind, Sex } from '@ce/rules';
import { nfkc, normValue } from './normalize.js';

export type Cell = string | number | boolean | Date | null | undefined;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** The raw cell as text, as a clerk would recognise it (dates as YYYY-MM-DD). */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    const d = dateParts(cell);
    return d ? formatDate(d) : 'Invalid Date';
  }
  return String(cell);
}

export function isBlank(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  // String.prototype.trim already removes U+3000 and U+00A0; no NFKC needed
  if (typeof cell === 'string') return cell.trim() === '';
  return false;
}

export function formatDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

function dateParts(d: Date): CivilDate | undefined {
  const t = d.getTime();
  if (!Number.isFinite(t)) return undefined;
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const MS_PER_DAY = 86_400_000;
/** Excel 1900 date system: serial 1 = 1900-01-01; serial 60 is the fictitious 1900-02-29. */
export function serialToDate(serial: number): CivilDate | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > 2_958_465) return undefined;
  if (whole === 60) return undefined; // 1900-02-29 does not exist
  const base = Date.UTC(1899, 11, whole < 60 ? 31 : 30);
  return dateParts(new Date(base + whole * MS_PER_DAY));
}

/**
 * A date from a cell: Date objects (UTC parts), Excel serial numbers (1900
 * system, including the 1900-02-29 bug), 8-digit numbers 20240305, and text
 * `2024-03-05`, `2024/3/5`, `2024.3.5`, `2024年3月5日`, `20240305` (a time part
 * after the date is ignored). Returns undefined when the value is not a date
 * or the date does not exist.
 */
/** Digits at s[from, from+n) as a number, or -1 if any is not an ASCII digit. */
function digitsAt(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** The common written form, 2024-05-01, read without normalising first; null when the text has another form. */
function isoDate(s: string): CivilDate | undefined | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y < 0 || mo < 0 || d < 0) return null;
  return isValidDate(y, mo, d) ? { year: y, month: mo, day: d } : undefined;
}

/** Serials read from text: 1927-05-18 (10000) to 2119-01-07 (80000), the dates a roster can hold. */
const SERIAL_TEXT_MIN = 10_000;
const SERIAL_TEXT_MAX = 80_000;

export function toCivilDate(cell: Cell): CivilDate | undefined {
  try {
    if (cell === null || cell === undefined || typeof cell === 'boolean') return undefined;
    if (cell instanceof Date) return dateParts(cell);
    if (typeof cell === 'number') {
      if (Number.isInteger(cell) && cell >= 19000101 && cell <= 99991231) return fromYmd(String(cell));
      return serialToDate(cell);
    }
    if (typeof cell !== 'string') return undefined;
    const iso = isoDate(cell);
    if (iso !== null) return iso;
    const s = nfkc(cell).replace(/[\s\u3000]+/g, ' ');
    if (s === '') return undefined;
    // a serial number as text: CSV exports of date cells carry `45413`
    if (/^\d{5}(\.\d+)?$/.test(s)) {
      const n = Number(s);
      return n >= SERIAL_TEXT_MIN && n <= SERIAL_TEXT_MAX ? serialToDate(n) : undefined;
    }
    const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return isValidDate(y, mo, d) ? { year: y, month: mo, day: d } : undefined;
    }
    if (/^\d{8}$/.test(s)) return fromYmd(s);
    return undefined;
  } catch {
    return undefined;
  }
}

function fromYmd(s: string): CivilDate | undefined {
  const y = Number(s.slice(0, 4));
  const mo = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  return isValidDate(y, mo, d) ? { year: y, month: mo, day: d } : undefined;
}

/** Date with a message for the cell when it is not blank but not a date. */
export function parseDate(cell: Cell): Parsed<CivilDate | undefined> {
  if (isBlank(cell)) return ok(undefined);
  const d = toCivilDate(cell);
  if (d) return ok(d);
  return fail(`无法识别的日期「${cellText(cell)}」，应为 2024-03-05、2024/3/5、2024.3.5 或 2024年3月5日，或日期不存在`);
}

const YES = new Set(['是', 'y', 'yes', '√', '✓', '✔', 'true', '1', '有', '对', 'on']);
const NO = new Set(['否', 'n', 'no', '×', '✗', '✘', 'x', 'false', '0', '无', '不是', 'off']);

/** 是/否, Y/N, √/×, true/false, 1/0, booleans. Blank → undefined. */
export function parseYesNo(cell: Cell): Parsed<boolean | undefined> {
  if (isBlank(cell)) return ok(undefined);
  if (typeof cell === 'boolean') return ok(cell);
  if (typeof cell === 'number') {
    if (cell === 1) return ok(true);
    if (cell === 0) return ok(false);
  }
  const v = normValue(cellText(cell)).toLowerCase();
  if (YES.has(v)) return ok(true);
  if (NO.has(v)) return ok(false);
  return fail(`无法识别的是/否值「${cellText(cell)}」，应为 是 或 否`);
}

export const MAX_HOURS = 10000;

/** A dash or 无 written for "none": —, ——, -, －, /, ／, 无, 無, –. */
export function isNoneMark(cell: Cell): boolean {
  return typeof cell === 'string' && /^(?:[-\u2010-\u2015\uFF0D\u2212]+|[/\uFF0F]|无|無)$/.test(cell.replace(/[\s\u3000]+/g, ''));
}

/** A non-negative amount: numbers, "30", "30学时", "３０", "2.5". Blank, — - / 无 → 0. */
export function parseAmount(cell: Cell, unitWords: RegExp = /(学时|小时|课时|分钟|半天|h|小时数)$/i, what = '学时'): Parsed<number> {
  if (isBlank(cell) || isNoneMark(cell)) return ok(0);
  let n: number;
  if (typeof cell === 'number') {
    n = cell;
  } else if (typeof cell === 'string') {
    const s = normValue(cell).replace(unitWords, '').replace(/,/g, '');
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return fail(`${what}应为数字，实为「${cell}」`);
    n = Number(s);
  } else {
    return fail(`${what}应为数字，实为「${cellText(cell)}」`);
  }
  if (!Number.isFinite(n)) return fail(`${what}应为数字，实为「${cellText(cell)}」`);
  if (n < 0) return fail(`${what}不能为负数：${cellText(cell)}`);
  if (n > MAX_HOURS) return fail(`${what}数值过大（${cellText(cell)}），请检查`);
  return ok(n);
}

/** A whole number ("3", "3年", 3). Blank → undefined. */
export function parseWhole(cell: Cell, what: string, unit = /(年|个?月)$/): Parsed<number | undefined> {
  if (isBlank(cell)) return ok(undefined);
  let n: number;
  if (typeof cell === 'number') n = cell;
  else if (typeof cell === 'string') {
    const s = normValue(cell).replace(unit, '');
    if (!/^[+-]?\d+(\.0+)?$/.test(s)) {
      const cn = chineseNumber(s);
      if (cn === undefined) return fail(`${what}应为整数，实为「${cell}」`);
      n = cn;
    } else n = Number(s);
  } else return fail(`${what}应为整数，实为「${cellText(cell)}」`);
  if (!Number.isInteger(n) || Math.abs(n) > 1000) return fail(`${what}应为整数，实为「${cellText(cell)}」`);
  return ok(n);
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 一..九十九 (enough for grades and year counts). */
export function chineseNumber(s: string): number | undefined {
  if (s === '') return undefined;
  if (s === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
  if (s.length === 1 && CN_DIGITS[s] !== undefined) return CN_DIGITS[s];
  return undefined;
}

/** 岗位等级: 8, "10级", "十级", "专技十级", "十三级岗". Range is checked by the evaluator. */
export function parsePostGrade(cell: Cell): Parsed<number | undefined> {
  if (isBlank(cell)) return ok(undefined);
  if (typeof cell === 'number') {
    return Number.isInteger(cell) ? ok(cell) : fail(`岗位等级应为 1–13 的整数，实为「${cellText(cell)}」`);
  }
  const s = normValue(cellText(cell)).replace(/^(专业技术|专技)/, '').replace(/(级岗位|级岗|级|岗)$/, '').replace(/^第/, '');
  if (/^\d+$/.test(s)) return ok(Number(s));
  const cn = chineseNumber(s);
  if (cn !== undefined) return ok(cn);
  return fail(`岗位等级应为 1–13 的整数（如 8、10级、十级），实为「${cellText(cell)}」`);
}

/** One year: 2024, "2024", "2024年", "2024年度", a date (its year). Blank → undefined. */
export function parseYear(cell: Cell, what: string): Parsed<number | undefined> {
  if (isBlank(cell)) return ok(undefined);
  if (cell instanceof Date) {
    const d = toCivilDate(cell);
    return d ? ok(d.year) : fail(`${what}应为年份，实为「${cellText(cell)}」`);
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2100) return ok(cell);
    return fail(`${what}应为年份（如 2023），实为「${cellText(cell)}」`);
  }
  const s = normValue(cellText(cell));
  const m = /^(\d{4})(年度?|年)?$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    if (y >= 1900 && y <= 2100) return ok(y);
  }
  const d = toCivilDate(cell);
  if (d) return ok(d.year);
  return fail(`${what}应为年份（如 2023），实为「${cellText(cell)}」`);
}

/** Year lists: "2022", "2022、2023", "2022，2023", "2022;2023", "2022 2023". Blank → undefined. */
export function parseYearList(cell: Cell, what: string): Parsed<number[] | undefined> {
  if (isBlank(cell)) return ok(undefined);
  if (typeof cell === 'number' || cell instanceof Date) {
    const y = parseYear(cell, what);
    return y.ok ? ok(y.value === undefined ? undefined : [y.value]) : y;
  }
  const s = nfkc(cellText(cell));
  const tokens = s.split(/[、，,;；\s\u3000]+/).filter((t) => t !== '');
  const years: number[] = [];
  for (const t of tokens) {
    const m = /^(\d{4})(年度?)?$/.exec(t);
    const y = m ? Number(m[1]) : NaN;
    if (!(y >= 1900 && y <= 2100)) {
      return fail(`${what}应为年份或以“、”分隔的多个年份（如 2022、2023），无法识别「${t}」`);
    }
    if (!years.includes(y)) years.push(y);
  }
  return ok(years.length ? years : undefined);
}

const PURPOSES: Record<string, Purpose> = {
  年度审验: 'annual',
  年审: 'annual',
  审验: 'annual',
  年度考核: 'annual',
  职称评审: 'title',
  职称申报: 'title',
  评审: 'title',
  考核认定: 'assessment',
  认定: 'assessment',
  岗位聘任: 'post',
  聘任: 'post',
  岗位晋升: 'post',
};
/** 申报类型; blank → annual. */
export function parsePurpose(cell: Cell): Parsed<Purpose> {
  if (isBlank(cell)) return ok('annual');
  const p = PURPOSES[normValue(cellText(cell))];
  return p ? ok(p) : fail(`无法识别的申报类型「${cellText(cell)}」，应为 年度审验、职称评审、考核认定 或 岗位聘任`);
}

const LEVELS: Record<string, Level> = {
  正高级: 'senior-full',
  正高: 'senior-full',
  副高级: 'senior-deputy',
  副高: 'senior-deputy',
  中级: 'intermediate',
  初级: 'junior',
  助理级: 'assistant',
  助理: 'assistant',
  员级: 'clerk',
};
/** 申报级别; blank → undefined (the evaluator decides whether it is needed). */
export function parseLevel(cell: Cell): Parsed<Level | undefined> {
  if (isBlank(cell)) return ok(undefined);
  const l = LEVELS[normValue(cellText(cell)).replace(/职称$/, '')];
  return l ? ok(l) : fail(`无法识别的申报级别「${cellText(cell)}」，应为 正高级、副高级、中级、初级、助理级 或 员级`);
}

const EDUCATIONS: Record<string, Education> = {
  专科: '专科',
  大专: '专科',
  大学专科: '专科',
  高职: '专科',
  本科: '本科',
  大学本科: '本科',
  大本: '本科',
  硕士: '硕士',
  硕士研究生: '硕士',
  研究生: '硕士',
  博士: '博士',
  博士研究生: '博士',
};
export function parseEducation(cell: Cell): Parsed<Education | undefined> {
  if (isBlank(cell)) return ok(undefined);
  const e = EDUCATIONS[normValue(cellText(cell)).replace(/(学历|学位|毕业)$/, '')];
  return e ? ok(e) : fail(`无法识别的学历「${cellText(cell)}」，应为 专科、本科、硕士 或 博士`);
}

export function parseSex(cell: Cell): Parsed<Sex | undefined> {
  if (isBlank(cell)) return ok(undefined);
  const v = normValue(cellText(cell)).toLowerCase();
  if (v === '男' || v === 'm' || v === 'male' || v === '男性') return ok('M');
  if (v === '女' || v === 'f' || v === 'female' || v === '女性') return ok('F');
  return fail(`无法识别的性别「${cellText(cell)}」，应为 男 或 女`);
}

const KINDS: readonly RecordKind[] = [
  '网络培训',
  '面授培训',
  '高研班',
  '论坛',
  '学术交流',
  '进修考察',
  '事业单位培训',
  '行业培训',
  '学历教育',
  '实践考察',
  '学术讲座',
  '职业技能培训',
  '三科教师培训',
  '中小学教师培训',
  '职业资格考试',
  '职称外语计算机考试',
];
const KIND_ALIASES: Record<string, RecordKind> = {
  网络学习: '网络培训',
  网络: '网络培训',
  线上培训: '网络培训',
  在线培训: '网络培训',
  面授: '面授培训',
  线下培训: '面授培训',
  高级研修班: '高研班',
  研修班: '高研班',
  学术论坛: '论坛',
  职业资格: '职业资格考试',
  职称外语考试: '职称外语计算机考试',
  职称计算机考试: '职称外语计算机考试',
  职称外语和计算机考试: '职称外语计算机考试',
  职称外语及计算机考试: '职称外语计算机考试',
};
export function parseKind(cell: Cell): Parsed<RecordKind> {
  const v = normValue(cellText(cell)).replace(/[/／、·]/g, '');
  if (v === '') return fail('缺少形式（培训形式）');
  const k = (KINDS as readonly string[]).includes(v) ? (v as RecordKind) : KIND_ALIASES[v];
  return k ? ok(k) : fail(`无法识别的形式「${cellText(cell)}」，应为 ${KINDS.join('、')} 之一`);
}

export function parseCategory(cell: Cell): Parsed<'public' | 'professional' | undefined> {
  if (isBlank(cell)) return ok(undefined);
  const v = normValue(cellText(cell)).replace(/(科目|课程|类)$/, '');
  if (v === '公需') return ok('public');
  if (v === '专业') return ok('professional');
  return fail(`无法识别的类别「${cellText(cell)}」，应为 公需 或 专业`);
}
