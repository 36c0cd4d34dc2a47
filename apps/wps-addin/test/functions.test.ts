/**
 * CE.* as WPS would call them: registered through the built main.js's code path
 * (registerFunctions with dist's functions.json) on the double, called synchronously,
 * compared with the 期望 columns of every public case; the index built once and
 * invalidated by SheetChange on the roster or 培训记录 sheet only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectedFrom, loadCases, type CaseSpec } from '@ce/cases';
import { STATUS_LABELS } from '@ce/rules';
import { caseGrid, toExcelGrid } from 'excel-addin/test/helpers.ts';
import { registerFunctions, WpsIndexCache, type FunctionsJson } from '../src/functions.ts';
import { writeStoredSettings } from '../src/host/store.ts';
import { WpsHost } from '../src/host/wps-host.ts';
import { DoubleBook, makeWps } from './wps-double.ts';

const meta = JSON.parse(readFileSync(fileURLToPath(new URL('../dist/ce-wps_1.0.0/functions.json', import.meta.url)), 'utf8')) as FunctionsJson;
const cases = loadCases();

function open(c: CaseSpec, opts: { customFunctions?: boolean } = {}) {
  const book = new DoubleBook();
  book.addSheet('说明').load([['本工作簿的说明']]);
  const roster = book.addSheet('花名册');
  const grid = toExcelGrid(caseGrid(c.file));
  roster.load(grid);
  const records = c.records ? book.addSheet('培训记录') : undefined;
  if (c.records) records!.load(toExcelGrid(caseGrid(c.records)));
  const wps = makeWps(book, opts);
  (globalThis as { wps?: unknown }).wps = wps.root;
  writeStoredSettings({ policy: c.policy, ...(c.year ? { year: c.year } : {}), ...(c.asOf ? { asOf: c.asOf } : {}) });
  const cache = new WpsIndexCache();
  const names = registerFunctions(meta, wps.root as never, cache);
  return { book, roster, grid, wps, cache, names, records };
}

describe('registration', () => {
  it('registers the seven functions under CE with the metadata of functions.json', () => {
    const { wps, names } = open(cases[0]!);
    expect(names).toEqual(['MISSING', 'MISSING_PUBLIC', 'MISSING_PROFESSIONAL', 'STATUS', 'EXPLAIN', 'HOURS', 'IDCHECK']);
    for (const f of meta.functions) {
      const r = wps.functions.get(`CE.${f.name}`)!;
      expect(r.namespace).toBe('CE');
      expect(r.metadata.description).toBe(f.description);
      expect(r.metadata.description).toMatch(/[\u4e00-\u9fff]/);
      expect(r.metadata.parameters.map((p) => p.name)).toEqual(f.parameters.map((p) => p.name));
      expect(r.metadata.parameters.map((p) => p.description)).toEqual(f.parameters.map((p) => p.description));
    }
    expect(wps.functions.get('CE.MISSING')!.metadata.parameters.map((p) => p.name)).toEqual(['id', 'policy', 'year']);
  });

  it('on a WPS before 12.1.0.20540 (no AddCustomFunction) nothing is registered and the pane says no functions', () => {
    const { names } = open(cases[0]!, { customFunctions: false });
    expect(names).toEqual([]);
    expect(new WpsHost().hasCellFunctions).toBe(false);
  });
});

describe.each(cases.map((c) => [c.file, c] as const))('%s', (_f, c) => {
  it('CE.MISSING / _PUBLIC / _PROFESSIONAL / STATUS / EXPLAIN / IDCHECK give the expected answers, from one index', () => {
    const { wps, grid, cache } = open(c);
    const idCol = (grid[0] as unknown[]).findIndex((h) => /身份证/.test(String(h)));
    const expected = expectedFrom(grid);
    let checked = 0;
    for (const e of expected) {
      checked++;
      const id = (grid[e.row - 1] as unknown[])[idCol];
      const status = wps.calc('CE.STATUS', id);
      if ('error' in status) {
        // a row whose ID itself is bad: an error value naming why, as in Excel
        expect(e.status, `row ${e.row}: ${status.error}`).toBe('invalid');
        expect(status.error).toMatch(/^#(VALUE!|N\/A) /);
        continue;
      }
      expect(status.value, `row ${e.row}`).toBe(STATUS_LABELS[e.status].zh);
      const m = wps.calc('CE.MISSING', id);
      if (e.missing) {
        expect(m, `row ${e.row}`).toEqual({ value: e.missing.total });
        expect(wps.calc('CE.MISSING_PUBLIC', id), `row ${e.row}`).toEqual({ value: e.missing.public });
        expect(wps.calc('CE.MISSING_PROFESSIONAL', id), `row ${e.row}`).toEqual({ value: e.missing.professional });
      } else expect('error' in m && m.error, `row ${e.row}`).toMatch(/^#VALUE! /);
      const ex = wps.calc('CE.EXPLAIN', id);
      expect('value' in ex && String(ex.value).length).toBeGreaterThan(0);
    }
    expect(checked).toBe(expected.length);
    expect(checked).toBeGreaterThan(3);
    expect(cache.builds).toBe(1);
  });
});

describe('the index and SheetChange', () => {
  const c = cases.find((x) => x.records) ?? cases[0]!;

  it('a change on another sheet keeps the index; on the roster or 培训记录 it is rebuilt and results follow the edit', () => {
    const { book, roster, records, wps, cache, grid } = open(c);
    const header = grid[0] as unknown[];
    const idCol = header.findIndex((h) => /身份证/.test(String(h)));
    const id = (grid[1] as unknown[])[idCol];
    expect('value' in wps.calc('CE.STATUS', id)).toBe(true);
    expect(cache.builds).toBe(1);
    book.Worksheets.Item('说明').Cells.Item(5, 5).Value2 = '别的表';
    wps.calc('CE.STATUS', id);
    expect(cache.builds).toBe(1);
    // the clerk deletes the ID: the function must not answer from the old index
    roster.Cells.Item(2, idCol + 1).Value2 = '';
    const gone = wps.calc('CE.STATUS', id);
    expect(cache.builds).toBe(2);
    expect('error' in gone && gone.error).toMatch(/^#N\/A 花名册“花名册”中没有此身份证号/);
    if (records) {
      records.Cells.Item(1, 1).Value2 = records.Cells.Item(1, 1).Value2 as string;
      wps.calc('CE.STATUS', id);
      expect(cache.builds).toBe(3);
    }
  });

  it('unknown IDs are #N/A and bad ones #VALUE!, with the Chinese reason; HOURS and IDCHECK need no roster', () => {
    const { wps } = open(c);
    expect(wps.calc('CE.MISSING', '110101199003071234')).toMatchObject({ error: expect.stringMatching(/^#(N\/A|VALUE!) /) });
    expect(wps.calc('CE.MISSING', '12345')).toMatchObject({ error: expect.stringMatching(/^#VALUE! 身份证号无效/) });
    expect(wps.calc('CE.MISSING', '')).toEqual({ error: '#VALUE! 缺少身份证号' });
    expect(wps.calc('CE.HOURS', 135, '分钟')).toEqual({ value: 3 });
    expect(wps.calc('CE.HOURS', 3, '半天')).toEqual({ value: 12 });
    expect(wps.calc('CE.HOURS', 3, '周')).toMatchObject({ error: expect.stringMatching(/^#VALUE! 单位应为/) });
    expect(wps.calc('CE.IDCHECK', '12345')).toMatchObject({ value: expect.any(String) });
    expect(wps.calc('CE.MISSING', (c as CaseSpec).policy)).toMatchObject({ error: expect.stringMatching(/^#/) });
  });
});
