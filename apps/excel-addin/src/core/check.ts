/**
 * The ONE place where the add-in combines the roster reader and the evaluator.
 * Everything here only moves data between sheet grids and @ce/roster / @ce/rules:
 * no rule and no parsing is implemented in the add-in.
 */
import { compilePack, conclusion, describeError, getPack, type CompiledPack, type EvaluationResult, type Person, type TrainingRecord, type CivilDate, type PolicyPack } from '@ce/rules';
import { evaluatePeople, groupRecordsById, readRecords, readRoster, recordsKey, type Grid, type RosterRead, type RecordsRead } from '@ce/roster';

export type { Grid };
export { recordsKey };

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
  /** records grouped by person id (@ce/roster's groupRecordsById) */
  recordsById: Map<string, TrainingRecord[]>;
}


export function readWorkbook(input: CheckInput): ReadWorkbook {
  const roster = readRoster(input.roster, { sheetName: input.sheetName, firstRow: input.firstRow ?? 1 });
  const records = input.records
    ? readRecords(input.records, { sheetName: input.recordsSheetName, firstRow: input.recordsFirstRow ?? 1 })
    : undefined;
  return { roster, records, recordsById: groupRecordsById(records?.records ?? []) };
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

function evalOptions(settings: CheckSettings) {
  return { year: settings.year, asOf: settings.asOf, explain: settings.explain ?? true };
}

/** One person (the CE.* functions): the workbook's record index is already grouped, so no regrouping per cell. */
/** One person; callers that evaluate many (the custom functions) pass the plan they keep, so the pack is compiled once. */
export function evaluatePerson(read: ReadWorkbook, person: Person, settings: CheckSettings, pack: PolicyPack | CompiledPack = packOf(settings.policy)): EvaluationResult {
  return evaluatePeople([person], read.recordsById, pack, evalOptions(settings))[0]!;
}

/** Why the records sheet is not checked as a roster (the hosts that pick sheets by name: file, WPS). */
export const RECORDS_SHEET_ACTIVE = '当前是“培训记录”工作表：请选择花名册工作表后再检查。';

/** Why a sheet cannot be annotated when the reader found no roster header (the same words in every host). */
export function noRosterHeader(sheetName: string): string {
  return `工作表“${sheetName}”中没有找到花名册表头行（需要“身份证号”等列名）。`;
}

export interface CheckAllResult {
  results: EvaluationResult[];
  /** training records whose ID is on no roster row */
  unmatchedRecords: number;
}

/**
 * Every roster row in sheet order, in slices so the pane can repaint its
 * progress bar between them (evaluation itself is synchronous).
 */
export async function checkAll(
  read: ReadWorkbook,
  settings: CheckSettings,
  onProgress?: (done: number, total: number) => void | Promise<void>,
): Promise<EvaluationResult[]> {
  return (await checkAllWithRecords(read, settings, onProgress)).results;
}

export async function checkAllWithRecords(
  read: ReadWorkbook,
  settings: CheckSettings,
  onProgress?: (done: number, total: number) => void | Promise<void>,
): Promise<CheckAllResult> {
  // one plan for the whole run, not one per slice
  const pack = compilePack(packOf(settings.policy));
  const people = read.roster.people;
  const results: EvaluationResult[] = [];
  const step = 500;
  for (let i = 0; i < people.length; i += step) {
    results.push(...evaluatePeople(people.slice(i, i + step), read.recordsById, pack, evalOptions(settings)));
    if (onProgress) await onProgress(Math.min(i + step, people.length), people.length);
  }
  if (people.length === 0 && onProgress) await onProgress(0, 0);
  const onRoster = new Set(people.map((p) => recordsKey(p.id)));
  let unmatchedRecords = 0;
  for (const [k, list] of read.recordsById) if (!onRoster.has(k)) unmatchedRecords += list.length;
  return { results, unmatchedRecords };
}
