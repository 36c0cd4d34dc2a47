#!/usr/bin/env -S npx tsx
/**
 * ce-report: check a roster (`check`) or write the summary report (`summary`).
 * The `check --json` output is a contract (ROSTER.md): stdout carries the JSON
 * array and nothing else; unusable input exits 2 with one line on stderr.
 */
import { pathToFileURL } from 'node:url';
import { HELP, parseCli } from './args.js';
import { CliError } from './errors.js';
import { runCheck } from './engine.js';
import { renderTable } from './table.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stderrIsTTY: boolean;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: process.stderr.isTTY === true,
};

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const args = parseCli(argv);
    if (args.command === 'help') {
      io.stdout(HELP);
      return 0;
    }
    if (args.command === 'check') {
      const run = await runCheck(args, { explain: args.json });
      for (const w of run.warnings) io.stderr(`警告 / Warning: ${w.replace(/[\r\n]+/g, ' ')}\n`);
      if (args.json) io.stdout(JSON.stringify(run.results, null, 2) + '\n');
      else io.stdout(renderTable(run.results));
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
    io.stderr(`错误：程序内部错误 / Error: internal error: ${msg.replace(/[\r\n]+/g, ' ')}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `ce-report check … --json | head`: a closed pipe is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  // Let stdout drain before exiting (large JSON through a pipe).
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
