/**
 * The WPS adapter and the Office.js adapter (excel-addin's, on its Excel double) give the
 * same annotations for every public case: same block address, same counts, cell for cell.
 */
import { describe, expect, it } from 'vitest';
import { loadCases } from '@ce/cases';
import { officeJsHost } from 'excel-addin/src/hosts/officejs/index.ts';
import { parseIso } from 'excel-addin/src/core/settings.ts';
import { COLUMN_COUNT } from 'excel-addin/src/taskpane/annotate.ts';
import { ExcelHost } from 'excel-addin/test/double/excel-double.ts';
import { caseGrid, toExcelGrid } from 'excel-addin/test/helpers.ts';
import { WpsHost } from '../src/host/wps-host.ts';
import { DoubleBook, makeWps } from './wps-double.ts';

/** both hosts store "'=…" as the text "=…" */
const shown = (v: unknown): string => String(v ?? '').replace(/^'(?=[=+\-@])/, '');

describe.each(loadCases().map((c) => [c.file, c] as const))('WPS == Office.js: %s', (_f, c) => {
  it('same annotation cells in the same place', async () => {
    const settings = { policy: c.policy, year: c.year, asOf: parseIso(c.asOf) };
    const roster = toExcelGrid(caseGrid(c.file));
    const records = c.records ? toExcelGrid(caseGrid(c.records)) : undefined;
    const excel = new ExcelHost();
    excel.addSheet('花名册', roster);
    if (records) excel.addSheet('培训记录', records);
    excel.install();
    const office = await officeJsHost().annotate({ settings, lang: 'zh' });

    const book = new DoubleBook();
    const sheet = book.addSheet('花名册');
    sheet.load(roster);
    if (records) book.addSheet('培训记录').load(records);
    (globalThis as { wps?: unknown }).wps = makeWps(book).root;
    const wps = await new WpsHost().annotate({ settings, lang: 'zh' });

    expect(office.ok && wps.ok).toBe(true);
    if (!office.ok || !wps.ok) return;
    expect(wps.address).toBe(office.address);
    expect(wps.counts).toEqual(office.counts);
    const m = /^([A-Z]+)(\d+):[A-Z]+(\d+)$/.exec(wps.address)!;
    const startCol = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const r0 = Number(m[2]) - 1;
    const rows = Number(m[3]) - r0;
    const xs = excel.sheets.find((s) => s.name === '花名册')!;
    const fromExcel = Array.from({ length: rows }, (_, i) => Array.from({ length: COLUMN_COUNT }, (_, k) => shown(xs.cells.get(`${r0 + i},${startCol + k}`)?.value)));
    const fromWps = Array.from({ length: rows }, (_, i) => Array.from({ length: COLUMN_COUNT }, (_, k) => shown(sheet.cell(r0 + i + 1, startCol + k + 1)?.value)));
    expect(rows).toBeGreaterThan(3);
    expect(fromWps).toEqual(fromExcel);
  });
});
