import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readRecords, readRoster, toCivilDate } from '@ce/roster';
import { CASES_DIR, loadCases } from '@ce/cases';
import { InputFileError, decodeCsvBytes, loadRosterInput, parseCsv, readOptionsFor, readSpreadsheetBytes, readSpreadsheetFile, readWorkbookExcelJS, readWorkbookSheetJS } from './index.js';

const ID_M = '15010219981111475X';
const ID_F = '152502198503121121';
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ce-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tmp = (name: string) => join(dir, name);

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded newlines and CRLF', () => {
    const text = 'a,b,c\r\n"x, y","he said ""hi""","line1\r\nline2"\r\n,,\r\nlast,"",z\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'he said "hi"', 'line1\r\nline2'],
      ['', '', ''],
      ['last', '', 'z'],
    ]);
  });
  it('LF and CR line ends, no trailing newline, BOM dropped', () => {
    expect(parseCsv('\uFEFFa,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a\rb\r')).toEqual([['a'], ['b']]);
    expect(parseCsv('')).toEqual([]);
  });
  it('tab-separated (Excel "Unicode text")', () => {
    expect(parseCsv('姓名\t身份证号\n张三\t"1,2"\n')).toEqual([
      ['姓名', '身份证号'],
      ['张三', '1,2'],
    ]);
  });
});

describe('decodeCsvBytes', () => {
  const s = '姓名,身份證號\r\n张三,３０\r\n';
  it('UTF-8 with and without BOM', () => {
    const u8 = new TextEncoder().encode(s);
    expect(decodeCsvBytes(u8)).toBe(s);
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...u8]))).toBe(s);
  });
  it('UTF-16LE and BE with BOM', () => {
    expect(decodeCsvBytes(new Uint8Array(iconv.encode(s, 'utf16le', { addBOM: true })))).toBe(s);
    const be = Buffer.from(iconv.encode(s, 'utf16le')).swap16();
    expect(decodeCsvBytes(new Uint8Array([0xfe, 0xff, ...be]))).toBe(s);
  });
  it('GB18030 when not valid UTF-8', () => {
    const gb = iconv.encode('姓名,身份证号,工作单位\r\n张三,1,锡林郭勒盟\r\n', 'gb18030');
    expect(decodeCsvBytes(new Uint8Array(gb))).toBe('姓名,身份证号,工作单位\r\n张三,1,锡林郭勒盟\r\n');
  });
});

function rosterAoa(): unknown[][] {
  return [
    ['2024年度专业技术人员继续教育学时统计表'],
    [],
    ['序号', '姓名', '身份證號', '出生日期', '申報類型', '申報級別', '2024年公需學時', '2024年專業學時', '备注'],
    [1, '张三', ID_M, new Date(Date.UTC(1998, 10, 11)), '職稱評審', '中級', 30, '６０学时', ''],
    [2, '李四', ID_F, '1985/3/12', '', '', 10, 20, '调入'],
  ];
}

function checkRoster(grid: XLSX.WorkBook | unknown, r: ReturnType<typeof readRoster>): void {
  void grid;
  expect(r.issues).toEqual([]);
  expect(r.headerRow).toBe(3);
  expect(r.unknownColumns).toEqual([{ column: 'I', header: '备注' }]);
  expect(r.people).toHaveLength(2);
  expect(r.people[0]).toMatchObject({ row: 4, name: '张三', purpose: 'title', level: 'intermediate', hours: { 2024: { public: 30, professional: 60 } }, errors: [] });
  expect(r.people[1]).toMatchObject({ row: 5, name: '李四', purpose: 'annual', hours: { 2024: { public: 10, professional: 20 } }, errors: [] });
}

describe('xlsx files', () => {
  it('SheetJS-written workbook with a title row, Traditional headers and a date cell', async () => {
    const ws = XLSX.utils.aoa_to_sheet(rosterAoa(), { cellDates: true, dateNF: 'yyyy-mm-dd' });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '花名册');
    writeFileSync(tmp('sheetjs.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const sheets = await readSpreadsheetFile(tmp('sheetjs.xlsx'));
    expect(sheets.map((s) => s.name)).toEqual(['花名册']);
    const s = sheets[0]!;
    expect(s.grid[3]?.[3]).toBeInstanceOf(Date);
    expect(toCivilDate(s.grid[3]?.[3])).toEqual({ year: 1998, month: 11, day: 11 });
    checkRoster(s, readRoster(s.grid, { sheetName: s.name, firstRow: s.firstRow }));
  });

  it('ExcelJS-written workbook reads the same (interop), both adapters agree', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    for (const row of rosterAoa()) ws.addRow(row);
    ws.getCell('D4').numFmt = 'yyyy-mm-dd';
    ws.mergeCells('A1:I1');
    await wb.xlsx.writeFile(tmp('exceljs.xlsx'));
    const sheets = await readSpreadsheetFile(tmp('exceljs.xlsx'));
    const s = sheets[0]!;
    checkRoster(s, readRoster(s.grid, { firstRow: s.firstRow }));
    const viaExcelJS = await readWorkbookExcelJS(readFileSync(tmp('exceljs.xlsx')));
    expect(viaExcelJS[0]!.grid.map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : c ?? null)))).toEqual(
      s.grid.map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : c ?? null))),
    );
  });

  it('formulas: cached result used; no cached result → "=FORMULA" text, an error on that cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['姓名', '身份证号', '2024年公需学时', '2024年专业学时']);
    ws.addRow(['张三', ID_M, { formula: '10+20', result: 30 }, { formula: 'SUM(C2:C3)' }]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const [s] = readWorkbookSheetJS(bytes);
    expect(s!.grid[1]).toEqual(['张三', ID_M, 30, '=SUM(C2:C3)']);
    const p = readRoster(s!.grid).people[0]!;
    expect(p.hours[2024]?.public).toBe(30);
    expect(p.errors).toEqual([expect.objectContaining({ field: 'hours:2024:professional', column: 'D', value: '=SUM(C2:C3)' })]);
  });

  it('a truncated or damaged .xlsx is an InputFileError at once (SheetJS alone loops forever on some)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('花名册').addRow(['姓名', '身份证号']);
    const full = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(readSpreadsheetBytes(full, 'a.xlsx')).toHaveLength(1);
    for (const n of [10, 29, 100, 200, full.length - 1]) {
      expect(() => readSpreadsheetBytes(full.subarray(0, n), 'a.xlsx'), `first ${n} bytes`).toThrow(InputFileError);
    }
    const damaged = Uint8Array.from(full);
    damaged[200] = damaged[200]! ^ 0xff; // a byte inside the first entry's compressed data
    expect(() => readSpreadsheetBytes(damaged, 'a.xlsx')).toThrow(/损坏|damaged/);
  });

  it('error values (#DIV/0!, #N/A) come through as the text Excel shows, reported on their cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['姓名', '身份证号', '2024年公需学时', '2024年专业学时']);
    ws.addRow(['张三', ID_M, { error: '#DIV/0!' }, { error: '#N/A' }]);
    const [s] = readWorkbookSheetJS(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(s!.grid[1]).toEqual(['张三', ID_M, '#DIV/0!', '#N/A']);
    const p = readRoster(s!.grid).people[0]!;
    expect(p.errors).toEqual([
      expect.objectContaining({ column: 'C', value: '#DIV/0!' }),
      expect.objectContaining({ column: 'D', value: '#N/A' }),
    ]);
  });

  it('an ID typed as a number (precision lost) is a clear error', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['姓名', '身份证号'],
      ['张三', 152502198503121121],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    writeFileSync(tmp('numid.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const [s] = await readSpreadsheetFile(tmp('numid.xlsx'));
    const p = readRoster(s!.grid).people[0]!;
    expect(p.errors[0]).toMatchObject({ field: 'id', column: 'B' });
    expect(p.errors[0]?.message).toMatch(/1\.52502E\+17.*文本/);
  });

  it('a 培训记录 sheet in the same workbook is the records; it is never taken as the roster', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['身份证号', '学年度', '类别', '形式', '学时', '完成日期'],
        [ID_M, 2024, '专业', '网络培训', 12, '2024-05-01'],
      ]),
      '培訓記錄',
    );
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rosterAoa()), '花名册');
    writeFileSync(tmp('both.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const input = await loadRosterInput(tmp('both.xlsx'));
    expect(input.roster.name).toBe('花名册');
    expect(input.records?.name).toBe('培訓記錄');
    const rr = readRecords(input.records!.grid, { sheetName: input.records!.name });
    expect(rr.records).toEqual([
      { row: 2, source: '培訓記錄', id: ID_M, creditYear: 2024, category: 'professional', kind: '网络培训', hours: 12, date: { year: 2024, month: 5, day: 1 }, day: 20240501 },
    ]);
  });

  it('.xls (BIFF8) through SheetJS', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rosterAoa(), { cellDates: true }), '花名册');
    writeFileSync(tmp('old.xls'), XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }));
    const [s] = await readSpreadsheetFile(tmp('old.xls'));
    checkRoster(s, readRoster(s!.grid, { firstRow: s!.firstRow }));
  });
});

describe('CSV files as Excel writes them', () => {
  const lines = ['序号,姓名,身份证号,工作单位,2024年公需学时,2024年专业学时', `1,张三,${ID_M},"锡林郭勒盟""一院""",30,60`, `2,李四,${ID_F},"多行
单位",３０,"60学时"`];
  function check(path: string) {
    return readSpreadsheetFile(path).then(([s]) => {
      const r = readRoster(s!.grid, { sheetName: s!.name });
      expect(r.issues).toEqual([]);
      expect(r.people.map((p) => [p.row, p.name, p.unit, p.hours[2024]])).toEqual([
        [2, '张三', '锡林郭勒盟"一院"', { public: 30, professional: 60 }],
        [3, '李四', '多行\n单位', { public: 30, professional: 60 }],
      ]);
      expect(r.people.every((p) => p.errors.length === 0)).toBe(true);
    });
  }
  it('UTF-8 with BOM + CRLF', async () => {
    writeFileSync(tmp('utf8bom.csv'), '\uFEFF' + lines.join('\r\n').replace('多行\n', '多行\n') + '\r\n');
    await check(tmp('utf8bom.csv'));
  });
  it('GB18030 + CRLF', async () => {
    writeFileSync(tmp('gb.csv'), iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030'));
    await check(tmp('gb.csv'));
  });
  it('UTF-16LE tab-separated (Unicode text)', async () => {
    const tsv = lines.map((l) => parseCsv(l + '\n')).flat();
    void tsv;
    const text = parseCsv(lines.join('\r\n'))
      .map((r) => r.map((c) => (String(c).includes('\n') || String(c).includes('"') ? `"${String(c).replace(/"/g, '""')}"` : c)).join('\t'))
      .join('\r\n');
    writeFileSync(tmp('u16.txt'), iconv.encode(text, 'utf16le', { addBOM: true }));
    await check(tmp('u16.txt'));
  });
});

describe('unreadable files give InputFileError, never a crash', () => {
  async function expectInputError(path: string, zh: RegExp) {
    const err = await readSpreadsheetFile(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputFileError);
    const e = err as InputFileError;
    expect(e.zh).toMatch(/^无法读取文件 /);
    expect(e.zh).toMatch(zh);
    expect(e.en).toMatch(/^Cannot read file /);
    expect(e.message).toBe(`${e.zh} / ${e.en}`);
    expect(e.message).not.toMatch(/\n/);
  }
  it('missing', () => expectInputError(tmp('nope.xlsx'), /不存在/));
  it('empty', async () => {
    writeFileSync(tmp('empty.xlsx'), '');
    writeFileSync(tmp('empty.csv'), '');
    await expectInputError(tmp('empty.xlsx'), /为空/);
    await expectInputError(tmp('empty.csv'), /为空/);
  });
  it('truncated xlsx', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rosterAoa()), 'S');
    const full: Buffer = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' });
    for (const frac of [0.1, 0.5, 0.9]) {
      writeFileSync(tmp(`cut${frac}.xlsx`), full.subarray(0, Math.floor(full.length * frac)));
      await expectInputError(tmp(`cut${frac}.xlsx`), /损坏|没有数据/);
    }
  });
  it('not a workbook', async () => {
    writeFileSync(tmp('text.xlsx'), 'hello, this is not excel');
    await expectInputError(tmp('text.xlsx'), /不是有效的 Excel/);
    writeFileSync(tmp('x.pdf'), '%PDF-1.4');
    await expectInputError(tmp('x.pdf'), /不支持的文件类型/);
    await expectInputError(dir, /文件夹/);
  });
  it('no roster header', async () => {
    writeFileSync(tmp('nohdr.csv'), 'a,b\r\n1,2\r\n');
    await expect(loadRosterInput(tmp('nohdr.csv'))).rejects.toThrow(/找不到花名册表头/);
  });
});

describe('the shared acceptance cases through loadRosterInput + readRoster', () => {
  const cases = loadCases();
  it('covers every roster csv', () => {
    const rosters = readdirSync(CASES_DIR).filter((f) => f.endsWith('.csv') && !f.includes('.records.'));
    expect(cases.map((c) => c.file).sort()).toEqual(rosters.sort());
  });
  for (const c of cases) {
    it(c.file, async () => {
      const input = await loadRosterInput(join(CASES_DIR, c.file), c.records ? join(CASES_DIR, c.records) : undefined);
      const r = readRoster(input.roster.grid, { sheetName: input.roster.name, firstRow: input.roster.firstRow });
      const lines = readFileSync(join(CASES_DIR, c.file), 'utf8').trim().split(/\r?\n/);
      expect(r.issues).toEqual([]);
      expect(r.people).toHaveLength(lines.length - 1);
      for (const p of r.people) {
        if (p.id === '152502198505062490') {
          expect(p.errors).toEqual([expect.objectContaining({ field: 'id', column: 'C', message: '身份证号校验位错误，应为 5' })]);
        } else {
          expect(p.errors, `${c.file} row ${p.row}`).toEqual([]);
        }
      }
      if (c.records) {
        expect(input.records).toBeDefined();
        const rr = readRecords(input.records!.grid, { sheetName: input.records!.name });
        expect(rr.issues).toEqual([]);
        expect(rr.records.length).toBe(readFileSync(join(CASES_DIR, c.records), 'utf8').trim().split(/\r?\n/).length - 1);
      }
    });
  }
});

describe('layout and sheet choice (issue #10)', () => {
  const ID = '152502198503121121';
  async function yearBook(path: string) {
    const wb = new ExcelJS.Workbook();
    for (const y of [2023, 2024]) {
      const ws = wb.addWorksheet(`${y === 2023 ? '上年' : '本年'}`);
      ws.addRow([`${y}年度专业技术人员继续教育学时审验花名册`]);
      ws.mergeCells('A1:E1');
      ws.addRow(['姓名', '身份证号', '工作单位', '公需科目学时', '专业科目学时', '联系电话']);
      ws.addRow(['张三', ID, '某局', y === 2024 ? 30 : 1, 60, '13904710000']);
      ws.addRow(['李四', '15010219981111475X', null, 30, 60]);
      ws.mergeCells('C3:C4');
      ws.getColumn(6).hidden = true;
      ws.getRow(4).hidden = true;
    }
    await wb.xlsx.writeFile(path);
  }

  it('merges and hidden rows/columns come with each sheet, in sheet coordinates; both adapters agree', async () => {
    await yearBook(tmp('years.xlsx'));
    const [s] = await readSpreadsheetFile(tmp('years.xlsx'));
    expect(s!.merges).toEqual([
      { s: { r: 0, c: 0 }, e: { r: 0, c: 4 } },
      { s: { r: 2, c: 2 }, e: { r: 3, c: 2 } },
    ]);
    expect(s!.hiddenColumns).toEqual([5]);
    expect(s!.hiddenRows).toEqual([3]);
    const [x] = await readWorkbookExcelJS(readFileSync(tmp('years.xlsx')));
    expect([x!.merges, x!.hiddenColumns, x!.hiddenRows]).toEqual([s!.merges, s!.hiddenColumns, s!.hiddenRows]);
    const read = readRoster(s!.grid, readOptionsFor(s!, 2024));
    expect(read.people.map((p) => p.unit)).toEqual(['某局', '某局']);
  });

  it('picks the sheet whose title carries the review year, else the first; --sheet by name or number; names the sheet read', async () => {
    const p = tmp('years.xlsx');
    const by2024 = await loadRosterInput(p, undefined, { reviewYear: 2024 });
    expect([by2024.sheetName, by2024.sheetIndex]).toEqual(['本年', 2]);
    expect(by2024.notices).toEqual(['读取工作表“本年”（工作簿中另有花名册工作表“上年”，可指定工作表）']);
    expect((await loadRosterInput(p)).sheetName).toBe('上年');
    expect((await loadRosterInput(p, undefined, { reviewYear: 2030 })).sheetName).toBe('上年');
    expect((await loadRosterInput(p, undefined, { sheet: '本年' })).sheetName).toBe('本年');
    expect((await loadRosterInput(p, undefined, { sheet: 2 })).sheetName).toBe('本年');
    expect((await loadRosterInput(p, undefined, { sheet: '1', reviewYear: 2024 })).sheetName).toBe('上年');
    await expect(loadRosterInput(p, undefined, { sheet: '2025年度' })).rejects.toThrow(/没有工作表“2025年度”（工作簿中的工作表：“上年”、“本年”）/);
    await expect(loadRosterInput(p, undefined, { sheet: 3 })).rejects.toBeInstanceOf(InputFileError);
  });
});
