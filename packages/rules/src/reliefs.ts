/**
 * Reliefs (减免, RULES.md §4) as units: each says when it applies, what it
 * does, under which clause and in which words. The evaluator knows only the
 * steps — full exemption, window change, counting reduction, reference only,
 * and the annual check's "若申报职称评审，可享受…" — and runs the units of a
 * plan in the order of its list (RELIEF_UNITS, unless the caller compiles
 * with another). A new relief is a unit here (or in the caller), its data in
 * the pack's `reliefs` under the unit's id, and its tests; the evaluator does
 * not change.
 */
import type { AgeThreshold, PolicyPack, ReferenceGroup } from './pack.js';
import type { CivilDate, Level, Person, Purpose } from './types.js';
import type { Trace } from './trace.js';
import { formatDate } from './dates.js';
import { LEVEL_LABELS } from './labels.js';
import type { Part } from './shared-text.js';

/** What a unit sees of the row being evaluated (valid during the call only: the trace refills it for the next row). */
export interface ReliefCase {
  readonly person: Person;
  readonly pack: PolicyPack;
  /** the review year Y */
  readonly reviewYear: number;
  readonly age: number | undefined;
  readonly asOf: CivilDate;
  /** records reliefs, warnings and notes, with their clause keys */
  readonly t: Trace;
}

/** A window change (step 3): years up to `after` are no longer required, and the years in `remove`. */
export interface WindowChange {
  after?: number;
  remove?: readonly number[];
}

/** A counting reduction (step 4): how the remaining years are counted. */
export type Reduction = 'one-third' | 'one-year-of-three';

/**
 * Person data a unit can need. A row without any of a unit's `needs` never
 * reaches the unit: the plan compiles the steps per purpose and per the data
 * the row has (most rows have no transfer, 破格, epidemic duty, post-doc or
 * reference group, and skip those units uncalled).
 */
export type ReliefInput = 'age' | 'transferYear' | 'exceptionalYears' | 'epidemic' | 'postdoc' | 'referenceGroup';

const INPUT_BITS: Readonly<Record<ReliefInput, number>> = { age: 1, transferYear: 2, exceptionalYears: 4, epidemic: 8, postdoc: 16, referenceGroup: 32 };

/** Every input at once: what a unit without `needs` is compiled for. */
export const ALL_RELIEF_INPUTS = 63;

/** The relief inputs a row has, as bits (age: known age and sex). */
export function reliefInputs(person: Person, age: number | undefined): number {
  let bits = 0;
  if (age !== undefined && person.sex !== undefined) bits |= 1;
  if (person.transferYear !== undefined) bits |= 2;
  if (person.exceptionalYears !== undefined) bits |= 4;
  if (person.epidemic?.flagged === true) bits |= 8;
  if (person.postdoc === true) bits |= 16;
  if (person.nonPublic === true || person.grassroots === true) bits |= 32;
  return bits;
}

function needsBits(u: ReliefUnit): number {
  if (u.needs === undefined) return ALL_RELIEF_INPUTS;
  let bits = 0;
  for (const n of u.needs) bits |= INPUT_BITS[n];
  return bits;
}

export interface ReliefUnit {
  /**
   * The key of its data in a pack's `reliefs`. A plan leaves a unit out under a
   * pack that has no such data, and for purposes its data's `purposes` (or, for
   * a list, every item's) do not name; data without `purposes` covers all.
   */
  readonly id: string;
  /**
   * The person data without which the unit never bites (any one suffices), so
   * rows without it skip the unit. Omitted: the unit runs for every row — the
   * safe choice for a new unit.
   */
  readonly needs?: readonly ReliefInput[];
  /** step 1: true when it removes every requirement (status exempt); it records itself */
  exempt?(c: ReliefCase): boolean;
  /** step 3: which years it takes out of the window */
  window?(c: ReliefCase): WindowChange | undefined;
  /** step 4: a counting reduction, recorded once the evaluator applies it */
  reduce?(c: ReliefCase): { mode: Reduction; key: string; text: string } | undefined;
  /** step 2: true when hours are only a reference factor (status not-restrictive) */
  reference?(c: ReliefCase): boolean;
  /** the annual check applies no title-review relief, but says which one would */
  would?(c: ReliefCase): void;
}

const covers = (purposes: readonly Purpose[] | undefined, purpose: Purpose): boolean => purposes !== undefined && purposes.includes(purpose);
const SENIOR: ReadonlySet<Level> = new Set<Level>(['senior-full', 'senior-deputy']);

function sexLabel(person: Person): string {
  return person.sex === 'M' ? '男，' : person.sex === 'F' ? '女，' : '';
}

/** The threshold a person's age reaches, if any. */
function reached(r: AgeThreshold, c: ReliefCase): number | undefined {
  if (c.age === undefined || c.person.sex === undefined) return undefined;
  const th = c.person.sex === 'M' ? r.male : r.female;
  return c.age >= th ? th : undefined;
}

/*
 * Texts a unit says are made once per plan and found again by what they are
 * made of (TextsByParts: `find(...) ?? keep(text)`, the text built only when
 * not found; no closure per row):
 * - 若申报职称评审，可享受… notes: wouldText(t, data, value) ?? keepWould(t, what), found by the
 *   relief's data and a value (two reliefs may share a clause and a threshold);
 * - relief texts: sharedText(t, a, b, c) ?? t.plan.texts.keep(text).
 */
function wouldText(t: Trace, data: object, value: Part): string | undefined {
  return t.plan.texts.find('would', data, value, undefined);
}

function keepWould(t: Trace, what: string): string {
  return t.plan.texts.keep(`若申报职称评审，可享受：${what}`);
}

function sharedText(t: Trace, a: Part, b: Part, c: Part): string | undefined {
  return t.plan.texts.find(a, b, c, 'relief');
}

/** nm-2018/3.4, hohhot-2022/3.1, xilingol-2024/6.1, alxa-2025/1.5.1: men ≥ 55, women ≥ 50. */
const ageExempt: ReliefUnit = {
  id: 'ageExempt',
  needs: ['age'],
  exempt(c) {
    const r = c.pack.reliefs.ageExempt;
    if (!r || !covers(r.purposes, c.person.purpose)) return false;
    const th = reached(r, c);
    if (th === undefined) return false;
    c.t.relief(r.key, c.t.plan.texts.find(r, c.person.sex, c.age, c.asOf) ?? c.t.plan.texts.keep(`${sexLabel(c.person)}${c.age}周岁（截至${formatDate(c.asOf)}），已满${th}周岁：免除学时要求`));
    return true;
  },
  would(c) {
    const r = c.pack.reliefs.ageExempt;
    if (!r || !covers(r.purposes, 'title')) return;
    const th = reached(r, c);
    if (th !== undefined) c.t.note(wouldText(c.t, r, th) ?? keepWould(c.t, `已满${th}周岁，免除学时要求`), r.key);
  },
};

/** 党政机关转任 (hohhot-2022/3.7, xilingol-2024/6.7, alxa-2025/1.5.5): same year exempt; earlier, the years after only. */
const transfer: ReliefUnit = {
  id: 'transfer',
  needs: ['transferYear'],
  exempt(c) {
    const r = c.pack.reliefs.transfer;
    const Y = c.reviewYear;
    if (!r || !covers(r.purposes, c.person.purpose) || c.person.transferYear !== Y) return false;
    c.t.relief(r.key, sharedText(c.t, r.key, 'same-year', Y) ?? c.t.plan.texts.keep(`${Y}年由党政机关转任，当年申报职称评审：免除学时要求`));
    return true;
  },
  window(c) {
    const r = c.pack.reliefs.transfer;
    const year = c.person.transferYear;
    if (!r || !covers(r.purposes, c.person.purpose) || year === undefined || year >= c.reviewYear) return undefined;
    c.t.relief(r.key, sharedText(c.t, r.key, 'earlier-year', year) ?? c.t.plan.texts.keep(`${year}年由党政机关转任：只要求${year + 1}年起的学时`));
    return { after: year };
  },
  would(c) {
    const r = c.pack.reliefs.transfer;
    if (r && c.person.transferYear === c.reviewYear) c.t.note(wouldText(c.t, r, undefined) ?? keepWould(c.t, '当年由党政机关转任，免除学时要求'), r.key);
  },
};

/** 出站博士后 applying for a senior level (xilingol-2024/6.3, alxa-2025/1.5.3). */
const postdocSenior: ReliefUnit = {
  id: 'postdocSenior',
  needs: ['postdoc'],
  exempt(c) {
    const r = c.pack.reliefs.postdocSenior;
    if (!r || !covers(r.purposes, c.person.purpose) || c.person.postdoc !== true) return false;
    const level = c.person.level;
    if (level === undefined || !SENIOR.has(level)) {
      c.t.note('出站博士后的免除只适用于申报高级（正高级、副高级）', r.key);
      return false;
    }
    c.t.relief(r.key, sharedText(c.t, r.key, level, undefined) ?? c.t.plan.texts.keep(`出站博士后，申报${LEVEL_LABELS[level]}：免除学时要求`));
    return true;
  },
};

/** 破格 (xilingol-2024/6.9, alxa-2025/1.5.6): the last N years only. */
const exceptional: ReliefUnit = {
  id: 'exceptional',
  needs: ['exceptionalYears'],
  window(c) {
    const r = c.pack.reliefs.exceptional;
    const n = c.person.exceptionalYears;
    if (!r || !covers(r.purposes, c.person.purpose) || n === undefined) return undefined;
    const from = c.reviewYear - n + 1;
    c.t.relief(r.key, sharedText(c.t, r.key, n, from) ?? c.t.plan.texts.keep(`破格申报，实际任职${n}年：只要求${from}年起的学时`));
    return { after: from - 1 };
  },
};

/** 疫情防控一线: exempt (hohhot-2022/3.4) or the listed years removed (xilingol-2024/6.4, alxa-2025/1.5.4). */
const epidemic: ReliefUnit = {
  id: 'epidemic',
  needs: ['epidemic'],
  exempt(c) {
    const r = c.pack.reliefs.epidemic;
    if (r?.mode !== 'exempt' || !covers(r.purposes, c.person.purpose) || !c.person.epidemic?.flagged) return false;
    c.t.relief(r.key, sharedText(c.t, 'epidemic-exempt', r.key, undefined) ?? c.t.plan.texts.keep(c.pack.clauses[r.key]?.rule ?? '疫情防控一线：免除学时要求'));
    if (r.warning) c.t.warn(r.warning, r.key, 'epidemic');
    return true;
  },
  window(c) {
    const r = c.pack.reliefs.epidemic;
    const duty = c.person.epidemic;
    if (r?.mode !== 'remove-years' || !covers(r.purposes, c.person.purpose) || !duty?.flagged) return undefined;
    if (duty.years.length === 0) {
      c.t.warn('疫情防控一线只填了“是”，未填年度：未减免任何年度，请填写疫情防控年度', r.key, 'epidemic');
      return undefined;
    }
    c.t.relief(r.key, `疫情防控一线：${duty.years.join('、')}年不作要求`);
    return { remove: duty.years };
  },
  would(c) {
    const r = c.pack.reliefs.epidemic;
    if (r && c.person.epidemic?.flagged) c.t.note(wouldText(c.t, r, undefined) ?? keepWould(c.t, r.mode === 'exempt' ? '疫情防控一线，免除学时要求' : '疫情防控当年度不作要求'), r.key);
  },
};

/** men ≥ 50, women ≥ 45 below the exemption: ⅓ (nm-2018/3.4, hohhot-2022/3.1) or one year of three (xilingol-2024/6.1, alxa-2025/1.5.1). */
const ageReduction: ReliefUnit = {
  id: 'ageReduction',
  needs: ['age'],
  reduce(c) {
    const r = c.pack.reliefs.ageReduction;
    if (!r || !covers(r.purposes, c.person.purpose)) return undefined;
    const th = reached(r, c);
    if (th === undefined) return undefined;
    const how = r.mode === 'one-third' ? '完成规定学时的1/3即可（按类别合并计算）' : '完成近三年中任一年度的学时即可';
    return { mode: r.mode, key: r.key, text: c.t.plan.texts.find(r, c.person.sex, c.age, undefined) ?? c.t.plan.texts.keep(`${sexLabel(c.person)}${c.age}周岁，已满${th}周岁：${how}`) };
  },
  would(c) {
    const r = c.pack.reliefs.ageReduction;
    const exempt = c.pack.reliefs.ageExempt;
    if (!r || !covers(r.purposes, 'title')) return;
    if (exempt && covers(exempt.purposes, 'title') && reached(exempt, c) !== undefined) return; // the exemption's note says more
    const th = reached(r, c);
    if (th === undefined) return;
    c.t.note(wouldText(c.t, r, th) ?? keepWould(c.t, r.mode === 'one-third' ? `已满${th}周岁，完成规定学时的1/3即可` : `已满${th}周岁，完成近三年中一个年度的学时即可`), r.key);
  },
};

/** The two groups whose hours are only a reference in a title review (RULES.md §4, step 2), in the notices' words. */
const REFERENCE_GROUPS: Record<ReferenceGroup, { relief: string; would: string; label: string }> = {
  nonPublic: { relief: '非公有制经济领域：学时作为评审参考因素，不作限制', would: '非公有制经济领域，学时仅作参考', label: '非公有制经济领域人员' },
  grassroots: { relief: '基层一线：学时作为评审参考因素，不作限制', would: '基层一线，学时仅作参考', label: '基层一线人员' },
};

/** 非公有制 / 基层一线 (hohhot-2022/3.2–3.3, xilingol-2024/6.2, alxa-2025/1.5.2): only in the review years the notice names (r3.8). */
const referenceOnly: ReliefUnit = {
  id: 'referenceOnly',
  needs: ['referenceGroup'],
  reference(c) {
    let applies = false;
    for (const ref of c.pack.reliefs.referenceOnly ?? []) {
      if (!covers(ref.purposes, c.person.purpose) || c.person[ref.when] !== true) continue;
      if (ref.reviewYears !== undefined && !ref.reviewYears.includes(c.reviewYear)) {
        c.t.warn(`本通知只对${ref.reviewYears.join('、')}年度职称评审规定${REFERENCE_GROUPS[ref.when].label}学时不作限制；审核年度为${c.reviewYear}年，未适用`, ref.key, ref.when);
        continue;
      }
      c.t.relief(ref.key, REFERENCE_GROUPS[ref.when].relief);
      applies = true;
    }
    return applies;
  },
  would(c) {
    for (const ref of c.pack.reliefs.referenceOnly ?? []) {
      if (covers(ref.purposes, 'title') && c.person[ref.when] === true && (ref.reviewYears === undefined || ref.reviewYears.includes(c.reviewYear))) {
        c.t.note(wouldText(c.t, ref, undefined) ?? keepWould(c.t, REFERENCE_GROUPS[ref.when].would), ref.key);
      }
    }
  },
};

/** Each step's units for one pack and purpose, as plain functions: what the evaluator runs per row. */
export interface ReliefSteps {
  readonly exempt: readonly ((c: ReliefCase) => boolean)[];
  readonly would: readonly ((c: ReliefCase) => void)[];
  readonly window: readonly ((c: ReliefCase) => WindowChange | undefined)[];
  readonly reduce: readonly ((c: ReliefCase) => ReturnType<NonNullable<ReliefUnit['reduce']>>)[];
  readonly reference: readonly ((c: ReliefCase) => boolean)[];
}

/** The purposes a unit's data covers; undefined = all. */
function dataPurposes(data: unknown): readonly Purpose[] | undefined {
  const items = Array.isArray(data) ? (data as unknown[]) : [data];
  const out: Purpose[] = [];
  for (const item of items) {
    const ps = (item as { purposes?: readonly Purpose[] } | null)?.purposes;
    if (ps === undefined) return undefined;
    out.push(...ps);
  }
  return out;
}

/** Compile the units of a plan for one pack, purpose and set of relief inputs (bits; ALL_RELIEF_INPUTS: every unit). */
export function compileReliefSteps(units: readonly ReliefUnit[], pack: PolicyPack, purpose: Purpose, inputs: number = ALL_RELIEF_INPUTS): ReliefSteps {
  const exempt: ((c: ReliefCase) => boolean)[] = [];
  const would: ((c: ReliefCase) => void)[] = [];
  const window: ((c: ReliefCase) => WindowChange | undefined)[] = [];
  const reduce: ReliefSteps['reduce'][number][] = [];
  const reference: ((c: ReliefCase) => boolean)[] = [];
  for (const u of units) {
    const data: unknown = (pack.reliefs as Record<string, unknown>)[u.id];
    if (data === undefined || (needsBits(u) & inputs) === 0) continue;
    const purposes = dataPurposes(data);
    const coversPurpose = purposes === undefined || purposes.includes(purpose);
    if (coversPurpose) {
      if (u.exempt) exempt.push(u.exempt.bind(u));
      if (u.window) window.push(u.window.bind(u));
      if (u.reduce) reduce.push(u.reduce.bind(u));
      if (u.reference) reference.push(u.reference.bind(u));
    }
    // a unit's `would` decides itself which title-review reliefs to name
    if (purpose === 'annual' && u.would) would.push(u.would.bind(u));
  }
  return Object.freeze({ exempt, would, window, reduce, reference });
}

/** The order reliefs apply in (RULES.md §4): within each step, list order. */
export const RELIEF_UNITS: readonly ReliefUnit[] = Object.freeze([ageExempt, transfer, postdocSenior, exceptional, epidemic, ageReduction, referenceOnly]);
