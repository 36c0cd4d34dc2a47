/**
 * What one evaluation did, collected as it goes: rules applied (each once),
 * reliefs, excluded records, warnings, notes, errors. Cheap to fill; the
 * Chinese explanation is built from it only when asked for.
 */
import type { Clause, PolicyPack, RequirementOverride } from './pack.js';
import type { CompiledPack, Working } from './plan.js';
import { CreditTable } from './credit.js';
import type { ReliefCase } from './reliefs.js';
import type {
  CellIssue,
  CellRef,
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
interface RulePath {
  readonly refs: readonly RuleRef[];
  readonly readings: readonly RuleRef[];
  /** the explanation lines of `readings`, made the first time a row on this path is explained */
  readingLines: readonly string[] | undefined;
}

/**
 * A compiled pack's clauses as the results cite them: a small number per key,
 * one frozen RuleRef per key (never copied per row), its 按本系统解释 reading,
 * and the rule-path trie. Owned by one CompiledPack.
 *
 * The trie is a flat table, `next[node * width + clause]` = the node reached
 * by applying that clause (0: not made yet; the root is node 0 and never a
 * target), stepped as each clause is applied: one typed-array read a step,
 * where walking linked nodes at the end of every row was the result's largest cost.
 */
export class RuleBook {
  private readonly ids = new Map<string, number>();
  private readonly refs: RuleRef[] = [];
  private readonly readings: (RuleRef | undefined)[] = [];
  private readonly nodes: RulePath[] = [{ refs: Object.freeze([]), readings: Object.freeze([]), readingLines: undefined }];
  private width = 64;
  private next = new Int32Array(64 * 64);

  constructor(readonly pack: PolicyPack) {}

  /** The clause's number in this book (given on first sight). */
  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.refs.length;
      this.refs.push(Object.freeze(ruleRef(this.pack, key)));
      const c = this.pack.clauses[key];
      this.readings.push(c?.interpretation ? Object.freeze({ key, text: `按本系统解释：${c.interpretation}` }) : undefined);
      this.ids.set(key, id);
    }
    return id;
  }

  refAt(id: number): RuleRef {
    const ref = this.refs[id];
    if (ref === undefined) throw new RangeError(`no clause numbered ${id}`);
    return ref;
  }

  readingAt(id: number): RuleRef | undefined {
    return this.readings[id];
  }

  /** The trie node reached from `node` by applying clause `id` next (the trace never applies one twice). */
  step(node: number, id: number): number {
    if (id < this.width) {
      const to = this.next[node * this.width + id]!;
      if (to !== 0) return to;
    }
    return this.add(node, id);
  }

  /** The refs and readings of a node's path. */
  pathAt(node: number): RulePath {
    const path = this.nodes[node];
    if (path === undefined) throw new RangeError(`no rule path numbered ${node}`);
    return path;
  }

  private add(node: number, id: number): number {
    if (id >= this.width) this.widen(id + 1);
    const from = this.pathAt(node);
    const reading = this.readingAt(id);
    const to = this.nodes.length;
    this.nodes.push({
      refs: Object.freeze([...from.refs, this.refAt(id)]),
      readings: reading ? Object.freeze([...from.readings, reading]) : from.readings,
      readingLines: undefined,
    });
    if ((to + 1) * this.width > this.next.length) this.relayout(this.width, this.next.length * 2);
    this.next[node * this.width + id] = to;
    return to;
  }

  /** The lines of a path's readings, each made by `line` once per path. */
  readingLinesAt(node: number, line: (r: RuleRef) => string): readonly string[] {
    const path = this.pathAt(node);
    return (path.readingLines ??= Object.freeze(path.readings.map(line)));
  }

  /** More clauses than the table's width: lay it out again, wider. */
  private widen(atLeast: number): void {
    let width = this.width;
    while (width < atLeast) width *= 2;
    this.relayout(width, Math.max(this.next.length, this.nodes.length * width * 2));
  }

  private relayout(width: number, size: number): void {
    const next = new Int32Array(size);
    const old = this.width;
    for (let node = 0; node < this.nodes.length; node++) {
      for (let id = 0; id < old; id++) next[node * width + id] = this.next[node * old + id]!;
    }
    this.width = width;
    this.next = next;
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
  private readonly book: RuleBook;
  /** the clauses applied to this row, by number, in order; `applied[id] === row` marks one applied */
  private order: number[] = [];
  private orderLength = 0;
  /** the rule-path trie node of the clauses applied so far */
  private node = 0;
  private applied = new Int32Array(64);
  private rowStamp = 0;
  /** the row's own readings (rare), each with how many clauses had been applied when it was made */
  private ownReadings: { at: number; reading: RuleRef }[] | undefined;
  reliefs: ReliefApplied[] = NONE;
  excluded: ExcludedRecord[] = NONE;
  warnings: Note[] = NONE;
  notes: Note[] = NONE;
  errors: CellIssue[] = NONE;
  windowKey: string | undefined;

  /** the hours credited by records and exams for the row (cleared per row) */
  readonly credit = new CreditTable();
  /** nothing reads the working after the row (the explanation is built from it before evaluate returns), so one object serves every row */
  private readonly scratchWorking: Working = { reviewYear: 0, asOf: { year: 0, month: 1, day: 1 }, age: undefined, baseYears: [], requiredYears: [], mode: 'plain', chosenYear: undefined };

  private readonly scratchCase: { -readonly [K in keyof ReliefCase]: ReliefCase[K] };

  constructor(readonly plan: CompiledPack) {
    this.pack = plan.pack;
    this.book = plan.book;
    this.scratchCase = { person: undefined as never, pack: plan.pack, reviewYear: 0, age: undefined, asOf: { year: 0, month: 1, day: 1 }, t: this };
  }

  /**
   * What the relief units see of this row: one object per trace, filled anew
   * per row (units read it during their call and keep nothing of it).
   */
  reliefCase(person: Person, reviewYear: number, age: number | undefined, asOf: CivilDate): ReliefCase {
    const c = this.scratchCase;
    c.person = person;
    c.reviewYear = reviewYear;
    c.age = age;
    c.asOf = asOf;
    return c;
  }

  working(reviewYear: number, asOf: CivilDate): Working {
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
    this.orderLength = 0;
    this.node = 0;
    this.rowStamp++;
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
    return this.book.pathAt(this.node).refs;
  }

  /** Record that a clause was applied (once per key). */
  rule(key: string): void {
    this.ruleNumbered(this.book.idOf(key));
  }

  /** The same, by the book's number (the record loop's clauses are numbered when the plan is compiled). */
  ruleNumbered(id: number): void {
    if (id >= this.applied.length) this.grow(id);
    if (this.applied[id] === this.rowStamp) return;
    this.applied[id] = this.rowStamp;
    this.order[this.orderLength++] = id;
    this.node = this.book.step(this.node, id);
  }

  private grow(id: number): void {
    const wider = new Int32Array(Math.max(id + 1, this.applied.length * 2));
    wider.set(this.applied);
    this.applied = wider;
  }

  private has(key: string): boolean {
    const id = this.book.idOf(key);
    return id < this.applied.length && this.applied[id] === this.rowStamp;
  }

  /** The path's shared reading lines (made once by `line`); undefined when the row has readings of its own. */
  pathReadingLines(line: (r: RuleRef) => string): readonly string[] | undefined {
    return this.ownReadings === undefined ? this.book.readingLinesAt(this.node, line) : undefined;
  }

  /** The readings in application order, the row's own among the clauses'. */
  private readings(path: RulePath): readonly RuleRef[] {
    const own = this.ownReadings;
    if (own === undefined) return path.readings;
    const out: RuleRef[] = [];
    let j = 0;
    for (let i = 0; i < this.orderLength; i++) {
      const r = this.book.readingAt(this.order[i]!);
      if (r !== undefined) out.push(r);
      while (j < own.length && own[j]!.at === i + 1) out.push(own[j++]!.reading);
    }
    while (j < own.length) out.push(own[j++]!.reading);
    return out;
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
    const cell = field ? this.cellOf(field) : undefined;
    // literals, not spreads: a spread of `{ key }` allocated a second object for every warning
    const note: Note = cell ? (key ? { message, key, column: cell.column, row: cell.row } : { message, column: cell.column, row: cell.row }) : key ? { message, key } : { message };
    this.warnings = append(this.warnings, note);
  }

  note(message: string, key?: string): void {
    this.notes = append(this.notes, key ? { message, key } : { message });
  }

  interpretation(key: string, text: string): void {
    this.rule(key);
    (this.ownReadings ??= []).push({ at: this.orderLength, reading: { key, text: `按本系统解释：${text}` } });
  }

  /** The person's cell for a field: the written one, or the blank one of its column; undefined when the sheet has no such column. */
  private cellOf(field: string): CellRef | undefined {
    const p = this.person;
    const written = p.cells[field];
    if (written !== undefined) return written;
    const col = p.columns?.[field];
    return col ? { row: p.row, column: col.column, header: col.header, value: '' } : undefined;
  }

  /** An error about one of the person's cells; when the sheet has no such column, the message says which to add. */
  error(field: string, message: string): void {
    const cell = this.cellOf(field);
    const header = FIELD_HEADERS[field];
    this.errors = append(this.errors, 
      cell
        ? { field, row: this.person.row, column: cell.column, header: cell.header, value: cell.value, message }
        : { field, row: this.person.row, ...(header ? { header } : {}), message: header ? `${message}（表中没有“${header}”列）` : message },
    );
  }

  result(status: Status, missing: Missing | null, years: YearFigures[], reviewYear: number, extraErrors?: CellIssue[]): ResultDraft {
    const p = this.person;
    const path = this.book.pathAt(this.node);
    return {
      row: p.row,
      id: p.id,
      name: p.name ?? '',
      status,
      missing,
      years,
      rules: path.refs,
      reliefs: this.reliefs,
      excluded: this.excluded,
      warnings: p.warnings.length > 0 ? [...p.warnings.map(toNote), ...this.warnings] : this.warnings,
      errors: extraErrors ? [...extraErrors, ...this.errors] : this.errors,
      notes: this.notes,
      purpose: p.purpose,
      reviewYear,
      interpretations: this.readings(path),
      // set by the evaluator (remedy: rows that miss hours; explanation: when asked for); present from
      // the start so every result has one shape and setting them later allocates nothing
      remedy: undefined,
      explanation: undefined,
    };
  }
}

function toNote(i: CellIssue): Note {
  return { message: i.message, row: i.row, ...(i.column ? { column: i.column } : {}), ...(i.key ? { key: i.key } : {}) };
}
