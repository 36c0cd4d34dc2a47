/**
 * loadAndReadRoster streams an .xlsx roster's rows into readRosterRows; it
 * must give exactly what loadRosterInput + readRoster give: the same sheet
 * choice, notices, records, errors and RosterRead — and fall back to the grid
 * path, with the same result, for shapes the stream does not take.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readRoster, type RosterRead } from '@ce/roster';
import { generate } from '../../../test/bench/generate.js';
import { loadAndReadRoster, loadRosterInput, readOptionsFor, unzipChecked, type LoadOptions } from './index.js';
import { zip } from './zip-for-tests.js';

const tmp = mkdtempSync(join(tmpdir(), 'ce-files-stream-'));

/** A clerk's workbook: a notes sheet, last year's and this year's roster (title rows, a unit merged down, hidden rows, a footer, a repeated ID), 培训记录. */
async function workbook(): Promise<Uint8Array> {
  const g = generate(20240115, 120, 0, true);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表用于2024年度继续教育学时审验']);
  for (const year of [2023, 2024]) {
    const ws = wb.addWorksheet(`${year}年度`);
    ws.addRow([`${year}年度专业技术人员继续教育学时统计表`]);
    ws.mergeCells('A1:H1');
    ws.addRow(['填报单位：锡林郭勒盟某局']);
    for (const row of g.roster) ws.addRow(row.map((v) => (v === undefined ? null : v)));
    ws.mergeCells('D10:D20');
    ws.getRow(7).hidden = true;
    ws.getRow(30).getCell(3).value = g.roster[5]?.[2] ?? null; // a repeated ID
    ws.addRow([]);
    ws.addRow(['合计', null, '120人']);
    ws.addRow(['填表人：张三', null, null, '审核人：李四']);
  }
  const rec = wb.addWorksheet('培训记录');
  for (const row of g.records) rec.addRow(row.map((v) => (v === undefined ? null : v)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The workbook with one sheet part rewritten. */
function rewrite(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const z = unzipChecked(bytes);
  if (z.kind !== 'ok') throw new Error('zip');
  const files: Record<string, string> = {};
  const dec = new TextDecoder();
  for (const [name, data] of z.entries) files[name] = dec.decode(data);
  const before = files[part] ?? '';
  files[part] = edit(before);
  expect(files[part]).not.toBe(before);
  return zip(files);
}

/** A RosterRead as JSON (each person's cells are plain data, so they are in it). */
const readJson = (r: RosterRead): string => JSON.stringify(r);

async function both(file: string, options: LoadOptions, recordsPath?: string) {
  const run = async <T,>(f: () => Promise<T>) => {
    try {
      return { ok: await f() };
    } catch (e) {
      return { error: String(e) };
    }
  };
  const grid = await run(async () => {
    const input = await loadRosterInput(file, recordsPath, options);
    return { input, read: readRoster(input.roster.grid, readOptionsFor(input.roster, options.reviewYear)) };
  });
  const streamed = await run(() => loadAndReadRoster(file, recordsPath, options));
  expect(streamed.error).toBe(grid.error);
  if (!grid.ok || !streamed.ok) return undefined;
  const { input, read } = grid.ok;
  const s = streamed.ok;
  expect(readJson(s.read)).toBe(readJson(read));
  expect([s.sheetName, s.sheetIndex, s.notices]).toEqual([input.sheetName, input.sheetIndex, input.notices]);
  expect(s.records).toEqual(input.records);
  expect(s.roster).toEqual({ name: input.roster.name, firstRow: input.roster.firstRow, merges: input.roster.merges, hiddenColumns: input.roster.hiddenColumns });
  return s;
}

describe('loadAndReadRoster = loadRosterInput + readRoster', () => {
  it('sheet choice, notices, merges, hidden and footer rows, repeated IDs, records; every way of naming a sheet', async () => {
    const file = join(tmp, 'clerk.xlsx');
    writeFileSync(file, await workbook());
    const s = await both(file, { reviewYear: 2024 });
    expect(s?.streamed).toBe(true);
    expect(s?.sheetName).toBe('2024年度');
    expect(s?.notices[0]).toBe('读取工作表“2024年度”（工作簿中另有花名册工作表“2023年度”，可指定工作表）');
    expect(s?.read.people).toHaveLength(120);
    expect(s?.read.skippedRows.map((r) => r.kind)).toEqual(['footer', 'footer']);
    expect(s?.read.warnings.some((w) => w.message.includes('重复'))).toBe(true);
    expect(s?.read.people[6]?.unit).toBe(s?.read.people[5]?.unit); // D10:D20 merged: rows 10–20 share row 10's unit
    expect(s?.records?.name).toBe('培训记录');
    for (const options of [{ reviewYear: 2023 }, {}, { sheet: '2023年度', reviewYear: 2024 }, { sheet: 3 }, { sheet: '1' }, { sheet: '培训记录' }, { sheet: 'nope' }] as LoadOptions[]) {
      await both(file, options);
    }
    await both(file, { reviewYear: 2024 }, file); // records from a file given
  }, 60_000);

  it('rows out of order, a cell shape left to SheetJS in the last row: the grid path, same result', async () => {
    const bytes = await workbook();
    const part = 'xl/worksheets/sheet3.xml';
    const swapped = rewrite(bytes, part, (x) => {
      const rows = x.match(/<row r="(?:40|41)"[\s\S]*?<\/row>/g) ?? [];
      return rows.length === 2 ? x.replace(rows[0]! + rows[1]!, rows[1]! + rows[0]!) : x;
    });
    // the footer row (sheet row 126), last: an ISO date cell, which the lean reader leaves to SheetJS
    const dated = rewrite(bytes, part, (x) => x.replace(/(<row r="126"[^>]*>[\s\S]*?)(<\/row>)/, '$1<c r="Z126" t="d"><v>2024-01-01</v></c>$2'));
    for (const [name, b] of [['swapped.xlsx', swapped], ['dated.xlsx', dated]] as const) {
      const file = join(tmp, name);
      writeFileSync(file, b);
      const s = await both(file, { reviewYear: 2024 });
      expect(s?.streamed, name).toBe(false);
      expect(s?.read.people.length, name).toBe(120);
    }
  }, 60_000);

  it('a sheet without <dimension>: streamed from its grid, same result', async () => {
    const file = join(tmp, 'nodim.xlsx');
    writeFileSync(file, rewrite(await workbook(), 'xl/worksheets/sheet3.xml', (x) => x.replace(/<dimension\b[^>]*\/>/, '')));
    const s = await both(file, { reviewYear: 2024 });
    expect(s?.streamed).toBe(true);
    expect(s?.read.people).toHaveLength(120);
  }, 60_000);

  it('a CSV and an unreadable file take the grid path and fail or read the same', async () => {
    const csv = join(tmp, 'r.csv');
    writeFileSync(csv, '\uFEFF姓名,身份证号,公需科目学时,专业科目学时\r\n张三,152502198503121115,30,60\r\n');
    expect((await both(csv, { reviewYear: 2024 }))?.streamed).toBe(false);
    expect(await both(csv, {})).toBeUndefined(); // year-less hours, no year: refused, the same words
    const empty = join(tmp, 'e.xlsx');
    writeFileSync(empty, zip({ 'xl/workbook.xml': '<workbook><sheets/></workbook>' }));
    expect(await both(empty, {})).toBeUndefined();
    expect(await both(join(tmp, 'missing.xlsx'), {})).toBeUndefined();
  }, 30_000);
});
