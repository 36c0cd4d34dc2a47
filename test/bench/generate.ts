/**
 * Deterministic synthetic rosters for the benchmarks (and test/generator.test.ts).
 *
 * Every person i is a pure function of (seed, i): a per-person PRNG is seeded
 * from a hash of both, so rows [a, b) generated on their own are identical to
 * the same rows of a whole roster (the 1M run generates in chunks).
 *
 * The grids are what a clerk's sheet holds (the reader's input): a 花名册 with
 * the ROSTER.md columns and three years of 公需/专业 hours, and a 培训记录 sheet
 * with ~5 records per person. ID numbers are valid 18-digit numbers with MOD 11-2
 * check characters, unique for i < 7.3M (birth day from i mod 14600 permuted,
 * sequence from i / 14600).
 */
import type { Cell } from '@ce/roster';
import { checkChar } from '../support/ids.js';

export const REVIEW_YEAR = 2024;
export const POLICY = 'xilingol-2024';
export const YEARS = [REVIEW_YEAR - 2, REVIEW_YEAR - 1, REVIEW_YEAR] as const;

export const ROSTER_HEADER = [
  '序号',
  '姓名',
  '身份证号',
  '工作单位',
  '单位性质',
  '基层一线',
  '申报类型',
  '申报级别',
  '学历',
  '认定年限',
  '岗位等级',
  '出站博士后',
  '疫情防控一线',
  '党政机关转任年度',
  '破格任职年限',
  '高技能人才',
  '职业资格考试合格年度',
  ...YEARS.flatMap((y) => [`${y}年公需学时`, `${y}年专业学时`]),
] as const;

/** 0-based roster columns the formula benchmarks refer to */
export const COL = {
  id: ROSTER_HEADER.indexOf('身份证号'),
  pub: ROSTER_HEADER.indexOf(`${REVIEW_YEAR}年公需学时`),
  prof: ROSTER_HEADER.indexOf(`${REVIEW_YEAR}年专业学时`),
};

export const RECORD_HEADER = ['身份证号', '学年度', '类别', '形式', '学时', '分钟', '半天', '完成日期', '是否备案'] as const;

/** mulberry32 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** a 32-bit mix of (seed, i) */
function mix(seed: number, i: number): number {
  let h = (seed ^ Math.imul(i + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export { checkChar };

const REGIONS = ['150102', '150203', '150402', '150602', '152502', '152921', '150702', '152201'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗巴其宝乌';
const GIVEN = ['芳', '强', '敏', '静', '伟', '丽', '军', '勇', '艳', '杰', '娟', '涛', '特尔', '其其格', '图雅', '额尔敦', '苏和', '萨仁'];
const UNITS = ['锡林浩特市医院', '二连浩特市第一中学', '阿巴嘎旗农牧局', '正蓝旗人民医院', '苏尼特左旗气象局', '多伦县职业学校', '太仆寺旗林草局', '西乌珠穆沁旗畜牧站'];

const DAYS = 40 * 365; // birth days spread over 40 years
const BASE_BIRTH = Date.UTC(REVIEW_YEAR - 62, 0, 1); // ages ~22–62 at the review year's end

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The person's ID number (valid, unique per i). */
export function idNumber(seed: number, i: number): string {
  const r = prng(mix(seed, i) ^ 0x1d);
  const region = REGIONS[Math.floor(r() * REGIONS.length)]!;
  const day = (((i % DAYS) * 7919 + (seed % DAYS)) % DAYS + DAYS) % DAYS;
  const d = new Date(BASE_BIRTH + day * 86_400_000);
  const seqBase = Math.floor(i / DAYS); // 0..499
  const sex = r() < 0.5 ? 1 : 0; // odd = male
  const seq = String(((seqBase % 500) * 2 + sex) % 1000).padStart(3, '0');
  const first17 = `${region}${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}${seq}`;
  return first17 + checkChar(first17);
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

export interface Generated {
  /** header row + one row per person */
  roster: Cell[][];
  /** header row + the people's records */
  records: Cell[][];
  people: number;
}

/** One roster row; `records` receives this person's training-record rows. */
export function personRow(seed: number, i: number, records: Cell[][] | undefined): Cell[] {
  const r = prng(mix(seed, i));
  const id = idNumber(seed, i);
  const row: Cell[] = new Array(ROSTER_HEADER.length).fill(null);
  row[0] = i + 1;
  row[1] = pick(r, SURNAMES.split('')) + pick(r, GIVEN);
  row[2] = id;
  row[3] = pick(r, UNITS);
  // purposes: annual 45 %, title 30 %, assessment 10 %, post 15 %
  const u = r();
  const purpose = u < 0.45 ? '' : u < 0.75 ? '职称评审' : u < 0.85 ? '考核认定' : '岗位聘任';
  row[6] = purpose;
  if (purpose === '职称评审') row[7] = pick(r, ['正高级', '副高级', '中级', '中级', '初级', '助理级']);
  if (purpose === '考核认定') {
    row[8] = pick(r, ['专科', '本科', '本科', '硕士', '博士']);
    if (r() < 0.5) row[9] = pick(r, [1, 2, 3]);
  } else if (r() < 0.3) row[8] = pick(r, ['本科', '硕士']);
  if (purpose === '岗位聘任') row[10] = 1 + Math.floor(r() * 13);
  // reliefs
  if (r() < 0.06) row[4] = '非公有制';
  if (r() < 0.08) row[5] = '是';
  if (r() < 0.01) row[11] = '是';
  if (r() < 0.03) row[12] = pick(r, ['2022', '2022、2023', '是']);
  if (r() < 0.02) row[13] = pick(r, [REVIEW_YEAR - 1, REVIEW_YEAR]);
  if (r() < 0.01) row[14] = pick(r, [1, 2]);
  if (r() < 0.03) row[15] = '是';
  if (r() < 0.03) row[16] = pick(r, YEARS);
  // three years of hours in the roster columns (often partial; records add more)
  for (let k = 0; k < YEARS.length; k++) {
    const blank = r() < 0.15;
    row[17 + 2 * k] = blank ? null : pick(r, [0, 10, 20, 24, 30, 30, 30, 30]);
    row[18 + 2 * k] = blank ? null : pick(r, [0, 24, 36, 48, 60, 60, 60, 60]);
  }
  if (records) {
    const n = 3 + Math.floor(r() * 5); // 3..7, mean 5
    for (let k = 0; k < n; k++) records.push(recordRow(r, id));
  }
  return row;
}

function recordRow(r: () => number, id: string): Cell[] {
  const year = pick(r, YEARS);
  const v = r();
  const kind = v < 0.7 ? '网络培训' : v < 0.82 ? '面授培训' : v < 0.88 ? '学术交流' : v < 0.93 ? '职业技能培训' : v < 0.97 ? '高研班' : '学历教育';
  const cat = kind === '网络培训' || kind === '面授培训' ? (r() < 0.4 ? '公需' : '专业') : r() < 0.5 ? '专业' : null;
  const a = r();
  const hours = a < 0.8 ? pick(r, [4, 6, 8, 10, 12, 16, 20]) : null;
  const minutes = a >= 0.8 && a < 0.9 ? pick(r, [90, 135, 180, 270, 450]) : null;
  const halfDays = a >= 0.9 ? pick(r, [1, 2, 3]) : null;
  // dates mostly inside their year (a few make-up dates in the review year)
  const dYear = year < REVIEW_YEAR && r() < 0.1 ? REVIEW_YEAR : year;
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const date = r() < 0.95 ? `${dYear}-${pad2(month)}-${pad2(day)}` : null;
  const filed = kind === '面授培训' ? pick(r, ['是', '是', '否', null]) : null;
  return [id, year, cat, kind, hours, minutes, halfDays, date, filed];
}

/** People [from, from + count) as grids with header rows. */
export function generate(seed: number, count: number, from = 0, withRecords = true): Generated {
  const roster: Cell[][] = [[...ROSTER_HEADER]];
  const records: Cell[][] = [[...RECORD_HEADER]];
  for (let i = from; i < from + count; i++) roster.push(personRow(seed, i, withRecords ? records : undefined));
  return { roster, records, people: count };
}

export const DEFAULT_SEED = 20240115;
