/**
 * Scenario 6 — the command line (issues #10, #15):
 *
 *   tsx test/bench/cli.ts startup [runs]            paired start-up: node -e 0 vs the bundled
 *                                                   dist/ce-report.mjs vs pnpm --silent ce-report
 *                                                   (tsx), each `check` on the 14-row case
 *   tsx test/bench/cli.ts gen <rows> <file.csv>     a roster of the smallest shape (scripts/big-roster.ts)
 *   tsx test/bench/cli.ts json <file.csv> <streamed|built>
 *                                                   check --json in this process: streamed (the CLI's
 *                                                   main) or built (JSON.stringify of the whole array,
 *                                                   pretty, as before), to /dev/null; peak RSS is this
 *                                                   process's
 *   tsx test/bench/cli.ts table <file.csv>          the table output (the CLI's main), to /dev/null
 *
 * Start-up runs are interleaved (one of each per round) so that load on the
 * shared machine falls on all three alike; medians and ratios are reported.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { emit, median, now, peakRssMB, ROOT } from './util.js';

const app = (p: string) => pathToFileURL(join(ROOT, p)).href;
const DIST = join(ROOT, 'apps/report/dist/ce-report.mjs');
const CASE = join(ROOT, '../shared/cases/xilingol-2024.csv');
const POLICY = 'xilingol-2024';

const [mode, a, b] = process.argv.slice(2);

function timed(cmd: string, args: string[]): number {
  const t0 = now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'] });
  const ms = now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  return ms;
}

function build(): void {
  const r = spawnSync('pnpm', ['--filter', '@ce/report', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

/** stdout for the in-process runs: /dev/null, with back-pressure like a real pipe */
function devNull() {
  const s = createWriteStream('/dev/null');
  return { s, io: { stdout: (t: string) => s.write(t), drain: () => once(s, 'drain').then(() => undefined), stderr: () => undefined, stderrIsTTY: false, cwd: ROOT } };
}

if (mode === 'startup') {
  build();
  const runs = Number(a ?? 7);
  const check = ['check', CASE, '--policy', POLICY];
  const t = { node: [] as number[], bundled: [] as number[], pnpm: [] as number[] };
  // one untimed round: file-system caches
  timed(process.execPath, ['-e', '0']);
  timed(process.execPath, [DIST, ...check]);
  timed('pnpm', ['--silent', 'ce-report', ...check]);
  for (let i = 0; i < runs; i++) {
    t.node.push(timed(process.execPath, ['-e', '0']));
    t.bundled.push(timed(process.execPath, [DIST, ...check]));
    t.pnpm.push(timed('pnpm', ['--silent', 'ce-report', ...check]));
  }
  const m = { node: median(t.node), bundled: median(t.bundled), pnpm: median(t.pnpm) };
  emit({ runs, ms: m, all: t, bundledVsNode: m.bundled / m.node, pnpmVsBundled: m.pnpm / m.bundled });
} else if (mode === 'gen') {
  const { writeBigRoster } = (await import(app('apps/report/scripts/big-roster.ts'))) as { writeBigRoster(f: string, n: number): Promise<void> };
  const t0 = now();
  await writeBigRoster(b!, Number(a));
  emit({ rows: Number(a), bytes: statSync(b!).size, ms: Math.round(now() - t0) });
} else if (mode === 'json') {
  const { s, io } = devNull();
  const t0 = now();
  if (b === 'streamed') {
    const { main } = (await import(app('apps/report/src/cli.ts'))) as { main(argv: string[], io: unknown): Promise<number> };
    const code = await main(['check', a!, '--policy', POLICY, '--json'], io);
    if (code !== 0) throw new Error(`exit ${code}`);
  } else {
    const { runCheck } = (await import(app('apps/report/src/engine.ts'))) as { runCheck(x: unknown, o: unknown): Promise<{ results: unknown[] }> };
    const run = await runCheck({ roster: a!, policy: POLICY }, { explain: true });
    const text = JSON.stringify(run.results, null, 2) + '\n';
    if (!s.write(text)) await once(s, 'drain');
  }
  s.end();
  await once(s, 'finish');
  emit({ mode: b, ms: Math.round(now() - t0), peakRssMB: peakRssMB() });
} else if (mode === 'table') {
  const { s, io } = devNull();
  const t0 = now();
  const { main } = (await import(app('apps/report/src/cli.ts'))) as { main(argv: string[], io: unknown): Promise<number> };
  const code = await main(['check', a!, '--policy', POLICY], io);
  if (code !== 0) throw new Error(`exit ${code}`);
  s.end();
  await once(s, 'finish');
  emit({ ms: Math.round(now() - t0), peakRssMB: peakRssMB() });
} else {
  throw new Error(`unknown mode ${mode}`);
}
