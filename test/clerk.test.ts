/**
 * The clerk-shaped corpus (fixtures/clerk, made by make.ts, expectations in
 * expected.json) through the path a clerk's file takes: loadRosterInput →
 * readRoster / readRecords → checkRoster with the real pack. And two
 * properties of the reading rules (ROSTER.md): a title naming the year with
 * year-less columns reads as `2024年公需学时` columns do; notes and signature
 * rows under the table never change the people read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputFileError, loadRosterInput, readOptionsFor } from '@ce/files';
import { checkRoster, readRecords, readRoster } from '@ce/roster';
import type { Cell, Grid, MergedArea } from '@ce/roster';
import { getPack } from '@ce/rules';
import { HERE, POLICY, idOf } from './fixtures/clerk/make.js';
import type { FixtureExpect } from './fixtures/clerk/make.js';

const expected = JSON.parse(readFileSync(join(HERE, 'expected.json'), 'utf8')) as FixtureExpect[];
const pack = getPack(POLICY)!;

async function run(c: FixtureExpect) {
  const opts = { ...(c.sheet !== undefined ? { sheet: c.sheet } : {}), ...(c.reviewYear !== undefined ? { reviewYear: c.reviewYear } : {}) };
  const input = await loadRosterInput(join(HERE, c.file), c.records ? join(HERE, c.records) : undefined, opts);
  const roster = readRoster(input.roster.grid, readOptionsFor(input.roster, c.reviewYear));
  const records = input.records ? readRecords(input.records.grid, readOptionsFor(input.records, c.reviewYear)) : undefined;
  const check = checkRoster(roster.people, records?.records ?? [], pack, { year: 2024, asOf: { year: 2024, month: 12, day: 31 } });
  return { input, roster, records, check };
}

describe('clerk-shaped rosters read as expected.json says', () => {
  for (const c of expected) {
    const label = `${c.file}${c.sheet !== undefined ? ` (sheet ${c.sheet})` : ''}${c.reviewYear === undefined ? ' (no review year)' : ''}: ${c.what}`;
    if (c.refused) {
      it(`${label} — refused`, async () => {
        const err = await run(c).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(InputFileError);
        const e = err as InputFileError;
        expect(e.zh).toContain(c.refused);
        expect(e.message).not.toContain('\n');
        expect(e.en).toMatch(/^Cannot read file /);
        expect(e.message).not.toMatch(/damaged|损坏/);
      });
      continue;
    }
    it(label, async () => {
      const { input, roster, records, check } = await run(c);
      // the sheet read, named
      expect(input.sheetName).toBe(c.sheetName);
      if (!c.file.endsWith('.csv')) expect(input.notices[0]).toMatch(new RegExp(`^读取工作表“${c.sheetName}”`));
      // the year of year-less columns, and the notice saying where it came from
      if (c.hourYear) {
        expect(roster.hourYear).toMatchObject(c.hourYear);
        const notice = roster.notices.find((n) => n.startsWith('学时列未写年度'));
        expect(notice, JSON.stringify(roster.notices)).toBeDefined();
        expect(notice).toContain(`取 ${c.hourYear.year} 年`);
        expect(notice).toContain({ title: '按表头上方标题', sheet: '按工作表名', review: '按审验年度' }[c.hourYear.source]);
      } else expect(roster.hourYear).toBeUndefined();
      // rows that are not people: skipped, reported once, never people
      expect(roster.skippedRows.map((s) => s.row)).toEqual(c.skippedRows);
      const skipNotices = roster.notices.filter((n) => n.endsWith('未作人员处理'));
      expect(skipNotices).toHaveLength(c.skippedRows!.length ? 1 : 0);
      if (c.hiddenColumns) expect(input.roster.hiddenColumns).toEqual(c.hiddenColumns);
      if (c.issue) expect(roster.issues.map((i) => i.message).join('\n')).toContain(c.issue);

      // people: rows, names, units, hours, and what the evaluator makes of them
      const want = c.people!;
      expect(roster.people.map((p) => p.row)).toEqual(want.map((p) => p.row));
      roster.people.forEach((p, i) => {
        const w = want[i]!;
        const where = `${c.file} row ${w.row}`;
        expect(p.name, where).toBe(w.name);
        if (w.unit) expect(p.unit, where).toBe(w.unit);
        expect(p.hours[c.year!] ?? { public: 0, professional: 0 }, where).toEqual({ public: w.public, professional: w.professional });
        const r = check.results[i]!;
        expect(r.status, `${where} ${JSON.stringify(r.errors)}`).toBe(w.status);
        if (w.status === 'invalid') {
          const hit = r.errors.find((e) => e.column === w.error!.column && e.message.includes(w.error!.message));
          expect(hit, `${where}: ${JSON.stringify(r.errors)}`).toBeDefined();
          // an ID Excel damaged is never given a check character to type
          if (w.error!.message.includes('截断')) expect(r.errors.map((e) => e.message).join('\n'), where).not.toMatch(/校验位|应为 [0-9X]/);
        } else {
          expect(r.missing?.total, where).toBe(w.missing);
          expect(r.errors, where).toEqual([]);
        }
      });

      // training records: usable ones, and unusable ones kept with the reason
      if (c.records_ok) expect(records!.records.filter((r) => r.unusable === undefined).map((r) => r.row)).toEqual(c.records_ok);
      if (c.unusable) {
        const got = records!.records.filter((r) => r.unusable !== undefined);
        expect(got.map((r) => r.row)).toEqual(c.unusable.map((u) => u.row));
        got.forEach((r, i) => {
          const u = c.unusable![i]!;
          expect(r.unusable).toContain(u.reason);
          if (u.kindText) expect(r.kindText).toBe(u.kindText);
          expect(r.hours ?? r.minutes ?? r.halfDays).toBeUndefined();
        });
      }
    });
  }
});

// ---------------------------------------------------------------- properties

interface Row {
  n: number;
  pub: number;
  pro: number;
  unit: string;
}
const rowsArb = fc.uniqueArray(
  fc.record({ n: fc.integer({ min: 0, max: 999 }), pub: fc.integer({ min: 0, max: 90 }), pro: fc.integer({ min: 0, max: 120 }), unit: fc.constantFrom('某局', '某旗医院', '某中学') }),
  { minLength: 1, maxLength: 12, selector: (r: Row) => r.n },
);

function grid(rows: Row[], header: [string, string], title?: string): Grid {
  const g: Grid = [];
  if (title) g.push([title]);
  g.push(['序号', '姓名', '身份证号', '工作单位', header[0], header[1]]);
  rows.forEach((r, i) => g.push([i + 1, `人员${r.n}`, idOf(r.n), r.unit, r.pub, r.pro]));
  return g;
}

const footerArb = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('total'), label: fc.constantFrom('合计', '小计', '总计'), count: fc.integer({ min: 1, max: 99 }) }),
    fc.record({ kind: fc.constant('note'), text: fc.constantFrom('注：1.公需科目学时以平台为准；', '　　2.专业科目学时须附证书复印件；', '说明：本表一式两份', '备注：无') }),
    fc.record({ kind: fc.constant('sign'), text: fc.constantFrom('填表人：王五', '审核人：赵六', '制表人：', '负责人：李四', '单位（盖章）', '填报单位：某局') }),
    fc.record({ kind: fc.constant('numbered'), n: fc.integer({ min: 1, max: 99 }) }),
  ),
  { minLength: 1, maxLength: 6 },
);

describe('properties of the reading rules', () => {
  it('a title naming 2024 over year-less columns reads (and checks) as 2024年公需学时 / 2024年专业学时 columns', () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom(['公需科目学时', '专业科目学时'], ['公需学时', '专业学时'], ['公需课', '专业课学时数']), (rows, yearless) => {
        const a = readRoster(grid(rows, yearless as [string, string], '2024年度专业技术人员继续教育学时审验花名册'));
        const b = readRoster(grid(rows, ['2024年公需学时', '2024年专业学时'], '专业技术人员继续教育学时审验花名册'));
        expect(a.hourYear).toMatchObject({ year: 2024, source: 'title' });
        const strip = (r: typeof a) => r.people.map((p) => ({ id: p.id, name: p.name, unit: p.unit, hours: p.hours, errors: p.errors.length }));
        expect(strip(a)).toEqual(strip(b));
        const ca = checkRoster(a.people, [], pack, { year: 2024 }).results;
        const cb = checkRoster(b.people, [], pack, { year: 2024 }).results;
        expect(ca.map((r) => [r.status, r.missing])).toEqual(cb.map((r) => [r.status, r.missing]));
      }),
      { numRuns: 60 },
    );
  });

  it('appending notes, signature, totals and numbered-empty rows (merged across or not) never changes the people read', () => {
    fc.assert(
      fc.property(rowsArb, footerArb, fc.boolean(), (rows, footers, merged) => {
        const base = grid(rows, ['2024年公需学时', '2024年专业学时']);
        const g: Grid = base.map((r) => r.slice());
        const merges: MergedArea[] = [];
        for (const f of footers) {
          let row: Cell[];
          if (f.kind === 'total') row = [f.label, null, `${f.count}人`, null, 30 * f.count, 60 * f.count];
          else if (f.kind === 'numbered') row = [f.n];
          else row = [f.text];
          if (merged && f.kind !== 'total' && f.kind !== 'numbered') merges.push({ s: { r: g.length, c: 0 }, e: { r: g.length, c: 5 } });
          g.push(row);
        }
        const before = readRoster(base);
        const after = readRoster(g, { merges });
        const strip = (r: typeof before) => r.people.map((p) => ({ row: p.row, id: p.id, name: p.name, hours: p.hours, errors: p.errors, warnings: p.warnings.length }));
        expect(strip(after)).toEqual(strip(before));
        expect(after.skippedRows.map((s) => s.row)).toEqual(footers.map((_, i) => base.length + 1 + i));
        expect(after.notices.filter((n) => n.endsWith('未作人员处理'))).toHaveLength(1);
      }),
      { numRuns: 100 },
    );
  });
});
