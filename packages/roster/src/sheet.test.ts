/**
 * The sheet-level reading rules of ROSTER.md (issue #10): year-less hour
 * columns, merged cells, rows that are not people, damaged IDs, — as 0,
 * serial dates as text.
 */
import { describe, expect, it } from 'vitest';
import { idCheckChar, parseIdNumber } from './idnumber.js';
import { inspectRoster, readRoster } from './reader.js';
import { decideHourYear, fillMerges, isRecordsSheet, namedYear, rowRanges } from './sheet.js';
import { parseAmount, toCivilDate } from './values.js';
import type { Grid } from './headers.js';

const ID_M = '15010219981111475X';
const ID_F = '152502198503121121';
const TITLE = '2024年度专业技术人员继续教育学时审验花名册';

describe('year-less hour columns', () => {
  const body = (header: string[]): Grid => [header, ['张三', ID_M, 30, 60]];

  it('take the year of the title above the header, and say so', () => {
    const r = readRoster([[TITLE], ['填报日期：2025年1月10日'], ...body(['姓名', '身份证号', '公需科目学时', '专业科目学时'])], { sheetName: '2023年度', reviewYear: 2022 });
    expect(r.hourYear).toEqual({ year: 2024, source: 'title', text: TITLE });
    expect(r.people[0]!.hours).toEqual({ 2024: { public: 30, professional: 60 } });
    expect(r.columns.map((c) => c.field)).toEqual(['name', 'id', 'hours:2024:public', 'hours:2024:professional']);
    expect(r.notices[0]).toBe(`学时列未写年度（C列「公需科目学时」、D列「专业科目学时」），按表头上方标题“${TITLE}”取 2024 年`);
  });

  it('else the sheet name, else the review year; every alias is known', () => {
    for (const [pub, pro] of [
      ['公需学时', '专业学时'],
      ['公需课', '专业课'],
      ['公需学时数', '专业科目学时数'],
      ['公需课学时', '专业课学时数'],
    ]) {
      const bySheet = readRoster(body(['姓名', '身份证号', pub!, pro!]), { sheetName: '2023年度', reviewYear: 2024 });
      expect(bySheet.hourYear, pub).toMatchObject({ year: 2023, source: 'sheet' });
      expect(bySheet.people[0]!.hours, pub).toEqual({ 2023: { public: 30, professional: 60 } });
      const byReview = readRoster(body(['姓名', '身份证号', pub!, pro!]), { sheetName: 'Sheet1', reviewYear: 2024 });
      expect(byReview.hourYear, pub).toEqual({ year: 2024, source: 'review' });
      expect(byReview.notices[0]).toContain('按审验年度取 2024 年');
    }
  });

  it('refuse the whole roster, naming the column, when no year can be decided', () => {
    const r = readRoster(body(['姓名', '身份证号', '公需科目学时', '专业科目学时']), { sheetName: 'Sheet1' });
    expect(r.refusal).toMatch(/^C列「公需科目学时」、D列「专业科目学时」未写年度/);
    expect(r.people).toEqual([]);
    expect(r.issues.map((i) => i.message)).toEqual([r.refusal]);
    expect(inspectRoster(body(['姓名', '身份证号', '公需科目学时']), {}).refusal).toMatch(/^C列「公需科目学时」/);
  });

  it('a written year wins over a year-less duplicate; a bare 专业 column is not hours', () => {
    const r = readRoster([['姓名', '身份证号', '2024年公需学时', '公需学时', '专业'], ['张三', ID_M, 30, 99, '临床医学']], { reviewYear: 2024 });
    expect(r.people[0]!.hours).toEqual({ 2024: { public: 30, professional: 0 } });
    expect(r.unknownColumns.map((c) => c.header)).toEqual(['专业']);
  });

  it('a group cell 学时 over 公需 / 专业 is year-less; 2024年学时 over them is not', () => {
    const yl = readRoster([[TITLE], ['姓名', '身份证号', '学时', null], [null, null, '公需', '专业'], ['张三', ID_M, 30, 60]]);
    expect(yl.people[0]!.hours).toEqual({ 2024: { public: 30, professional: 60 } });
    const y = readRoster([['姓名', '身份证号', '2023年继续教育学时', null], [null, null, '公需', '专业'], ['张三', ID_M, 30, 60]]);
    expect(y.hourYear).toBeUndefined();
    expect(y.people[0]!.hours).toEqual({ 2023: { public: 30, professional: 60 } });
  });

  it('namedYear prefers 年度, skips dates, refuses two years', () => {
    expect(namedYear('2024年度…花名册（填报日期：2025年1月10日）')).toBe(2024);
    expect(namedYear('填报日期：2025年1月10日')).toBeUndefined();
    expect(namedYear('2022—2024年')).toBeUndefined();
    expect(namedYear('截至2024年底')).toBe(2024);
    expect(namedYear('2024', true)).toBe(2024);
    expect(namedYear('Sheet1', true)).toBeUndefined();
    expect(decideHourYear('', undefined, undefined)).toBeUndefined();
  });
});

describe('merged cells', () => {
  it('fillMerges copies the top-left value over the area without changing the input', () => {
    const g: Grid = [
      ['a', null, null],
      ['b', 'x', null],
      [null, 'y'],
    ];
    const f = fillMerges(g, [
      { s: { r: 0, c: 0 }, e: { r: 0, c: 2 } },
      { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } },
    ]);
    expect(f).toEqual([
      ['a', 'a', 'a'],
      ['b', 'x', null],
      ['b', 'y'],
    ]);
    expect(g[0]).toEqual(['a', null, null]);
    // malformed areas (a host's bad data) are ignored, never thrown on
    const bad = [{ s: { r: 0, c: -1 }, e: { r: 0, c: 2 } }, { s: { r: 1, c: 2 }, e: { r: 0, c: 0 } }, null] as never;
    expect(fillMerges(g, bad)).toEqual(g);
    // with firstRow 3 the areas are in sheet rows: sheet row 3 is grid[0]
    expect(fillMerges(g, [{ s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }], 3)[1]).toEqual(['a', 'x', null]);
  });

  it('a unit merged down is every row’s unit; a merged title and merged footer stay what they are', () => {
    const g: Grid = [[TITLE], ['序号', '姓名', '身份证号', '工作单位', '2024年公需学时'], [1, '张三', ID_M, '某局', 30], [2, '李四', ID_F, null, 30], ['注：本表由人事部门填写']];
    const merges = [
      { s: { r: 0, c: 0 }, e: { r: 0, c: 4 } },
      { s: { r: 2, c: 3 }, e: { r: 3, c: 3 } },
      { s: { r: 4, c: 0 }, e: { r: 4, c: 4 } },
    ];
    const r = readRoster(g, { merges });
    expect(r.headerRow).toBe(2);
    expect(r.people.map((p) => p.unit)).toEqual(['某局', '某局']);
    expect(r.people[1]!.cells.unit!.value).toBe('某局');
    expect(r.skippedRows).toEqual([{ row: 5, kind: 'footer' }]);
    expect(readRoster(g).people[1]!.unit).toBeUndefined(); // without the areas: as written
  });
});

describe('the records sheet', () => {
  it('is 培训记录 in simplified or traditional characters, with stray spaces or full-width forms; nothing else is', () => {
    for (const n of ['培训记录', '培訓記錄', ' 培训记录 ', '培训记录\u3000']) expect(isRecordsSheet(n), n).toBe(true);
    for (const n of ['花名册', '培训记录2024', '2024培训记录', '']) expect(isRecordsSheet(n), n).toBe(false);
  });
});

describe('rows that are not people', () => {
  const header = ['序号', '姓名', '身份证号', '2024年公需学时', '2024年专业学时'];
  it('totals, signatures, notes and numbered-empty rows are skipped and reported once; broken people stay people', () => {
    const g: Grid = [
      header,
      [1, '张三', ID_M, 30, 60],
      [2, '李四', '15250219850312112', 30, 60], // 17 digits: a person with a bad ID
      [3, '王五', '38人', 30, 60], // a name: a person whose ID cell is wrong
      [4, '', '', 30, 60], // numbered with data: a person with nothing to identify them
      [5],
      [null, '合计', '38人', 120, 240],
      [null, null, null, 90, 180], // an unlabelled totals row
      ['　　2.专业科目学时须附证书复印件；'],
      ['单位（盖章）'],
      ['填表人：王丽娜', null, '审核人：李志强'],
      ['备注：无'],
    ];
    const r = readRoster(g);
    expect(r.people.map((p) => p.row)).toEqual([2, 3, 4, 5]);
    expect(r.people.slice(1).every((p) => p.errors.some((e) => e.field === 'id'))).toBe(true);
    expect(r.skippedRows.map((s) => s.row)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(r.notices).toEqual(['第7–12行为合计/签字/说明行，第6行只有序号，未作人员处理']);
  });

  it('a header with no people says so', () => {
    const r = readRoster([header, [null, '合计', '0人']]);
    expect(r.people).toEqual([]);
    expect(r.issues.map((i) => i.message)).toEqual(['花名册中没有人员数据行（表头下方没有任何人员）']);
  });

  it('rowRanges', () => {
    expect(rowRanges([44, 41, 42, 43, 47])).toBe('41–44、47');
  });
});

describe('damaged IDs, dashes, serial dates as text', () => {
  const body17 = '15252919900105100';
  it('an 18-digit ID ending in 000 whose check fails is said to be truncated by Excel, with no check character', () => {
    const id = '152529199001051000';
    expect(idCheckChar(body17)).not.toBe('0');
    const p = parseIdNumber(id);
    expect(p.ok).toBe(false);
    expect(!p.ok && p.message).toContain('被Excel截断末尾数字');
    expect(!p.ok && p.message).not.toMatch(/校验位错误|应为 [0-9X]/);
    const r = readRoster([['姓名', '身份证号'], ['张三', 152529199001051000], ['李四', '1.52529E+17']]);
    for (const person of r.people) {
      expect(person.errors.map((e) => e.message).join('')).toContain('被Excel截断末尾数字');
      expect(person.errors.map((e) => e.message).join('')).not.toMatch(/应为 [0-9X]/);
    }
    // a valid ID that happens to end in 000 is fine; a wrong check elsewhere still names the check character
    const valid = `${'15252919900105'}${'1'}${'00'}`;
    if (idCheckChar(valid) === '0') expect(parseIdNumber(`${valid}0`).ok).toBe(true);
    expect(parseIdNumber('152502198503121122')).toMatchObject({ ok: false, message: '身份证号校验位错误，应为 1' });
  });

  it('— - / 无 － —— in an hour cell read as 0', () => {
    for (const v of ['—', '-', '/', '无', '－', '——', '／', ' — ']) expect(parseAmount(v), v).toEqual({ ok: true, value: 0 });
    expect(parseAmount('--5').ok).toBe(false);
  });

  it('a serial number written as text is a date (CSV exports); a serial 出生日期 is compared with the ID', () => {
    expect(toCivilDate('45413')).toEqual({ year: 2024, month: 5, day: 1 });
    expect(toCivilDate('2024')).toBeUndefined();
    const serialOf1985_03_12 = 31118;
    expect(toCivilDate(String(serialOf1985_03_12))).toEqual({ year: 1985, month: 3, day: 12 });
    const r = readRoster([
      ['姓名', '身份证号', '出生日期'],
      ['甲', ID_F, String(serialOf1985_03_12)],
      ['乙', ID_F.slice(0, 17) + ID_F[17], String(serialOf1985_03_12 + 1)],
    ]);
    expect(r.people[0]!.errors).toEqual([]);
    expect(r.people[1]!.errors.map((e) => e.message)).toEqual(['出生日期 1985-03-13 与身份证号不符（身份证号显示为 1985-03-12）']);
  });
});
