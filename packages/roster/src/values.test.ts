import { describe, expect, it } from 'vitest';
import { columnLetter } from './headers.js';
import { t2s } from './normalize.js';
import {
  chineseNumber,
  parseAmount,
  parseEducation,
  parseKind,
  parseLevel,
  parsePostGrade,
  parsePurpose,
  parseYearList,
  parseYesNo,
  serialToDate,
  toCivilDate,
} from './values.js';

describe('toCivilDate', () => {
  it.each([
    ['2024-03-05'],
    ['2024/3/5'],
    ['2024.3.5'],
    ['2024年3月5日'],
    ['２０２４年３月５日'],
    ['20240305'],
    [' 2024-03-05 00:00:00 '],
    ['2024/03/05'],
    ['２０２４-０３-０５'],
    ['2024－03－05'],
  ])('text %s', (s) => {
    expect(toCivilDate(s)).toEqual({ year: 2024, month: 3, day: 5 });
  });
  it('serial numbers in the 1900 system, including the 1900-02-29 bug', () => {
    expect(toCivilDate(45356)).toEqual({ year: 2024, month: 3, day: 5 });
    expect(toCivilDate(45356.75)).toEqual({ year: 2024, month: 3, day: 5 });
    expect(serialToDate(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(serialToDate(59)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(serialToDate(60)).toBeUndefined();
    expect(serialToDate(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(toCivilDate(0)).toBeUndefined();
    expect(toCivilDate(-5)).toBeUndefined();
    expect(toCivilDate(20240305)).toEqual({ year: 2024, month: 3, day: 5 });
  });
  it('Date objects use UTC parts', () => {
    expect(toCivilDate(new Date(Date.UTC(2024, 2, 5)))).toEqual({ year: 2024, month: 3, day: 5 });
    expect(toCivilDate(new Date(NaN))).toBeUndefined();
  });
  it('dates that do not exist, and non-dates', () => {
    expect(toCivilDate('2023-02-29')).toBeUndefined();
    expect(toCivilDate('2025-11-31')).toBeUndefined();
    expect(toCivilDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(toCivilDate('abc')).toBeUndefined();
    expect(toCivilDate('2024-0a-05')).toBeUndefined();
    expect(toCivilDate('2024-00-05')).toBeUndefined();
    expect(toCivilDate('')).toBeUndefined();
    expect(toCivilDate(null)).toBeUndefined();
    expect(toCivilDate(true)).toBeUndefined();
  });
});

describe('amounts', () => {
  it.each([
    [30, 30],
    ['30', 30],
    ['30学时', 30],
    ['３０', 30],
    ['３０学时', 30],
    [' 12.5 ', 12.5],
    ['', 0],
    [null, 0],
    [undefined, 0],
    [0, 0],
  ] as const)('%s → %s', (cell, n) => {
    expect(parseAmount(cell)).toEqual({ ok: true, value: n });
  });
  it.each([[-1], ['-5'], ['abc'], ['三十'], [Infinity], [NaN], [10001], [true], ['1e5']] as const)('%s is an error', (cell) => {
    expect(parseAmount(cell).ok).toBe(false);
  });
});

describe('yes/no', () => {
  it.each([['是'], ['Y'], ['y'], ['√'], ['true'], ['TRUE'], ['1'], [1], [true], ['ｙ']] as const)('%s → true', (c) =>
    expect(parseYesNo(c)).toEqual({ ok: true, value: true }),
  );
  it.each([['否'], ['N'], ['×'], ['false'], ['0'], [0], [false]] as const)('%s → false', (c) =>
    expect(parseYesNo(c)).toEqual({ ok: true, value: false }),
  );
  it('blank → undefined, other → error', () => {
    expect(parseYesNo('')).toEqual({ ok: true, value: undefined });
    expect(parseYesNo('也许').ok).toBe(false);
  });
});

describe('year lists', () => {
  it.each([
    ['2022', [2022]],
    [2022, [2022]],
    ['2022、2023', [2022, 2023]],
    ['2022，2023', [2022, 2023]],
    ['2022,2023', [2022, 2023]],
    ['2022;2023', [2022, 2023]],
    ['2022；2023', [2022, 2023]],
    ['2022 2023', [2022, 2023]],
    ['2022　2023', [2022, 2023]],
    ['２０２２年、2023年', [2022, 2023]],
  ] as const)('%s', (cell, years) => {
    expect(parseYearList(cell, 'x')).toEqual({ ok: true, value: years });
  });
  it('garbage is an error', () => {
    expect(parseYearList('去年', 'x').ok).toBe(false);
    expect(parseYearList('22', 'x').ok).toBe(false);
  });
});

describe('enums', () => {
  it('post grade', () => {
    expect(parsePostGrade(8)).toEqual({ ok: true, value: 8 });
    expect(parsePostGrade('10级')).toEqual({ ok: true, value: 10 });
    expect(parsePostGrade('十级')).toEqual({ ok: true, value: 10 });
    expect(parsePostGrade('十三级')).toEqual({ ok: true, value: 13 });
    expect(parsePostGrade('专技七级')).toEqual({ ok: true, value: 7 });
    expect(parsePostGrade('１２級')).toEqual({ ok: true, value: 12 });
    expect(parsePostGrade('高级').ok).toBe(false);
    expect([1, 2, 3, 9, 10, 11, 13].map((n) => chineseNumber(['一', '二', '三', '九', '十', '十一', '十三'][[1, 2, 3, 9, 10, 11, 13].indexOf(n)]!))).toEqual([1, 2, 3, 9, 10, 11, 13]);
  });
  it('purpose, Simplified and Traditional', () => {
    expect(parsePurpose('')).toEqual({ ok: true, value: 'annual' });
    expect(parsePurpose('年度审验')).toEqual({ ok: true, value: 'annual' });
    expect(parsePurpose('职称评审')).toEqual({ ok: true, value: 'title' });
    expect(parsePurpose('職稱評審')).toEqual({ ok: true, value: 'title' });
    expect(parsePurpose('考核認定')).toEqual({ ok: true, value: 'assessment' });
    expect(parsePurpose('崗位聘任')).toEqual({ ok: true, value: 'post' });
    expect(parsePurpose('随便').ok).toBe(false);
  });
  it('level', () => {
    expect(parseLevel('正高级')).toEqual({ ok: true, value: 'senior-full' });
    expect(parseLevel('副高級')).toEqual({ ok: true, value: 'senior-deputy' });
    expect(parseLevel('中级')).toEqual({ ok: true, value: 'intermediate' });
    expect(parseLevel('初级')).toEqual({ ok: true, value: 'junior' });
    expect(parseLevel('助理级')).toEqual({ ok: true, value: 'assistant' });
    expect(parseLevel('員級')).toEqual({ ok: true, value: 'clerk' });
    expect(parseLevel('')).toEqual({ ok: true, value: undefined });
    expect(parseLevel('特级').ok).toBe(false);
  });
  it('education', () => {
    expect(parseEducation('大专')).toEqual({ ok: true, value: '专科' });
    expect(parseEducation('大專')).toEqual({ ok: true, value: '专科' });
    expect(parseEducation('研究生')).toEqual({ ok: true, value: '硕士' });
    expect(parseEducation('碩士')).toEqual({ ok: true, value: '硕士' });
    expect(parseEducation('博士')).toEqual({ ok: true, value: '博士' });
    expect(parseEducation('高中').ok).toBe(false);
  });
  it('record kinds, Traditional too', () => {
    expect(parseKind('網絡培訓')).toEqual({ ok: true, value: '网络培训' });
    expect(parseKind('職業資格考試')).toEqual({ ok: true, value: '职业资格考试' });
    expect(parseKind('职称外语/计算机考试')).toEqual({ ok: true, value: '职称外语计算机考试' });
    expect(parseKind('學術講座')).toEqual({ ok: true, value: '学术讲座' });
    expect(parseKind('散步').ok).toBe(false);
  });
});

describe('helpers', () => {
  it('columnLetter', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
  it('t2s covers the alxa notice vocabulary', () => {
    expect(t2s('身份證號 申報類型 職稱評審 專業 學時 專業技術人員繼續教育')).toBe('身份证号 申报类型 职称评审 专业 学时 专业技术人员继续教育');
  });
});
