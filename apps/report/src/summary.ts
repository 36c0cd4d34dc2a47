/** `ce-report summary`: check the roster, build the summary model, write HTML / PDF / XLSX. */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSummary, maskIdsInText, unitFromTitleRows, zhDate } from '@ce/summary';
import type { SummaryModel } from '@ce/summary';
import type { CivilDate } from '@ce/rules';
import type { Format, SummaryArgs } from './args.js';
import type { Io } from './cli.js';
import { runCheck } from './engine.js';
import type { CheckRun } from './engine.js';
import { CliError } from './errors.js';
import { LARGE_ROSTER, progressBar } from './progress.js';
import { writeModelFormat } from './render/model-formats.js';
import type { RenderFormat, RenderJobs, RenderMessage } from './render/worker.js';
import type { XlsxInput } from './render/xlsx.js';
import { statusCounts } from './table.js';

export function today(): CivilDate {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

export interface WrittenReport {
  run: CheckRun;
  model: SummaryModel;
  files: Partial<Record<Format, string>>;
  /** how long each format took to write, ms (formats written side by side overlap) */
  timings: Partial<Record<Format, number>>;
  /** which thread wrote each format */
  writtenIn: Partial<Record<Format, 'main' | 'worker'>>;
}

export interface WriteOptions {
  formats: readonly Format[];
  outDir: string;
  showId: boolean;
  generatedOn?: CivilDate;
  /** file name without extension; default `<roster name>-汇总-<date>`, never overwriting (see reportBaseName) */
  baseName?: string;
  /** the roster file, for the default file names and the 读取 line */
  rosterPath?: string;
  /** 填报单位 (--unit); else taken from the roster's title rows when one names it */
  unit?: string;
  /** what was read and where the year came from; default: sourceNotices(run, {}) */
  notices?: string[];
  onStage?: (done: number, total: number, label: string) => void;
  /**
   * write the XLSX in a worker thread while HTML and PDF are written here
   * (default false: on 100k rows, copying the grid, the results and the model
   * to the worker took the main thread longer than writing the XLSX, and
   * ~500 MB more memory; test/bench/notes.md, scenario 4)
   */
  parallel?: boolean;
  /** that worker, started ahead of time (startRenderWorker); otherwise one is started here */
  worker?: RenderWorker;
}

function writeFailed(path: string, e: unknown): CliError {
  return new CliError(`无法写入文件：${path}`, `cannot write the file: ${path} (${e instanceof Error ? e.message : String(e)})`);
}

/** File-system errors become a CliError naming the file; anything else is a bug and stays as it is. */
function asWriteError(path: string, e: unknown): unknown {
  return e instanceof Error && (e as NodeJS.ErrnoException).syscall !== undefined ? writeFailed(path, e) : e;
}

/** Write the chosen formats for an already checked roster. */
export async function writeReports(run: CheckRun, options: WriteOptions): Promise<WrittenReport> {
  const generatedOn = options.generatedOn ?? today();
  const unit = options.unit?.trim() || titleRowUnit(run);
  const model = buildSummary(run.results, run.pack, {
    reviewYear: run.year,
    asOf: run.asOf,
    generatedOn,
    showId: options.showId,
    people: run.people,
    notices: options.notices ?? sourceNotices(run, options.rosterPath !== undefined ? { rosterPath: options.rosterPath } : {}),
    ...(unit ? { unit } : {}),
  });
  const out = resolve(options.outDir);
  try {
    await mkdir(out, { recursive: true });
  } catch (e) {
    throw new CliError(`无法创建输出目录：${out}`, `cannot create the output folder: ${out} (${e instanceof Error ? e.message : String(e)})`);
  }
  const base = options.baseName ?? reportBaseName(out, options.rosterPath ?? run.rosterGrid.name, generatedOn, options.formats);
  const pathOf = (f: Format) => join(out, `${base}.${f}`);
  const timings: Partial<Record<Format, number>> = {};
  const writtenIn: Partial<Record<Format, 'main' | 'worker'>> = {};
  let started = 0;
  const stage = (f: Format) => options.onStage?.(started++, options.formats.length, `生成 ${f.toUpperCase()}`);

  /** Write one format on this thread. */
  const writeHere = async (f: Format): Promise<void> => {
    stage(f);
    const path = pathOf(f);
    const t0 = performance.now();
    try {
      if (f === 'xlsx') await writeXlsxFor(run, model, options.showId, path);
      else await writeModelFormat(f, model, path);
    } catch (e) {
      throw asWriteError(path, e);
    }
    timings[f] = performance.now() - t0;
    writtenIn[f] = 'main';
  };

  // Asked for (parallel), the XLSX is written in a worker, off the main thread, while HTML and
  // PDF are written here; if the worker cannot run, the XLSX is written here too. Not the default:
  // the structured copy of grid, results and model cost more than it saved (see `parallel`).
  const inWorker = options.parallel === true && options.formats.includes('xlsx');
  if (!inWorker) options.worker?.end();
  const on = {
    start: stage,
    done: (f: RenderFormat, ms: number) => {
      timings[f] = ms;
      writtenIn[f] = 'worker' as const;
    },
    writeHere,
  };
  const background = inWorker
    ? renderInWorker(options.worker ?? startRenderWorker(), { model, jobs: [{ format: 'xlsx', path: pathOf('xlsx') }], xlsx: xlsxInputFor(run, options.showId) }, on)
    : undefined;
  // a failure there is reported when awaited below, after the formats written here
  background?.catch(() => undefined);
  try {
    for (const f of options.formats) if (!inWorker || f !== 'xlsx') await writeHere(f);
  } catch (e) {
    options.worker?.end();
    throw e;
  }
  await background;
  const files: Partial<Record<Format, string>> = {};
  for (const f of options.formats) files[f] = pathOf(f);
  return { run, model, files, timings, writtenIn };
}

/** 2026-12-01 */
function isoDate(d: CivilDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * `<roster name>-汇总-<date>`, with `(2)`, `(3)` … added when a file of that
 * name exists in `dir` for any of the formats: a new run never overwrites the
 * last one, and one run's files share one name.
 */
export function reportBaseName(dir: string, roster: string, on: CivilDate, formats: readonly Format[]): string {
  const stem = basename(roster, extname(roster)).replace(/[\\/:*?"<>|]/g, '_').trim() || '花名册';
  const base = `${stem}-汇总-${isoDate(on)}`;
  const taken = (name: string) => formats.some((f) => existsSync(join(dir, `${name}.${f}`)));
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}(${i})`)) return `${base}(${i})`;
}

/** 填报单位 from the title rows above the roster's header, when one of them names it. */
function titleRowUnit(run: CheckRun): string | undefined {
  const above = run.roster.headerRow - run.rosterGrid.firstRow;
  return above > 0 ? unitFromTitleRows(run.rosterGrid.grid.slice(0, above) as unknown[][]) : undefined;
}

/** What was read, and where the review year and the as-of date came from, for the summary's first page. */
export function sourceNotices(run: CheckRun, given: { rosterPath?: string; year?: boolean; asOf?: boolean }): string[] {
  const file = given.rosterPath ? basename(given.rosterPath) : undefined;
  const people = run.results.length;
  const read = `读取：${file ? `${file} ` : ''}工作表“${run.rosterGrid.name}”，表头在第 ${run.roster.headerRow} 行，共 ${people} 行人员数据`;
  const year = given.year
    ? `审验年度 ${run.year}：制表时指定`
    : `审验年度 ${run.year}：取自通知所属年度（《${run.pack.title}》）`;
  const asOf = `年龄计算日 ${zhDate(run.asOf)}：${given.asOf ? '制表时指定' : '默认为审验年度 12 月 31 日'}`;
  // the run's banners (a pack used for another year…) and the reader's notices (year of the hour columns, rows skipped)
  const readerNotes = run.notices.filter((n) => !n.startsWith('读取工作表'));
  return [...run.banners, read, `${year}；${asOf}`, ...readerNotes];
}

/** What the XLSX needs besides the model: plain data, so it can be posted to the worker. */
function xlsxInputFor(run: CheckRun, showId: boolean): Omit<XlsxInput, 'model'> {
  return {
    sheetName: run.rosterGrid.name,
    grid: run.rosterGrid.grid,
    firstRow: run.rosterGrid.firstRow,
    headerRow: run.roster.headerRow,
    lastColumnIndex: run.roster.lastColumnIndex,
    results: run.results,
    idColumns: run.roster.columns.filter((c) => c.field === 'id').map((c) => c.index),
    showId,
    hiddenRows: run.rosterGrid.hiddenRows,
    hiddenColumns: run.rosterGrid.hiddenColumns,
  };
}

async function writeXlsxFor(run: CheckRun, model: SummaryModel, showId: boolean, path: string): Promise<void> {
  const { writeXlsx } = await import('./render/xlsx.js');
  await writeXlsx({ ...xlsxInputFor(run, showId), model }, path);
}

/**
 * A render worker started ahead of time (see worker.ts), so that loading its
 * modules overlaps reading the roster. Unused, it is ended with `end()`.
 */
export interface RenderWorker {
  worker: Worker | undefined;
  /** the worker has stopped (failed to start, ended, or crashed) */
  exited: boolean;
  end(): void;
}

export function startRenderWorker(): RenderWorker {
  const rw: RenderWorker = { worker: undefined, exited: false, end: () => void rw.worker?.terminate() };
  try {
    const worker = new Worker(new URL('./render/worker-entry.mjs', import.meta.url));
    // a failure to start is handled when the worker is used; meanwhile it must not keep the process alive
    worker.on('error', () => undefined);
    worker.once('exit', () => (rw.exited = true));
    worker.unref();
    rw.worker = worker;
  } catch {
    rw.exited = true;
  }
  return rw;
}

/**
 * Write model formats in the render worker. If the worker cannot run at all
 * (it did not start or died), what it had not finished is written here instead
 * (`writeHere`), so a report is never lost to the speed-up.
 */
function renderInWorker(
  prepared: RenderWorker,
  work: RenderJobs,
  on: { start(f: RenderFormat): void; done(f: RenderFormat, ms: number): void; writeHere(f: RenderFormat): Promise<void> },
): Promise<void> {
  const done = new Set<RenderFormat>();
  const rest = async () => {
    for (const { format } of work.jobs) if (!done.has(format)) await on.writeHere(format);
  };
  const worker = prepared.worker;
  if (worker === undefined || prepared.exited) return rest();
  return new Promise<void>((resolvePromise, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (!settled) {
        settled = true;
        f();
      }
    };
    const finishHere = () => settle(() => rest().then(resolvePromise, reject));
    worker.ref();
    worker.on('message', (m: RenderMessage) => {
      if (m.kind === 'start') on.start(m.format);
      else if (m.kind === 'done') {
        on.done(m.format, m.ms);
        done.add(m.format);
      } else if (m.kind === 'failed') {
        const error = new Error(m.message) as NodeJS.ErrnoException;
        if (m.syscall) error.syscall = m.syscall;
        const path = work.jobs.find((j) => j.format === m.format)?.path ?? `(${m.format})`; // the worker only reports jobs it was given
        settle(() => reject(asWriteError(path, error)));
      }
    });
    worker.on('error', finishHere);
    worker.on('exit', () => (done.size === work.jobs.length ? settle(resolvePromise) : finishHere()));
    worker.postMessage(work);
  });
}

export async function runSummary(args: SummaryArgs, io: Io): Promise<number> {
  const bar = progressBar(io.stderr, io.stderrIsTTY);
  // every format on this thread, one after another (WriteOptions.parallel says why)
  const run = await runCheck(args, {
    onProgress: (done, total) => {
      if (total >= LARGE_ROSTER) bar.update(done, total, '检查中 / checking');
    },
  });
  const large = run.results.length >= LARGE_ROSTER;
  const written = await writeReports(run, {
    formats: args.formats,
    outDir: args.out,
    showId: args.showId,
    rosterPath: args.roster,
    notices: sourceNotices(run, { rosterPath: args.roster, year: args.year !== undefined, asOf: args.asOf !== undefined }),
    ...(args.unit !== undefined ? { unit: args.unit } : {}),
    onStage: (d, t, label) => {
      if (large) bar.update(d, t, label);
    },
  });
  bar.done();
  // IDs in warnings are masked on the terminal unless --show-id
  for (const w of run.warnings) io.stderr(`警告 / Warning: ${(args.showId ? w : maskIdsInText(w)).replace(/[\r\n]+/g, ' ')}\n`);
  io.stdout(statusCounts(run.results) + '\n');
  for (const f of args.formats) io.stdout(`已生成 / written: ${written.files[f]}\n`);
  return 0;
}
