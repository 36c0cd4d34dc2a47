import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from '@ce/rules';
import { parseCli } from './args.js';
import { main } from './cli.js';
import type { Io } from './cli.js';
import { CASES_DIR, HAS_CASES, cases, runCli, runPnpm } from './testing.js';

const STATUSES = ['compliant', 'non-compliant', 'exempt', 'not-restrictive', 'invalid'];
const tmp = mkdtempSync(join(tmpdir(), 'ce-report-cli-'));

function caseArgs(c: ReturnType<typeof cases>[number]): string[] {
  const a = ['check', join(CASES_DIR, c.file), '--policy', c.policy];
  if (c.records) a.push('--records', join(CASES_DIR, c.records));
  if (c.asOf) a.push('--as-of', c.asOf);
  if (c.year) a.push('--year', String(c.year));
  return a;
}

function expectOneLineError(r: { status: number | null; stdout: string; stderr: string }) {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l.length > 0);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/); // Chinese
  expect(lines[0]).toMatch(/Error: [A-Za-z]/); // and English
}

function memoryIo(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stderrIsTTY: false, stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

describe('argument parsing', () => {
  it('reads check and summary options', () => {
    expect(parseCli(['check', 'a.csv', '--policy', 'x', '--json', '--year', '2024', '--as-of', '2024-06-30'])).toEqual({
      command: 'check',
      roster: 'a.csv',
      policy: 'x',
      json: true,
      pretty: false,
      year: 2024,
      asOf: { year: 2024, month: 6, day: 30 },
    });
    expect(parseCli(['summary', 'a.xlsx', '--policy', 'x', '--out', 'o', '--format', 'pdf,html', '--show-id'])).toMatchObject({
      command: 'summary',
      formats: ['pdf', 'html'],
      showId: true,
    });
    expect(parseCli(['--help'])).toEqual({ command: 'help' });
  });

  it.each([
    [['check', 'a.csv']],
    [['check', '--policy', 'x']],
    [['check', 'a.csv', '--policy', 'x', '--as-of', '2025-11-31']],
    [['check', 'a.csv', '--policy', 'x', '--year', '24']],
    [['check', 'a.csv', '--policy', 'x', '--bogus']],
    [['summary', 'a.csv', '--policy', 'x']],
    [['summary', 'a.csv', '--policy', 'x', '--out', 'o', '--format', 'docx']],
    [['frobnicate', 'a.csv']],
  ])('rejects %j with exit 2 and one line', async (argv) => {
    const io = memoryIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err.trim().split('\n')).toHaveLength(1);
    expect(io.err).toContain('Error:');
  });

  it('prints help in Chinese and English', async () => {
    const io = memoryIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out).toContain('用法');
    expect(io.out).toContain('Usage');
    expect(io.out).toContain('--policy');
  });
});

describe.runIf(HAS_CASES)('ce-report check through the real CLI process', () => {
  it.each(cases().map((c) => [c.file, c] as const))('%s: stdout is exactly the JSON array', (_f, c) => {
    const r = runCli([...caseArgs(c), '--json']);
    expect(r.status).toBe(0);
    const parsed = JSON.parse(r.stdout) as EvaluationResult[];
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed.length).toBeGreaterThan(0);
    const rows = parsed.map((x) => x.row);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    for (const x of parsed) {
      expect(STATUSES).toContain(x.status);
      if (x.status === 'invalid') {
        expect(x.missing).toBeNull();
        expect(x.errors.length).toBeGreaterThan(0);
      } else expect(typeof x.missing?.total).toBe('number');
    }
  });

  it('works as `pnpm --silent ce-report check … --json` from the repository root', () => {
    const c = cases()[0]!;
    const r = runPnpm([...caseArgs(c), '--json']);
    expect(r.status).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stdout.trimStart().startsWith('[')).toBe(true);
  });

  it('unknown pack: exit 2, one line on stderr (pnpm path too)', () => {
    const c = cases()[0]!;
    expectOneLineError(runCli(['check', join(CASES_DIR, c.file), '--policy', 'no-such-pack', '--json']));
    expectOneLineError(runPnpm(['check', join(CASES_DIR, c.file), '--policy', 'no-such-pack', '--json']));
  });

  it('missing file: exit 2, one line on stderr', () => {
    expectOneLineError(runCli(['check', join(tmp, 'missing.xlsx'), '--policy', 'xilingol-2024', '--json']));
  });

  it('unusable files: empty, corrupt, no header → exit 2', () => {
    const empty = join(tmp, 'empty.csv');
    writeFileSync(empty, '');
    const corrupt = join(tmp, 'corrupt.xlsx');
    writeFileSync(corrupt, Buffer.from('PK\u0003\u0004 this is not really a zip file at all'));
    const noHeader = join(tmp, 'noheader.csv');
    writeFileSync(noHeader, '甲,乙,丙\n1,2,3\n');
    for (const f of [empty, corrupt, noHeader]) expectOneLineError(runCli(['check', f, '--policy', 'xilingol-2024', '--json']));
  });

  it('prints a table with Chinese labels and status counts without --json', () => {
    const c = cases()[0]!;
    const r = runCli(caseArgs(c));
    expect(r.status).toBe(0);
    for (const h of ['行号', '姓名', '状态', '缺少学时', '缺公需', '缺专业', '说明']) expect(r.stdout).toContain(h);
    expect(r.stdout).toMatch(/共 \d+ 人：达标 \d+，未达标 \d+，免除 \d+，不作限制 \d+，数据有误 \d+/);
  });

  it('a records file naming an ID not in the roster is a warning, not fatal', () => {
    const recs = join(tmp, 'records.csv');
    writeFileSync(recs, '\uFEFF身份证号,学年度,类别,形式,学时,完成日期\n11010519491231002X,2024,公需,网络培训,30,2024-03-01\n');
    const c = cases().find((x) => x.policy === 'xilingol-2024') ?? cases()[0]!;
    const r = runCli(['check', join(CASES_DIR, c.file), '--policy', c.policy, '--records', recs, '--json']);
    expect(r.status).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toContain('11010519491231002X');
    expect(r.stderr).toContain('不在花名册中');
  });

  it('a year column no one needs (2019 under a 2024 annual check) is said once on stderr; rows are unaffected', async () => {
    const f = join(tmp, 'old-year.csv');
    writeFileSync(f, '\uFEFF姓名,身份证号,2024年公需学时,2024年专业学时,2019年公需学时\r\n王芳,152502198503121121,30,40,100\r\n');
    const io = memoryIo();
    expect(await main(['check', f, '--policy', 'xilingol-2024', '--json'], io)).toBe(0);
    const [r] = JSON.parse(io.out) as EvaluationResult[];
    expect(r).toMatchObject({ status: 'non-compliant', missing: { total: 20 } });
    expect(io.err.split('\n').filter((l) => l.includes('2019年公需学时'))).toEqual([expect.stringContaining('E「2019年公需学时」：本次检查中没有人需要这些年度的学时')]);
    expect(io.err).not.toContain('2024年');
  });
});
