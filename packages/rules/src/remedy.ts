/**
 * What a person can still do (RULES.md §7 "Remedy", r3.19/r3.22): which of the
 * missing hours can still be earned under this notice, by when, where, at what
 * cost, and which can no longer be. Worked out from the year figures the
 * evaluator already has; no rule here changes a status.
 */
import type { PolicyPack } from './pack.js';
import type { CivilDate, Missing, Remedy, YearFigures, YearHours } from './types.js';
import { daysBetween, parseIsoDate } from './dates.js';
import { roundHours } from './rounding.js';
import { IntKeyTable } from './int-keys.js';

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
  /** the plan's shared remedies (many rows owe the same hours): made once, frozen */
  shared?: RemedyShared;
}

/** Closable and closed hours, rounded, and the open year under one-year-of-three (0: none). */
class Split {
  closablePublic = 0;
  closableProfessional = 0;
  closedPublic = 0;
  closedProfessional = 0;
  year = 0;

  set(cPub: number, cProf: number, xPub: number, xProf: number, year: number): this {
    this.closablePublic = cPub;
    this.closableProfessional = cProf;
    this.closedPublic = xPub;
    this.closedProfessional = xProf;
    this.year = year;
    return this;
  }
}

/** A shared remedy and, once a row with it is explained, its explanation lines. */
interface SharedRemedy {
  readonly remedy: Remedy;
  lines: readonly string[] | undefined;
}

/** Shared remedies stop at this many, so an unusual roster cannot bloat a plan. */
const MAX_SHARED_REMEDIES = 20_000;

/** Hours as whole tenths when a key can hold them exactly (rounded hours have one decimal); -1 beyond 409.5. */
function tenths(h: number): number {
  const t = Math.round(h * 10);
  return t >= 0 && t < TENTHS_LIMIT ? t : -1;
}

/**
 * Two tenths per key stay below 2^24, a small integer V8 hashes without
 * boxing (keys of 1e7·a + b were heap numbers: a third of the remedy's time).
 */
const TENTHS_LIMIT = 4096;

/**
 * What many rows' remedies have in common, kept by the caller's plan: whole
 * remedies by the figures they are made of (days left and year, closable,
 * closed), frozen, so rows that owe the same hours share one.
 */
export class RemedyShared {
  private readonly byFigures = new IntKeyTable<SharedRemedy>(MAX_SHARED_REMEDIES);
  /** the entry the last known() handed out: the explanation asks for its lines next */
  private last: SharedRemedy | undefined;
  /** lines of shared remedies that are not the last one handed out */
  private readonly otherLines = new WeakMap<Remedy, readonly string[]>();
  private readonly unknowns = new Map<number, Remedy[]>();
  private lastAsOf: CivilDate | undefined;
  private lastEnd: CivilDate | undefined;
  private lastLeft = 0;
  /** the split being worked out (remedyFor is synchronous and calls nothing back) */
  readonly split = new Split();
  private readonly scratch: RemedyInput;

  constructor(pack: PolicyPack, windowEnd: CivilDate | undefined) {
    this.scratch = { pack, reviewYear: 0, asOf: { year: 0, month: 1, day: 1 }, mode: 'plain', figures: [], missing: { total: 0, public: 0, professional: 0 }, windowEnd, shared: this };
  }

  /** One row's remedy input, in an object this plan reuses (remedyFor keeps nothing of it): no allocation per row. */
  input(reviewYear: number, asOf: CivilDate, mode: CountingMode, figures: readonly YearFigures[], missing: Missing): RemedyInput {
    const i = this.scratch;
    i.reviewYear = reviewYear;
    i.asOf = asOf;
    i.mode = mode;
    i.figures = figures;
    i.missing = missing;
    return i;
  }

  /** Days from the as-of date to the window's end: the same two dates for every row of a run. */
  daysLeft(asOf: CivilDate, end: CivilDate): number {
    if (asOf !== this.lastAsOf || end !== this.lastEnd) {
      this.lastAsOf = asOf;
      this.lastEnd = end;
      this.lastLeft = daysBetween(asOf, end);
    }
    return this.lastLeft;
  }

  /** The shared remedy for these figures, made the first time. */
  known(pack: PolicyPack, end: string, daysLeft: number, s: Split): Remedy {
    const c1 = tenths(s.closablePublic);
    const c2 = tenths(s.closableProfessional);
    const x1 = tenths(s.closedPublic);
    const x2 = tenths(s.closedProfessional);
    if (c1 < 0 || c2 < 0 || x1 < 0 || x2 < 0 || daysLeft > 99_999 || s.year < 0 || s.year > 9_999) return knownRemedy(pack, end, daysLeft, s);
    const k1 = daysLeft * 10_000 + s.year;
    const k2 = c1 * TENTHS_LIMIT + c2;
    const k3 = x1 * TENTHS_LIMIT + x2;
    const table = this.byFigures;
    const slot = table.slot(k1, k2, k3);
    const found = table.get(slot);
    if (found !== undefined) {
      this.last = found;
      return found.remedy;
    }
    const r = knownRemedy(pack, end, daysLeft, s);
    if (table.size < table.capacity) {
      const entry: SharedRemedy = { remedy: deepFreeze(r), lines: undefined };
      table.set(slot, k1, k2, k3, entry);
      this.last = entry;
    }
    return r;
  }

  /**
   * A shared (frozen) remedy's explanation lines, made once by `make`: kept
   * beside the remedy handed out last (the row being explained), else by identity.
   */
  linesOf(r: Remedy, make: (r: Remedy) => string[]): readonly string[] {
    const e = this.last;
    if (e !== undefined && e.remedy === r) return (e.lines ??= Object.freeze(make(r)));
    if (!Object.isFrozen(r)) return make(r);
    let lines = this.otherLines.get(r);
    if (lines === undefined) this.otherLines.set(r, (lines = Object.freeze(make(r))));
    return lines;
  }

  /**
   * The shared "unknown" remedy for a review year and the categories missing:
   * its reason (unknownWhy) follows from the plan's pack and the year, so it is
   * worked out only for the first row of each.
   */
  unknown(pack: PolicyPack, reviewYear: number, missing: Missing): Remedy {
    let byCats = this.unknowns.get(reviewYear);
    if (byCats === undefined) {
      if (this.unknowns.size >= 100) return unknownRemedy(pack, missing, unknownWhy(pack, reviewYear));
      this.unknowns.set(reviewYear, (byCats = []));
    }
    const i = (missing.public > 0 ? 2 : 0) + (missing.professional > 0 ? 1 : 0);
    return (byCats[i] ??= deepFreeze(unknownRemedy(pack, missing, unknownWhy(pack, reviewYear))));
  }
}

function deepFreeze(r: Remedy): Remedy {
  if (r.closable) Object.freeze(r.closable);
  if (r.closed) Object.freeze(r.closed);
  for (const w of r.where) Object.freeze(w);
  Object.freeze(r.where);
  Object.freeze(r.alternatives);
  return Object.freeze(r);
}

const gapPublic = (f: YearFigures): number => Math.max(0, f.required.public - f.credited.public);
const gapProfessional = (f: YearFigures): number => Math.max(0, f.required.professional - f.credited.professional);

/** A year's shortfall can still be earned: the window has not ended (`daysLeft` ≥ 0) and the year is the notice's own or an allowed make-up year. */
function openYear(pack: PolicyPack, daysLeft: number, year: number): boolean {
  const win = pack.window;
  if (win === undefined || daysLeft < 0) return false;
  return year === pack.ceYear || (win.makeUpYears !== undefined && win.makeUpYears.includes(year));
}

function splitPlain(input: RemedyInput, daysLeft: number, s: Split): Split {
  let cPub = 0;
  let cProf = 0;
  let xPub = 0;
  let xProf = 0;
  for (const f of input.figures) {
    if (openYear(input.pack, daysLeft, f.year)) {
      cPub += gapPublic(f);
      cProf += gapProfessional(f);
    } else {
      xPub += gapPublic(f);
      xProf += gapProfessional(f);
    }
  }
  return s.set(roundHours(cPub), roundHours(cProf), roundHours(xPub), roundHours(xProf), 0);
}

/** ⅓ reduction: the pooled shortfall is closable when any year of the window is. */
function splitPooled(input: RemedyInput, daysLeft: number, s: Split): Split {
  const { public: pub, professional: prof } = input.missing;
  let anyOpen = false;
  for (const f of input.figures) if (openYear(input.pack, daysLeft, f.year)) anyOpen = true;
  return anyOpen ? s.set(pub, prof, 0, 0, 0) : s.set(0, 0, pub, prof, 0);
}

/** One year of three: the open candidate year with the smallest shortfall (ties to the latest). */
function splitOneOfThree(input: RemedyInput, daysLeft: number, s: Split): Split {
  let best: YearFigures | undefined;
  let bestGap = Infinity;
  for (const f of input.figures) {
    if (!openYear(input.pack, daysLeft, f.year)) continue;
    const g = gapPublic(f) + gapProfessional(f);
    if (g <= bestGap) {
      best = f;
      bestGap = g;
    }
  }
  if (best === undefined) return s.set(0, 0, input.missing.public, input.missing.professional, 0);
  return s.set(roundHours(gapPublic(best)), roundHours(gapProfessional(best)), 0, 0, best.year);
}

/** xilingol-2024/8: public in whole 30-学时 packages, professional per 学时; only the closable hours. */
function costOf(pack: PolicyPack, closable: YearHours): number | null {
  const fees = pack.fees;
  if (fees === undefined) return null;
  const pub = Number.isInteger(closable.public) ? closable.public : Number(closable.public.toPrecision(12));
  const packages = Math.ceil(pub / 30);
  return Math.round((packages * fees.publicPer30Hours + closable.professional * fees.professionalPerHour) * 100) / 100;
}

function wherePlatforms(pack: PolicyPack, pub: boolean, prof: boolean): Remedy['where'] {
  const out: Remedy['where'] = [];
  for (const p of pack.platforms ?? []) {
    const wanted = p.category === 'any' || (p.category === 'public' ? pub : prof);
    if (wanted) out.push(p.url ? { category: p.category, name: p.name, url: p.url } : { category: p.category, name: p.name });
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

function hoursText(pub: number, prof: number): string {
  const parts: string[] = [];
  if (pub > 0) parts.push(`公需${pub}学时`);
  if (prof > 0) parts.push(`专业${prof}学时`);
  return parts.join('、');
}

/** Why a notice cannot say what is still closable (r3.22): another review year than its own, or no training window. */
function unknownWhy(pack: PolicyPack, reviewYear: number): string {
  return reviewYear !== pack.ceYear
    ? `审核年度${reviewYear}年不是本通知的年度（${pack.ceYear}年），本通知的培训时间和补学规定不适用：能否补学请按当地当年安排`
    : '本通知未规定培训时间和补学规则：能否补学请按当地安排';
}

function unknownRemedy(pack: PolicyPack, missing: Missing, why: string): Remedy {
  const pub = missing.public > 0;
  const prof = missing.professional > 0;
  return {
    closable: null,
    closed: null,
    unknown: true,
    by: null,
    daysLeft: null,
    where: wherePlatforms(pack, pub, prof),
    cost: null,
    alternatives: alternatives(pack, prof),
    summary: why,
  };
}

function summaryText(s: Split, end: string, daysLeft: number, cost: number | null): string {
  const open = hoursText(s.closablePublic, s.closableProfessional);
  const closed = hoursText(s.closedPublic, s.closedProfessional);
  return [
    open ? `还可补${s.year ? `${s.year}年度` : ''}${open}，截至${end}（剩${daysLeft}天）${cost ? `，费用约${cost}元` : ''}` : '',
    closed ? `已无法补：${closed}（本通知的培训时间已过或该年度不可补学）` : '',
  ]
    .filter(Boolean)
    .join('；');
}

function knownRemedy(pack: PolicyPack, end: string, daysLeft: number, s: Split): Remedy {
  const closable = { public: s.closablePublic, professional: s.closableProfessional };
  const cost = costOf(pack, closable);
  const profOpen = closable.professional > 0;
  return {
    closable,
    closed: { public: s.closedPublic, professional: s.closedProfessional },
    unknown: false,
    by: end,
    daysLeft,
    where: wherePlatforms(pack, closable.public > 0, profOpen),
    cost,
    alternatives: alternatives(pack, profOpen),
    ...(s.year !== 0 ? { year: s.year } : {}),
    summary: summaryText(s, end, daysLeft, cost),
  };
}

/** The remedy of a result that misses hours and is not invalid (callers check that). */
export function remedyFor(input: RemedyInput): Remedy {
  const { pack, missing, shared } = input;
  const win = pack.window;
  if (input.reviewYear !== pack.ceYear || win === undefined) {
    return shared ? shared.unknown(pack, input.reviewYear, missing) : unknownRemedy(pack, missing, unknownWhy(pack, input.reviewYear));
  }
  const end = input.windowEnd ?? parseIsoDate(win.end);
  const left = shared ? shared.daysLeft(input.asOf, end) : daysBetween(input.asOf, end);
  const s = shared?.split ?? new Split();
  if (input.mode === 'one-third') splitPooled(input, left, s);
  else if (input.mode === 'one-year-of-three') splitOneOfThree(input, left, s);
  else splitPlain(input, left, s);
  const daysLeft = Math.max(0, left);
  return shared ? shared.known(pack, win.end, daysLeft, s) : knownRemedy(pack, win.end, daysLeft, s);
}
