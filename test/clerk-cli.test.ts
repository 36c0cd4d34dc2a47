/**
 * The clerk-shaped corpus through the real command a clerk or an outside check
 * runs: `pnpm --silent ce-report check … --json` from the repository root and
 * from a subfolder (relative paths), and the self-contained
 * `apps/report/dist/ce-report.mjs` copied to a folder outside the repository.
 * Every person's row, status and missing hours as expected.json says; refused
 * files exit 2 with one line naming the problem.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { HERE, POLICY } from './fixtures/clerk/make.js';
import type { FixtureExpect } from './fixtures/clerk/make.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'apps/report/dist');
const expected = JSON.parse(readFileSync(join(HERE, 'expected.json'), 'utf8')) as FixtureExpect[];
const outside = mkdtempSync(join(tmpdir(), 'ce-clerk-cli-'));

beforeAll(() => {
  if (!existsSync(join(DIST, 'ce-report.mjs'))) execFileSync('pnpm', ['--filter', '@ce/report', 'build'], { cwd: ROOT, stdio: 'ignore' });
  cpSync(DIST, join(outside, 'ce-report'), { recursive: true });
  cpSync(HERE, join(outside, 'clerk'), { recursive: true });
}, 300_000);

function args(c: FixtureExpect, path: (f: string) => string): string[] {
  const a = ['check', path(c.file), '--policy', POLICY, '--as-of', '2024-12-31', '--json'];
  if (c.records) a.push('--records', path(c.records));
  if (c.sheet !== undefined) a.push('--sheet', String(c.sheet));
  if (c.reviewYear !== undefined) a.push('--year', String(c.reviewYear));
  return a;
}

type Ran = { status: number | null; stdout: string; stderr: string };
const ways: [string, (c: FixtureExpect) => Ran][] = [
  ['pnpm ce-report from the root', (c) => spawnSync('pnpm', ['--silent', 'ce-report', ...args(c, (f) => join(HERE, f))], { cwd: ROOT, encoding: 'utf8' })],
  ['pnpm ce-report from a subfolder, relative paths', (c) => {
    const sub = join(ROOT, 'packages/roster');
    return spawnSync('pnpm', ['--silent', 'ce-report', ...args(c, (f) => relative(sub, join(HERE, f)))], { cwd: sub, encoding: 'utf8' });
  }],
  ['the bundled copy outside the repository', (c) => spawnSync(process.execPath, [join(outside, 'ce-report/ce-report.mjs'), ...args(c, (f) => join('clerk', f))], { cwd: outside, encoding: 'utf8' })],
];

describe('clerk-shaped rosters through the real CLI', () => {
  for (const [way, run] of ways) {
    for (const c of expected) {
      // refused only for want of a review year: the CLI always has one (the pack's CE year), so not a CLI case
      if (c.reviewYear === undefined && (!c.refused || c.refused.includes('未写年度'))) continue;
      it(`${way}: ${c.file}${c.sheet !== undefined ? ` (sheet ${c.sheet})` : ''}`, () => {
        const r = run(c);
        if (c.refused) {
          expect(r.status).toBe(2);
          expect(r.stdout).toBe('');
          expect(r.stderr.trim().split('\n')).toHaveLength(1);
          expect(r.stderr).toContain(c.refused);
          return;
        }
        if ((c.people ?? []).length === 0) {
          // a header and no one under it: nothing to check, said in one line (exit 2), not 「共 0 人」
          expect(r.status).toBe(2);
          expect(r.stderr).toContain('花名册中没有人员数据行');
          return;
        }
        expect(r.status, r.stderr).toBe(0);
        const results = JSON.parse(r.stdout) as { row: number; status: string; missing: { total: number } | null }[];
        const got = results.map((x) => ({ row: x.row, status: x.status, missing: x.missing === null ? null : x.missing.total }));
        expect(got).toEqual((c.people ?? []).map((p) => ({ row: p.row, status: p.status, missing: p.status === 'invalid' ? null : p.missing })));
        // the sheet read and the reader's notices reach the clerk (stderr: stdout is the JSON array only)
        if (c.sheetName && !c.file.endsWith('.csv')) expect(r.stderr).toContain(`读取工作表“${c.sheetName}”`);
        if (c.hourYear) expect(r.stderr).toContain(`取 ${c.hourYear.year} 年`);
      }, 120_000);
    }
  }
});
