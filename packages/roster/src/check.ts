/**
 * The one combination of reader output and evaluator that every host uses
 * (CLI, reports, Excel add-in): each roster person with their own training
 * records, in sheet order. Records are matched by ID number (x = X).
 */
import { compilePack, evaluate, CompiledPack } from '@ce/rules';
import type { EvaluateOptions, EvaluationResult, Person, PolicyPack, TrainingRecord } from '@ce/rules';

export interface RosterCheck {
  /** one per person, in the order given (sheet order) */
  results: EvaluationResult[];
  /** records whose ID number is not in the roster, by upper-cased ID */
  unmatchedRecords: Map<string, TrainingRecord[]>;
}

export interface CheckOptions extends EvaluateOptions {
  /** called every `progressEvery` people (default 500) and at the end */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

/** The key a person's records are filed under: the ID number, trimmed, x as X. */
export function recordsKey(id: string): string {
  return id.trim().toUpperCase();
}

export function groupRecordsById(records: readonly TrainingRecord[]): Map<string, TrainingRecord[]> {
  const byId = new Map<string, TrainingRecord[]>();
  for (const r of records) {
    const k = recordsKey(r.id);
    const list = byId.get(k);
    if (list) list.push(r);
    else byId.set(k, [r]);
  }
  return byId;
}

/**
 * Evaluate people against records already grouped by recordsKey (hosts that
 * keep such an index, like the add-in's CE.* functions, call this directly).
 */
export function evaluatePeople(
  people: readonly Person[],
  recordsById: ReadonlyMap<string, readonly TrainingRecord[]>,
  pack: PolicyPack | CompiledPack,
  options: CheckOptions = {},
): EvaluationResult[] {
  const { onProgress, progressEvery = 500, ...evalOptions } = options;
  // one plan for the whole roster: its rule lists and texts are shared by the rows
  const plan = pack instanceof CompiledPack ? pack : compilePack(pack);
  const results: EvaluationResult[] = new Array(people.length);
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    results[i] = evaluate(p, recordsById.get(recordsKey(p.id)) ?? NO_RECORDS, plan, evalOptions);
    if (onProgress && (i + 1) % progressEvery === 0) onProgress(i + 1, people.length);
  }
  onProgress?.(people.length, people.length);
  return results;
}

const NO_RECORDS: readonly TrainingRecord[] = Object.freeze([]);

export function checkRoster(people: readonly Person[], records: readonly TrainingRecord[], pack: PolicyPack | CompiledPack, options: CheckOptions = {}): RosterCheck {
  const byId = groupRecordsById(records);
  const results = evaluatePeople(people, byId, pack, options);
  const seen = new Set(people.map((p) => recordsKey(p.id)));
  const unmatchedRecords = new Map([...byId].filter(([k]) => !seen.has(k)));
  return { results, unmatchedRecords };
}
