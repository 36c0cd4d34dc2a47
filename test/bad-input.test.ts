/**
 * The bad-input corpus (fixtures/bad, expectations in fixtures/bad/expected.json)
 * through the path a clerk's file takes: @ce/files loads it, @ce/roster reads
 * it, checkRoster evaluates it — and, for a few, the real `ce-report check
 * --json` process. Each problem must come out on its own row and column with
 * a clear message; every other row must be evaluated as usual; only a file
 * that cannot be used at all exits 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputFileError, loadRosterInput, readSpreadsheetBytes, readSpreadsheetFile } from '@ce/files';
import { checkRoster, readRecords, readRoster, parseIdNumber } from '@ce/roster';
import type { Cell, Grid } from '@ce/roster';
import { getPack } from '@ce/rules';
import type { EvaluationResult } from '@ce/rules';
import { HERE as BAD_DIR, LARGE, POLICY, corpus, goodId, writeCorpus, writeLargeRoster } from './fixtures/bad/make.js';
import type { CaseExpect } from './fixtures/bad/make.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');
const CLI = join(REPO_ROOT, 'apps/report/src/cli.ts');
const expected = JSON.parse(readFileSync(join(BAD_DIR, 'expected.json'), 'utf8')) as CaseExpect[];
const tmp = mkdtempSync(join(tmpdir(), 'ce-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function checkFile(path: string, records?: string) {
  const input = await loadRosterInput(path, records);
  const roster = readRoster(input.roster.grid, { sheetName: input.roster.name, firstRow: input.roster.firstRow });
  const rec = input.records ? readRecords(input.records.grid, { sheetName: input.records.name, firstRow: input.records.firstRow }) : undefined;
  const run = checkRoster(roster.people, rec?.records ?? [], getPack(POLICY)!, {});
  return { roster, records: rec, ...run };
}

function runCli(args: string[]) {
  const r = spawnSync(process.execPath, [TSX, CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every data row as expected: status, missing, errors and warnings on the named column. */
function compareRows(results: EvaluationResult[], c: CaseExpect) {
  const rows = c.rows!;
  expect(results.map((r) => r.row), `${c.file}: one result per data row, in sheet order`).toEqual(rows.map((r) => r.row));
  results.forEach((got, i) => {
    const want = rows[i]!;
    const where = `${c.file} row ${want.row}`;
    expect(got.status, where).toBe(want.status);
    if (want.status === 'invalid') expect(got.missing, where).toBeNull();
    else expect(got.missing?.total, where).toBe(want.missing);
    if (want.name !== undefined) expect(got.name, where).toBe(want.name);
    // errors: exactly the named ones, each on its column with its message
    expect(got.errors.length, `${where} errors ${JSON.stringify(got.errors)}`).toBe(want.errors?.length ?? 0);
    for (const e of want.errors ?? []) {
      const hit = got.errors.find((g) => g.column === e.column && g.message.includes(e.message));
      expect(hit, `${where}: an error on column ${e.column} containing 「${e.message}」, got ${JSON.stringify(got.errors)}`).toBeDefined();
      expect(hit!.row, where).toBe(want.row);
    }
    // warnings: the named ones; a good row has none
    expect(got.warnings.length, `${where} warnings ${JSON.stringify(got.warnings)}`).toBe(want.warnings?.length ?? 0);
    for (const w of want.warnings ?? []) {
      const hit = got.warnings.find((g) => g.column === w.column && g.message.includes(w.message));
      expect(hit, `${where}: a warning on column ${w.column} containing 「${w.message}」, got ${JSON.stringify(got.warnings)}`).toBeDefined();
    }
  });
}

describe('the corpus files', () => {
  it('cover every kind of bad input the issue lists', () => {
    const names = expected.map((c) => c.file);
    for (const f of [
      'empty.csv',
      'truncated.xlsx',
      'gb18030.csv',
      'bom-crlf.csv',
      'no-header.csv',
      'header-row4-merged.xlsx',
      'duplicate-ids.csv',
      'id-check-digit.csv',
      'id-17-digits.csv',
      'id-bad-birth.csv',
      'hours-text.csv',
      'hours-numbers.xlsx',
      'formula.xlsx',
      'dates.xlsx',
      'year-outside-window.csv',
      'records-unknown-id.xlsx',
    ]) {
      expect(names).toContain(f);
    }
  });

  it('expected.json is what make.ts states, and the committed files are what make.ts writes', async () => {
    expect(expected).toEqual(corpus().map((f) => f.expect));
    const fresh = join(tmp, 'fresh');
    mkdirSync(fresh);
    await writeCorpus(fresh);
    for (const c of expected) {
      const committed = join(BAD_DIR, c.file);
      const regenerated = join(fresh, c.file);
      if (c.file.endsWith('.csv')) {
        expect(readFileSync(committed).equals(readFileSync(regenerated)), c.file).toBe(true);
      } else if (c.exit === 2) {
        // a damaged workbook: both are rejected the same way
        const why = async (p: string) => loadRosterInput(p).then(() => 'read', (e: unknown) => (e instanceof InputFileError ? e.en.replace(p, '') : String(e)));
        expect(await why(regenerated), c.file).toBe(await why(committed));
      } else {
        // xlsx zips carry entry timestamps: compare what is in the cells instead
        expect(await readSpreadsheetFile(committed), c.file).toEqual(await readSpreadsheetFile(regenerated));
      }
    }
  });

  it('good rows use valid IDs (MOD 11-2), as the reader agrees', () => {
    for (let n = 1; n < 1000; n += 37) expect(parseIdNumber(goodId(n)).ok).toBe(true);
  });
});

describe('each file through loadRosterInput + readRoster + checkRoster', () => {
  for (const c of expected) {
    it(`${c.file} — ${c.what}`, async () => {
      const path = join(BAD_DIR, c.file);
      if (c.exit === 2) {
        const err = await loadRosterInput(path).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(InputFileError);
        const msg = (err as InputFileError).message;
        expect(msg.split('\n')).toHaveLength(1);
        for (const s of c.stderr ?? []) expect(msg).toContain(s);
        return;
      }
      const run = await checkFile(path);
      compareRows(run.results, c);
      expect([...run.unmatchedRecords.keys()].sort()).toEqual([...(c.unmatchedRecordIds ?? [])].sort());
      expect(run.records?.issues ?? []).toEqual([]);
    });
  }
});

describe('the real ce-report check --json process', () => {
  const viaCli = ['empty.csv', 'truncated.xlsx', 'no-header.csv', 'gb18030.csv', 'hours-text.csv', 'formula.xlsx', 'year-outside-window.csv', 'records-unknown-id.xlsx'];
  for (const file of viaCli) {
    const c = expected.find((e) => e.file === file)!;
    it(`${file}: exit ${c.exit}`, () => {
      const r = runCli(['check', join(BAD_DIR, file), '--policy', c.policy, '--json']);
      expect(r.status, r.stderr).toBe(c.exit);
      if (c.exit === 2) {
        expect(r.stdout).toBe('');
        const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
        expect(lines, r.stderr).toHaveLength(1);
        expect(lines[0]).toMatch(/[\u4e00-\u9fff].* \/ .*[A-Za-z]/); // Chinese / English
        for (const s of c.stderr ?? []) expect(lines[0]).toContain(s);
      } else {
        compareRows(JSON.parse(r.stdout) as EvaluationResult[], c);
        for (const s of c.stderr ?? []) expect(r.stderr).toContain(s);
      }
    });
  }

  it('the contract command `pnpm --silent ce-report check` gives the same on the GB18030 file', () => {
    const c = expected.find((e) => e.file === 'gb18030.csv')!;
    const r = spawnSync('pnpm', ['--silent', 'ce-report', 'check', join(BAD_DIR, c.file), '--policy', c.policy, '--json'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    compareRows(JSON.parse(r.stdout) as EvaluationResult[], c);
  });
});

describe('65 000 rows with one bad row in the middle', () => {
  it('reports only that row, on its column; every other row is evaluated', async () => {
    const path = join(tmp, 'large.xlsx');
    await writeLargeRoster(path);
    const { results } = await checkFile(path);
    expect(results).toHaveLength(LARGE.rows);
    expect(results[0]!.row).toBe(2);
    expect(results.at(-1)!.row).toBe(LARGE.rows + 1);
    const invalid = results.filter((r) => r.status !== 'compliant');
    expect(invalid.map((r) => r.row)).toEqual([LARGE.badRow]);
    const bad = invalid[0]!;
    expect(bad.status).toBe('invalid');
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]).toMatchObject({ row: LARGE.badRow, column: LARGE.column });
    expect(bad.errors[0]!.message).toContain(LARGE.message);
    expect(results.every((r) => r.warnings.length === 0)).toBe(true);
  }, 240_000);
});

describe('properties (fast-check)', () => {
  const anyCell: fc.Arbitrary<Cell> = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
    fc.constantFrom('', ' ', '\u3000', '=SUM(A1:A2)', '#N/A', '1e308', '-5', '３０', '30学时', '三十', '是', '否', '19990230', 'x', '职称评审', '正高级', '考核认定', '岗位聘任', '十级'),
    fc.constantFrom(goodId(1), goodId(2), goodId(3).slice(0, 17), '152502199902301230', 15250219800101123 + 'x'),
  );
  const headers = fc.tuple(
    fc.shuffledSubarray(
    [
      '序号', '姓名', '身份证号', '性别', '出生日期', '工作单位', '单位性质', '基层一线', '申报类型', '申报级别', '学历', '认定年限', '岗位等级',
      '出站博士后', '疫情防控一线', '党政机关转任年度', '破格任职年限', '高技能人才', '职业资格考试合格年度', '职称外语计算机合格年度',
      '单位专业培训已备案', '2022年公需学时', '2023年专业学时', '2024年公需学时', '2024年专业学时', '备注',
    ],
    ),
    fc.nat(),
  ).map(([h, at]) => {
    const row: Cell[] = [...h];
    row.splice(at % (h.length + 1), 0, '身份证号'); // the one column the header must have
    return row;
  });

  it('a damaged or random file gives sheets or an InputFileError, never another exception', () => {
    const xlsx = readFileSync(join(BAD_DIR, 'formula.xlsx'));
    const damaged = fc
      .tuple(fc.nat({ max: xlsx.length }), fc.array(fc.tuple(fc.nat({ max: xlsx.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }))
      .map(([cut, flips]) => {
        const b = Uint8Array.from(xlsx.subarray(0, Math.max(cut, 1)));
        for (const [at, v] of flips) if (at < b.length) b[at] = v;
        return b;
      });
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 400 }), damaged);
    fc.assert(
      fc.property(bytes, fc.constantFrom('x.xlsx', 'x.xls', 'x.csv', 'x.txt', 'x'), (b, name) => {
        try {
          const sheets = readSpreadsheetBytes(b, name);
          for (const s of sheets) readRoster(s.grid, { sheetName: s.name, firstRow: s.firstRow });
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(InputFileError);
          expect((e as Error).message.split('\n')).toHaveLength(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the reader never throws on any 2D array of cell values, and neither does the evaluator after it', () => {
    const grid: fc.Arbitrary<Grid> = fc.array(fc.array(anyCell, { maxLength: 14 }), { maxLength: 12 });
    const packs = ['nm-2018', 'hohhot-2022', 'xilingol-2024', 'alxa-2025'].map((id) => getPack(id)!);
    fc.assert(
      fc.property(fc.option(fc.array(anyCell, { maxLength: 4 }), { nil: undefined }), headers, grid, fc.nat({ max: 3 }), (title, head, body, p) => {
        const g: Grid = [...(title ? [title] : []), head, ...body];
        const r = readRoster(g);
        expect(r.headerRow).toBeGreaterThan(0);
        const rr = readRecords(g);
        const { results } = checkRoster(r.people, rr.records, packs[p]!, {});
        // one result per person, each either evaluated or invalid with an error on a row
        expect(results).toHaveLength(r.people.length);
        for (const res of results) {
          if (res.status === 'invalid') expect(res.errors.length).toBeGreaterThan(0);
          else expect(res.missing).not.toBeNull();
        }
        // the raw random grid too, without a header
        readRoster(body);
        readRecords(body);
      }),
      { numRuns: 300 },
    );
  });
});
