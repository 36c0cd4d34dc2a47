/**
 * The ONE place where the add-in combines the roster reader and the evaluator.
 * Everything here only moves data between sheet grids and @ce/roster / @ce/rules:
 * no rule and no parsing is implemented in the add-in.
 */
import { conclusion, describeError, evaluate, getPack, type EvaluationResult, type Person, type TrainingRecord, type CivilDate, type PolicyPack } from '@ce/rules';
import { readRecords, readRoster, type Grid, type RosterRead, type RecordsRead } from '@ce/roster';

export type { Grid };

export interface CheckInput {
  roster: Grid;
  sheetName?: string;
  /** 1-based sheet row of roster[0] */
  firstRow?: number;
  records?: Grid;
  recordsSheetName?: string;
  recordsFirstRow?: number;
}

export interface CheckSettings {
  policy: string;
  year?: number;
  asOf?: CivilDate;
  explain?: boolean;
}

/** Roster + records read once: the index that custom functions and the pane share. */
export interface ReadWorkbook {
  roster: RosterRead;
  records?: RecordsRead;
  /** records grouped by normalised person id */
  recordsById: Map<string, TrainingRecord[]>;
}

export function readWorkbook(input: CheckInput): ReadWorkbook {
  const roster = readRoster(input.roster, { sheetName: input.sheetName, firstRow: input.firstRow ?? 1 });
  let records: RecordsRead | undefined;
  const recordsById = new Map<string, TrainingRecord[]>();
  if (input.records) {
    records = readRecords(input.records, { sheetName: input.recordsSheetName, firstRow: input.recordsFirstRow ?? 1 });
    for (const r of records.records) {
      const list = recordsById.get(r.id);
      if (list) list.push(r);
      else recordsById.set(r.id, [r]);
    }
  }
  return { roster, records, recordsById };
}

export class UnknownPackError extends Error {
  constructor(readonly policy: string) {
    super(`未知的政策包：${policy}（Unknown policy pack）`);
  }
}

export function packOf(policy: string): PolicyPack {
  const pack = getPack(policy);
  if (!pack) throw new UnknownPackError(policy);
  return pack;
}

/** The full explanation (one line per step, with citation keys) as cell text. */
export function explanationText(result: EvaluationResult): string {
  const lines = result.explanation && result.explanation.length > 0 ? result.explanation : [conclusion(result)];
  const keys = result.rules.map((r) => r.key).filter((k) => !lines.some((l) => l.includes(k)));
  const text = keys.length > 0 ? [...lines, `依据：${keys.map((k) => `[${k}]`).join(' ')}`].join('\n') : lines.join('\n');
  // an Excel cell holds at most 32,767 characters
  return text.length > 32000 ? `${text.slice(0, 32000)}…` : text;
}

/** One line: the conclusion, or for invalid rows the cells to fix. */
export function shortText(result: EvaluationResult): string {
  return conclusion(result);
}

export function errorsText(result: EvaluationResult): string {
  return result.errors.map(describeError).join('；');
}

export function evaluatePerson(read: ReadWorkbook, person: Person, settings: CheckSettings, pack = packOf(settings.policy)): EvaluationResult {
  return evaluate(person, read.recordsById.get(person.id) ?? [], pack, {
    year: settings.year,
    asOf: settings.asOf,
    explain: settings.explain ?? true,
  });
}

/** Evaluate every roster row in sheet order. `onProgress` lets the pane show progress. */
export async function checkAll(
  read: ReadWorkbook,
  settings: CheckSettings,
  onProgress?: (done: number, total: number) => void | Promise<void>,
): Promise<EvaluationResult[]> {
  const pack = packOf(settings.policy);
  const out: EvaluationResult[] = [];
  const people = read.roster.people;
  const step = 200;
  for (let i = 0; i < people.length; i += step) {
    for (const p of people.slice(i, i + step)) out.push(evaluatePerson(read, p, settings, pack));
    if (onProgress) await onProgress(Math.min(i + step, people.length), people.length);
  }
  return out;
}
