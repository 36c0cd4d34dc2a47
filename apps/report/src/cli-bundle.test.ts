/**
 * The self-contained build (dist/ce-report.mjs, scripts/build.ts) run by plain
 * node: from the repository root, from a subfolder with relative paths, and
 * copied to a folder outside the repository; the streamed JSON against the
 * in-memory JSON.stringify of the same results; large rosters; banners; help.
 * `pnpm test` builds dist first (turbo: test depends on build); run alone,
 * this file builds it in beforeAll.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRosterInput } from '@ce/files';
import { listPacks, getPack } from '@ce/rules';
import type { EvaluationResult } from '@ce/rules';
import { CASES_DIR, checkArgs, expectedFrom, loadCases, R2_CASES_DIR, type CaseSpec } from '@ce/cases';
import { writeBigRoster } from '../scripts/big-roster.js';
import { parseCli } from './args.js';
import { callerDir, main } from './cli.js';
import type { Io } from './cli.js';
import { runCheck } from './engine.js';
import { APP_DIR, REPO_ROOT, runCli } from './testing.js';
import type { Ran } from './testing.js';

const DIST = join(APP_DIR, 'dist');
/** the acceptance folders, as they are copied into the clerk's folder: revision 3's, and revision 2's (still passing) */
const FOLDERS = [
  ['r3', CASES_DIR],
  ['r2', R2_CASES_DIR],
] as const;
const BAD_DIR = join(REPO_ROOT, 'test/fixtures/bad');
const tmp = mkdtempSync(join(tmpdir(), 'ce-report-bundle-'));
/** the copy outside the repository, and a clerk's folder beside it */
const COPY = join(tmp, 'ce-report');
const CLERK = join(tmp, 'clerk');

/** `check` arguments for a case, its files given as `at(file)`. */
const caseArgs = (c: CaseSpec, at: (file: string) => string, extra: string[] = []): string[] => [...checkArgs(c, at), ...extra];

/** `node <entry> …` with a clean environment (no pnpm variables), as an IT person would run it. */
/** This process's environment without what pnpm sets for a script (INIT_CWD, npm_*). */
function plainEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of Object.keys(env)) if (k.startsWith('npm_') || k === 'INIT_CWD') delete env[k];
  return env;
}

function runNode(entry: string, args: string[], cwd: string): Ran {
  const env = plainEnv();
  const r = spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8', env, timeout: 120_000, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function memoryIo(cwd = REPO_ROOT): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, stderrIsTTY: false, stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

const statuses = (stdout: string) => (JSON.parse(stdout) as EvaluationResult[]).map((r) => ({ row: r.row, status: r.status, missing: r.missing }));

beforeAll(() => {
  if (!existsSync(join(DIST, 'ce-report.mjs'))) {
    const b = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), join(APP_DIR, 'scripts/build.ts')], { cwd: APP_DIR, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
  }
  cpSync(DIST, COPY, { recursive: true });
  mkdirSync(CLERK, { recursive: true });
  for (const [name, dir] of FOLDERS) {
    if (!existsSync(dir)) continue;
    const into = join(CLERK, name);
    mkdirSync(into, { recursive: true });
    for (const f of readdirSync(dir)) cpSync(join(dir, f), join(into, f));
  }
}, 180_000);

describe('dist layout', () => {
  it('has the entry, the worker entry, its chunks and data files, and no node_modules', () => {
    const files = readdirSync(DIST, { recursive: true }).map(String);
    for (const f of ['ce-report.mjs', 'render/worker-entry.mjs', 'fonts/NotoSansSC_400Regular.ttf', 'fonts/NotoSansSC_700Bold.ttf', 'harfbuzz-subset.wasm', 'pdfkit-fonts/Helvetica.cjs', 'package.json']) {
      expect(files).toContain(f.split('/').join(sep));
    }
    expect(files.some((f) => f.includes('node_modules'))).toBe(false);
    expect(files.filter((f) => /^chunk-.*\.mjs$/.test(f)).length).toBeGreaterThan(0);
  });

  it('check does not load the renderers: exceljs, pdfkit and subset-font are not in the static import graph of the entry', () => {
    const seen = new Set<string>();
    const visit = (f: string) => {
      if (seen.has(f)) return;
      seen.add(f);
      const text = readFileSync(join(DIST, f), 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"\.\/([^"]+)"/gm)) visit(m[1]!);
    };
    visit('ce-report.mjs');
    const text = [...seen].map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    expect(text).not.toMatch(/node_modules[\\/](?:\.pnpm[\\/])?(?:exceljs|pdfkit|subset-font|fontkit)/);
    expect(text).toMatch(/import\("\.\/summary-[\w-]+\.mjs"\)/);
  });

  it('the render worker of the copy outside the repository starts and loads its renderers', async () => {
    const w = new Worker(join(COPY, 'render/worker-entry.mjs'));
    const first = await new Promise<unknown>((ok, fail) => {
      w.once('message', ok);
      w.once('error', fail);
    });
    await w.terminate();
    expect(first).toEqual({ kind: 'ready' });
  });
});

for (const [name, dir] of FOLDERS) {
  describe.runIf(existsSync(dir))(`the bundled CLI on the acceptance cases (${name}): statuses as expected, from anywhere`, () => {
    it.each(loadCases(dir).map((c) => [c.file, c] as const))('%s', async (_f, c) => {
      const input = await loadRosterInput(join(dir, c.file));
      const expected = expectedFrom(input.roster.grid, input.roster.firstRow);
      const sub = join(REPO_ROOT, 'packages/rules/src');
      const runs = [
        runNode(join(DIST, 'ce-report.mjs'), caseArgs(c, (f) => join(dir, f), ['--json']), REPO_ROOT),
        runNode(join(DIST, 'ce-report.mjs'), caseArgs(c, (f) => relative(sub, join(dir, f)), ['--json']), sub),
        // outside the repository: the copied folder, files relative to the clerk's folder
        runNode(join(COPY, 'ce-report.mjs'), caseArgs(c, (f) => join(name, f), ['--json']), CLERK),
      ];
      for (const r of runs) {
        expect(r.stderr).not.toMatch(/Error:|DeprecationWarning/);
        expect(r.status).toBe(0);
        expect(statuses(r.stdout)).toEqual(expected);
      }
    });
  });
}

describe.runIf(existsSync(CASES_DIR))('the bundled CLI on the acceptance cases (r3): the same JSON as the source run by tsx', () => {
  it.each(loadCases(CASES_DIR).map((c) => [c.file, c] as const))('%s', (_f, c) => {
    const source = runCli(caseArgs(c, (f) => join(CASES_DIR, f), ['--json']));
    expect(source.status).toBe(0);
    const sub = join(REPO_ROOT, 'apps/report/sample');
    const bundled = [
      runNode(join(DIST, 'ce-report.mjs'), caseArgs(c, (f) => join(CASES_DIR, f), ['--json']), REPO_ROOT),
      runNode(join(DIST, 'ce-report.mjs'), caseArgs(c, (f) => relative(sub, join(CASES_DIR, f)), ['--json']), sub),
      runNode(join(COPY, 'ce-report.mjs'), caseArgs(c, (f) => join('r3', f), ['--json']), CLERK),
    ];
    for (const r of bundled) {
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(source.stdout));
      expect(r.stderr).toBe(source.stderr);
    }
    // the table too, from outside the repository
    const table = runNode(join(COPY, 'ce-report.mjs'), caseArgs(c, (f) => join('r3', f)), CLERK);
    expect(table.status).toBe(0);
    expect(table.stdout).toBe(runCli(caseArgs(c, (f) => join(CASES_DIR, f))).stdout);
  });
});

describe('the copy outside the repository writes every summary format', () => {
  it('html, pdf and xlsx (the PDF with its embedded CJK font), in the clerk folder given relatively', () => {
    const roster = join(CLERK, '花名册.csv');
    cpSync(join(CASES_DIR, 'xilingol-2024.csv'), roster);
    const r = runNode(join(COPY, 'ce-report.mjs'), ['summary', '花名册.csv', '--policy', 'xilingol-2024', '--out', 'out'], CLERK);
    expect(r.stderr).not.toMatch(/Error:|DeprecationWarning/);
    expect(r.status).toBe(0);
    // named after the roster and the day (花名册-汇总-YYYY-MM-DD.*), never overwriting an earlier run
    const written = (ext: string) => {
      const f = readdirSync(join(CLERK, 'out')).find((n) => n.startsWith('花名册-汇总-') && n.endsWith(`.${ext}`));
      expect(f, ext).toBeDefined();
      expect(r.stdout).toContain(join(CLERK, 'out', f!));
      return join(CLERK, 'out', f!);
    };
    const pdf = readFileSync(written('pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/FontFile2/);
    expect(readFileSync(written('html'), 'utf8')).toContain('汇总');
    expect(readFileSync(written('xlsx')).subarray(0, 2).toString()).toBe('PK');
    const text = spawnSync('pdftotext', [written('pdf'), '-'], { encoding: 'utf8' });
    if (text.status === 0 || process.env.CI) expect(text.stdout).toContain('继续教育学时汇总表');
  });
});

/** Every case and bad-input file once: streamed output against JSON.stringify of runCheck's results. */
function corpus(): { name: string; args: string[] }[] {
  const out: { name: string; args: string[] }[] = [];
  for (const [name, dir] of FOLDERS) for (const c of loadCases(dir)) out.push({ name: `${name}/${c.file}`, args: caseArgs(c, (f) => join(dir, f)) });
  const bad = JSON.parse(readFileSync(join(BAD_DIR, 'expected.json'), 'utf8')) as { file: string; policy: string }[];
  for (const b of bad) out.push({ name: `bad/${b.file}`, args: ['check', join(BAD_DIR, b.file), '--policy', b.policy] });
  return out;
}

describe('streamed --json is the JSON of the same results built in memory', () => {
  it.each(corpus().map((c) => [c.name, c.args] as const))('%s', async (_n, args) => {
    const parsed = parseCli(args);
    if (parsed.command !== 'check') throw new Error('check expected');
    let built: string | undefined;
    let failure: string | undefined;
    try {
      const run = await runCheck(parsed, { explain: true });
      built = JSON.stringify(run.results, null, 2) + '\n';
    } catch (e) {
      failure = String(e);
    }
    const pretty = memoryIo();
    const compact = memoryIo();
    const codes = [await main([...args, '--json', '--pretty'], pretty), await main([...args, '--json'], compact)];
    if (built === undefined) {
      // unusable file: exit 2, nothing on stdout, one line on stderr
      expect(failure).toBeDefined();
      expect(codes).toEqual([2, 2]);
      expect(pretty.out + compact.out).toBe('');
      expect(compact.err.trim().split('\n')).toHaveLength(1);
      return;
    }
    expect(codes).toEqual([0, 0]);
    expect(pretty.out).toBe(built);
    expect(JSON.parse(compact.out)).toEqual(JSON.parse(built));
    // compact: one result per line between the brackets
    expect(compact.out.split('\n').length).toBe((JSON.parse(built) as unknown[]).length + 3);
  });

  it('an empty array prints as []', async () => {
    const { jsonPieces } = await import('./output.js');
    expect([...jsonPieces([], false)].join('')).toBe('[]\n');
    expect([...jsonPieces([], true)].join('')).toBe(JSON.stringify([], null, 2) + '\n');
  });

  it('waits for the sink to drain when it says it is full', async () => {
    const { writeAll } = await import('./output.js');
    let drains = 0;
    let written = '';
    await writeAll({ write: (s) => ((written += s), false), drain: async () => void drains++ }, Array.from({ length: 5000 }, (_, i) => `${'x'.repeat(100)}${i}\n`));
    expect(written.split('\n')).toHaveLength(5001);
    expect(drains).toBeGreaterThan(5);
  });
});

describe('header-only roster, banners, help, paths', () => {
  it('a roster with a header and no people: exit 2 and 「花名册中没有人员数据行」 on stderr', async () => {
    const f = join(tmp, 'header-only.csv');
    writeFileSync(f, '\uFEFF姓名,身份证号,2024年公需学时,2024年专业学时\r\n');
    const r = runNode(join(COPY, 'ce-report.mjs'), ['check', f, '--policy', 'xilingol-2024', '--json'], tmp);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('花名册中没有人员数据行');
    expect(r.stderr).toMatch(/Error: the roster has no rows of people/);
  });

  it('--year other than the CE year: a banner on top of the table, on stderr (first) with --json, stdout still the array', async () => {
    const c = ['check', join(CASES_DIR, 'xilingol-2024.csv'), '--policy', 'xilingol-2024', '--year', '2025'];
    const table = memoryIo();
    expect(await main(c, table)).toBe(0);
    const first = table.out.split('\n')[0]!;
    expect(first).toMatch(/^！注意.*xilingol-2024 是 2024 年度的通知.*按 2025 年度审验.*只作参考/);
    expect(table.err).not.toContain('2024 年度的通知');
    const json = memoryIo();
    expect(await main([...c, '--json'], json)).toBe(0);
    expect(json.out.startsWith('[\n{')).toBe(true);
    expect(Array.isArray(JSON.parse(json.out))).toBe(true);
    expect(json.err.split('\n')[0]).toMatch(/^警告 \/ Warning: 规则包 xilingol-2024 是 2024 年度的通知/);
    // the pack's own year: no banner
    const own = memoryIo();
    await main(c.slice(0, 4), own);
    expect(own.out).not.toContain('注意');
    expect(own.out.split('\n')[0]).toContain('审验年度 2024');
  });

  it('nm-2017 for rows that are not the annual check: a banner naming the purposes and counts', async () => {
    const f = join(tmp, 'purposes.csv');
    writeFileSync(f, '\uFEFF姓名,身份证号,申报类型,2017年公需学时,2017年专业学时\r\n甲,152502198503121121,考核认定,30,60\r\n乙,152502198007011257,职称评审,30,60\r\n');
    const io = memoryIo();
    expect(await main(['check', f, '--policy', 'nm-2017'], io)).toBe(0);
    const banner = io.out.split('\n').find((l) => l.startsWith('！注意'));
    expect(banner ?? io.out).toMatch(/nm-2017.*只规定年度检查/);
    const annual = join(tmp, 'annual.csv');
    writeFileSync(annual, '\uFEFF姓名,身份证号,2017年公需学时,2017年专业学时\r\n甲,152502198503121121,30,60\r\n');
    const plain = memoryIo();
    await main(['check', annual, '--policy', 'nm-2017'], plain);
    expect(plain.out).not.toContain('！注意');
  });

  it('--help lists every pack with its CE year, scope and issuer, and what to do when the notice is missing', () => {
    const r = runNode(join(COPY, 'ce-report.mjs'), ['--help'], tmp);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/see the list below/);
    for (const { id, ceYear } of listPacks()) {
      const p = getPack(id)!;
      const line = r.stdout.split('\n').find((l) => l.trimStart().startsWith(id + ' '));
      expect(line).toContain(`${ceYear} 年度`);
      expect(line).toContain(p.scope);
      expect(r.stdout).toContain(p.issuer);
    }
    expect(r.stdout).toMatch(/--year/);
    expect(r.stdout).toMatch(/只作参考/);
  });

  it('callerDir: INIT_CWD only under the root ce-report script', () => {
    expect(callerDir({ INIT_CWD: '/x', npm_lifecycle_event: 'ce-report' }, '/repo')).toBe('/x');
    expect(callerDir({ INIT_CWD: '/x', npm_lifecycle_event: 'build' }, '/repo')).toBe('/repo');
    expect(callerDir({}, '/repo')).toBe('/repo');
  });

  it('pnpm ce-report from subfolders (a plain folder and a workspace package) with relative paths; --silent errors keep their one line', () => {
    for (const sub of ['docs', 'packages/roster']) {
      const cwd = join(REPO_ROOT, sub);
      const rel = relative(cwd, join(CASES_DIR, 'xilingol-2024.csv'));
      const env = plainEnv();
      const ok = spawnSync('pnpm', ['--silent', 'ce-report', 'check', rel, '--policy', 'xilingol-2024', '--json'], { cwd, encoding: 'utf8', env, timeout: 60_000 });
      expect(ok.status).toBe(0);
      expect(statuses(ok.stdout).length).toBe(14);
      const bad = spawnSync('pnpm', ['--silent', 'ce-report', 'check', 'no-such-file.csv', '--policy', 'xilingol-2024', '--json'], { cwd, encoding: 'utf8', env, timeout: 60_000 });
      expect(bad.status).toBe(2);
      expect(bad.stdout).toBe('');
      const lines = bad.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^错误：.*no-such-file\.csv.* \/ Error: /);
    }
  });
});

/** Run the copy on a roster, reading stdout line by line (never as one string). */
function streamLines(args: string[], onLine: (l: string) => void): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(COPY, 'ce-report.mjs'), ...args], { cwd: tmp });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout }).on('line', onLine);
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('large rosters (the 1M-row run is in pnpm bench)', () => {
  const ROWS = 200_000;
  const file = join(tmp, 'big.csv');
  beforeAll(() => writeBigRoster(file, ROWS), 60_000);

  it(`${ROWS} rows through check --json: every row, in order, exit 0`, async () => {
    let n = 0;
    let inOrder = true;
    let invalid = 0;
    let edges = 0;
    const r = await streamLines(['check', file, '--policy', 'xilingol-2024', '--json'], (l) => {
      if (l === '[' || l === ']') return void edges++;
      const x = JSON.parse(l.replace(/,$/, '')) as EvaluationResult;
      if (x.row !== n + 2) inOrder = false;
      if (x.status === 'invalid') invalid++;
      n++;
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(edges).toBe(2);
    expect(n).toBe(ROWS);
    expect(inOrder).toBe(true);
    expect(invalid).toBe(Math.floor(ROWS / 97));
  }, 300_000);

  it(`${ROWS} rows through the table output (no stack overflow), counts at the end`, async () => {
    let rows = 0;
    let last = '';
    const r = await streamLines(['check', file, '--policy', 'xilingol-2024'], (l) => {
      if (/^\s*\d+\s{2}人员/.test(l)) rows++;
      if (l) last = l;
    });
    expect(r.code).toBe(0);
    expect(rows).toBe(ROWS);
    expect(last).toMatch(new RegExp(`^共 ${ROWS} 人：.*数据有误 ${Math.floor(ROWS / 97)}$`));
  }, 300_000);
});
