/**
 * What one evaluation did, collected as it goes: rules applied (each once),
 * reliefs, excluded records, warnings, notes, errors. Cheap to fill; the
 * Chinese explanation is built from it only when asked for.
 */
import type { Clause, PolicyPack, RequirementOverride } from './pack.js';
import type {
  CellIssue,
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
  /** the steps taken from here so far (a handful: a scan beats a Map) */
  private readonly nextKeys: string[] = [];
  private readonly nextPaths: RulePath[] = [];
  /** the step taken last: rows of a roster mostly take the same steps */
  private lastKey: string | undefined;
  private lastPath: RulePath = this;

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
  with(pack: PolicyPack, key: string): RulePath {
    if (key === this.lastKey) return this.lastPath;
    const path = this.step(pack, key);
    this.lastKey = key;
    this.lastPath = path;
    return path;
  }

  private step(pack: PolicyPack, key: string): RulePath {
    if (this.has(key)) return this;
    const i = this.nextKeys.indexOf(key);
    if (i >= 0) return this.nextPaths[i]!;
    const ref = ruleRef(pack, key);
    const reading = readingOf(ref);
    const path = new RulePath(Object.freeze([...this.refs, ref]), reading ? Object.freeze([...this.readings, reading]) : this.readings);
    this.nextKeys.push(key);
    this.nextPaths.push(path);
    return path;
  }
}

const refsByPack = new WeakMap<PolicyPack, Map<string, RuleRef>>();
const rootPaths = new WeakMap<PolicyPack, RulePath>();
/** The 按本系统解释 entry of a clause that has one, made once. */
const interpretationRefs = new WeakMap<RuleRef, RuleRef>();

function readingOf(ref: RuleRef): RuleRef | undefined {
  return interpretationRefs.get(ref);
}

function rootPath(pack: PolicyPack): RulePath {
  let root = rootPaths.get(pack);
  if (!root) {
    root = new RulePath(Object.freeze([]), Object.freeze([]));
    rootPaths.set(pack, root);
  }
  return root;
}

/** The shared RuleRef of a clause (one object per pack and key, never copied per row). */
export function ruleRef(pack: PolicyPack, key: string): RuleRef {
  let refs = refsByPack.get(pack);
  if (!refs) {
    refs = new Map();
    refsByPack.set(pack, refs);
  }
  let ref = refs.get(key);
  if (!ref) {
    const c: Clause | undefined = pack.clauses[key];
    ref = c ? { key, text: c.rule, quote: c.quote, ...(c.interpretation ? { interpretation: c.interpretation } : {}) } : { key, text: key };
    refs.set(key, ref);
    // frozen: shared by every row (the explanation caches its line per such reading)
    if (c?.interpretation) interpretationRefs.set(ref, Object.freeze({ key, text: `按本系统解释：${c.interpretation}` }));
  }
  return ref;
}

/**
 * One frozen empty list shared by every result that has nothing of a kind
 * (most rows have no relief, exclusion, warning, note or error): allocating
 * six empty arrays per row was a measurable share of the evaluator's time.
 * Results are read-only to their consumers.
 */
const NONE = Object.freeze([]) as never[];

/** Add to a list that may still be the shared empty one. */
function append<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}

export class Trace {
  private pack!: PolicyPack;
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

  /**
   * Start tracing one evaluation. The evaluator is synchronous and never
   * re-entered, so it keeps one Trace and begins it anew for each row; the
   * lists it hands to a result are never touched again.
   */
  begin(pack: PolicyPack, person: Person): this {
    this.pack = pack;
    this.person = person;
    this.path = rootPath(pack);
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
    const after = before.with(this.pack, key);
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

  result(status: Status, missing: Missing | null, years: YearFigures[], reviewYear: number, extraErrors?: CellIssue[]): EvaluationResult {
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
