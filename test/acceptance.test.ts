/**
 * Every acceptance case through the path a user's file takes: the file is
 * loaded as a clerk's CSV/XLSX (@ce/files), read (@ce/roster), evaluated
 * (@ce/rules via checkRoster) — and once more through the real `ce-report
 * check --json` command. Any difference from the 期望* columns fails.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRosterInput } from '@ce/files';
import { checkRoster, readRecords, readRoster } from '@ce/roster';
import { getPack } from '@ce/rules';
import type { EvaluationResult } from '@ce/rules';
import { CASES_DIR, R2_CASES_DIR, casePath as casePathIn, checkArgs, expectedFrom, expectedRemedies, loadCases, remedyDifferences } from '@ce/cases';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function asOfDate(iso?: string) {
  if (!iso) return undefined;
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

function compare(results: EvaluationResult[], grid: readonly (readonly unknown[])[], firstRow: number) {
  const got = results.map((r) => ({ row: r.row, status: r.status, missing: r.missing }));
  expect(got).toEqual(expectedFrom(grid, firstRow));
  // the remedy columns of revision 3 (期望可补公需, 期望可补专业, 期望已无法补, 期望费用)
  const differences = expectedRemedies(grid, firstRow).flatMap((e) => remedyDifferences(results.find((r) => r.row === e.row)!, e));
  expect(differences).toEqual([]);
}

// revision 3's cases, and revision 2's: their answers still hold under revision 3
for (const [folder, dir] of [['../shared/cases-r3', CASES_DIR], ['../shared/cases', R2_CASES_DIR]] as const) {
  describe(`acceptance cases (${folder})`, () => {
    const cases = loadCases(dir);
    const casePath = (file: string) => casePathIn(file, dir);
    it('the cases folder is present and lists cases', () => {
      expect(cases.length).toBeGreaterThan(0);
    });

    for (const c of cases) {
      it(`${c.file} under ${c.policy}: reader + evaluator match every expected row`, async () => {
        const input = await loadRosterInput(casePath(c.file), c.records ? casePath(c.records) : undefined);
        const roster = readRoster(input.roster.grid, { sheetName: input.roster.name, firstRow: input.roster.firstRow });
        const records = input.records ? readRecords(input.records.grid, { sheetName: input.records.name, firstRow: input.records.firstRow }) : undefined;
        expect(records?.issues ?? []).toEqual([]);
        const pack = getPack(c.policy)!;
        const asOf = asOfDate(c.asOf);
        const { results, unmatchedRecords } = checkRoster(roster.people, records?.records ?? [], pack, {
          explain: true,
          ...(c.year ? { year: c.year } : {}),
          ...(asOf ? { asOf } : {}),
        });
        compare(results, input.roster.grid, input.roster.firstRow);
        expect(unmatchedRecords.size).toBe(0);
        for (const r of results) {
          const end = r.explanation!.findIndex((l) => l.startsWith('结论：'));
          // the conclusion, then (where hours are missing) what can still be done
          expect(r.explanation!.slice(end + 1).every((l) => /^(可补救|学习去处|另见|也可)：/.test(l))).toBe(true);
          expect(r.remedy === undefined ? end === r.explanation!.length - 1 : r.explanation![end + 1]!.startsWith('可补救：')).toBe(true);
          if (r.status === 'invalid') expect(r.errors[0]!.column).toBeTruthy();
        }
      });

      it(`${c.file} under ${c.policy}: the ce-report check --json command gives the same answers`, async () => {
        const args = ['--silent', 'ce-report', ...checkArgs(c, casePath), '--json'];
        const stdout = execFileSync('pnpm', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        const results = JSON.parse(stdout) as EvaluationResult[];
        const input = await loadRosterInput(casePath(c.file));
        compare(results, input.roster.grid, input.roster.firstRow);
      });
    }
  });
}
