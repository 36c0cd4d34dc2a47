/**
 * The same pane code on both adapters: for every public revision-3 case the Office.js
 * adapter (on the Excel host double) and the file adapter (on the .xlsx the offline page
 * would get) write the same five annotation columns, cell for cell, in the same place.
 */
import { describe, expect, it } from 'vitest';
import { FileHost } from '../src/hosts/file/index.js';
import { loadFileBook } from '../src/hosts/file/load.js';
import { officeJsHost } from '../src/hosts/officejs/index.js';
import { parseIso } from '../src/core/settings.js';
import { COLUMN_COUNT } from '../src/taskpane/annotate.js';
import { ExcelHost } from './double/excel-double.js';
import { toExcelGrid } from './helpers.js';
import { caseWorkbook, csvGrid, loadCasesR3 } from './offline/fixture.js';

/** Office writes text that looks like a formula with an apostrophe; the cell shows it without */
const shown = (v: unknown): string => String(v ?? '').replace(/^'(?=[=+\-@])/, '');

describe('file adapter == Office.js adapter', () => {
  for (const c of loadCasesR3()) {
    it(`${c.file}: same annotation cells`, async () => {
      const settings = { policy: c.policy, year: c.year, asOf: parseIso(c.asOf) };
      const excel = new ExcelHost();
      excel.addSheet('花名册', toExcelGrid(csvGrid(c.file)));
      if (c.records) excel.addSheet('培训记录', toExcelGrid(csvGrid(c.records)));
      excel.install();
      const office = await officeJsHost().annotate({ settings, lang: 'zh' });
      const file = new FileHost();
      file.load(loadFileBook('roster.xlsx', new Uint8Array(await caseWorkbook(c))));
      const mine = await file.annotate({ settings, lang: 'zh' });
      expect(office.ok && mine.ok).toBe(true);
      if (!office.ok || !mine.ok) return;
      expect(mine.address).toBe(office.address);
      expect(mine.counts).toEqual(office.counts);
      const a = [...file.annotations.values()][0]!;
      const sheet = excel.sheets.find((s) => s.name === '花名册')!;
      const fromExcel = a.rows.map((_, i) =>
        Array.from({ length: COLUMN_COUNT }, (_, k) => shown(sheet.cells.get(`${a.headerRow0 + i},${a.startCol + k}`)?.value)),
      );
      expect(a.rows.map((r) => r.map(shown))).toEqual(fromExcel);
      expect(a.rows.length).toBeGreaterThan(1);
    });
  }
});

describe('file adapter: where the block goes', () => {
  it('a column the clerk hid where the block would go moves it past (the download keeps the column hidden)', async () => {
    const c = loadCasesR3()[0]!;
    const settings = { policy: c.policy, year: c.year, asOf: parseIso(c.asOf) };
    const open = async (): Promise<FileHost> => {
      const host = new FileHost();
      host.load(loadFileBook('roster.xlsx', new Uint8Array(await caseWorkbook(c))));
      return host;
    };
    const plain = await open();
    const first = await plain.annotate({ settings, lang: 'zh' });
    const hidden = await open();
    const a0 = [...plain.annotations.values()][0]!;
    hidden.book!.sheets.find((s) => s.id === a0.sheetId)!.hiddenCols.add(a0.startCol + 2);
    const moved = await hidden.annotate({ settings, lang: 'zh' });
    expect(first.ok && moved.ok).toBe(true);
    expect([...hidden.annotations.values()][0]!.startCol).toBe(a0.startCol + 3);
  });
});
