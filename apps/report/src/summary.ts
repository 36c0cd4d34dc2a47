/** `ce-report summary`: check the roster, build the summary model, write HTML / PDF / XLSX. */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join, resolve } from 'node:path';
import { buildSummary } from '@ce/summary';
import type { SummaryModel } from '@ce/summary';
import type { CivilDate } from '@ce/rules';
import type { Format, SummaryArgs } from './args.js';
import type { Io } from './cli.js';
import { runCheck } from './engine.js';
import type { CheckRun } from './engine.js';
import { CliError } from './errors.js';
import { LARGE_ROSTER, progressBar } from './progress.js';
import { renderHtmlParts } from './render/html.js';
import { statusCounts } from './table.js';

export function today(): CivilDate {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

export interface WrittenReport {
  run: CheckRun;
  model: SummaryModel;
  files: Partial<Record<Format, string>>;
}

export interface WriteOptions {
  formats: readonly Format[];
  outDir: string;
  showId: boolean;
  generatedOn?: CivilDate;
  baseName?: string;
  onStage?: (done: number, total: number, label: string) => void;
}

/** Write the chosen formats for an already checked roster. */
export async function writeReports(run: CheckRun, options: WriteOptions): Promise<WrittenReport> {
  const model = buildSummary(run.results, run.pack, {
    reviewYear: run.year,
    asOf: run.asOf,
    generatedOn: options.generatedOn ?? today(),
    showId: options.showId,
    people: run.people,
  });
  const out = resolve(options.outDir);
  try {
    await mkdir(out, { recursive: true });
  } catch (e) {
    throw new CliError(`无法创建输出目录：${out}`, `cannot create the output folder: ${out} (${e instanceof Error ? e.message : String(e)})`);
  }
  const base = options.baseName ?? 'summary';
  const files: Partial<Record<Format, string>> = {};
  let k = 0;
  for (const f of options.formats) {
    options.onStage?.(k++, options.formats.length, `生成 ${f.toUpperCase()}`);
    const path = join(out, `${base}.${f}`);
    const fail = (e: unknown) =>
      new CliError(`无法写入文件：${path}`, `cannot write the file: ${path} (${e instanceof Error ? e.message : String(e)})`);
    if (f === 'xlsx') {
      const { writeXlsx } = await import('./render/xlsx.js');
      const input = {
        model,
        sheetName: run.rosterGrid.name,
        grid: run.rosterGrid.grid,
        firstRow: run.rosterGrid.firstRow,
        headerRow: run.roster.headerRow,
        lastColumnIndex: run.roster.lastColumnIndex,
        results: run.results,
        idColumns: run.roster.columns.filter((c) => c.field === 'id').map((c) => c.index),
        showId: options.showId,
      };
      try {
        await writeXlsx(input, path);
      } catch (e) {
        if (e instanceof Error && (e as NodeJS.ErrnoException).syscall !== undefined) throw fail(e); // the file system, not a bug
        throw e;
      }
    } else {
      const pdf = f === 'pdf' ? await (await import('./render/pdf.js')).renderPdf(model) : undefined;
      try {
        if (pdf) await writeFile(path, pdf);
        else await pipeline(Readable.from(renderHtmlParts(model)), createWriteStream(path));
      } catch (e) {
        if (e instanceof Error && (e as NodeJS.ErrnoException).syscall !== undefined) throw fail(e);
        throw e;
      }
    }
    files[f] = path;
  }
  return { run, model, files };
}

export async function runSummary(args: SummaryArgs, io: Io): Promise<number> {
  const bar = progressBar(io.stderr, io.stderrIsTTY);
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
    onStage: (d, t, label) => {
      if (large) bar.update(d, t, label);
    },
  });
  bar.done();
  for (const w of run.warnings) io.stderr(`警告 / Warning: ${w.replace(/[\r\n]+/g, ' ')}\n`);
  io.stdout(statusCounts(run.results) + '\n');
  for (const f of args.formats) io.stdout(`已生成 / written: ${written.files[f]}\n`);
  return 0;
}
