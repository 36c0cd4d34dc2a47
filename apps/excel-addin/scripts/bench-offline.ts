/**
 * Benchmark of the offline checker page against the CLI on the same file.
 *
 *   pnpm --filter excel-addin bench:offline          # 10k and 100k rows
 *   BENCH_QUICK=1 pnpm --filter excel-addin bench:offline   # 10k only
 *
 * The roster .xlsx comes from the repository's benchmark generator
 * (test/bench/reports.ts gen: a title row, the header, one row per person).
 * Page: dist/offline/ce-checker.html in Chromium by file://, network aborted; times
 * are wall-clock from the test driver: open = file input set → sheet table drawn;
 * check = 检查并标注 clicked → result rows drawn; download = 下载标注后的花名册
 * clicked → the .xlsx saved. Peak memory = the largest VmHWM (peak RSS) of the
 * Chromium renderer processes, and the JS heap in use at the end (CDP).
 * CLI: `ce-report check <file> --policy xilingol-2024 --json` in its own process,
 * wall time and peak RSS from /usr/bin/time.
 * Prints a Markdown table; writes it to test-output/bench-offline.md.
 * `pnpm bench` (scenario 8, test/bench/offline.ts) imports pageRun from here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const repo = join(root, '../..');
const out = join(root, 'test-output/bench');
const PAGE = join(root, 'dist/offline/ce-checker.html');
const sizes = process.env.BENCH_QUICK === '1' ? [10_000] : [10_000, 100_000];
const tsx = join(repo, 'node_modules/.bin/tsx');

/** the parent of a process, from /proc (0 when it has ended) */
function parentOf(pid: number): number {
  try {
    return Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** whether `pid` was started (through any number of Chromium processes) by this process */
function ours(pid: number): boolean {
  for (let p = parentOf(pid), hops = 0; p > 1 && hops < 8; p = parentOf(p), hops++) if (p === process.pid) return true;
  return false;
}

/** peak RSS (VmHWM, MB) of the Chromium renderer processes this process started that are alive now (others run Chromium on this machine too) */
function rendererPeakMB(): number {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium') || !cmd.includes('--type=renderer') || !ours(Number(pid))) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      // the process ended while we looked
    }
  }
  return Math.round(peak);
}

export interface PageRun {
  openMs: number;
  checkMs: number;
  downloadMs: number;
  rows: number;
  rendererPeakMB: number;
  jsHeapMB: number;
  downloadBytes: number;
}

/** Opens, checks and downloads `file` on the offline page in a fresh Chromium. */
export async function pageRun(file: string, saveDir = out): Promise<PageRun> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await context.route('**/*', (r) => (/^(file|data|blob):/.test(r.request().url()) ? r.continue() : r.abort()));
    const p = await context.newPage();
    await p.goto(pathToFileURL(PAGE).href);
    const cdp = await context.newCDPSession(p);
    await cdp.send('Performance.enable');
    let t = performance.now();
    await p.setInputFiles('input[type="file"]', file);
    await p.waitForFunction(() => document.querySelectorAll('table tr[data-sheet-row]').length > 0, undefined, { timeout: 600_000 });
    const openMs = performance.now() - t;
    await p.selectOption('select[name="policy"]', 'xilingol-2024');
    t = performance.now();
    await p.locator('button', { hasText: '检查' }).first().click();
    await p.waitForFunction(() => /已检查/.test(document.getElementById('message')?.textContent ?? ''), undefined, { timeout: 600_000, polling: 200 });
    const checkMs = performance.now() - t;
    // a big sheet draws only the rows in view: the count is the pane's own
    const rows = Number(/已检查 (\d+) 人/.exec((await p.textContent('#message')) ?? '')?.[1]);
    t = performance.now();
    const [d] = await Promise.all([p.waitForEvent('download', { timeout: 600_000 }), p.locator('button', { hasText: '下载标注后的花名册' }).click()]);
    const saved = join(saveDir, `page-${rows}.xlsx`);
    await d.saveAs(saved);
    const downloadMs = performance.now() - t;
    const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    return { openMs, checkMs, downloadMs, rows, rendererPeakMB: rendererPeakMB(), jsHeapMB: Math.round(heap / 1024 / 1024), downloadBytes: statSync(saved).size };
  } finally {
    await browser.close();
  }
}

function cli(file: string): { ms: number; peakMB: number; rows: number } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', tsx, join(repo, 'apps/report/src/cli.ts'), 'check', file, '--policy', 'xilingol-2024', '--json'], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`ce-report failed: ${r.stderr.slice(-500)}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { ms, peakMB: Math.round(kb / 1024), rows: (JSON.parse(r.stdout) as unknown[]).length };
}

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  if (!existsSync(PAGE)) throw new Error(`${PAGE} missing: run pnpm build first`);
  mkdirSync(out, { recursive: true });
  const lines = [
    '| rows | file | page: open | page: check | page: download | page: renderer peak RSS | page: JS heap at end | CLI `check --json` | CLI peak RSS |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const n of sizes) {
    const file = join(out, `roster-${n}.xlsx`);
    if (!existsSync(file)) execFileSync(tsx, [join(repo, 'test/bench/reports.ts'), 'gen', String(n), file], { stdio: 'inherit' });
    process.stderr.write(`[bench-offline] ${n} rows: page…\n`);
    const p = await pageRun(file);
    process.stderr.write(`[bench-offline] ${n} rows: CLI…\n`);
    const c = cli(file);
    if (p.rows !== c.rows) throw new Error(`page checked ${p.rows} rows, CLI ${c.rows}`);
    lines.push(
      `| ${n.toLocaleString('en-US')} | ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB | ${s(p.openMs)} | ${s(p.checkMs)} | ${s(p.downloadMs)} | ${p.rendererPeakMB} MB | ${p.jsHeapMB} MB | ${s(c.ms)} | ${c.peakMB} MB |`,
    );
  }
  const table = lines.join('\n');
  process.stdout.write(`${table}\n`);
  writeFileSync(join(root, 'test-output/bench-offline.md'), `${new Date().toISOString()}\n\n${table}\n`);
}

// run as a script, not when imported by the repository's bench
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
