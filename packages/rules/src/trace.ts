/**
 * What one evaluation did, collected as it goes: rules applied (each once),
 * reliefs, excluded records, warnings, notes, errors. Cheap to fill; the
 * Chinese explanation is built from it only when asked for.
 */
import type { Clause, PolicyPack, RequirementOverride } from './pack.js';
import type { CompiledPack, Working } from './plan.js';
import { CreditTable } from './credit.js';
import type {
  CellIssue,
  CivilDate,
  EvaluationResult,
  ExcludedRecord,
  Missing,
  Note,
  Person,
  ReliefApplied,
  RuleRef,
  Status,
  YearFigures,
} from './types.js';

/** The roster column each Person field comes from (ROSTER.md), for messages about a missing column. */
export const FIELD_HEADERS: Record<string, string> = {
  purpose: '申报类型',
  level: '申报级别',
  education: '学历',
  assessYears: '认定年限',
  postGrade: '岗位等级',
  transferYear: '党政机关转任年度',
  exceptionalYears: '破格任职年限',
  epidemic: '疫情防控一线',
};

/**
 * The rules a row applied, in order, as a node of a per-pack trie: rows that
 * apply the same clauses in the same order (most rows of a roster) share one
 * frozen list of rules and one of the 按本系统解释 readings that come with
 * them, so a result costs no list of its own. The trie stays small: its paths
 * are the orders in which the evaluator can apply a pack's few dozen clauses.
 */
class RulePath {
  /** the path reached from here by each key seen so far (itself for keys already applied) */
  private readonly next = new Map<string, RulePath>();
  /** the last two steps taken: rows of a roster mostly take the same steps, records alternate two keys */
  private lastKey: string | undefined;
  private lastPath: RulePath = this;
  private prevKey: string | undefined;
  private prevPath: RulePath = this;

  constructor(
    readonly refs: readonly RuleRef[],
    readonly readings: readonly RuleRef[],
  ) {}

  has(key: string): boolean {
    const refs = this.refs;
    for (let i = 0; i < refs.length; i++) if (refs[i]!.key === key) return true;
    return false;
  }

  /** The path with `key` applied (itself when already applied). */
  with(book: RuleBook, key: string): RulePath {
    if (key === this.lastKey) return this.lastPath;
    if (key === this.prevKey) return this.prevPath;
    let path = this.next.get(key);
    if (path === undefined) {
      path = this.step(book, key);
      this.next.set(key, path);
    }
    this.prevKey = this.lastKey;
    this.prevPath = this.lastPath;
    this.lastKey = key;
    this.lastPath = path;
    return path;
  }

  private step(book: RuleBook, key: string): RulePath {
    if (this.has(key)) return this;
    const ref = book.ref(key);
    const reading = book.readingOf(ref);
    return new RulePath(Object.freeze([...this.refs, ref]), reading ? Object.freeze([...this.readings, reading]) : this.readings);
  }
}

/**
 * A compiled pack's clauses as the results cite them: one frozen RuleRef per
 * key (never copied per row), its 按本系统解释 reading, and the root of the
 * rule-path trie. Owned by one CompiledPack.
 */
export class RuleBook {
  private readonly refs = new Map<string, RuleRef>();
  private readonly readings = new Map<RuleRef, RuleRef>();
  readonly root = new RulePath(Object.freeze([]), Object.freeze([]));

  constructor(readonly pack: PolicyPack) {}

  ref(key: string): RuleRef {
    let ref = this.refs.get(key);
    if (!ref) {
      ref = Object.freeze(ruleRef(this.pack, key));
      this.refs.set(key, ref);
      const c = this.pack.clauses[key];
      if (c?.interpretation) this.readings.set(ref, Object.freeze({ key, text: `按本系统解释：${c.interpretation}` }));
    }
    return ref;
  }

  readingOf(ref: RuleRef): RuleRef | undefined {
    return this.readings.get(ref);
  }
}

/** A clause as results cite it: key, rule text, quote and reading (a fresh object; plans keep theirs in a RuleBook). */
export function ruleRef(pack: PolicyPack, key: string): RuleRef {
  const c: Clause | undefined = pack.clauses[key];
  return c ? { key, text: c.rule, quote: c.quote, ...(c.interpretation ? { interpretation: c.interpretation } : {}) } : { key, text: key };
}

/**
 * One frozen empty list shared by every result that has nothing of a kind
 * (most rows have no relief, exclusion, warning, note or error): allocating
 * six empty arrays per row was a measurable share of the evaluator's time.
 * Results are read-only to their consumers.
 */
const NONE = Object.freeze([]) as never[];
const EMPTY: readonly number[] = Object.freeze([]);

/** Add to a list that may still be the shared empty one. */
function append<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}

/** A result while the evaluator still completes it (remedy, explanation); consumers see EvaluationResult, read-only. */
export type ResultDraft = { -readonly [K in keyof EvaluationResult]: EvaluationResult[K] };

export class Trace {
  private readonly pack: PolicyPack;
  private person!: Person;
  private path!: RulePath;
  /** readings in application order, once a row adds one of its own (rare); until then the path's list serves */
  private ownReadings: RuleRef[] | undefined;
  reliefs: ReliefApplied[] = NONE;
  excluded: ExcludedRecord[] = NONE;
  warnings: Note[] = NONE;
  notes: Note[] = NONE;
  errors: CellIssue[] = NONE;
  windowKey: string | undefined;

  /** the hours credited by records and exams for the row (cleared per row) */
  readonly credit = new CreditTable();
  /** without an explanation nothing reads the working after the row, so one object serves every row */
  private readonly scratchWorking: Working = { reviewYear: 0, asOf: { year: 0, month: 1, day: 1 }, baseYears: [], requiredYears: [], mode: 'plain' };

  constructor(readonly plan: CompiledPack) {
    this.pack = plan.pack;
  }

  working(explain: boolean, reviewYear: number, asOf: CivilDate): Working {
    if (explain) return { reviewYear, asOf, age: undefined, baseYears: EMPTY, requiredYears: EMPTY, mode: 'plain', chosenYear: undefined };
    const w = this.scratchWorking;
    w.reviewYear = reviewYear;
    w.asOf = asOf;
    w.age = undefined;
    w.baseYears = EMPTY;
    w.requiredYears = EMPTY;
    w.mode = 'plain';
    w.chosenYear = undefined;
    return w;
  }

  /**
   * Start tracing one evaluation. evaluate() is synchronous, so a plan keeps
   * one Trace and begins it anew for each row; the lists it hands to a result
   * are never touched again.
   */
  begin(person: Person): this {
    this.person = person;
    this.path = this.plan.book.root;
    this.ownReadings = undefined;
    this.reliefs = NONE;
    this.excluded = NONE;
    this.warnings = NONE;
    this.notes = NONE;
    this.errors = NONE;
    this.windowKey = undefined;
    return this;
  }

  /** The clauses applied so far, each once, in order (a list shared with other rows). */
  get rules(): readonly RuleRef[] {
    return this.path.refs;
  }

  /** Record that a clause was applied (once per key). */
  rule(key: string): void {
    const before = this.path;
    const after = before.with(this.plan.book, key);
    if (after === before || this.ownReadings === undefined) {
      this.path = after;
      return;
    }
    this.path = after;
    if (after.readings.length > before.readings.length) this.ownReadings.push(after.readings[after.readings.length - 1]!);
  }

  private has(key: string): boolean {
    return this.path.has(key);
  }

  relief(key: string, text: string): ReliefApplied {
    this.rule(key);
    const r = { key, text };
    this.reliefs = append(this.reliefs, r);
    return r;
  }

  override(o: RequirementOverride): void {
    if (this.has(o.key)) return;
    this.rule(o.key);
    if (o.when !== undefined) this.reliefs = append(this.reliefs, { key: o.key, text: `${o.year}年${o.category === 'public' ? '公需' : '专业'}科目不作要求（${this.pack.clauses[o.key]?.rule ?? o.key}）` });
    if (o.warning !== undefined) this.warn(o.warning, o.key, o.when);
  }

  exclude(e: ExcludedRecord): void {
    this.rule(e.key);
    this.excluded = append(this.excluded, e);
  }

  warn(message: string, key?: string, field?: string): void {
    if (key) this.rule(key);
    const cell = field ? this.person.cells[field] : undefined;
    this.warnings = append(this.warnings, { message, ...(key ? { key } : {}), ...(cell ? { column: cell.column, row: cell.row } : {}) });
  }

  note(message: string, key?: string): void {
    this.notes = append(this.notes, key ? { message, key } : { message });
  }

  interpretation(key: string, text: string): void {
    this.rule(key);
    (this.ownReadings ??= [...this.path.readings]).push({ key, text: `按本系统解释：${text}` });
  }

  /** An error about one of the person's cells; when the sheet has no such column, the message says which to add. */
  error(field: string, message: string): void {
    const cell = this.person.cells[field];
    const header = FIELD_HEADERS[field];
    this.errors = append(this.errors, 
      cell
        ? { field, row: this.person.row, column: cell.column, header: cell.header, value: cell.value, message }
        : { field, row: this.person.row, ...(header ? { header } : {}), message: header ? `${message}（表中没有“${header}”列）` : message },
    );
  }

  result(status: Status, missing: Missing | null, years: YearFigures[], reviewYear: number, extraErrors?: CellIssue[]): ResultDraft {
    const p = this.person;
    return {
      row: p.row,
      id: p.id,
      name: p.name ?? '',
      status,
      missing,
      years,
      rules: this.rules,
      reliefs: this.reliefs,
      excluded: this.excluded,
      warnings: p.warnings.length > 0 ? [...p.warnings.map(toNote), ...this.warnings] : this.warnings,
      errors: extraErrors ? [...extraErrors, ...this.errors] : this.errors,
      notes: this.notes,
      purpose: p.purpose,
      reviewYear,
      interpretations: this.ownReadings ?? this.path.readings,
      // set by the evaluator when asked for; present from the start so every result has one shape
      explanation: undefined,
    };
  }
}

function toNote(i: CellIssue): Note {
  return { message: i.message, row: i.row, ...(i.column ? { column: i.column } : {}), ...(i.key ? { key: i.key } : {}) };
}
