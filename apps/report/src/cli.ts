#!/usr/bin/env node
/**
 * ce-report: check a roster (`check`) or write the summary report (`summary`).
 * The `check --json` output is a contract (ROSTER.md): stdout carries the JSON
 * array and nothing else; unusable input exits 2 with one line on stderr.
 * Run from source by `pnpm ce-report` (tsx), or bundled as dist/ce-report.mjs
 * by plain node (scripts/build.ts).
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatDate } from '@ce/rules';
import { helpText, parseCli } from './args.js';
import type { Args } from './args.js';
import { CliError } from './errors.js';
import { runCheckStreamed } from './engine.js';
import type { StreamedCheckRun } from './engine.js';
import { jsonPieces, writeAll } from './output.js';
import { tableLines } from './table.js';

export interface Io {
  /** returns false when the stream wants `drain` awaited before more is written */
  stdout: (s: string) => boolean | void;
  stderr: (s: string) => void;
  stderrIsTTY: boolean;
  drain?: () => Promise<void>;
  /** the folder relative paths are read from (default: callerDir()) */
  cwd?: string;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: process.stderr.isTTY === true,
  drain: () => new Promise((done) => process.stdout.once('drain', done)),
};

/**
 * The folder the user ran the command in. A root script (`pnpm ce-report` from
 * a subfolder) runs with the repository root as cwd and the caller's folder in
 * INIT_CWD; only then is INIT_CWD the right base — the bundled file run from
 * some other package's script must use its own cwd.
 */
export function callerDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return env.npm_lifecycle_event === 'ce-report' && env.INIT_CWD ? env.INIT_CWD : cwd;
}

function withPaths(args: Exclude<Args, { command: 'help' }>, base: string): typeof args {
  const out = { ...args, roster: resolve(base, args.roster) };
  if (out.records !== undefined) out.records = resolve(base, out.records);
  if (out.command === 'summary') out.out = resolve(base, out.out);
  return out;
}

/** Which notice, year and date the table is for: a default year (nm-2017 → 2017) must not pass unseen. */
function runContext(run: Pick<StreamedCheckRun, 'pack' | 'year' | 'asOf' | 'sheetName'>): string {
  const { pack, year, asOf } = run;
  return `规则包 ${pack.id}（${pack.ceYear} 年度通知）· 审验年度 ${year} · 年龄计算日 ${formatDate(asOf)} · 工作表「${run.sheetName}」`;
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const parsed = parseCli(argv);
    if (parsed.command === 'help') {
      io.stdout(helpText());
      return 0;
    }
    const args = withPaths(parsed, io.cwd ?? callerDir());
    if (args.command === 'check') {
      // the roster's rows are read as the file is scanned: `check` never needs its grid
      const run = await runCheckStreamed(args, { explain: args.json });
      const sink = { write: io.stdout, ...(io.drain ? { drain: io.drain } : {}) };
      if (args.json) {
        // stdout is the JSON array and nothing else: the banners go to stderr with the other warnings
        for (const w of run.warnings) io.stderr(`警告 / Warning: ${oneLine(w)}\n`);
        await writeAll(sink, jsonPieces(run.results, args.pretty));
      } else {
        // banners and the reader's notices (sheet read, year of the hour columns, rows skipped) head the table
        const top = run.banners.length + run.notices.length;
        for (const w of run.warnings.slice(top)) io.stderr(`警告 / Warning: ${oneLine(w)}\n`);
        await writeAll(sink, tableLines(run.results, [...run.banners, ...run.notices], runContext(run)));
      }
      return 0;
    }
    const { runSummary } = await import('./summary.js');
    return await runSummary(args, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(e.line() + '\n');
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr(`错误：程序内部错误 / Error: internal error: ${oneLine(msg)}\n`);
    return 1;
  }
}

/** Run as a program: arguments from argv, exit code when stdout has drained. */
export function runProcess(): void {
  // `ce-report check … --json | head`: a closed pipe is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

/** Started as the program (not imported by a test)? The bundle's entry always is (scripts/build.ts defines the flag). */
function isMain(): boolean {
  if (process.env.CE_REPORT_BUNDLED === '1') return true;
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1] ?? '')).href;
  } catch {
    return false;
  }
}

if (isMain()) runProcess();
