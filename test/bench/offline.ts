/**
 * Scenario 8 — the offline checker page (apps/excel-addin, dist/offline/ce-checker.html):
 *
 *   tsx test/bench/offline.ts <roster.xlsx> [--no-build]
 *
 * Builds the page and the bundled CLI from the sources as they are (a few seconds; not with
 * --no-build, for a second size in the same bench run), then
 * in this order: the baseline, `node apps/report/dist/ce-report.mjs check <file> --json`
 * in its own process (wall time, peak RSS by /usr/bin/time); the page in a fresh Chromium
 * by file://, network aborted: open (file input set → sheet drawn), check (检查并标注 →
 * the count in the message), download (下载标注后的花名册 → .xlsx saved), the renderer's
 * peak RSS and the JS heap at the end (apps/excel-addin/scripts/bench-offline.ts); then
 * the baseline again, so that load on the shared machine falls on both alike (the
 * median of the two CLI runs is reported). The page and the CLI must count the same people.
 * The roster is reports.ts gen's (a title row, the header, one row per person).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { emit, median, now, peakRssMB, ROOT } from './util.js';

const DIST = join(ROOT, 'apps/report/dist/ce-report.mjs');
const POLICY = 'xilingol-2024';

interface PageRun { openMs: number; checkMs: number; downloadMs: number; rows: number; rendererPeakMB: number; jsHeapMB: number; downloadBytes: number }
export interface OfflineResult { people: number; page: PageRun; cliMs: number; cliRuns: number[]; cliPeakMB: number; buildMs: number; peakRssMB: number }

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.stderr || r.stdout).slice(-800)}`);
}

/** the CLI's check --json on the file: wall ms, peak RSS, and how many people it printed (one JSON object per line) */
function cli(file: string): Promise<{ ms: number; peakMB: number; people: number }> {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, DIST, 'check', file, '--policy', POLICY, '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let people = 0;
    let tail = '';
    child.stdout.on('data', (d: Buffer) => {
      const text = tail + d.toString('latin1');
      for (let i = text.indexOf('\n{'); i >= 0; i = text.indexOf('\n{', i + 2)) people++;
      tail = text.slice(-1);
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = now() - t0;
      // check exits 0 even with invalid rows; 2 is an unusable file or argument
      if (code !== 0) return reject(new Error(`ce-report check exited ${code}: ${err.slice(-500)}`));
      resolve({ ms, peakMB: Math.round(Number(err.trim().split('\n').pop()) / 1024), people });
    });
  });
}

const [file, flag] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx test/bench/offline.ts <roster.xlsx> [--no-build]');
const t0 = now();
if (flag !== '--no-build') {
  run('pnpm', ['--filter', '@ce/report', 'build'], ROOT);
  run('pnpm', ['exec', 'vite', 'build', '-c', 'vite.config.offline.ts', '--logLevel', 'warn'], join(ROOT, 'apps/excel-addin'));
}
const buildMs = now() - t0;
const { pageRun } = (await import(pathToFileURL(join(ROOT, 'apps/excel-addin/scripts/bench-offline.ts')).href)) as {
  pageRun(file: string, saveDir: string): Promise<PageRun>;
};
const saveDir = mkdtempSync(join(tmpdir(), 'ce-bench-offline-'));
try {
  const before = await cli(file);
  const page = await pageRun(file, saveDir);
  const after = await cli(file);
  if (page.rows !== before.people) throw new Error(`the page checked ${page.rows} people, the CLI printed ${before.people}`);
  emit({
    people: page.rows,
    page,
    cliMs: median([before.ms, after.ms]),
    cliRuns: [before.ms, after.ms],
    cliPeakMB: Math.max(before.peakMB, after.peakMB),
    buildMs,
    peakRssMB: peakRssMB(),
  } satisfies OfflineResult);
} finally {
  rmSync(saveDir, { recursive: true, force: true });
}
