import { describe, expect, it } from 'vitest';
import { STATUS_LABELS, type Status } from '@ce/rules';
import { annotateActiveSheet, clearActiveSheet, COLUMN_COUNT, HEADERS, readTracks } from '../src/taskpane/annotate.js';
import { a1, colLetter, PAYLOAD_LIMIT, type ExcelHost } from './double/excel-double.js';
import { caseCheckSettings, expectedRows, loadCases, type CaseSpec } from './helpers.js';
import { hostForCase, ROSTER } from './setup-host.js';

type Snap = { cells: Record<string, unknown> } & Record<string, unknown>;

function withoutBlock(s: Snap, startCol: number, r0: number, rows: number): Snap {
  const cells: Record<string, unknown> = {};
  const cols = new Set(Array.from({ length: COLUMN_COUNT }, (_, i) => colLetter(startCol + i)));
  for (const [k, v] of Object.entries(s.cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(k)!;
    const row = Number(m[2]) - 1;
    if (cols.has(m[1]!) && row >= r0 && row < r0 + rows) continue;
    cells[k] = v;
  }
  return { ...s, cells, cfs: [] };
}

async function annotate(policy: string | CaseSpec, opts: { budget?: number; lang?: 'zh' | 'en' } = {}) {
  const settings = typeof policy === 'string' ? { policy } : caseCheckSettings(policy);
  return annotateActiveSheet({ settings, lang: opts.lang ?? 'zh', syncBudget: opts.budget });
}

function checkCells(host: ExcelHost, rows: string[][], startCol: number, rowOffset: number, colOffset = 0): number {
  let checked = 0;
  const exp = expectedRows(rows);
  for (const e of exp) {
    const r = e.row + rowOffset;
    const at = (i: number) => host.cell(ROSTER, `${colLetter(startCol + i)}${r}`)?.value;
    const where = `row ${r}`;
    expect(at(0), where).toBe(STATUS_LABELS[e.status as Status].zh);
    if (e.status === 'invalid') {
      expect(at(1), where).toBeUndefined();
    } else {
      expect(at(1) ?? 0, where).toBe(e.missing);
      expect(at(2) ?? 0, where).toBe(e.public);
      expect(at(3) ?? 0, where).toBe(e.professional);
    }
    expect(String(at(4)), where).toMatch(/结论/);
    checked++;
  }
  void colOffset;
  return checked;
}

describe('检查并标注 on the public cases (host double)', () => {
  for (const c of loadCases()) {
    it(`${c.file}: annotates every row correctly, re-runs in place, clears exactly`, async () => {
      const { host, rows } = hostForCase(c);
      const before = host.snapshot(ROSTER) as Snap;
      const out = await annotate(c);
      if (!out.ok) throw new Error(out.reason);
      const startCol = rows[0]!.length; // right of the last roster column
      expect(out.address).toBe(a1(0, startCol, rows.length, COLUMN_COUNT));
      HEADERS.zh.forEach((h, i) => expect(host.cell(ROSTER, `${colLetter(startCol + i)}1`)?.value).toBe(h));
      expect(checkCells(host, rows, startCol, 0)).toBe(rows.length - 1);
      // no other cell changed
      const after = host.snapshot(ROSTER) as Snap;
      expect(withoutBlock(after, startCol, 0, rows.length)).toEqual({ ...before, cfs: [] });
      expect(host.sheet(ROSTER).cfs.length).toBe(5);
      // re-run: same columns, same result
      const again = await annotate(c);
      expect(again.ok).toBe(true);
      expect(host.snapshot(ROSTER)).toEqual(after);
      // clear: back to exactly the original sheet
      const cleared = await clearActiveSheet();
      expect(cleared.ok).toBe(true);
      expect(host.snapshot(ROSTER)).toEqual(before);
      expect(readTracks()).toEqual({});
    });
  }
});

describe('safety', () => {
  const c = loadCases().find((x) => x.file.startsWith('xilingol'))!;

  it('data right of the roster is roster data: the annotation goes further right, the data is kept', async () => {
    const { host, rows } = hostForCase(c);
    const startCol = rows[0]!.length;
    host.userSetCell(ROSTER, `${colLetter(startCol + 2)}5`, '备注：已补学');
    const before = host.snapshot(ROSTER) as Snap;
    const out = await annotate(c.policy);
    if (!out.ok) throw new Error(out.reason);
    expect(withoutBlock(host.snapshot(ROSTER) as Snap, startCol + 3, 0, rows.length)).toEqual({ ...before, cfs: [] });
  });

  it('refuses when a target cell holds a formula showing nothing, and writes nothing', async () => {
    const { host, rows } = hostForCase(c);
    const startCol = rows[0]!.length;
    host.sheet(ROSTER).cells.set(`4,${startCol + 1}`, { value: '', formula: '=IF(A4="","","")' });
    const before = host.snapshot(ROSTER);
    const out = await annotate(c.policy);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toContain(`${colLetter(startCol + 1)}5`);
    expect(host.snapshot(ROSTER)).toEqual(before);
    expect(readTracks()).toEqual({});
  });

  it('refuses when new roster rows put user data under its old columns, and writes nothing', async () => {
    const { host, rows } = hostForCase(c);
    await annotate(c.policy);
    const startCol = rows[0]!.length;
    const newRow = rows.length + 1;
    // a new person below the roster, with the clerk's note in what was the 状态 column
    rows[1]!.forEach((v, i) => host.userSetCell(ROSTER, `${colLetter(i)}${newRow}`, v));
    host.userSetCell(ROSTER, `${colLetter(startCol)}${newRow}`, '待核实');
    const before = host.snapshot(ROSTER);
    const out = await annotate(c.policy);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toContain(`${colLetter(startCol)}${newRow}`);
    expect(host.snapshot(ROSTER)).toEqual(before);
  });

  it('refuses when the roster table has user data right next to it', async () => {
    const { host, rows } = hostForCase(c);
    host.addTable(ROSTER, a1(0, 0, rows.length - 2, rows[0]!.length), '表1');
    // beyond the table's rows but inside the roster rows: a note in the first annotation column
    host.userSetCell(ROSTER, `${colLetter(rows[0]!.length)}${rows.length}`, '备注');
    const before = host.snapshot(ROSTER);
    const out = await annotate(c.policy);
    expect(out.ok).toBe(false);
    expect(host.snapshot(ROSTER)).toEqual(before);
  });

  it('formats the clerk gave the empty target cells, and the clerk\'s own rules there, survive annotate, re-annotate and clear', async () => {
    const { host, rows } = hostForCase(c);
    const startCol = rows[0]!.length;
    const sheet = host.sheet(ROSTER);
    // a whole-row header fill and a banded fill reaching into the empty columns, a number format, and a user CF
    for (let col = 0; col < startCol + 8; col++) {
      const k = `0,${col}`;
      sheet.cells.set(k, { ...(sheet.cells.get(k) ?? { value: '' }), fill: '#D9E1F2', bold: true });
    }
    for (let r = 2; r < rows.length; r += 2) sheet.cells.set(`${r},${startCol + 1}`, { value: '', fill: '#F2F2F2', numberFormat: '0.0' });
    sheet.cfs.push({ address: 'user', r0: 0, c0: 0, rows: 100, cols: startCol + 10, type: 'ContainsText', rule: { operator: 'Contains', text: '未达标' }, fill: '#FF0000' });
    const before = host.snapshot(ROSTER);
    const out = await annotate(c.policy);
    if (!out.ok) throw new Error(out.reason);
    expect(host.cell(ROSTER, `${colLetter(startCol)}1`)).toMatchObject({ value: '状态', fill: '#D9E1F2', bold: true });
    expect(host.cell(ROSTER, `${colLetter(startCol + 1)}3`)).toMatchObject({ fill: '#F2F2F2', numberFormat: '0.0' });
    expect(sheet.cfs).toHaveLength(6);
    expect((await annotate(c.policy)).ok).toBe(true);
    expect(sheet.cfs).toHaveLength(6);
    expect((await clearActiveSheet()).ok).toBe(true);
    expect(host.snapshot(ROSTER)).toEqual(before);
  });

  it('finds its columns again after the clerk inserted rows above and a column to the left', async () => {
    const { host, rows } = hostForCase(c);
    await annotate(c.policy);
    const startCol = rows[0]!.length;
    // simulate Excel's insert: shift every cell down 2 rows and right 1 column
    const sheet = host.sheet(ROSTER);
    const moved = new Map<string, (typeof sheet.cells extends Map<string, infer V> ? V : never)>();
    for (const [k, v] of sheet.cells) {
      const [r, col] = k.split(',').map(Number) as [number, number];
      moved.set(`${r + 2},${col + 1}`, v);
    }
    sheet.cells = moved;
    for (const cf of sheet.cfs) {
      cf.r0 += 2;
      cf.c0 += 1;
    }
    sheet.cells.set('0,0', { value: '2024年花名册' });
    const before = host.snapshot(ROSTER) as Snap;
    const again = await annotate(c.policy);
    if (!again.ok) throw new Error(again.reason);
    expect(again.address).toBe(a1(2, startCol + 1, rows.length, COLUMN_COUNT));
    const now = host.snapshot(ROSTER) as Snap;
    const diff = Object.keys({ ...now.cells, ...before.cells }).filter((k) => JSON.stringify(now.cells[k]) !== JSON.stringify(before.cells[k]));
    // only 说明 texts that name a cell changed (they now name the moved cell, e.g. 第17行D列)
    const explainCol = colLetter(startCol + 1 + COLUMN_COUNT - 1);
    expect(diff.every((k) => k.startsWith(explainCol) && /第\d+行[A-Z]+列/.test(String((now.cells[k] as { value?: unknown } | undefined)?.value)))).toBe(true);
    const rects = (x: Snap) => (x.cfs as { r0: number; c0: number; rows: number; rule?: unknown }[]).map(({ r0, c0, rows, rule }) => ({ r0, c0, rows, rule }));
    expect(rects(now)).toEqual(rects(before));
    const cl = await clearActiveSheet();
    expect(cl.ok).toBe(true);
    const after = host.snapshot(ROSTER) as Snap;
    expect(Object.keys(after.cells).some((k) => /^[A-Z]+3$/.test(k) && after.cells[k] && (after.cells[k] as { value: unknown }).value === '状态')).toBe(false);
    expect(after.cfs).toEqual([]);
  });

  it('refuses re-annotating and clearing when the user edited a header it wrote', async () => {
    const { host, rows } = hostForCase(c);
    await annotate(c.policy);
    const startCol = rows[0]!.length;
    host.userSetCell(ROSTER, `${colLetter(startCol)}1`, '我的列');
    const before = host.snapshot(ROSTER);
    const out = await annotate(c.policy);
    expect(out.ok).toBe(false);
    const cl = await clearActiveSheet();
    expect(cl.ok).toBe(false);
    expect(host.snapshot(ROSTER)).toEqual(before);
  });

  it('keeps user edits made elsewhere, and follows its columns when the user inserts a column', async () => {
    const { host, rows } = hostForCase(c);
    const before = host.snapshot(ROSTER) as Snap;
    await annotate(c.policy);
    // the tracking survives closing and reopening the workbook
    host.reopen();
    host.install();
    const cl = await clearActiveSheet();
    expect(cl.ok).toBe(true);
    expect(host.snapshot(ROSTER)).toEqual(before);
    void rows;
  });

  it('a roster with a title row, starting at column B, and a records sheet that is never touched', async () => {
    const alxa = loadCases().find((x) => x.records)!;
    const { host, rows } = hostForCase(alxa, { offsetRows: 2, offsetCols: 1, title: '2025年继续教育学时花名册' });
    const recordsBefore = host.snapshot('培训记录');
    const before = host.snapshot(ROSTER) as Snap;
    const out = await annotate(alxa.policy);
    if (!out.ok) throw new Error(out.reason);
    const startCol = 1 + rows[0]!.length;
    expect(checkCells(host, rows, startCol, 2)).toBe(rows.length - 1);
    expect(withoutBlock(host.snapshot(ROSTER) as Snap, startCol, 2, rows.length)).toEqual({ ...before, cfs: [] });
    expect(host.snapshot('培训记录')).toEqual(recordsBefore);
    await clearActiveSheet();
    expect(host.snapshot(ROSTER)).toEqual(before);
  });

  it('a roster inside an Excel table: the table is widened over the annotation and restored on clear', async () => {
    const { host, rows } = hostForCase(c);
    host.addTable(ROSTER, a1(0, 0, rows.length, rows[0]!.length), '花名册表');
    const before = host.snapshot(ROSTER) as Snap;
    const out = await annotate(c.policy);
    if (!out.ok) throw new Error(out.reason);
    const startCol = rows[0]!.length;
    expect(host.sheet(ROSTER).tables[0]).toMatchObject({ c0: 0, cols: rows[0]!.length + COLUMN_COUNT, rows: rows.length });
    expect(checkCells(host, rows, startCol, 0)).toBe(rows.length - 1);
    const again = await annotate(c.policy);
    expect(again.ok).toBe(true);
    expect(host.sheet(ROSTER).tables[0]).toMatchObject({ cols: rows[0]!.length + COLUMN_COUNT });
    await clearActiveSheet();
    expect(host.snapshot(ROSTER)).toEqual(before);
  });

  it('on a host without Table.resize (ExcelApi below 1.13) the table is left alone and the columns sit beside it', async () => {
    const { host, rows } = hostForCase(c);
    host.excelApi = '1.12';
    host.addTable(ROSTER, a1(0, 0, rows.length, rows[0]!.length), '花名册表');
    const before = host.snapshot(ROSTER) as Snap;
    const out = await annotate(c.policy);
    if (!out.ok) throw new Error(out.reason);
    const startCol = rows[0]!.length;
    expect(host.sheet(ROSTER).tables[0]).toMatchObject({ c0: 0, cols: rows[0]!.length, rows: rows.length });
    expect(checkCells(host, rows, startCol, 0)).toBe(rows.length - 1);
    expect((await annotate(c.policy)).ok).toBe(true);
    await clearActiveSheet();
    expect(host.snapshot(ROSTER)).toEqual(before);
  });

  it('English headers and labels; switching language re-annotates the same columns', async () => {
    const { host, rows } = hostForCase(c);
    const before = host.snapshot(ROSTER);
    await annotate(c.policy, { lang: 'en' });
    const startCol = rows[0]!.length;
    expect(host.cell(ROSTER, `${colLetter(startCol)}1`)?.value).toBe('Status');
    const out = await annotate(c.policy, { lang: 'zh' });
    expect(out.ok).toBe(true);
    expect(host.cell(ROSTER, `${colLetter(startCol)}1`)?.value).toBe('状态');
    await clearActiveSheet();
    expect(host.snapshot(ROSTER)).toEqual(before);
  });
});

describe('large sheets: chunked writes under the request limit', () => {
  it('20,000 rows: every sync stays under 5 MB both ways, in few syncs, all rows annotated, re-run too', async () => {
    const c = loadCases().find((x) => x.file.startsWith('xilingol'))!;
    const { host, rows } = hostForCase(c);
    const header = rows[0]!;
    const data = rows.slice(1);
    const big: (string | number)[][] = [header];
    for (let i = 0; big.length <= 20000; i++) big.push(data[i % data.length]!);
    const s = host.sheet(ROSTER);
    s.cells.clear();
    big.forEach((r, ri) => r.forEach((v, ci) => v !== '' && s.cells.set(`${ri},${ci}`, { value: /^\d{1,3}$/.test(String(v)) ? Number(v) : v })));
    host.syncLog = [];
    const out = await annotate(c.policy);
    if (!out.ok) throw new Error(out.reason);
    expect(out.results.length).toBe(20000);
    const maxBytes = Math.max(...host.syncLog.map((x) => x.bytes));
    expect(maxBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(Math.max(...host.syncLog.map((x) => x.responseBytes))).toBeLessThan(PAYLOAD_LIMIT);
    const totalBytes = host.syncLog.reduce((a, x) => a + x.bytes, 0);
    const writes = host.syncLog.filter((x) => x.bytes > 0).length;
    // few syncs: about one per 4 MB of annotation
    expect(writes).toBeLessThanOrEqual(Math.ceil(totalBytes / (4 * 1024 * 1024)) + 2);
    expect(host.cell(ROSTER, `${colLetter(header.length)}20001`)?.value).toBeTruthy();
    // re-running reads the sheet (with its long explanations) in slices and never reads its own block back whole
    host.syncLog = [];
    const again = await annotate(c.policy);
    if (!again.ok) throw new Error(again.reason);
    expect(Math.max(...host.syncLog.map((x) => x.responseBytes))).toBeLessThan(PAYLOAD_LIMIT);
    expect(Math.max(...host.syncLog.map((x) => x.bytes))).toBeLessThan(PAYLOAD_LIMIT);
  }, 400_000);

  it('a roster too big to read in one response (> 5 MB) is read in slices', async () => {
    const c = loadCases().find((x) => x.file.startsWith('xilingol'))!;
    const { host, rows } = hostForCase(c);
    const s = host.sheet(ROSTER);
    const header = rows[0]!;
    const data = rows.slice(1);
    const noteCol = header.length; // a long 备注 column the clerk keeps
    s.cells.set(`0,${noteCol}`, { value: '备注' });
    for (let i = 1; i <= 6000; i++) {
      data[(i - 1) % data.length]!.forEach((v, ci) => v !== '' && s.cells.set(`${i},${ci}`, { value: v }));
      s.cells.set(`${i},${noteCol}`, { value: '说明'.repeat(400) });
    }
    host.syncLog = [];
    const out = await annotate(c.policy);
    if (!out.ok) throw new Error(out.reason);
    expect(out.results.length).toBe(6000);
    expect(host.syncLog.reduce((a, x) => a + x.responseBytes, 0)).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(Math.max(...host.syncLog.map((x) => x.responseBytes))).toBeLessThan(PAYLOAD_LIMIT);
  }, 400_000);

  it('a small budget splits the writes into many syncs, each within the budget', async () => {
    const c = loadCases().find((x) => x.file.startsWith('hohhot'))!;
    const { host, rows } = hostForCase(c);
    host.syncLog = [];
    const out = await annotate(c.policy, { budget: 4000 });
    if (!out.ok) throw new Error(out.reason);
    const writes = host.syncLog.filter((x) => x.bytes > 0);
    expect(writes.length).toBeGreaterThan(2);
    for (const w of writes) expect(w.bytes).toBeLessThan(4000 + 1500);
    expect(checkCells(host, rows, rows[0]!.length, 0)).toBe(rows.length - 1);
  });
});

describe('cell text', () => {
  it('text that looks like a formula is written as text', async () => {
    const { asText } = await import('../src/taskpane/annotate.js');
    expect(asText('=1+1')).toBe("'=1+1");
    expect(asText('-5')).toBe("'-5");
    expect(asText('结论：达标。')).toBe('结论：达标。');
  });
});
