/**
 * The pane's 检查并标注 / 清除标注 through the WPS adapter on the WPS double, for every
 * public case (with its year and as-of date): status and missing hours against the
 * 期望 columns, nothing outside the add-in's own cells changed, clearing restores the sheet.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { expectedFrom, loadCases, type CaseSpec } from '@ce/cases';
import { STATUS_LABELS } from '@ce/rules';
import { caseGrid, toExcelGrid } from 'excel-addin/test/helpers.ts';
import { parseIso } from 'excel-addin/src/core/settings.ts';
import { WpsHost } from '../src/host/wps-host.ts';
import { STORE_SHEET } from '../src/host/store.ts';
import { DoubleBook, makeWps, type DoubleSheet } from './wps-double.ts';

const cases = loadCases();

export function openCase(c: CaseSpec): { book: DoubleBook; roster: DoubleSheet; grid: unknown[][] } {
  const book = new DoubleBook();
  const roster = book.addSheet('花名册');
  const grid = toExcelGrid(caseGrid(c.file));
  roster.load(grid);
  if (c.records) book.addSheet('培训记录').load(toExcelGrid(caseGrid(c.records)));
  (globalThis as { wps?: unknown }).wps = makeWps(book).root;
  return { book, roster, grid };
}

const settingsOf = (c: CaseSpec) => ({ policy: c.policy, year: c.year, asOf: parseIso(c.asOf) });
const label = (s: string): string => STATUS_LABELS[s as keyof typeof STATUS_LABELS].zh;

describe.each(cases.map((c) => [c.file, c] as const))('%s', (_f, c) => {
  let ctx: ReturnType<typeof openCase>;
  beforeEach(() => {
    ctx = openCase(c);
  });

  it('检查并标注 gives the expected status and missing hours; only its own cells change; 清除标注 restores', async () => {
    const before = ctx.roster.snapshot();
    const host = new WpsHost();
    const out = await host.annotate({ settings: settingsOf(c), lang: 'zh' });
    if (!out.ok) throw new Error(out.reason);
    const width = Math.max(...ctx.grid.map((r) => r.length));
    const statusCol = width + 1;
    const expected = expectedFrom(ctx.grid);
    expect(expected.length).toBeGreaterThan(3);
    for (const e of expected) {
      const cell = (k: number): unknown => ctx.roster.cell(e.row, statusCol + k)?.value;
      expect(cell(0), `row ${e.row}`).toBe(label(e.status));
      if (e.missing) {
        expect(cell(1), `row ${e.row} 缺少学时`).toBe(e.missing.total);
        expect(cell(2), `row ${e.row} 缺公需`).toBe(e.missing.public);
        expect(cell(3), `row ${e.row} 缺专业`).toBe(e.missing.professional);
      }
      expect(ctx.roster.cell(e.row, statusCol)?.pattern, `row ${e.row} fill`).toBe(1);
      expect(String(cell(4)).length).toBeGreaterThan(0);
    }
    // every other cell as it was
    const after = ctx.roster.snapshot();
    for (const [k, v] of before) expect(after.get(k), k).toBe(v);
    for (const k of after.keys()) {
      if (!before.has(k)) expect(Number(k.split(',')[1]), k).toBeGreaterThanOrEqual(statusCol);
      if (!before.has(k)) expect(Number(k.split(',')[1]), k).toBeLessThan(statusCol + 5);
    }
    // the store sheet is very hidden and the roster stays active
    expect(ctx.book.active.Name).toBe('花名册');
    expect(ctx.book.sheets.find((s) => s.Name === STORE_SHEET)?.Visible).toBe(2);
    // re-annotate writes the same columns
    const again = await host.annotate({ settings: settingsOf(c), lang: 'zh' });
    expect(again.ok && again.address).toBe(out.address);
    const cleared = await host.clear();
    expect(cleared.ok).toBe(true);
    expect([...ctx.roster.snapshot()]).toEqual([...before]);
  });
});
