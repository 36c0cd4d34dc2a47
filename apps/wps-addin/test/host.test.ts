/**
 * The WPS adapter's own behaviour on the double: writes chunked by rows with the UI let in
 * between, merged and hidden cells, never writing over the clerk's cells, fills restored,
 * settings kept in the workbook (not PluginStorage), the summary sheet, the row explanation.
 */
import { describe, expect, it } from 'vitest';
import { columnLetter } from '@ce/roster';
import { loadCases } from '@ce/cases';
import { caseGrid, toExcelGrid } from 'excel-addin/test/helpers.ts';
import { parseIso } from 'excel-addin/src/core/settings.ts';
import { buildSummary } from '@ce/summary';
import { summaryModel } from 'excel-addin/src/taskpane/summary-sheet.ts';
import { checkAll, packOf } from 'excel-addin/src/core/check.ts';
import { WpsHost } from '../src/host/wps-host.ts';
import { readTracks, STORE_SHEET } from '../src/host/store.ts';
import { bgr } from '../src/host/wps-api.ts';
import { DoubleBook, makeWps, type Value } from './wps-double.ts';

const c = loadCases().find((x) => x.file.startsWith('xilingol-2024.csv')) ?? loadCases()[0]!;
const settings = { policy: c.policy, year: c.year, asOf: parseIso(c.asOf) };
const base = toExcelGrid(caseGrid(c.file)) as Value[][];
const width = Math.max(...base.map((r) => r.length));

function book(grid: Value[][] = base) {
  const b = new DoubleBook();
  const roster = b.addSheet('花名册');
  roster.load(grid);
  const wps = makeWps(b);
  (globalThis as { wps?: unknown }).wps = wps.root;
  return { b, roster, wps };
}

describe('chunked writes', () => {
  it('a 5,000-row roster is written in blocks of at most 2,000 rows, and WPS gets the UI back between blocks', async () => {
    const rows = [base[0]!, ...Array.from({ length: 5000 }, (_, i) => base[1 + (i % (base.length - 1))]!)];
    const { b } = book(rows);
    const seen: number[] = [];
    const tick = (): void => {
      seen.push(b.writes.length);
      if (seen.length < 200) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const host = new WpsHost();
    const out = await host.annotate({ settings, lang: 'zh' });
    expect(out.ok).toBe(true);
    const block = b.writes.filter((w) => w.sheet === '花名册' && w.cols === 5);
    expect(block.map((w) => w.rows)).toEqual([2000, 2000, 1001]);
    expect(block.map((w) => w.row)).toEqual([1, 2001, 4001]);
    // a timer ran while some but not all blocks were written
    const firstBlock = b.writes.indexOf(block[0]!);
    expect(seen.some((n) => n > firstBlock && n <= b.writes.indexOf(block[2]!))).toBe(true);
  });
});

describe('the clerk’s cells', () => {
  it('a note right of the roster pushes the block past it, and stays as it was', async () => {
    const { roster } = book();
    roster.cell(4, width + 2, true)!.value = '备注：待核实';
    const out = await new WpsHost().annotate({ settings, lang: 'zh' });
    expect(out.ok && out.address.startsWith(`${columnLetter(width + 2)}1:`)).toBe(true);
    expect(roster.cell(4, width + 2)!.value).toBe('备注：待核实');
    expect(roster.cell(1, width + 3)!.value).toBe('状态');
  });

  it('a merged area where the block would go pushes it right; merged roster cells are read as their top-left value', async () => {
    const grid = base.map((r) => [...r]);
    grid[2]![3] = ''; // 工作单位 of row 3 only in the merged top-left (row 2)
    const { roster } = book(grid);
    roster.merge({ r1: 2, c1: 4, rows: 2, cols: 1 });
    roster.merge({ r1: 6, c1: width + 1, rows: 1, cols: 2 });
    const host = new WpsHost();
    const out = await host.annotate({ settings, lang: 'zh' });
    expect(out.ok).toBe(true);
    expect(roster.cell(1, width + 3)!.value).toBe('状态');
    const read = await host.readRoster();
    expect(read!.roster.people.find((p) => p.row === 3)!.unit).toBe(base[1]![3]);
  });

  it('a hidden empty column where the block would go (outside the used range) moves it past: results in it would not be seen', async () => {
    const { roster } = book();
    roster.hiddenCols.add(width + 2);
    const out = await new WpsHost().annotate({ settings, lang: 'zh' });
    expect(out.ok && out.address.startsWith(`${columnLetter(width + 2)}1:`)).toBe(true);
    expect(roster.cell(1, width + 2)?.value ?? '').toBe('');
    expect(roster.cell(1, width + 3)!.value).toBe('状态');
    expect(roster.hiddenCols.has(width + 2)).toBe(true);
  });

  it('hidden rows are checked and stay hidden; a filled status column gets its fills back on 清除标注', async () => {
    const { roster } = book();
    roster.hiddenRows.add(3);
    roster.cell(2, width + 1, true)!.color = bgr('#FFFF00');
    roster.cell(2, width + 1)!.pattern = 1;
    const before = roster.snapshot();
    const host = new WpsHost();
    await host.annotate({ settings, lang: 'zh' });
    expect(roster.cell(3, width + 1)!.value).toBeTruthy();
    expect(roster.hiddenRows.has(3)).toBe(true);
    expect(roster.cell(2, width + 1)!.color).not.toBe(bgr('#FFFF00'));
    expect((await host.clear()).ok).toBe(true);
    expect([...roster.snapshot()]).toEqual([...before]);
  });

  it('a header the add-in wrote, changed by the clerk: 清除标注 refuses and changes nothing', async () => {
    const { roster } = book();
    const host = new WpsHost();
    await host.annotate({ settings, lang: 'zh' });
    roster.cell(1, width + 2)!.value = '我的列';
    const before = roster.snapshot();
    const out = await host.clear();
    expect(out.ok).toBe(false);
    expect(!out.ok && out.reason).toMatch(new RegExp(`${columnLetter(width + 1)}1 已被改动`));
    expect([...roster.snapshot()]).toEqual([...before]);
  });

  it('an explanation starting with "=" is stored as text, not a formula', async () => {
    const { roster } = book();
    await new WpsHost().annotate({ settings, lang: 'zh' });
    for (const [, cell] of roster.cells) expect(cell.formula).toBeUndefined();
  });
});

describe('settings in the workbook', () => {
  it('survive a new pane (the workbook reopened) and never use PluginStorage', async () => {
    const { b, wps } = book();
    await new WpsHost().writeSettings({ policy: 'alxa-2025', year: 2025, lang: 'zh', rosterSheet: '花名册' });
    expect(b.active.Name).toBe('花名册');
    const store = b.sheets.find((s) => s.Name === STORE_SHEET)!;
    expect(store.Visible).toBe(2);
    expect((wps.root.PluginStorage as Map<string, string>).size).toBe(0);
    // "reopen": a fresh double workbook holding the same cells, a fresh host
    const reopened = new DoubleBook();
    for (const s of b.sheets) {
      const t = reopened.addSheet(s.Name);
      for (const [k, v] of s.cells) t.cells.set(k, { ...v });
      t.Visible = s.Visible;
    }
    (globalThis as { wps?: unknown }).wps = makeWps(reopened).root;
    expect(new WpsHost().readSettings()).toEqual({ policy: 'alxa-2025', year: 2025, lang: 'zh', rosterSheet: '花名册' });
  });
});

describe('summary, selection and explanation', () => {
  it('生成汇总表 adds its own sheet and rewrites only that one; a clerk’s 汇总表 is left alone', async () => {
    const { b } = book();
    const host = new WpsHost();
    const read = (await host.readRoster())!;
    const pack = packOf(c.policy);
    const results = await checkAll(read, { ...settings, explain: false });
    const model = summaryModel({ results, people: read.roster.people, pack, reviewYear: pack.ceYear, asOf: settings.asOf ?? { year: pack.ceYear, month: 12, day: 31 } });
    expect(buildSummary).toBeTypeOf('function');
    const out = await host.writeSummary(model);
    expect(out.ok).toBe(true);
    expect(b.active.Name).toBe('汇总表');
    expect(String(b.active.cell(1, 1)?.value)).toMatch(/汇总|继续教育/);
    expect((await host.writeSummary(model)).ok).toBe(true);
    expect(b.sheets.filter((s) => s.Name === '汇总表')).toHaveLength(1);

    const other = book();
    other.b.addSheet('汇总表').load([['我自己的汇总']]);
    const refused = await new WpsHost().writeSummary(model);
    expect(refused.ok).toBe(false);
    expect(other.b.Worksheets.Item('汇总表').cell(1, 1)!.value).toBe('我自己的汇总');
  });

  it('selecting a checked row shows its 说明; selectRow selects the row of an invalid person', async () => {
    const { b, roster } = book();
    const host = new WpsHost();
    const got: { sheetId: string; row0: number }[] = [];
    host.onSelectionChanged((e) => got.push(e));
    await host.annotate({ settings, lang: 'zh' });
    await host.selectRow('花名册', 3);
    expect(b.selection?.Row).toBe(3);
    expect(got.at(-1)).toEqual({ sheetId: '花名册', row0: 2 });
    const ex = await host.explanationAt('花名册', 2);
    expect(ex).toEqual({ row: 3, text: roster.cell(3, width + 5)!.value });
    expect(await host.explanationAt('花名册', 0)).toBeUndefined();
    expect(Object.keys(readTracks())).toEqual(['花名册']);
  });
});
