/**
 * 行动清单 and 通知单: what each person who misses hours can still do, read
 * from the evaluator's `remedy` (RULES.md §7). Nothing here decides what is
 * closable: the model only sorts, groups and sums what the results say.
 */
import type { Category, CivilDate, EvaluationResult, Remedy, YearHours } from '@ce/rules';
import { parseIsoDate } from '@ce/rules';
import { fmtHours, fmtYuan, placeLine } from './format.js';
import { zhDate } from './dates.js';

export const CATEGORY_LABELS: Record<Category | 'any', string> = { public: '公需科目', professional: '专业科目', any: '审验卡打印等' };

export interface PlaceInfo {
  category: Category | 'any';
  categoryLabel: string;
  name: string;
  url?: string;
}

export interface ActionItem {
  row: number;
  name: string;
  /** masked unless showId */
  id: string;
  unit: string;
  status: 'non-compliant' | 'not-restrictive';
  statusLabel: string;
  purposeLabel: string;
  /** non-compliant: the hours bind the person; not-restrictive rows are listed for reference only */
  bound: boolean;
  missing: { total: number; public: number; professional: number };
  /** per-year gaps, e.g. `2024：专业缺 20` */
  gaps: string[];
  /** the result carries a remedy (results made before rules revision 3 do not) */
  hasRemedy: boolean;
  /** the remedy says nothing either way (no window in the pack, or another review year) */
  unknown: boolean;
  closable: YearHours | null;
  closed: YearHours | null;
  closableTotal: number;
  closedTotal: number;
  by?: CivilDate;
  daysLeft: number | null;
  where: PlaceInfo[];
  /** 元: remedy.cost for bound rows; null for not-restrictive rows and packs without fees */
  cost: number | null;
  alternatives: string[];
  year?: number;
  /** the remedy's own sentence */
  summary: string;
  /** what to do, in words, one line each (for the list and the notice) */
  todo: string[];
  /** whether the person must still do something (gets a 通知单) */
  mustAct: boolean;
}

export interface ActionTotals {
  people: number;
  mustAct: number;
  closable: YearHours;
  closed: YearHours;
  /** sum of the bound rows' costs; null when the pack gives no fees */
  cost: number | null;
}

export interface ActionUnitRow extends ActionTotals {
  unit: string;
}

export interface ActionList {
  /** most urgent first: fewest days left, then most closable hours */
  items: ActionItem[];
  units: ActionUnitRow[];
  totals: ActionTotals;
}

export interface ActionContext {
  unit: string;
  id: string;
  statusLabel: string;
  purposeLabel: string;
  gaps: string[];
  fees: boolean;
  /** the place lists of the summary being built, by the evaluator's shared `where` list */
  placeLists: Map<Remedy['where'], PlaceInfo[]>;
}

const sum = (h: YearHours | null) => (h ? h.public + h.professional : 0);

/**
 * The evaluator shares one `where` list among the remedies that name the same
 * platforms; the places are made once per list too (in the summary being
 * built: `ActionContext.placeLists`), and shared by every action item
 * (read-only), so renderers can also lay them out once per list.
 */
function places(r: Remedy, lists: Map<Remedy['where'], PlaceInfo[]>): PlaceInfo[] {
  let out = lists.get(r.where);
  if (!out) lists.set(r.where, (out = placesOf(r)));
  return out;
}

function placesOf(r: Remedy): PlaceInfo[] {
  return r.where.map((w) => {
    const p: PlaceInfo = { category: w.category, categoryLabel: CATEGORY_LABELS[w.category] ?? String(w.category), name: w.name };
    if (w.url) p.url = w.url;
    return p;
  });
}


/** `公需 10 学时、专业 20 学时`, leaving out a category with nothing. */
function hoursText(h: { public: number; professional: number }): string {
  const parts: string[] = [];
  if (h.public > 0) parts.push(`公需 ${fmtHours(h.public)} 学时`);
  if (h.professional > 0) parts.push(`专业 ${fmtHours(h.professional)} 学时`);
  return parts.join('、') || '0 学时';
}

function todoLines(a: Omit<ActionItem, 'todo' | 'mustAct'>): string[] {
  const out: string[] = [];
  const gap = hoursText(a.missing);
  if (!a.hasRemedy) {
    out.push(`缺${gap}；能否补学须按当地安排确认`);
    return out;
  }
  if (a.unknown) {
    out.push(`缺${gap}；通知未规定培训时间，能否补学请按当地安排办理`);
  } else if (a.closable && a.closableTotal > 0) {
    const by = a.by ? `，${zhDate(a.by)}前完成` : '';
    out.push(`须补学${a.year !== undefined ? `（${a.year}年度）` : ''}${hoursText(a.closable)}${by}`);
  }
  if (a.closed && a.closedTotal > 0) out.push(`按本通知已无法补学：${hoursText(a.closed)}`);
  for (const p of a.where) out.push(`学习平台 ${placeLine(p)}`);
  if (a.cost !== null && a.cost > 0) out.push(`补学费用约 ${fmtYuan(a.cost)} 元`);
  for (const alt of a.alternatives) out.push(`也可：${alt}`);
  return out;
}

/** One person's action item, from the result and its remedy. */
export function actionItem(r: EvaluationResult, ctx: ActionContext): ActionItem {
  const m = r.missing ?? { total: 0, public: 0, professional: 0 };
  const rem = r.remedy;
  const bound = r.status === 'non-compliant';
  const base: Omit<ActionItem, 'todo' | 'mustAct'> = {
    row: r.row,
    name: r.name,
    id: ctx.id,
    unit: ctx.unit,
    status: r.status === 'non-compliant' ? 'non-compliant' : 'not-restrictive',
    statusLabel: ctx.statusLabel,
    purposeLabel: ctx.purposeLabel,
    bound,
    missing: { total: m.total, public: m.public, professional: m.professional },
    gaps: ctx.gaps,
    hasRemedy: rem !== undefined,
    unknown: rem?.unknown === true,
    closable: rem?.closable ?? null,
    closed: rem?.closed ?? null,
    closableTotal: sum(rem?.closable ?? null),
    closedTotal: sum(rem?.closed ?? null),
    daysLeft: rem?.daysLeft ?? null,
    where: rem ? places(rem, ctx.placeLists) : [],
    // fees only where the hours bind the person (never for 不作限制); the remedy already counts closable hours only
    cost: bound && ctx.fees ? (rem?.cost ?? null) : null,
    alternatives: rem ? [...rem.alternatives] : [],
    summary: rem?.summary ?? '',
  };
  const by = rem?.by ? parseIsoDate(rem.by) : undefined;
  if (by) base.by = by;
  if (rem?.year !== undefined) base.year = rem.year;
  const mustAct = bound && (!base.hasRemedy || base.unknown || base.closableTotal > 0);
  return { ...base, todo: todoLines(base), mustAct };
}

function emptyTotals(fees: boolean): ActionTotals {
  return { people: 0, mustAct: 0, closable: { public: 0, professional: 0 }, closed: { public: 0, professional: 0 }, cost: fees ? 0 : null };
}

function addTo(t: ActionTotals, a: ActionItem): void {
  t.people += 1;
  if (a.mustAct) t.mustAct += 1;
  if (!a.bound) return;
  t.closable.public += a.closable?.public ?? 0;
  t.closable.professional += a.closable?.professional ?? 0;
  t.closed.public += a.closed?.public ?? 0;
  t.closed.professional += a.closed?.professional ?? 0;
  if (t.cost !== null && a.cost !== null) t.cost += a.cost;
}

/** Most urgent first: fewest days left (unknown last), then most closable hours, then the given order. */
export function byUrgency(a: ActionItem, b: ActionItem): number {
  const da = a.daysLeft ?? Number.POSITIVE_INFINITY;
  const db = b.daysLeft ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return b.closableTotal - a.closableTotal;
}

/**
 * The list, its per-unit rows and totals. `items` come in unit/row order;
 * bound rows (未达标) first, then 不作限制 for reference, each most urgent first.
 * Totals count hours and fees of bound rows only.
 */
export function actionList(items: ActionItem[], unitOrder: readonly string[], fees: boolean): ActionList {
  const sorted = [...items].sort((a, b) => Number(b.bound) - Number(a.bound) || byUrgency(a, b));
  const totals = emptyTotals(fees);
  const units = new Map<string, ActionUnitRow>();
  for (const a of sorted) {
    addTo(totals, a);
    let u = units.get(a.unit);
    if (!u) units.set(a.unit, (u = { unit: a.unit, ...emptyTotals(fees) }));
    addTo(u, a);
  }
  const rank = new Map(unitOrder.map((u, i) => [u, i] as const));
  const unitRows = [...units.values()].sort((a, b) => (rank.get(a.unit) ?? 1e9) - (rank.get(b.unit) ?? 1e9));
  return { items: sorted, units: unitRows, totals };
}

/** Days left in words: `还有 41 天`, `今天截止`, `已截止`. */
export function daysLeftText(d: number | null): string {
  if (d === null) return '—';
  return d < 0 ? '已截止' : d === 0 ? '今天截止' : `还有 ${d} 天`;
}
