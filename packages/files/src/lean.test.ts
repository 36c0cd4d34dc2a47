/**
 * The lean .xlsx reader must give exactly the grids SheetJS gives: on every
 * .xlsx in the repository, on generated rosters written by SheetJS and by
 * ExcelJS, and on a hand-built workbook carrying every cell shape a roster
 * can hold. And an .xlsx is decompressed once: the zip check's entries feed it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { generate } from '../../../test/bench/generate.js';
import { readSpreadsheetBytes, readWorkbookLean, readWorkbookSheetJS, unzipChecked } from './index.js';
import { zip } from './zip-for-tests.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function lean(bytes: Uint8Array) {
  const z = unzipChecked(bytes);
  if (z.kind !== 'ok') throw new Error(`zip ${z.kind}`);
  return readWorkbookLean(z.entries);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Every cell shape: shared/inline/rich strings, numbers, booleans, dates by numFmt, errors, formulas with and without a cached value, stubs, merges, hidden rows and columns. */
function everyCellType(date1904: boolean): Uint8Array {
  const sst = [
    '<si><t>身份证号</t></si>',
    '<si><t xml:space="preserve">  前后空格  </t></si>',
    '<si><r><rPr><b/></rPr><t>张</t></r><r><t>三</t></r><rPh sb="0" eb="1"><t>zhang</t></rPh></si>',
    '<si><t>A &amp; B &lt;c&gt; &quot;q&quot; &#20013;&#x6587;</t></si>',
    '<si><t>换行_x000D_\r\n第二行</t></si>',
    '<si><t/></si>',
    '<si><t>152502198804040034</t></si>',
  ];
  const c = (ref: string, attrs: string, body = '') => (body ? `<c r="${ref}"${attrs}>${body}</c>` : `<c r="${ref}"${attrs}/>`);
  const rows = [
    `<row r="1">${c('A1', ' t="s"', '<v>0</v>')}${c('B1', ' t="s"', '<v>1</v>')}${c('C1', ' t="s"', '<v>2</v>')}${c('D1', ' t="s"', '<v>3</v>')}${c('E1', ' t="s"', '<v>4</v>')}${c('F1', ' t="s"', '<v>5</v>')}</row>`,
    `<row r="2" hidden="1">${c('A2', ' t="s"', '<v>6</v>')}${c('B2', ' t="inlineStr"', '<is><t>内联</t></is>')}${c('C2', ' t="inlineStr"', '<is><r><t>富</t></r><r><t>文本</t></r></is>')}${c('D2', '', '<v>42</v>')}${c('E2', '', '<v>-3.25</v>')}${c('F2', '', '<v>1E-3</v>')}</row>`,
    `<row r="3">${c('A3', ' t="b"', '<v>1</v>')}${c('B3', ' t="b"', '<v>0</v>')}${c('C3', ' s="1"', '<v>45292</v>')}${c('D3', ' s="2"', '<v>45292.5</v>')}${c('E3', ' s="3"', '<v>45300</v>')}${c('F3', ' s="4"', '<v>45310</v>')}</row>`,
    `<row r="4">${c('A4', ' s="5"', '<v>30</v>')}${c('B4', ' t="e"', '<v>#N/A</v>')}${c('C4', ' t="e"', '<v>#DIV/0!</v>')}${c('D4', ' t="e"', '<v>#SPILL!</v>')}${c('E4', ' t="e"', '<f>1/0</f>')}${c('F4', ' s="1"', '<v>59</v>')}</row>`,
    `<row r="5">${c('A5', '', '<f>SUM(D2:E2)</f><v>38.75</v>')}${c('B5', ' t="str"', '<f>B2&amp;"年"</f><v>内联年 &amp;amp;</v>')}${c('C5', '', '<f>SUM(D2:E2)</f>')}${c('D5', '', '<f>_xlfn.XLOOKUP(1,A1:A2,B1:B2)</f>')}${c('E5', ' t="s"', '<f>A1</f>')}${c('F5', ' t="n"', '<f>A1+1</f>')}</row>`,
    `<row r="6" spans="1:6"><c t="s"><v>0</v></c><c><v>7</v></c><c s="1"/><c t="str"><f>"x"</f></c><c t="b"><f>TRUE</f><v>1</v></c></row>`,
    `<row r="7" hidden="true"/>`,
    `<row r="9">${c('A9', ' s="1"', '<v>60</v>')}${c('B9', ' s="1"', '<v>61</v>')}${c('C9', ' s="6"', '<v>45292</v>')}${c('H9', '', '<v>8</v>')}</row>`,
    `<row r="10">${c('A10', ' s="1"')}${c('B10', ' s="2"')}</row>`,
    `<row r="11">${c('C11', ' s="1"')}</row>`,
  ];
  const sheet1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ${NS}><dimension ref="A1:H11"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="2" max="3" width="9" hidden="1" customWidth="1"/><col min="5" max="5" width="12"/><col min="7" max="7" hidden="true"/></cols><sheetData>${rows.join('')}</sheetData><mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="C9:E10"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  // no dimension; data from B3; cells past the last row with data are styled stubs
  const sheet2 = `<worksheet ${NS}><sheetData><row r="3"><c r="B3" t="inlineStr"><is><t>从第三行起</t></is></c><c r="D3"><v>1</v></c></row><row r="4"><c r="C4" t="s"><v>3</v></c></row><row r="6"><c r="B6" s="1"/></row></sheetData></worksheet>`;
  // a dimension smaller than the data: SheetJS keeps only what the dimension covers
  const sheet3 = `<worksheet ${NS}><dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="B2"><v>2</v></c></row><row r="3"><c r="A3"><v>9</v></c></row></sheetData></worksheet>`;
  const sheet4 = `<worksheet ${NS}><dimension ref="A1"/><sheetData/></worksheet>`;
  const styles = `<styleSheet ${NS.split(' ')[0]}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00_ "/></numFmts><cellXfs count="7"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="31" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="57"/></cellXfs></styleSheet>`;
  const names = ['花名册', 'R&amp;D 表', '小维度', '空表'];
  const wb = `<workbook ${NS}><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId9" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId10" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`;
  return zip({
    '[Content_Types].xml': `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': wb,
    'xl/_rels/workbook.xml.rels': rels,
    'xl/styles.xml': styles,
    'xl/sharedStrings.xml': `<sst ${NS.split(' ')[0]} count="${sst.length}" uniqueCount="${sst.length}">${sst.join('')}</sst>`,
    'xl/worksheets/sheet1.xml': sheet1,
    'xl/worksheets/sheet2.xml': sheet2,
    'xl/worksheets/sheet3.xml': sheet3,
    'xl/worksheets/sheet4.xml': sheet4,
  });
}

describe('lean .xlsx reader = SheetJS', () => {
  const repoFiles = execFileSync('git', ['ls-files', '*.xlsx', '*.xlsm'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  it('the repository has .xlsx files to compare', () => {
    expect(repoFiles.length).toBeGreaterThanOrEqual(10);
  });
  for (const f of repoFiles) {
    it(f, () => {
      const bytes = new Uint8Array(readFileSync(join(ROOT, f)));
      const z = unzipChecked(bytes);
      if (z.kind === 'damaged') {
        // the truncated fixture: refused before either reader sees it
        expect(() => readSpreadsheetBytes(bytes, f)).toThrow(/损坏或不完整/);
        return;
      }
      const names = z.kind === 'ok' ? [...z.entries.keys()] : [];
      if (!names.includes('xl/workbook.xml')) {
        expect(() => readSpreadsheetBytes(bytes, f)).toThrow(/不是电子表格/); // the renamed .docx
        return;
      }
      const got = lean(bytes);
      expect(got, 'the lean reader reads it (no fallback)').toBeDefined();
      expect(got).toEqual(readWorkbookSheetJS(bytes));
    });
  }

  it('a workbook with every cell type, 1900 and 1904 date systems', () => {
    for (const date1904 of [false, true]) {
      const bytes = everyCellType(date1904);
      const got = lean(bytes);
      expect(got).toBeDefined();
      const ref = readWorkbookSheetJS(bytes);
      expect(got).toEqual(ref);
      // the comparison is not vacuous: the shapes are there
      const g = ref[0]!.grid;
      expect(g[2]![2]).toBeInstanceOf(Date);
      expect(g[1]![3]).toBe(42);
      expect(g[2]![0]).toBe(true);
      expect(g[3]![1]).toBe('#N/A');
      expect(g[4]![2]).toBe('=SUM(D2:E2)');
      expect(ref[0]!.hiddenRows).toEqual([1, 6]);
      expect(ref[0]!.hiddenColumns).toEqual([1, 2, 6]);
      expect(ref[0]!.merges).toHaveLength(2);
      expect(ref[1]!.firstRow).toBe(3);
      expect(ref[1]!.name).toBe('R&D 表');
    }
  });

  it('generated rosters written by SheetJS and by ExcelJS', async () => {
    const g = generate(20240115, 500, 0, true);
    const aoa = [['2024年度专业技术人员继续教育学时统计表'], ...g.roster.map((r) => r.map((v) => (v === undefined ? null : v)))];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, { cellDates: true }), '花名册');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(g.records, { cellDates: true }), '培训记录');
    const a = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
    expect(lean(a)).toEqual(readWorkbookSheetJS(a));

    const xw = new ExcelJS.Workbook();
    const s1 = xw.addWorksheet('花名册');
    for (const row of aoa) s1.addRow(row);
    s1.mergeCells('A1:F1');
    s1.getRow(5).hidden = true;
    s1.getColumn(3).hidden = true;
    const s2 = xw.addWorksheet('培训记录');
    for (const row of g.records) s2.addRow(row);
    const b = new Uint8Array(await xw.xlsx.writeBuffer());
    const got = lean(b);
    expect(got).toEqual(readWorkbookSheetJS(b));
    expect(got![0]!.grid.length).toBe(aoa.length);
  }, 60_000);

  it('leaves shapes it does not read to SheetJS, and the file still reads', () => {
    const bytes = everyCellType(false);
    const z = unzipChecked(bytes) as { kind: 'ok'; entries: Map<string, Uint8Array> };
    const entries = new Map(z.entries);
    const sheet = new TextDecoder().decode(entries.get('xl/worksheets/sheet3.xml'));
    entries.set('xl/worksheets/sheet3.xml', new TextEncoder().encode(sheet.replace('<c r="B2"><v>2</v></c>', '<c r="B2" t="d"><v>2024-01-01</v></c>')));
    expect(readWorkbookLean(entries)).toBeUndefined();
  });
});

describe('one decompression', () => {
  it('an .xlsx with one damaged byte in an entry is refused with the clear message', () => {
    const bytes = everyCellType(false);
    const bad = bytes.slice();
    bad[200] = bad[200]! ^ 0xff; // inside the first entry's deflated data
    expect(unzipChecked(bad).kind).toBe('damaged');
    expect(() => readSpreadsheetBytes(bad, 'x.xlsx')).toThrow('无法读取文件 x.xlsx：文件已损坏或不完整（可能未下载完整）');
  });
});
