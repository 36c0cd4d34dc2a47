/**
 * The one path from files to results: @ce/files loads the grids, @ce/roster
 * reads people and records, @ce/rules evaluates. Nothing here parses cells or
 * applies rules.
 * The reader + evaluator combination is @ce/roster's `checkRoster` (shared
 * with the Excel add-in).
 */
import { InputFileError, loadRosterInput } from '@ce/files';
import type { LoadedSheet } from '@ce/files';
import { checkRoster, readRecords, readRoster } from '@ce/roster';
import type { RosterRead } from '@ce/roster';
import { getPack, listPacks } from '@ce/rules';
import type { CellIssue, CivilDate, EvaluationResult, Person, PolicyPack, TrainingRecord } from '@ce/rules';
import type { CommonArgs } from './args.js';
import { CliError } from './errors.js';

export type LoadedGrid = LoadedSheet;

export interface CheckRun {
  pack: PolicyPack;
  year: number;
  asOf: CivilDate;
  results: EvaluationResult[];
  people: Person[];
  roster: RosterRead;
  rosterGrid: LoadedGrid;
  /** one line each, Chinese; printed on stderr, never on stdout */
  warnings: string[];
}

export function findPack(id: string): PolicyPack {
  const pack = getPack(id);
  if (!pack) {
    const known = listPacks()
      .map((p) => p.id)
      .join(', ');
    throw new CliError(`未知规则包：${id}（可用：${known}）`, `unknown policy pack: ${id} (known: ${known})`);
  }
  return pack;
}

function issueText(i: CellIssue): string {
  return (i.column ? `${i.column}${i.row} ` : i.row > 0 ? `第${i.row}行 ` : '') + i.message;
}

/**
 * Year-hour columns (2019年公需学时 …) whose year no evaluated row requires:
 * the evaluator reads hours only for required years, so these count for no
 * one. Said once, so a clerk who typed hours into the wrong year's column
 * finds out. Nothing is said when no row was evaluated (all invalid/exempt).
 */
export function unusedYearColumns(roster: RosterRead, results: readonly EvaluationResult[]): RosterRead['columns'] {
  const used = new Set(results.flatMap((r) => r.years.map((y) => y.year)));
  if (used.size === 0) return [];
  return roster.columns.filter((c) => {
    const m = /^hours:(\d+):/.exec(c.field);
    return m !== null && !used.has(Number(m[1]));
  });
}

export interface CheckOptions {
  /** build each row's Chinese explanation (the JSON output prints it; the summaries never read it) */
  explain?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export async function runCheck(args: CommonArgs, options: CheckOptions = {}): Promise<CheckRun> {
  const { explain = false, onProgress } = options;
  const pack = findPack(args.policy);
  const year = args.year ?? pack.ceYear;
  const asOf = args.asOf ?? { year, month: 12, day: 31 };
  let input;
  try {
    input = await loadRosterInput(args.roster, args.records);
  } catch (e) {
    if (e instanceof InputFileError) throw new CliError(e.zh, e.en);
    const msg = e instanceof Error ? e.message : String(e);
    throw new CliError(`无法读取文件：${args.roster}（${msg}）`, `cannot read the file: ${args.roster} (${msg})`);
  }
  const rosterGrid = input.roster;
  const roster = readRoster(rosterGrid.grid, { sheetName: rosterGrid.name, firstRow: rosterGrid.firstRow });
  if (roster.headerRow === 0) {
    const why = roster.issues.map(issueText).join('；') || '找不到表头';
    throw new CliError(`花名册无法使用：${why}`, `the roster cannot be used: no header row with an ID-number column (身份证号) was found`);
  }
  const warnings: string[] = [];
  if (roster.unknownColumns.length > 0) {
    warnings.push(`未识别的列（已忽略）：${roster.unknownColumns.map((c) => `${c.column}「${c.header}」`).join('、')}`);
  }
  for (const i of roster.issues) warnings.push(`花名册：${issueText(i)}`);

  let records: TrainingRecord[] = [];
  const rec = input.records;
  if (rec) {
    const read = readRecords(rec.grid, { sheetName: rec.name, firstRow: rec.firstRow });
    if (read.headerRow === 0 && args.records !== undefined) {
      const why = read.issues.map(issueText).join('；') || '找不到表头';
      throw new CliError(`培训记录无法使用：${why}`, `the training records cannot be used: no header row with an ID-number column was found`);
    }
    for (const i of read.issues) warnings.push(`培训记录（${rec.name}）：${issueText(i)}`);
    for (const i of read.warnings) warnings.push(`培训记录（${rec.name}）：${issueText(i)}`);
    records = read.records;
  }

  const { results, unmatchedRecords } = checkRoster(roster.people, records, pack, {
    year,
    asOf,
    explain,
    ...(onProgress ? { onProgress, progressEvery: 50 } : {}),
  });
  const unused = unusedYearColumns(roster, results);
  if (unused.length > 0) {
    warnings.push(`${unused.map((c) => `${c.column}「${c.header}」`).join('、')}：本次检查中没有人需要这些年度的学时，这些列未计入`);
  }
  for (const [id, list] of unmatchedRecords) {
    const rows = list.map((r) => r.row).join('、');
    warnings.push(`培训记录中的身份证号 ${id} 不在花名册中（记录第${rows}行），这些记录未计入`);
  }
  return { pack, year, asOf, results, people: roster.people, roster, rosterGrid, warnings };
}
