/**
 * A pack compiled for evaluation: the plan a caller holds (the CLI for one run,
 * the add-in for one roster index) and passes to evaluate(). Everything the
 * evaluator keeps between rows lives here — the rule-path trie, the scratch
 * trace and credit table, the record plan, the shared texts — and nothing in
 * the package outside it, so two plans never see each other's state
 * (OpenFisca's simulation owns its caches and tracer in the same way).
 */
import type { KindRule, PolicyPack, Requirement } from './pack.js';
import type { CivilDate, Purpose, RecordKind } from './types.js';
import { dayNumber, parseIsoDate } from './dates.js';
import { LineTables, TextsByParts } from './shared-text.js';
import { RuleBook, Trace } from './trace.js';
import { ALL_RELIEF_INPUTS, RELIEF_UNITS, compileReliefSteps, type ReliefSteps, type ReliefUnit } from './reliefs.js';
import { RemedyShared } from './remedy.js';

/** A purpose's place in the plan's relief-step keys (purpose × relief inputs). */
const PURPOSE_INDEX: Readonly<Record<Purpose, number>> = { annual: 0, title: 1, assessment: 2, post: 3 };

/** What the evaluator worked out along the way; the explanation is built from it. */
export interface Working {
  reviewYear: number;
  asOf: CivilDate;
  age?: number | undefined;
  baseYears: readonly number[];
  requiredYears: readonly number[];
  mode: 'plain' | 'one-third' | 'one-year-of-three';
  chosenYear?: number | undefined;
}

/** Pack facts the record loop needs, worked out once per pack: the window's dates as yyyymmdd numbers, and per kind its rule and whether the window and the filing duty apply. */
export interface CompiledWindow {
  year: number;
  start: number;
  end: number;
}
export interface KindPlan {
  rule: KindRule;
  windowed: boolean;
  filingKind: boolean;
  /** the book's number of the clause a counted record of this kind applies (its rule's, else the units clause) */
  countedClause: number;
}
export interface RecordPlan {
  window: CompiledWindow | null;
  /** the book's number of the window's clause (-1: no window) */
  windowClause: number;
  kinds: Map<string, KindPlan>;
}


function compileRecordPlan(pack: PolicyPack, book: RuleBook): RecordPlan {
  const win = pack.window;
  const kinds = new Map<string, KindPlan>();
  for (const [kind, rule] of Object.entries(pack.kinds) as [RecordKind, KindRule][]) {
    kinds.set(kind, {
      rule,
      windowed: win !== undefined && win.kinds.includes(kind),
      filingKind: pack.filing !== undefined && pack.filing.kinds.includes(kind),
      countedClause: book.idOf('key' in rule ? rule.key : pack.units.key),
    });
  }
  return {
    window: win ? { year: parseIsoDate(win.start).year, start: dayNumber(parseIsoDate(win.start)), end: dayNumber(parseIsoDate(win.end)) } : null,
    windowClause: win ? book.idOf(win.key) : -1,
    kinds,
  };
}

export class CompiledPack {
  readonly book: RuleBook;
  readonly records: RecordPlan;
  /** scratch traces not in use; a call takes one and gives it back, so a re-entered evaluate() gets its own */
  private readonly idle: Trace[] = [];
  /** texts many rows share (reliefs, explanation lines), made once per plan */
  readonly texts = new TextsByParts();
  /** the explanation's most frequent lines by their numbers */
  readonly lineTables = new LineTables();
  /** the pack's plain yearly requirement, one frozen object (results only read it) */
  readonly plainRequirement: Requirement;
  /** the years some requirement override names (other years take plainRequirement at once) */
  readonly overriddenYears: ReadonlySet<number>;
  /** the audit deadline as a yyyymmdd number (records dated later get a word, r3.16); Infinity: none */
  readonly deadlineDay: number;
  /** the training window's last day, parsed once (the remedy reads it per row) */
  readonly windowEnd: CivilDate | undefined;
  /** texts and lists many rows' remedies share */
  readonly remedies: RemedyShared;
  private readonly ranges = new Map<number, readonly number[]>();
  private readonly yearEnds = new Map<number, CivilDate>();

  /** the relief units this plan applies, in order (RELIEF_UNITS unless the caller names others) */
  readonly reliefs: readonly ReliefUnit[];
  /** per purpose and relief inputs, each step's units that can bite under this pack (made on first use) */
  private readonly steps = new Map<number, ReliefSteps>();

  constructor(
    readonly pack: PolicyPack,
    options: CompileOptions = {},
  ) {
    this.reliefs = options.reliefs ?? RELIEF_UNITS;
    this.book = new RuleBook(pack);
    this.records = compileRecordPlan(pack, this.book);
    this.windowEnd = pack.window ? Object.freeze(parseIsoDate(pack.window.end)) : undefined;
    this.remedies = new RemedyShared(pack, this.windowEnd);
    this.deadlineDay = pack.deadline ? dayNumber(parseIsoDate(pack.deadline.date)) : Infinity;
    this.overriddenYears = new Set(pack.overrides.map((o) => o.year));
    this.plainRequirement = Object.freeze({ public: pack.annualRequirement.public, professional: pack.annualRequirement.professional });
  }

  /** Years from..to, frozen and shared (a handful of distinct ranges per roster). */
  range(from: number, to: number): readonly number[] {
    const key = from * 10000 + to;
    let years = this.ranges.get(key);
    if (years === undefined) {
      const out: number[] = [];
      for (let y = from; y <= to; y++) out.push(y);
      years = Object.freeze(out);
      this.ranges.set(key, years);
    }
    return years;
  }

  yearEnd(year: number): CivilDate {
    let d = this.yearEnds.get(year);
    if (d === undefined) {
      d = Object.freeze({ year, month: 12, day: 31 });
      this.yearEnds.set(year, d);
    }
    return d;
  }

  /**
   * The relief steps for a purpose and the relief inputs a row has (reliefInputs):
   * only the units whose data this pack has, whose purposes cover it and whose needs the row meets.
   */
  reliefSteps(purpose: Purpose, inputs: number = ALL_RELIEF_INPUTS): ReliefSteps {
    const key = PURPOSE_INDEX[purpose] * 64 + inputs;
    let steps = this.steps.get(key);
    if (steps === undefined) {
      steps = compileReliefSteps(this.reliefs, this.pack, purpose, inputs);
      this.steps.set(key, steps);
    }
    return steps;
  }

  /** A scratch trace for one evaluation (with its credit table and working). */
  acquire(): Trace {
    return this.idle.pop() ?? new Trace(this);
  }

  release(t: Trace): void {
    this.idle.push(t);
  }
}

export interface CompileOptions {
  /** the relief units to apply, in order; default RELIEF_UNITS */
  reliefs?: readonly ReliefUnit[];
}

/** Compile a pack once for many evaluations. */
export function compilePack(pack: PolicyPack, options: CompileOptions = {}): CompiledPack {
  return new CompiledPack(pack, options);
}
