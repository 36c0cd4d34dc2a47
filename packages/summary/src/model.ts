/**
 * The summary model: everything a 汇总表 shows, as plain data. Renderers (HTML,
 * PDF, XLSX in apps/report; the Excel add-in's 生成汇总表) only lay it out.
 * No Node APIs here, and no rules: every figure comes from the evaluator's
 * EvaluationResult or from the policy pack.
 */
import { PURPOSE_LABELS, STATUS_LABELS } from '@ce/rules';
import type { Category, CellIssue, CivilDate, EvaluationResult, PolicyPack, Purpose, Remedy, RuleRef, Status } from '@ce/rules';
import { daysBetween, parseIsoDate } from '@ce/rules';
import { actionItem, actionList, CATEGORY_LABELS } from './actions.js';
import type { ActionItem, ActionList, PlaceInfo } from './actions.js';
import { zhDate } from './dates.js';
import { fmtHours, maskId, yearGapLines } from './format.js';

export const STATUS_ORDER: readonly Status[] = ['compliant', 'non-compliant', 'exempt', 'not-restrictive', 'invalid'];

/** Unit shown for people whose row has no 工作单位. */
export const NO_UNIT = '（未填单位）';

/** Where a person's unit comes from: any object with the roster row and unit (a Person fits). */
export interface UnitSource {
  row: number;
  unit?: string | undefined;
  /** 申报类型 as read (a Person has it); used when the result does not carry it */
  purpose?: Purpose | undefined;
}

/** The signature block under every summary (填报单位盖章, 填表人, 审核人, 日期). */
export const SIGNATURE_LABELS = ['填报单位（盖章）', '填表人', '审核人', '日期'] as const;

export interface SummaryOptions {
  reviewYear: number;
  /** the as-of date used for ages */
  asOf: CivilDate;
  /** the day the summary is made; days left are counted from it (default: asOf) */
  generatedOn?: CivilDate;
  /** print full ID numbers (default: masked, first 6 and last 4) */
  showId?: boolean;
  /** the roster's people (or just {row, unit, purpose}), to group by 工作单位 */
  people?: readonly UnitSource[];
  /** 填报单位, printed in the title (CLI --unit, the pane, or the roster's title rows) */
  unit?: string | undefined;
  /** what was read and where the review year came from, one Chinese line each (printed as given) */
  notices?: readonly string[];
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
  /** missing hours of the unit's 未达标 rows (the binding ones) */
  missing: MissingHours;
  /** missing hours of its 不作限制 rows, for reference */
  referenceMissing: MissingHours;
  /** fees for the closable hours of its 未达标 rows (remedy.cost), where the pack gives fees */
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
  /** 申报类型, e.g. 年度审验 */
  purposeLabel: string;
  missing: MissingHours;
  years: YearShortfall[];
  reasons: Reason[];
  /** 元: remedy.cost (closable hours only), on 未达标 rows under packs with fees */
  cost?: number;
}

export interface ExemptRow {
  row: number;
  name: string;
  id: string;
  unit: string;
  purposeLabel: string;
  /** the reliefs that exempt the person, in words, with their keys */
  reliefs: Reason[];
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
  /** what is due, in the notice's terms */
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
  /** 元: the sum of remedy.cost over 未达标 rows (fees for closable hours only) */
  total: number;
  /** every 未达标 row that misses hours has a remedy, so `total` is complete */
  complete: boolean;
}

export interface PlatformInfo {
  name: string;
  url?: string;
  /** undefined when the pack does not say (packs before rules revision 3) */
  category?: Category | 'any';
  categoryLabel?: string;
  key?: string;
}

export interface SummaryModel {
  /** includes the 填报单位 when known */
  title: string;
  /** the title in the lines it is printed in: [填报单位, the rest] or [the title] */
  heading: string[];
  /** 填报单位 */
  unit?: string;
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
    /** missing hours of the 未达标 rows (sum of `shortfalls`) */
    missing: MissingHours;
    /** missing hours of the 不作限制 rows, for reference (sum of `notRestrictive`) */
    referenceMissing: MissingHours;
  };
  statusLabels: Record<Status, string>;
  /** per unit; the counts, missing hours and fees add up to `totals` */
  units: UnitRow[];
  /** 未达标: exactly the non-compliant rows (length = totals.counts['non-compliant']) */
  shortfalls: ShortfallRow[];
  /** 不作限制: every not-restrictive row (length = totals.counts['not-restrictive']) */
  notRestrictive: ShortfallRow[];
  /** 免除, with the relief that applies (length = totals.counts.exempt) */
  exempt: ExemptRow[];
  invalid: InvalidRow[];
  /** 行动清单 from the results' remedy */
  actions: ActionList;
  /** one 通知单 each: the action items of people who must still do something, in action-list order */
  notices: ActionItem[];
  window?: WindowInfo;
  /** the first deadline still ahead, else the last one (kept for one-line layouts) */
  deadline?: DeadlineInfo;
  /** every dated duty of the pack, by date, with days left */
  deadlines: DeadlineInfo[];
  fees?: FeesInfo;
  platforms: PlatformInfo[];
  /** what was read and where the review year came from (SummaryOptions.notices) */
  sources: string[];
  /** 填报单位（盖章） / 填表人 / 审核人 / 日期 */
  signature: string[];
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

function deadlineAt(iso: string, label: string, key: string, on: CivilDate): DeadlineInfo | undefined {
  const date = parseIsoDate(iso);
  if (!date) return undefined;
  const daysLeft = daysBetween(on, date);
  const passed = daysLeft < 0;
  const left = passed ? '已截止' : daysLeft === 0 ? '今天截止' : `还有 ${daysLeft} 天`;
  return { date, label, key, daysLeft, passed, text: `${label}：${zhDate(date)}（${left}）` };
}

/** Pack data after rules revision 3: `deadlines` ({date, what, key}); older packs: one `deadline` and the window end. */
type PackR3 = Omit<PolicyPack, 'platforms' | 'deadlines'> & {
  deadlines?: readonly { date: string; what: string; key: string }[];
  platforms?: readonly { name: string; url?: string; category?: Category | 'any'; key?: string }[];
};

function deadlineList(pack: PackR3, on: CivilDate): DeadlineInfo[] {
  const out: DeadlineInfo[] = [];
  const add = (d: DeadlineInfo | undefined) => {
    if (d && !out.some((x) => x.key === d.key && x.date.year === d.date.year && x.date.month === d.date.month && x.date.day === d.date.day)) out.push(d);
  };
  const listed = pack.deadlines ?? [];
  for (const d of listed) add(deadlineAt(d.date, d.what, d.key, on));
  if (listed.length === 0) {
    if (pack.deadline) add(deadlineAt(pack.deadline.date, pack.deadline.label, pack.deadline.key, on));
    if (pack.window) add(deadlineAt(pack.window.end, '培训时间（含补学）截止', pack.window.key, on));
  }
  const t = (d: CivilDate) => d.year * 10000 + d.month * 100 + d.day;
  return out.sort((a, b) => t(a.date) - t(b.date));
}

function platformList(pack: PackR3): PlatformInfo[] {
  return (pack.platforms ?? []).map((p) => {
    const x: PlatformInfo = { name: p.name };
    if (p.url) x.url = p.url;
    if (p.category) {
      x.category = p.category;
      x.categoryLabel = CATEGORY_LABELS[p.category];
    }
    if (p.key) x.key = p.key;
    return x;
  });
}

function purposeLabelOf(r: EvaluationResult, fromRoster: Purpose | undefined): string {
  const p = r.purpose ?? fromRoster;
  return p ? PURPOSE_LABELS[p] : '—';
}

function newUnit(unit: string): UnitRow {
  return { unit, people: 0, counts: emptyCounts(), missing: zeroMissing(), referenceMissing: zeroMissing() };
}

function zeroMissing(): MissingHours {
  return { total: 0, public: 0, professional: 0 };
}

function invalidRow(r: EvaluationResult, unit: string, idOf: (id: string) => string, showId: boolean): InvalidRow {
  return {
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
  };
}

function exemptRow(r: EvaluationResult, unit: string, id: string, purposeLabel: string): ExemptRow {
  return { row: r.row, name: r.name, id, unit, purposeLabel, reliefs: r.reliefs.map((x) => ({ kind: 'relief', key: x.key, text: x.text })) };
}

/**
 * Build the summary model from the evaluator's results (one per roster data
 * row) and the pack they were evaluated under.
 */
export function buildSummary(results: readonly EvaluationResult[], pack: PolicyPack, options: SummaryOptions): SummaryModel {
  const showId = options.showId === true;
  const on = options.generatedOn ?? options.asOf;
  const unitByRow = new Map<number, string>();
  const purposeByRow = new Map<number, Purpose>();
  for (const p of options.people ?? []) {
    const u = p.unit?.trim();
    if (u) unitByRow.set(p.row, u);
    if (p.purpose) purposeByRow.set(p.row, p.purpose);
  }
  const unitOf = (row: number) => unitByRow.get(row) ?? NO_UNIT;
  const idOf = (id: string) => (showId ? id : maskId(id));
  const fees = pack.fees;

  const counts = emptyCounts();
  const missing = zeroMissing();
  const referenceMissing = zeroMissing();
  const units = new Map<string, UnitRow>();
  const shortfalls: ShortfallRow[] = [];
  const notRestrictive: ShortfallRow[] = [];
  const exempt: ExemptRow[] = [];
  const invalid: InvalidRow[] = [];
  const items: ActionItem[] = [];
  // each shared platform list of the results becomes one list of places for every item that names it
  const placeLists = new Map<Remedy['where'], PlaceInfo[]>();
  let totalCost = 0;

  for (const r of results) {
    counts[r.status] += 1;
    const unit = unitOf(r.row);
    let u = units.get(unit);
    if (!u) {
      u = newUnit(unit);
      if (fees) u.cost = 0;
      units.set(unit, u);
    }
    u.people += 1;
    u.counts[r.status] += 1;
    const purposeLabel = purposeLabelOf(r, purposeByRow.get(r.row));

    if (r.status === 'invalid') {
      invalid.push(invalidRow(r, unit, idOf, showId));
      continue;
    }
    if (r.status === 'exempt') {
      exempt.push(exemptRow(r, unit, idOf(r.id), purposeLabel));
      continue;
    }
    if (r.status === 'compliant') continue;
    const bound = r.status === 'non-compliant';
    const m = r.missing ?? zeroMissing();
    addMissing(bound ? missing : referenceMissing, m);
    addMissing(bound ? u.missing : u.referenceMissing, m);
    const years = yearShortfalls(r);
    const row: ShortfallRow = {
      row: r.row,
      name: r.name,
      id: idOf(r.id),
      unit,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status].zh,
      purposeLabel,
      missing: { total: m.total, public: m.public, professional: m.professional },
      years,
      reasons: reasonsOf(r),
    };
    const hasGap = m.total > 0;
    if (hasGap) {
      const item = actionItem(r, { unit, id: row.id, statusLabel: row.statusLabel, purposeLabel, gaps: yearGapLines(years), fees: fees !== undefined, placeLists });
      items.push(item);
      if (bound && item.cost !== null) {
        row.cost = item.cost;
        totalCost += item.cost;
        u.cost = (u.cost ?? 0) + item.cost;
      }
    }
    (bound ? shortfalls : notRestrictive).push(row);
  }

  // Units in Chinese collation order (no unit last); people by their unit's place, then by row. One collator,
  // and units compared once each (localeCompare with a locale per comparison was ~5× slower on 64k people).
  const collator = new Intl.Collator('zh-Hans-CN');
  const unitRows = [...units.values()].sort((a, b) => {
    if (a.unit === NO_UNIT) return 1;
    if (b.unit === NO_UNIT) return -1;
    return collator.compare(a.unit, b.unit);
  });
  // people follow the unit table's order (no unit last there too)
  const unitRank = new Map(unitRows.map((u, i) => [u.unit, i] as const));
  // every row's unit is in the table (made from the same rows); one that were not would sort last
  const rankOf = (unit: string) => unitRank.get(unit) ?? unitRows.length;
  const byUnitRow = (a: { unit: string; row: number }, b: { unit: string; row: number }) => rankOf(a.unit) - rankOf(b.unit) || a.row - b.row;
  shortfalls.sort(byUnitRow);
  notRestrictive.sort(byUnitRow);
  exempt.sort(byUnitRow);
  items.sort(byUnitRow);
  const actions = actionList(items, unitRows.map((x) => x.unit), fees !== undefined);

  const issued = parseIsoDate(pack.issued);
  const basisExtra = [pack.docNumber, issued ? zhDate(issued) : undefined].filter(Boolean).join('，');
  const basis = `依据：《${pack.title}》${basisExtra ? `（${basisExtra}）` : ''}`;
  const subtitleParts = [`审验年度 ${options.reviewYear}`, `年龄计算日 ${zhDate(options.asOf)}`, `制表日期 ${zhDate(on)}`];
  const notes: string[] = [];
  if (!showId) notes.push('身份证号仅显示前 6 位和后 4 位。');
  notes.push('缺少学时按所引条款逐人计算；“不作限制”人员的缺少学时仅供参考，不计入合计，也不计补学费用。');
  if (fees) {
    notes.push(
      `补学费用按本系统解释：只计仍可补学的学时；公需课按每 30 学时 ${fees.publicPer30Hours} 元整包计（不足 30 学时按 1 包），专业课按每学时 ${fees.professionalPerHour} 元计（${fees.key}）。`,
    );
  }
  const unit = options.unit?.trim();
  const baseTitle = `${options.reviewYear}年度专业技术人员继续教育学时汇总表`;

  const model: SummaryModel = {
    title: `${unit ?? ''}${baseTitle}`,
    heading: unit ? [unit, baseTitle] : [baseTitle],
    basis,
    packId: pack.id,
    packTitle: pack.title,
    issuer: pack.issuer,
    reviewYear: options.reviewYear,
    asOf: options.asOf,
    generatedOn: on,
    subtitle: subtitleParts.join('　'),
    idsMasked: !showId,
    totals: { people: results.length, counts, missing, referenceMissing },
    statusLabels: {
      compliant: STATUS_LABELS.compliant.zh,
      'non-compliant': STATUS_LABELS['non-compliant'].zh,
      exempt: STATUS_LABELS.exempt.zh,
      'not-restrictive': STATUS_LABELS['not-restrictive'].zh,
      invalid: STATUS_LABELS.invalid.zh,
    },
    units: unitRows,
    shortfalls,
    notRestrictive,
    exempt,
    invalid,
    actions,
    notices: actions.items.filter((a) => a.mustAct),
    deadlines: deadlineList(pack as PackR3, on),
    platforms: platformList(pack as PackR3),
    sources: [...(options.notices ?? [])],
    signature: [...SIGNATURE_LABELS],
    notes,
  };
  if (unit) model.unit = unit;
  if (pack.docNumber) model.docNumber = pack.docNumber;
  if (issued) model.issued = issued;
  const w = windowInfo(pack, on);
  if (w) model.window = w;
  const d = model.deadlines.find((x) => !x.passed) ?? model.deadlines[model.deadlines.length - 1];
  if (d) model.deadline = d;
  if (fees) {
    model.fees = {
      publicPer30Hours: fees.publicPer30Hours,
      professionalPerHour: fees.professionalPerHour,
      key: fees.key,
      basis: `公需课每 30 学时 ${fees.publicPer30Hours} 元，专业课每学时 ${fees.professionalPerHour} 元`,
      total: Math.round(totalCost * 100) / 100,
      complete: items.every((a) => !a.bound || a.hasRemedy),
    };
  }
  return model;
}

/**
 * 填报单位 from the title rows above a roster's header, when one of them says
 * so (`填报单位：某某局`, `单位名称：…`). Nothing is guessed from other text.
 */
export function unitFromTitleRows(rows: readonly (readonly unknown[])[]): string | undefined {
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const cell = String(row[i] ?? '').trim();
      const m = /(?:填报单位|填表单位|报送单位|单位名称)\s*[:：]\s*(.*)$/.exec(cell);
      if (!m) continue;
      const rest = m[1]!.split(/\s{2,}|　|(?:填表人|日期|联系电话)\s*[:：]/)[0]!.trim();
      if (rest) return rest;
      // the name may be in the next non-empty cell of the row
      for (let k = i + 1; k < row.length; k++) {
        const next = String(row[k] ?? '').trim();
        if (next) return next;
      }
    }
  }
  return undefined;
}

/** Hours for display (at most one decimal). */
export { fmtHours };
