/**
 * The one path from files to results: @ce/files loads the grids, @ce/roster
 * reads people and records, @ce/rules evaluates. Nothing here parses cells or
 * applies rules.
 * The reader + evaluator combination is @ce/roster's `checkRoster` (shared
 * with the Excel add-in).
 */
import { InputFileError, loadAndReadRoster, loadRosterInput, readOptionsFor } from '@ce/files';
import type { LoadedSheet, RosterLoaded } from '@ce/files';
import { checkRoster, readRecords, readRoster } from '@ce/roster';
import type { RosterRead } from '@ce/roster';
import { getPack, listPacks, PURPOSE_LABELS } from '@ce/rules';
import type { CellIssue, CivilDate, EvaluationResult, Person, PolicyPack, Purpose, TrainingRecord } from '@ce/rules';
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
  /** one line each, Chinese; printed on stderr, never on stdout (the banners come first) */
  warnings: string[];
  /**
   * What the reader did that the clerk must know (the sheet read, where the
   * year of year-less hour columns came from, rows that are not people): one
   * line each, at the top of every output after the banners. Also in `warnings`.
   */
  notices: string[];
  /** the roster sheet read */
  sheetName: string;
  /**
   * What makes every result of this run a reference only (a pack applied to
   * another year, a pack without the rules for a row's purpose): one line
   * each, at the top of every output. Also the first entries of `warnings`.
   */
  banners: string[];
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

/**
 * The one-line warnings for the whole run, from the pack data: a notice applied
 * to a year it was not written for, and rows whose purpose (职称评审, 考核, 聘任)
 * the pack has no rule for — nm-2017, the region's base 办法, states only the
 * annual 30 + 60. The evaluator warns per row as well; this is said once, first.
 */
export function packBanners(pack: PolicyPack, year: number, people: readonly Pick<Person, 'purpose'>[]): string[] {
  const banners: string[] = [];
  const notice = `《${pack.title}》${pack.docNumber ? `（${pack.docNumber}）` : ''}`;
  if (year !== pack.ceYear) {
    banners.push(
      `规则包 ${pack.id} 是 ${pack.ceYear} 年度的通知${notice}，本次按 ${year} 年度审验：当年的通知不同，结果只作参考，以当地 ${year} 年的通知为准`,
    );
  }
  const uncovered = new Map<Purpose, number>();
  for (const p of people) if (pack.purposes[p.purpose] === undefined) uncovered.set(p.purpose, (uncovered.get(p.purpose) ?? 0) + 1);
  if (uncovered.size > 0) {
    const which = [...uncovered].map(([p, n]) => `${PURPOSE_LABELS[p]} ${n} 人`).join('、');
    const annualOnly = Object.entries(pack.purposes).every(([p, rule]) => p === 'annual' || rule === undefined);
    banners.push(`规则包 ${pack.id}${notice}${annualOnly ? '只规定年度检查，' : ''}没有${which}的学时年限规定：这些人的结果只作参考，请选用当地当年的通知`);
  }
  return banners;
}

export interface CheckOptions {
  /** build each row's Chinese explanation (the JSON output prints it; the summaries never read it) */
  explain?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** A run whose roster rows were read as the file was scanned (`check`): everything but the roster's grid. */
export type StreamedCheckRun = Omit<CheckRun, 'rosterGrid'> & {
  rosterSheet: RosterLoaded['roster'];
  /** whether the rows were streamed (an .xlsx the lean reader reads) or read from a grid (CSV, .xls, other shapes) */
  streamed: boolean;
};

/** The check with the roster's grid kept (the summary's XLSX copies it). */
export async function runCheck(args: CommonArgs, options: CheckOptions = {}): Promise<CheckRun> {
  const run = setUp(args);
  const input = await load(args, () => loadRosterInput(args.roster, args.records, loadOptions(args, run.year)));
  const rosterGrid = input.roster;
  const roster = readRoster(rosterGrid.grid, readOptionsFor(rosterGrid, run.year));
  return { ...finish(run, args, input, roster, options), rosterGrid };
}

/**
 * The same check without keeping the roster's grid: an .xlsx roster's rows go
 * from the sheet XML into the reader as they are scanned (`ce-report check`;
 * loadAndReadRoster). Results, warnings and errors are those of runCheck.
 */
export async function runCheckStreamed(args: CommonArgs, options: CheckOptions = {}): Promise<StreamedCheckRun> {
  const run = setUp(args);
  const input = await load(args, () => loadAndReadRoster(args.roster, args.records, loadOptions(args, run.year)));
  return { ...finish(run, args, input, input.read, options), rosterSheet: input.roster, streamed: input.streamed };
}

interface RunSetUp {
  pack: PolicyPack;
  year: number;
  asOf: CivilDate;
}

function setUp(args: CommonArgs): RunSetUp {
  const pack = findPack(args.policy);
  const year = args.year ?? pack.ceYear;
  return { pack, year, asOf: args.asOf ?? { year, month: 12, day: 31 } };
}

const loadOptions = (args: CommonArgs, year: number) => ({ ...(args.sheet !== undefined ? { sheet: args.sheet } : {}), reviewYear: year });

async function load<T>(args: CommonArgs, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof InputFileError) throw new CliError(e.zh, e.en);
    const msg = e instanceof Error ? e.message : String(e);
    throw new CliError(`无法读取文件：${args.roster}（${msg}）`, `cannot read the file: ${args.roster} (${msg})`);
  }
}

/** From the roster read to the results: the same for both loaders. */
function finish(
  { pack, year, asOf }: RunSetUp,
  args: CommonArgs,
  input: { notices: string[]; records?: LoadedSheet; sheetName: string },
  roster: RosterRead,
  options: CheckOptions,
): Omit<CheckRun, 'rosterGrid'> {
  const { explain = false, onProgress } = options;
  if (roster.refusal !== undefined) throw new CliError(`花名册无法使用：${roster.refusal}`, 'the roster cannot be used: hour columns whose year cannot be decided (see the Chinese message)');
  if (roster.headerRow === 0) {
    const why = roster.issues.map(issueText).join('；') || '找不到表头';
    throw new CliError(`花名册无法使用：${why}`, `the roster cannot be used: no header row with an ID-number column (身份证号) was found`);
  }
  if (roster.people.length === 0) {
    // a header and nothing under it: the file cannot be used for a check (exit 2), rather than "共 0 人"
    throw new CliError(
      `花名册中没有人员数据行（第${roster.headerRow}行是表头，其下没有人员）`,
      `the roster has no rows of people under its header (row ${roster.headerRow})`,
    );
  }
  const banners = packBanners(pack, year, roster.people);
  const notices = [...input.notices, ...roster.notices];
  const warnings: string[] = [...banners, ...notices];
  if (roster.unknownColumns.length > 0) {
    warnings.push(`未识别的列（已忽略）：${roster.unknownColumns.map((c) => `${c.column}「${c.header}」`).join('、')}`);
  }
  for (const i of roster.issues) warnings.push(`花名册：${issueText(i)}`);

  let records: TrainingRecord[] = [];
  const rec = input.records;
  if (rec) {
    const read = readRecords(rec.grid, readOptionsFor(rec, year));
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
  return { pack, year, asOf, results, people: roster.people, roster, warnings, banners, notices, sheetName: input.sheetName };
}
