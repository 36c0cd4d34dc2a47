/**
 * The CLI, reader, evaluator and report writers make no network requests.
 * Every run below goes through a preload (support/no-network.mjs) that makes
 * fetch, XMLHttpRequest, WebSocket, sockets (net/tls/http/https/http2/UDP) and
 * DNS throw and log the attempt; the tests then assert the log is empty.
 *
 * Covered: `ce-report check --json` and `ce-report summary` (HTML, PDF, XLSX,
 * with and without --show-id) over every bad-input file, every acceptance case
 * (with its records file) and a hostile roster; plus the real CLI entry point
 * as its own process. A self-test first proves the preload catches each way
 * out, in the main thread and in a worker thread (the report's render
 * worker), so an empty log means something.
 *
 * The processes are started as `node --import tsx --import no-network.mjs`:
 * the `tsx` launcher that `pnpm ce-report` uses opens a local IPC pipe to its
 * child (not a network request, and not our code), which the preload would
 * otherwise report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HERE as BAD_DIR } from './fixtures/bad/make.js';
import type { CaseExpect } from './fixtures/bad/make.js';
import { casePath, loadCases } from '@ce/cases';
import { writeHostileRoster } from './support/hostile.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./support/no-network.mjs', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'ce-nonet-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function guarded(args: string[], log: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', PRELOAD, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
    // any child Node process started along the way gets the same guard
    env: { ...process.env, CE_NET_LOG: log, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${PRELOAD}`.trim(), NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, attempts: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [] };
}

describe('the no-network guard itself', () => {
  it('catches fetch, XMLHttpRequest, http(s), net, tls and DNS, ESM named imports included', () => {
    const log = join(tmp, 'probe.log');
    const r = guarded([fileURLToPath(new URL('./support/net-probe.mjs', import.meta.url))], log);
    expect(r.stdout.trim()).toBe('9/9');
    expect(r.attempts).toHaveLength(9);
  });

  it('catches them in a worker thread too (ce-report summary writes HTML and PDF in one)', () => {
    const log = join(tmp, 'probe-worker.log');
    const r = guarded([fileURLToPath(new URL('./support/net-probe-worker.mjs', import.meta.url))], log);
    expect(r.stdout.trim()).toBe('9/9');
    expect(r.attempts).toHaveLength(9);
  });
});

describe('no network access', () => {
  it('ce-report check and summary over the bad-input corpus, the acceptance cases and a hostile roster', async () => {
    const bad = JSON.parse(readFileSync(join(BAD_DIR, 'expected.json'), 'utf8')) as CaseExpect[];
    const hostile = await writeHostileRoster(join(tmp, 'hostile.xlsx'));
    const plan: string[][] = [];
    const inputs: { file: string; policy: string; extra: string[] }[] = [
      ...bad.map((c) => ({ file: join(BAD_DIR, c.file), policy: c.policy, extra: [] })),
      ...loadCases().map((c) => ({ file: casePath(c.file), policy: c.policy, extra: c.records ? ['--records', casePath(c.records)] : [] })),
      { file: hostile.path, policy: 'xilingol-2024', extra: [] },
    ];
    inputs.forEach((x, i) => {
      plan.push(['check', x.file, '--policy', x.policy, '--json', ...x.extra]);
      plan.push(['summary', x.file, '--policy', x.policy, '--out', join(tmp, `out-${i}`), ...x.extra, ...(i % 2 ? ['--show-id'] : [])]);
    });
    const planFile = join(tmp, 'plan.json');
    writeFileSync(planFile, JSON.stringify(plan));
    const log = join(tmp, 'many.log');
    const r = guarded([fileURLToPath(new URL('./support/run-many.ts', import.meta.url)), planFile], log);
    expect(r.attempts, r.attempts.join('\n')).toEqual([]);
    expect(r.status, r.stderr).toBe(0);
    const runs = JSON.parse(r.stdout) as { argv: string[]; code: number; stdoutLength: number; stderr: string }[];
    expect(runs).toHaveLength(plan.length);
    // the guard did not silently break the runs: usable files give results and all three reports
    for (const run of runs) {
      const c = bad.find((b) => run.argv[1] === join(BAD_DIR, b.file));
      const want = c ? c.exit : 0;
      expect(run.code, `${run.argv.join(' ')}\n${run.stderr}`).toBe(want);
      expect(run.stderr).not.toMatch(/ENETBLOCKED|network access blocked/);
      if (want === 0 && run.argv[0] === 'summary') {
        const out = run.argv[run.argv.indexOf('--out') + 1]!;
        // one report of each format, named after the roster and date
        for (const ext of ['.html', '.pdf', '.xlsx']) expect(existsSync(out) && readdirSync(out).some((f) => f.endsWith(ext)), `${out}/*${ext}`).toBe(true);
      }
    }
  }, 600_000);

  it('the CLI entry point as its own process: check and summary', () => {
    const log = join(tmp, 'entry.log');
    const file = join(BAD_DIR, 'records-unknown-id.xlsx');
    const cli = join(REPO_ROOT, 'apps/report/src/cli.ts');
    const a = guarded([cli, 'check', file, '--policy', 'xilingol-2024', '--json'], log);
    expect(a.status, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toHaveLength(3);
    const b = guarded([cli, 'summary', file, '--policy', 'xilingol-2024', '--out', join(tmp, 'entry-out')], log);
    expect(b.status, b.stderr).toBe(0);
    expect(b.attempts, b.attempts.join('\n')).toEqual([]);
    expect(a.attempts).toEqual([]);
  }, 300_000);
});
