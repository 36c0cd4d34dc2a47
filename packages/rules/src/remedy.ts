/**
 * What a person can still do (RULES.md §7 "Remedy", r3.19/r3.22): which of the
 * missing hours can still be earned under this notice, by when, where, at what
 * cost, and which can no longer be. Worked out from the year figures the
 * evaluator already has; no rule here changes a status.
 */
import type { PolicyPack } from './pack.js';
import type { Category, CivilDate, Missing, Remedy, YearFigures, YearHours } from './types.js';
import { daysBetween, parseIsoDate } from './dates.js';
import { roundHours } from './rounding.js';
import { TextsByParts } from './shared-text.js';

export type CountingMode = 'plain' | 'one-third' | 'one-year-of-three';

export interface RemedyInput {
  pack: PolicyPack;
  reviewYear: number;
  asOf: CivilDate;
  mode: CountingMode;
  /** the year figures of the required (or, under one-year-of-three, candidate) years */
  figures: readonly YearFigures[];
  missing: Missing;
  /** the pack's training-window end, parsed once by the plan */
  windowEnd?: CivilDate | undefined;
  /** the plan's shared texts and lists (many rows have the same remedy): made once, frozen */
  shared?: RemedyShared;
}

/** What many rows' remedies have in common, kept by the caller's plan. */
export class RemedyShared {
  readonly texts = new TextsByParts();
  readonly lists = new Map<string, readonly unknown[]>();

  list<T>(key: string, make: () => T[]): readonly T[] {
    let l = this.lists.get(key);
    if (l === undefined) {
      l = Object.freeze(make());
      this.lists.set(key, l);
    }
    return l as readonly T[];
  }
}

function gapOf(f: YearFigures): YearHours {
  return {
    public: Math.max(0, f.required.public - f.credited.public),
    professional: Math.max(0, f.required.professional - f.credited.professional),
  };
}

const ZERO: YearHours = Object.freeze({ public: 0, professional: 0 });

function rounded(h: YearHours): YearHours {
  return { public: roundHours(h.public), professional: roundHours(h.professional) };
}

/** A year's shortfall can still be earned: the window has not ended (`daysLeft` ≥ 0) and the year is the notice's own or an allowed make-up year. */
function openYear(input: RemedyInput, daysLeft: number, year: number): boolean {
  const { pack } = input;
  const win = pack.window;
  if (win === undefined || daysLeft < 0) return false;
  return year === pack.ceYear || (win.makeUpYears ?? []).includes(year);
}

interface Split {
  closable: YearHours;
  closed: YearHours;
  year?: number;
}

function splitPlain(input: RemedyInput, daysLeft: number): Split {
  const closable = { public: 0, professional: 0 };
  const closed = { public: 0, professional: 0 };
  for (const f of input.figures) {
    const g = gapOf(f);
    const into = openYear(input, daysLeft, f.year) ? closable : closed;
    into.public += g.public;
    into.professional += g.professional;
  }
  return { closable: rounded(closable), closed: rounded(closed) };
}

/** ⅓ reduction: the pooled shortfall is closable when any year of the window is. */
function splitPooled(input: RemedyInput, daysLeft: number): Split {
  const all = { public: input.missing.public, professional: input.missing.professional };
  const anyOpen = input.figures.some((f) => openYear(input, daysLeft, f.year));
  return anyOpen ? { closable: all, closed: ZERO } : { closable: ZERO, closed: all };
}

/** One year of three: the open candidate year with the smallest shortfall (ties to the latest). */
function splitOneOfThree(input: RemedyInput, daysLeft: number): Split {
  let best: { year: number; gap: YearHours } | undefined;
  for (const f of input.figures) {
    if (!openYear(input, daysLeft, f.year)) continue;
    const g = gapOf(f);
    if (best === undefined || g.public + g.professional <= best.gap.public + best.gap.professional) best = { year: f.year, gap: g };
  }
  if (best === undefined) return { closable: ZERO, closed: { public: input.missing.public, professional: input.missing.professional } };
  return { closable: rounded(best.gap), closed: ZERO, year: best.year };
}

/** xilingol-2024/8: public in whole 30-学时 packages, professional per 学时; only the closable hours. */
function costOf(pack: PolicyPack, closable: YearHours | null): number | null {
  const fees = pack.fees;
  if (fees === undefined) return null;
  if (closable === null) return null;
  const pub = Number.isInteger(closable.public) ? closable.public : Number(closable.public.toPrecision(12));
  const packages = Math.ceil(pub / 30);
  return Math.round((packages * fees.publicPer30Hours + closable.professional * fees.professionalPerHour) * 100) / 100;
}

function wherePlatforms(pack: PolicyPack, categories: readonly Category[]): Remedy['where'] {
  const out: Remedy['where'] = [];
  for (const p of pack.platforms ?? []) {
    if (p.category === 'any' || categories.includes(p.category)) out.push(p.url ? { category: p.category, name: p.name, url: p.url } : { category: p.category, name: p.name });
  }
  return out;
}

function alternatives(pack: PolicyPack, professionalOpen: boolean): string[] {
  if (!professionalOpen) return [];
  const q = pack.exams.qualification;
  if (q.mode === 'year-complete') return [`职业资格考试合格视同完成该年度专业科目学时 [${q.key}]`];
  if (q.mode === 'fixed-hours') return [`职业资格考试合格计取得成绩年度专业科目${q.hours}学时 [${q.key}]`];
  return [];
}

function hoursText(h: YearHours): string {
  const parts: string[] = [];
  if (h.public > 0) parts.push(`公需${h.public}学时`);
  if (h.professional > 0) parts.push(`专业${h.professional}学时`);
  return parts.join('、');
}

function unknownRemedy(input: RemedyInput, why: string): Remedy {
  const cats: Category[] = [];
  if (input.missing.public > 0) cats.push('public');
  if (input.missing.professional > 0) cats.push('professional');
  return {
    closable: null,
    closed: null,
    unknown: true,
    by: null,
    daysLeft: null,
    where: wherePlatforms(input.pack, cats),
    cost: null,
    alternatives: alternatives(input.pack, input.missing.professional > 0),
    summary: why,
  };
}

function summaryText(split: Split, end: string, daysLeft: number, cost: number | null): string {
  const open = hoursText(split.closable);
  const closed = hoursText(split.closed);
  return [
    open ? `还可补${split.year ? `${split.year}年度` : ''}${open}，截至${end}（剩${daysLeft}天）${cost ? `，费用约${cost}元` : ''}` : '',
    closed ? `已无法补：${closed}（本通知的培训时间已过或该年度不可补学）` : '',
  ]
    .filter(Boolean)
    .join('；');
}

/** The remedy of a result that misses hours and is not invalid (callers check that). */
export function remedyFor(input: RemedyInput): Remedy {
  const { pack } = input;
  if (input.reviewYear !== pack.ceYear) {
    return unknownRemedy(input, `审核年度${input.reviewYear}年不是本通知的年度（${pack.ceYear}年），本通知的培训时间和补学规定不适用：能否补学请按当地当年安排`);
  }
  const win = pack.window;
  if (win === undefined) return unknownRemedy(input, '本通知未规定培训时间和补学规则：能否补学请按当地安排');
  const end = input.windowEnd ?? parseIsoDate(win.end);
  const left = daysBetween(input.asOf, end);
  const split = input.mode === 'one-third' ? splitPooled(input, left) : input.mode === 'one-year-of-three' ? splitOneOfThree(input, left) : splitPlain(input, left);
  const daysLeft = Math.max(0, left);
  const cats: Category[] = [];
  if (split.closable.public > 0) cats.push('public');
  if (split.closable.professional > 0) cats.push('professional');
  const cost = costOf(pack, split.closable);
  const { closable, closed } = split;
  const make = () => summaryText(split, win.end, daysLeft, cost);
  const texts = input.shared?.texts;
  // rows with the same figures share one text: a fresh string per row was a measurable share of the evaluator's time
  const summary = texts
    ? (texts.find(split.year ?? 0, closable.public * 1e6 + closable.professional, closed.public * 1e6 + closed.professional, daysLeft) ?? texts.keep(make()))
    : make();
  const shared = input.shared;
  const where = shared ? shared.list(`where|${cats.join()}`, () => wherePlatforms(pack, cats)) : wherePlatforms(pack, cats);
  const profOpen = closable.professional > 0;
  return {
    closable,
    closed,
    unknown: false,
    by: win.end,
    daysLeft,
    where: where as Remedy['where'],
    cost,
    alternatives: (shared ? shared.list(`alt|${profOpen}`, () => alternatives(pack, profOpen)) : alternatives(pack, profOpen)) as string[],
    ...(split.year !== undefined ? { year: split.year } : {}),
    summary,
  };
}
