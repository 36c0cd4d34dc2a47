/**
 * The summary model: everything a 汇总表 shows, as plain data. Renderers (HTML,
 * PDF, XLSX in apps/report; the Excel add-in's 生成汇总表) only lay it out.
 * No Node APIs here, and no rules: every figure comes from the evaluator's
 * EvaluationResult or from the policy pack.
 */
import { STATUS_LABELS } from '@ce/rules';
import type { CellIssue, CivilDate, EvaluationResult, PolicyPack, RuleRef, Status } from '@ce/rules';
import { daysBetween, parseIsoDate } from '@ce/rules';
import { zhDate } from './dates.js';
import { fmtHours, maskId } from './format.js';

export const STATUS_ORDER: readonly Status[] = ['compliant', 'non-compliant', 'exempt', 'not-restrictive', 'invalid'];

/** Unit shown for people whose row has no 工作单位. */
export const NO_UNIT = '（未填单位）';

/** Where a person's unit comes from: any object with the roster row and unit (a Person fits). */
export interface UnitSource {
  row: number;
  unit?: string | undefined;
}

export interface SummaryOptions {
  reviewYear: number;
  /** the as-of date used for ages */
  asOf: CivilDate;
  /** the day the summary is made; days left are counted from it (default: asOf) */
  generatedOn?: CivilDate;
  /** print full ID numbers (default: masked, first 6 and last 4) */
  showId?: boolean;
  /** the roster's people (or just {row, unit}), to group by 工作单位 */
  people?: readonly UnitSource[];
}

export type StatusCounts = Record<Status, number>;

export interface MissingHours {
  total: number;
  public: number;
  professional: number;
}

export interface UnitRow {
  unit: string;
  people: number;
  counts: StatusCounts;
  /** sum of missing.total over the unit's rows (invalid rows count 0) */
  missing: MissingHours;
  /** cost of the missing hours, where the pack gives fees */
  cost?: number;
}

export interface YearShortfall {
  year: number;
  required: { public: number; professional: number };
  credited: { public: number; professional: number };
  /** max(0, required − credited) per category in that year */
  short: { public: number; professional: number };
  examCompleted: boolean;
}

export interface Reason {
  /** citation key, e.g. `xilingol-2024/6.1` */
  key: string;
  /** Chinese text: the relief, the exclusion reason, or the rule */
  text: string;
  kind: 'rule' | 'relief' | 'excluded';
}

export interface ShortfallRow {
  row: number;
  name: string;
  /** masked unless showId */
  id: string;
  unit: string;
  status: Status;
  statusLabel: string;
  missing: MissingHours;
  years: YearShortfall[];
  reasons: Reason[];
  cost?: CostBreakdown;
}

/** A reader or evaluator error, as a cell to fix. */
export interface CellFix extends Omit<CellIssue, 'field'> {
  /** e.g. `C7` when the column is known */
  cell?: string;
}

export interface InvalidRow {
  row: number;
  name: string;
  id: string;
  unit: string;
  fixes: CellFix[];
}

export interface CostBreakdown {
  /** 30-hour public packages to buy: ceil(missing public / 30) */
  publicPackages: number;
  public: number;
  professional: number;
  total: number;
}

export interface WindowInfo {
  start: CivilDate;
  end: CivilDate;
  /** days from generatedOn to the window end (negative: closed) */
  daysLeft: number;
  closed: boolean;
  makeUpYears: number[] | undefined;
  key: string;
  note?: string;
  text: string;
}

export interface DeadlineInfo {
  date: CivilDate;
  label: string;
  key: string;
  daysLeft: number;
  passed: boolean;
  text: string;
}

export interface FeesInfo {
  publicPer30Hours: number;
  professionalPerHour: number;
  key: string;
  /** how the cost is worked out, in Chinese */
  basis: string;
  total: CostBreakdown;
}

export interface SummaryModel {
  title: string;
  packId: string;
  packTitle: string;
  docNumber?: string;
  issuer: string;
  issued?: CivilDate;
  reviewYear: number;
  asOf: CivilDate;
  generatedOn: CivilDate;
  /** 依据：《notice title》（document number, date of issue） */
  basis: string;
  /** one line under the title: review year and dates */
  subtitle: string;
  idsMasked: boolean;
  totals: {
    people: number;
    counts: StatusCounts;
    missing: MissingHours;
  };
  statusLabels: Record<Status, string>;
  units: UnitRow[];
  shortfalls: ShortfallRow[];
  invalid: InvalidRow[];
  window?: WindowInfo;
  deadline?: DeadlineInfo;
  fees?: FeesInfo;
  platforms: { name: string; url?: string }[];
  /** short Chinese notes to print at the end (interpretations used here) */
  notes: string[];
}

function emptyCounts(): StatusCounts {
  return { compliant: 0, 'non-compliant': 0, exempt: 0, 'not-restrictive': 0, invalid: 0 };
}

function addMissing(into: MissingHours, m: MissingHours | null): void {
  if (!m) return;
  into.total += m.total;
  into.public += m.public;
  into.professional += m.professional;
}

/** The cost of missing hours under the pack's fees: public sold in 30-hour packages, professional by the hour. */
export function costOf(m: MissingHours, fees: { publicPer30Hours: number; professionalPerHour: number }): CostBreakdown {
  const publicPackages = m.public > 0 ? Math.ceil(m.public / 30 - 1e-9) : 0;
  const pub = publicPackages * fees.publicPer30Hours;
  const prof = Math.round(m.professional * fees.professionalPerHour * 100) / 100;
  return { publicPackages, public: pub, professional: prof, total: pub + prof };
}

function addCost(into: CostBreakdown, c: CostBreakdown): void {
  into.publicPackages += c.publicPackages;
  into.public += c.public;
  into.professional += c.professional;
  into.total += c.total;
}

function cellName(column: string | undefined, row: number): string | undefined {
  return column ? `${column}${row}` : undefined;
}

function reasonsOf(r: EvaluationResult): Reason[] {
  const out: Reason[] = [];
  const seen = new Set<string>();
  for (const x of r.reliefs) addReason(out, seen, { kind: 'relief', key: x.key, text: x.text });
  for (const x of r.excluded) {
    const where = x.source ? `${x.source}第${x.row}行` : `第${x.row}行`;
    addReason(out, seen, { kind: 'excluded', key: x.key, text: `${where}${x.kind}${fmtHours(x.hours)}学时（${x.year}年）不计：${x.reason}` });
  }
  for (const x of r.rules) addReason(out, seen, ruleReason(x));
  return out;
}

function addReason(out: Reason[], seen: Set<string>, x: Reason): void {
  const k = `${x.kind}|${x.key}|${x.text}`;
  if (seen.has(k)) return;
  seen.add(k);
  out.push(x);
}

/** A rule's reason is the same on every row that applied it: made once per rule. */
const ruleReasons = new WeakMap<RuleRef, Reason>();
function ruleReason(x: RuleRef): Reason {
  let reason = ruleReasons.get(x);
  if (!reason) {
    reason = { kind: 'rule', key: x.key, text: firstSentence(x.text) };
    ruleReasons.set(x, reason);
  }
  return reason;
}

function firstSentence(text: string): string {
  const t = text.trim();
  const i = t.search(/[。；]/);
  const s = i >= 0 ? t.slice(0, i + 1) : t;
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

function yearShortfalls(r: EvaluationResult): YearShortfall[] {
  return [...r.years]
    .sort((a, b) => a.year - b.year)
    .map((y) => ({
      year: y.year,
      // the result's own objects, not copies: results are read-only, and the plain requirement is one shared object
      required: y.required,
      credited: y.credited,
      short: {
        public: Math.max(0, y.required.public - y.credited.public),
        professional: Math.max(0, y.required.professional - y.credited.professional),
      },
      examCompleted: y.examCompleted === true,
    }));
}

function windowInfo(pack: PolicyPack, on: CivilDate): WindowInfo | undefined {
  const w = pack.window;
  if (!w) return undefined;
  const start = parseIsoDate(w.start);
  const end = parseIsoDate(w.end);
  if (!start || !end) return undefined;
  const daysLeft = daysBetween(on, end);
  const closed = daysLeft < 0;
  const left = closed ? `已于${zhDate(end)}截止` : daysLeft === 0 ? '今天截止' : `距截止还有 ${daysLeft} 天`;
  const info: WindowInfo = {
    start,
    end,
    daysLeft,
    closed,
    makeUpYears: w.makeUpYears ? [...w.makeUpYears] : undefined,
    key: w.key,
    text: `培训时间 ${zhDate(start)}至${zhDate(end)}（${left}）`,
  };
  if (w.note) info.note = w.note;
  return info;
}

function deadlineInfo(pack: PolicyPack, on: CivilDate): DeadlineInfo | undefined {
  const d = pack.deadline;
  if (!d) return undefined;
  const date = parseIsoDate(d.date);
  if (!date) return undefined;
  const daysLeft = daysBetween(on, date);
  const passed = daysLeft < 0;
  const left = passed ? '已截止' : daysLeft === 0 ? '今天截止' : `还有 ${daysLeft} 天`;
  return { date, label: d.label, key: d.key, daysLeft, passed, text: `${d.label}：${zhDate(date)}（${left}）` };
}

/**
 * Build the summary model from the evaluator's results (one per roster data
 * row) and the pack they were evaluated under.
 */
export function buildSummary(results: readonly EvaluationResult[], pack: PolicyPack, options: SummaryOptions): SummaryModel {
  const showId = options.showId === true;
  const on = options.generatedOn ?? options.asOf;
  const unitByRow = new Map<number, string>();
  for (const p of options.people ?? []) {
    const u = p.unit?.trim();
    if (u) unitByRow.set(p.row, u);
  }
  const unitOf = (row: number) => unitByRow.get(row) ?? NO_UNIT;
  const idOf = (id: string) => (showId ? id : maskId(id));
  const fees = pack.fees;

  const counts = emptyCounts();
  const missing: MissingHours = { total: 0, public: 0, professional: 0 };
  const units = new Map<string, UnitRow>();
  const shortfalls: ShortfallRow[] = [];
  const invalid: InvalidRow[] = [];
  const totalCost: CostBreakdown = { publicPackages: 0, public: 0, professional: 0, total: 0 };

  for (const r of results) {
    counts[r.status] += 1;
    addMissing(missing, r.missing);
    const unit = unitOf(r.row);
    let u = units.get(unit);
    if (!u) {
      u = { unit, people: 0, counts: emptyCounts(), missing: { total: 0, public: 0, professional: 0 } };
      if (fees) u.cost = 0;
      units.set(unit, u);
    }
    u.people += 1;
    u.counts[r.status] += 1;
    addMissing(u.missing, r.missing);

    if (r.status === 'invalid') {
      invalid.push({
        row: r.row,
        name: r.name,
        id: idOf(r.id),
        unit,
        fixes: r.errors.map((e) => {
          const fix: CellFix = { row: e.row, message: e.message };
          const cell = cellName(e.column, e.row);
          if (cell) fix.cell = cell;
          if (e.column !== undefined) fix.column = e.column;
          if (e.header !== undefined) fix.header = e.header;
          if (e.value !== undefined) fix.value = e.field === 'id' && !showId ? maskId(e.value) : e.value;
          if (e.key !== undefined) fix.key = e.key;
          return fix;
        }),
      });
      continue;
    }
    const m = r.missing;
    const listed = r.status === 'non-compliant' || (r.status === 'not-restrictive' && m !== null && m.total > 0);
    if (!listed || !m) continue;
    const row: ShortfallRow = {
      row: r.row,
      name: r.name,
      id: idOf(r.id),
      unit,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status].zh,
      missing: { total: m.total, public: m.public, professional: m.professional },
      years: yearShortfalls(r),
      reasons: reasonsOf(r),
    };
    if (fees) {
      row.cost = costOf(row.missing, fees);
      addCost(totalCost, row.cost);
      u.cost = (u.cost ?? 0) + row.cost.total;
    }
    shortfalls.push(row);
  }

  // Units in Chinese collation order (no unit last); people by their unit's place, then by row. One collator,
  // and units compared once each (localeCompare with a locale per comparison was ~5× slower on 64k people).
  const collator = new Intl.Collator('zh-Hans-CN');
  const unitRows = [...units.values()].sort((a, b) => {
    if (a.unit === NO_UNIT) return 1;
    if (b.unit === NO_UNIT) return -1;
    return collator.compare(a.unit, b.unit);
  });
  const byName = [...units.keys()].sort((a, b) => collator.compare(a, b));
  const unitRank = new Map(byName.map((name, i) => [name, i] as const));
  shortfalls.sort((a, b) => unitRank.get(a.unit)! - unitRank.get(b.unit)! || a.row - b.row);

  const issued = parseIsoDate(pack.issued);
  const basisExtra = [pack.docNumber, issued ? zhDate(issued) : undefined].filter(Boolean).join('，');
  const basis = `依据：《${pack.title}》${basisExtra ? `（${basisExtra}）` : ''}`;
  const subtitleParts = [
    `审验年度 ${options.reviewYear}`,
    `年龄计算日 ${zhDate(options.asOf)}`,
    `制表日期 ${zhDate(on)}`,
  ];
  const notes: string[] = [];
  if (!showId) notes.push('身份证号仅显示前 6 位和后 4 位。');
  notes.push('缺少学时为评估器按所引条款计算的结果；“不作限制”人员的缺少学时仅供参考。');
  if (fees) {
    notes.push(
      `费用按本系统解释：公需课按每 30 学时 ${fees.publicPer30Hours} 元整包计（不足 30 学时按 1 包），专业课按每学时 ${fees.professionalPerHour} 元计（${fees.key}）。`,
    );
  }

  const model: SummaryModel = {
    title: `${options.reviewYear}年度专业技术人员继续教育学时汇总表`,
    basis,
    packId: pack.id,
    packTitle: pack.title,
    issuer: pack.issuer,
    reviewYear: options.reviewYear,
    asOf: options.asOf,
    generatedOn: on,
    subtitle: subtitleParts.join('　'),
    idsMasked: !showId,
    totals: { people: results.length, counts, missing },
    statusLabels: {
      compliant: STATUS_LABELS.compliant.zh,
      'non-compliant': STATUS_LABELS['non-compliant'].zh,
      exempt: STATUS_LABELS.exempt.zh,
      'not-restrictive': STATUS_LABELS['not-restrictive'].zh,
      invalid: STATUS_LABELS.invalid.zh,
    },
    units: unitRows,
    shortfalls,
    invalid,
    platforms: (pack.platforms ?? []).map((p) => ({ ...p })),
    notes,
  };
  if (pack.docNumber) model.docNumber = pack.docNumber;
  if (issued) model.issued = issued;
  const w = windowInfo(pack, on);
  if (w) model.window = w;
  const d = deadlineInfo(pack, on);
  if (d) model.deadline = d;
  if (fees) {
    model.fees = {
      publicPer30Hours: fees.publicPer30Hours,
      professionalPerHour: fees.professionalPerHour,
      key: fees.key,
      basis: `公需课每 30 学时 ${fees.publicPer30Hours} 元，专业课每学时 ${fees.professionalPerHour} 元`,
      total: totalCost,
    };
  }
  return model;
}

/** Hours for display (at most one decimal). */
export { fmtHours };
