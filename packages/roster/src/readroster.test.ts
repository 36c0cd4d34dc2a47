import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { idCheckChar } from './idnumber.js';
import { readRecords, readRoster, type RosterRead } from './reader.js';
import type { Grid } from './headers.js';

const CASES = join(import.meta.dirname, '../../../../shared/cases');

/** Minimal CSV split for the shared cases (no quoted fields there). */
function csvGrid(file: string): Grid {
  return readFileSync(join(CASES, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map((l) => l.split(','));
}

function withCheck(first17: string): string {
  return first17 + idCheckChar(first17);
}

const ID_M = '15010219981111475X';
const ID_F = '152502198503121121';

describe('readRoster on the shared cases', () => {
  for (const file of readdirSync(CASES).filter((f) => f.endsWith('.csv') && !f.includes('records'))) {
    it(file, () => {
      const grid = csvGrid(file);
      const r = readRoster(grid, { sheetName: file });
      expect(r.issues).toEqual([]);
      expect(r.headerRow).toBe(1);
      expect(r.people.length).toBe(grid.length - 1);
      expect(r.unknownColumns.map((u) => u.header)).toEqual(['期望状态', '期望缺少学时', '期望缺公需', '期望缺专业']);
      expect(r.columns.find((c) => c.field === 'id')?.column).toBe('C');
      for (const p of r.people) {
        if (p.id === '152502198505062490') {
          expect(p.errors).toEqual([
            expect.objectContaining({ field: 'id', column: 'C', header: '身份证号', value: '152502198505062490', message: '身份证号校验位错误，应为 5' }),
          ]);
        } else {
          expect(p.errors, `row ${p.row}`).toEqual([]);
          expect(p.birth).toBeDefined();
        }
      }
    });
  }

  it('reads the values of xilingol-2024 as intended', () => {
    const r = readRoster(csvGrid('xilingol-2024.csv'));
    const [wang, li] = r.people;
    expect(wang).toMatchObject({ row: 2, name: '王芳', id: '152502198503121121', sex: 'F', purpose: 'annual', unit: '锡林浩特市医院' });
    expect(wang!.hours[2024]).toEqual({ public: 30, professional: 60 });
    expect(wang!.hours[2022]).toEqual({ public: 0, professional: 0 });
    expect(li!.cells['hours:2024:professional']).toEqual({ row: 3, column: 'X', header: '2024年专业学时', value: '40' });
    const byName = new Map(r.people.map((p) => [p.name, p]));
    expect(byName.get('孙丽')).toMatchObject({ nonPublic: true, purpose: 'title', level: 'intermediate' });
    expect(byName.get('周杰')).toMatchObject({ purpose: 'post', postGrade: 9 });
    expect(byName.get('郑红')?.qualExamYears).toEqual([2024]);
    expect(byName.get('冯刚')?.unitPlanFiled).toBe(true);
    expect(byName.get('何敏')?.transferYear).toBe(2023);
    expect(byName.get('马超')?.exceptionalYears).toBe(2);
    expect(byName.get('张伟')?.level).toBe('senior-full');
    expect(r.lastColumnIndex).toBe(27);
  });

  it('reads hohhot epidemic and education columns', () => {
    const r = readRoster(csvGrid('hohhot-2022.csv'));
    const byName = new Map(r.people.map((p) => [p.name, p]));
    expect(byName.get('钱疫')?.epidemic).toEqual({ flagged: true, years: [] });
    expect(byName.get('张博')?.education).toBe('博士');
    expect(byName.get('赵基')?.grassroots).toBe(true);
  });

  it('reads nm-2018 title exam years', () => {
    const r = readRoster(csvGrid('nm-2018.csv'));
    expect(r.people.find((p) => p.name === '其木格')?.titleExamYears).toEqual([2018]);
  });
});

describe('readRoster layout', () => {
  it('finds the header below title rows and merged title cells', () => {
    const grid: Grid = [
      ['2024年度专业技术人员继续教育学时统计表', null, null],
      [],
      ['填报单位：某某局', '', '日期：2024-12-01'],
      ['序号', '姓名', '身份证号', '2024年公需学时', '2024年专业学时'],
      [1, '张三', ID_M, 30, '60学时'],
    ];
    const r = readRoster(grid, { sheetName: 'Sheet1' });
    expect(r.headerRow).toBe(4);
    expect(r.sheetName).toBe('Sheet1');
    expect(r.people).toHaveLength(1);
    expect(r.people[0]).toMatchObject({ row: 5, name: '张三', hours: { 2024: { public: 30, professional: 60 } } });
    expect(r.unknownColumns).toEqual([]);
  });

  it('two-row headers: merged year groups over 公需/专业, and 公需学时 over years', () => {
    const grid: Grid = [
      ['学时统计'],
      ['序号', '姓名', '身份证号', '2023年', null, '2024年学时', null, '备注'],
      [null, null, null, '公需', '专业', '公需', '专业', null],
      [1, '张三', ID_M, 30, 60, '30', '40学时', ''],
    ];
    const r = readRoster(grid);
    expect(r.headerRow).toBe(2);
    expect(r.columns.filter((c) => c.field.startsWith('hours')).map((c) => [c.field, c.column, c.header])).toEqual([
      ['hours:2023:public', 'D', '2023年 公需'],
      ['hours:2023:professional', 'E', '2023年 专业'],
      ['hours:2024:public', 'F', '2024年学时 公需'],
      ['hours:2024:professional', 'G', '2024年学时 专业'],
    ]);
    expect(r.unknownColumns).toEqual([{ column: 'H', header: '备注' }]);
    expect(r.people).toHaveLength(1);
    expect(r.people[0]).toMatchObject({ row: 4, hours: { 2023: { public: 30, professional: 60 }, 2024: { public: 30, professional: 40 } }, errors: [] });

    const byCategory = readRoster([
      ['姓名', '身份证号', '公需学时', null, '专业学时', null],
      ['', '', '2022年', '2023年', '2022年', '2023年'],
      ['李四', ID_F, 1, 2, 3, 4],
    ]);
    expect(byCategory.people[0]?.hours).toEqual({ 2022: { public: 1, professional: 3 }, 2023: { public: 2, professional: 4 } });
    expect(byCategory.unknownColumns).toEqual([]);
  });

  it('a data row with a blank ID right under the header is not taken as a sub-header', () => {
    const r = readRoster([
      ['姓名', '身份证号', '2024年公需学时'],
      ['王五', '', '30'],
      ['张三', ID_M, 30],
    ]);
    expect(r.people.map((p) => p.row)).toEqual([2, 3]);
  });

  it('honours firstRow', () => {
    const r = readRoster([['姓名', '身份证号'], ['张三', ID_M]], { firstRow: 7 });
    expect(r.headerRow).toBe(7);
    expect(r.people[0]?.row).toBe(8);
    expect(r.people[0]?.cells.id).toEqual({ row: 8, column: 'B', header: '身份证号', value: ID_M });
  });

  it('understands Traditional headers, full-width digits and spaces in headers', () => {
    const grid: Grid = [
      ['姓 名', '身份證號', '申報類型', '申報級別', '學歷', '２０２４年公需學時', '2024年專業科目學時', '崗位等級', '黨政機關轉任年度', '職業資格考試合格年度', '高技能人才'],
      ['李四', ID_F, '職稱評審', '中級', '碩士', '３０', '６０學時', '十級', '２０２２', '2021、2022', '是'],
    ];
    const r = readRoster(grid);
    expect(r.unknownColumns).toEqual([]);
    expect(r.columns.map((c) => c.field)).toEqual([
      'name',
      'id',
      'purpose',
      'level',
      'education',
      'hours:2024:public',
      'hours:2024:professional',
      'postGrade',
      'transferYear',
      'qualExamYears',
      'highSkill',
    ]);
    expect(r.people[0]).toMatchObject({
      name: '李四',
      purpose: 'title',
      level: 'intermediate',
      education: '硕士',
      hours: { 2024: { public: 30, professional: 60 } },
      postGrade: 10,
      transferYear: 2022,
      qualExamYears: [2021, 2022],
      highSkill: true,
      errors: [],
    });
  });

  it.each([
    ['2024年公需学时', 'hours:2024:public'],
    ['2024年专业学时', 'hours:2024:professional'],
    ['2024公需', 'hours:2024:public'],
    ['公需2024', 'hours:2024:public'],
    ['专业2023', 'hours:2023:professional'],
    ['2024年公需科目学时', 'hours:2024:public'],
    ['2024年专业科目学时', 'hours:2024:professional'],
    ['2024年度公需学时', 'hours:2024:public'],
    ['2024年公需學時', 'hours:2024:public'],
    ['身份证号码', 'id'],
    ['公民身份号码', 'id'],
    ['证件号码', 'id'],
    ['身份證號', 'id'],
    ['身份证号(必填)', 'id'],
    ['单位', 'unit'],
    ['单位名称', 'unit'],
    ['工作單位', 'unit'],
  ])('header %s → %s', (header, field) => {
    const r = readRoster([field === 'id' ? [header] : ['身份证号', header]]);
    expect(r.columns.map((c) => c.field)).toEqual(field === 'id' ? ['id'] : ['id', field]);
    expect(r.unknownColumns).toEqual([]);
  });

  it('needs the ID column; reports in Chinese when no header is found', () => {
    const r = readRoster([['姓名', '单位'], ['张三', 'x']]);
    expect(r.headerRow).toBe(0);
    expect(r.people).toEqual([]);
    expect(r.issues[0]?.message).toMatch(/找不到表头/);
    expect(readRoster([]).issues[0]?.message).toMatch(/表格为空/);
  });

  it('reports unknown columns once, skips blank rows and 序号-only rows', () => {
    const grid: Grid = [
      ['序号', '姓名', '身份证号', '备注'],
      [1, '张三', ID_M, '调入'],
      [2, '', '', ''],
      [null, null, null, null],
      ['  ', '', undefined],
      [4, '王五', ID_F, '调出'],
    ];
    const r = readRoster(grid);
    expect(r.people.map((p) => p.row)).toEqual([2, 6]);
    expect(r.unknownColumns).toEqual([{ column: 'D', header: '备注' }]);
    expect(r.warnings.filter((w) => w.message.includes('备注'))).toHaveLength(1);
    expect(r.people.every((p) => p.warnings.length === 0)).toBe(true);
    expect(r.lastColumnIndex).toBe(3);
  });

  it('skips totals and note rows under the table, reported once in the notices', () => {
    const r = readRoster([
      ['序号', '姓名', '身份证号', '2024年公需学时'],
      [1, '张三', ID_M, 30],
      ['合计', '', '', 30],
      ['注：本表由单位人事部门填写'],
      ['填表人：王五', '', '审核人：赵六'],
      [2, '', '', 10],
    ]);
    expect(r.people.map((p) => p.row)).toEqual([2, 6]);
    expect(r.people[1]?.errors[0]?.message).toBe('缺少身份证号');
    expect(r.skippedRows).toEqual([3, 4, 5].map((row) => ({ row, kind: 'footer' })));
    expect(r.notices).toEqual(['第3–5行为合计/签字/说明行，未作人员处理']);
    expect(r.warnings).toEqual([]);
  });

  it('warns about duplicate ID numbers on both rows', () => {
    const r = readRoster([
      ['姓名', '身份证号'],
      ['张三', ID_M],
      ['李四', ID_F],
      ['张三', ID_M.toLowerCase()],
    ]);
    expect(r.people[0]?.warnings[0]?.message).toBe(`身份证号 ${ID_M} 与第4行重复`);
    expect(r.people[2]?.warnings[0]?.message).toBe(`身份证号 ${ID_M} 与第2行重复`);
    expect(r.people[1]?.warnings).toEqual([]);
    expect(r.warnings.filter((w) => w.field === 'id')).toHaveLength(2);
    expect(r.people.every((p) => p.errors.length === 0)).toBe(true);
  });
});

describe('readRoster cell problems', () => {
  const header = ['姓名', '身份证号', '性别', '出生日期', '申报类型', '申报级别', '2024年公需学时', '2024年专业学时', '疫情防控一线', '基层一线'];
  function one(row: unknown[]): RosterRead['people'][number] {
    const r = readRoster([header, row as Grid[number]]);
    return r.people[0]!;
  }

  it('missing name is only a warning', () => {
    const p = one(['', ID_M]);
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([expect.objectContaining({ field: 'name', column: 'A', message: '缺少姓名' })]);
  });

  it('sex and birth columns must agree with the ID', () => {
    expect(one(['张三', ID_M, '男', '1998-11-11']).errors).toEqual([]);
    expect(one(['张三', ID_M, '男', 36110]).errors).toEqual([]); // serial 36110 = 1998-11-11
    const p = one(['张三', ID_M, '女', '1998/11/12']);
    expect(p.errors.map((e) => [e.field, e.column])).toEqual([
      ['sex', 'C'],
      ['birth', 'D'],
    ]);
    expect(p.errors[0]?.message).toMatch(/性别「女」与身份证号不符/);
    expect(p.errors[1]?.message).toBe('出生日期 1998-11-12 与身份证号不符（身份证号显示为 1998-11-11）');
  });

  it('bad hours are errors on their cell; blank hours are 0', () => {
    const p = one(['张三', ID_M, '', '', '', '', -1, 'abc']);
    expect(p.errors.map((e) => [e.field, e.column, e.value])).toEqual([
      ['hours:2024:public', 'G', '-1'],
      ['hours:2024:professional', 'H', 'abc'],
    ]);
    expect(one(['张三', ID_M, '', '', '', '', '', '三十']).errors[0]?.message).toMatch(/2024年专业学时应为数字/);
    expect(one(['张三', ID_M, '', '', '', '', 99999, '']).errors[0]?.message).toMatch(/过大/);
    expect(one(['张三', ID_M]).hours).toEqual({ 2024: { public: 0, professional: 0 } });
  });

  it('unknown 申报类型 and 申报级别 are errors; blank 申报级别 is not', () => {
    expect(one(['张三', ID_M, '', '', '随便']).errors[0]).toMatchObject({ field: 'purpose', column: 'E', value: '随便' });
    expect(one(['张三', ID_M, '', '', '职称评审', '特级']).errors[0]).toMatchObject({ field: 'level', column: 'F' });
    const p = one(['张三', ID_M, '', '', '职称评审', '']);
    expect(p.errors).toEqual([]);
    expect(p.level).toBeUndefined();
    // a blank cell holds no CellRef; its column is in the sheet's shared columns
    expect(p.cells.level).toBeUndefined();
    expect(p.columns?.level).toEqual({ column: 'F', header: '申报级别' });
  });

  it('a row\'s cells are plain data: a key per bound column, a CellRef per written cell, none for a column the sheet lacks', () => {
    const p = one(['张三', ID_M, '', '', '职称评审', '副高级']);
    expect(p.cells.name).toEqual({ row: 2, column: 'A', header: '姓名', value: '张三' });
    expect(p.cells.id).toEqual({ row: 2, column: 'B', header: '身份证号', value: ID_M });
    expect(p.cells.purpose).toEqual({ row: 2, column: 'E', header: '申报类型', value: '职称评审' });
    expect(p.cells.postGrade).toBeUndefined();
    expect('level' in p.cells).toBe(true);
    expect('postGrade' in p.cells).toBe(false);
    // plain data: own keys, the same object on every read, copies that keep everything
    expect(Object.keys(p.cells)).toEqual(expect.arrayContaining(['name', 'id', 'purpose', 'level']));
    expect(p.cells.id).toBe(p.cells.id);
    expect(JSON.parse(JSON.stringify(p.cells))).toEqual({ name: p.cells.name, id: p.cells.id, purpose: p.cells.purpose, level: p.cells.level });
    expect(structuredClone(p.cells)).toEqual(p.cells);
    // the columns are one frozen object shared by the sheet's people
    expect(Object.isFrozen(p.columns)).toBe(true);
  });

  it('the people of one sheet share one columns object; a blank required cell still gets its column in the error', () => {
    const r = readRoster([
      ['姓名', '身份证号', '单位', '性别', '申报类型', '申报级别'],
      ['张三', ID_M, '', '', '职称评审', '中级'],
      ['李四', ID_F, '', '', '职称评审', ''],
    ]);
    expect(r.people[0]!.columns).toBe(r.people[1]!.columns);
    expect(r.people[1]!.cells.level).toBeUndefined();
  });

  it('疫情防控一线: 是, year lists, 否', () => {
    expect(one(['张三', ID_M, '', '', '', '', '', '', '是']).epidemic).toEqual({ flagged: true, years: [] });
    expect(one(['张三', ID_M, '', '', '', '', '', '', '2022、2023']).epidemic).toEqual({ flagged: true, years: [2022, 2023] });
    expect(one(['张三', ID_M, '', '', '', '', '', '', 2022]).epidemic).toEqual({ flagged: true, years: [2022] });
    expect(one(['张三', ID_M, '', '', '', '', '', '', '否']).epidemic).toBeUndefined();
    expect(one(['张三', ID_M, '', '', '', '', '', '', '']).epidemic).toBeUndefined();
    expect(one(['张三', ID_M, '', '', '', '', '', '', '前年']).errors[0]?.field).toBe('epidemic');
  });

  it('yes/no variants', () => {
    for (const v of ['是', 'Y', '√', 'true', 1, true]) expect(one(['张三', ID_M, '', '', '', '', '', '', '', v]).grassroots).toBe(true);
    for (const v of ['否', 'N', '×', 'false', 0, false]) expect(one(['张三', ID_M, '', '', '', '', '', '', '', v]).grassroots).toBe(false);
  });

  it('ID numbers stored as numbers by Excel', () => {
    const p = one(['张三', 152502198503121121]);
    expect(p.errors[0]).toMatchObject({ field: 'id', column: 'B' });
    expect(p.errors[0]?.message).toMatch(/文本/);
    expect(one(['张三', '1.52502E+17']).errors[0]?.message).toMatch(/文本/);
  });

  it('15-digit IDs are accepted with a warning; impossible dates are errors', () => {
    const p = one(['张三', 152502850312113]);
    expect(p.errors).toEqual([]);
    expect(p.birth).toEqual({ year: 1985, month: 3, day: 12 });
    expect(p.warnings[0]?.message).toMatch(/15位旧身份证号/);
    expect(one(['张三', withCheck('15250219990230123')]).errors[0]?.message).toBe('身份证号中的出生日期不存在：1999-02-30');
    expect(one(['张三', '1525021985031211']).errors[0]?.message).toBe('身份证号应为18位（或15位旧号），实为16位');
  });
});

describe('readRecords', () => {
  it('reads the alxa records file', () => {
    const r = readRecords(csvGrid('alxa-2025.records.csv'), { sheetName: 'alxa-2025.records.csv' });
    expect(r.issues).toEqual([]);
    expect(r.records).toHaveLength(28);
    expect(r.records[0]).toEqual({
      row: 2,
      source: 'alxa-2025.records.csv',
      id: '152921198502023133',
      creditYear: 2023,
      category: 'public',
      kind: '网络培训',
      hours: 30,
      date: { year: 2025, month: 3, day: 1 },
      day: 20250301,
    });
    expect(r.records.find((x) => x.minutes !== undefined)).toMatchObject({ minutes: 2700, kind: '面授培训', category: 'professional' });
    const exam = r.records.find((x) => x.kind === '职业资格考试');
    expect(exam).toBeDefined();
    expect(exam?.hours).toBeUndefined();
  });

  it('keeps bad records of a known person as unusable (with the reason), reports them, keeps the others', () => {
    const grid: Grid = [
      ['培训记录'],
      ['身份證號', '學年度', '類別', '形式', '學時', '分鐘', '半天', '完成日期', '是否備案'],
      [ID_M, '', '专业', '面授培训', 8, '', '', '2024年5月6日', '是'], // year from date
      [ID_M, '', '专业', '面授培训', 8, '', '', '', ''], // no year → error
      [ID_M, 2024, '专业', '跳舞', 8, '', '', '', ''], // unknown kind
      [ID_M, 2024, '专业', '面授培训', 8, 480, '', '', ''], // two amounts
      [ID_M, 2024, '专业', '面授培训', '', '', '', '', ''], // none
      [ID_M, 2024, '专业', '职称外语计算机考试', '', '', '', 45356, '否'], // exam: no amount ok
      [ID_M, 2024, '专业', '实践考察', '', '', 2, '', ''],
      [ID_M, 2024, '其他', '网络培训', 3, '', '', '', ''], // bad category
      [],
    ];
    const r = readRecords(grid, { sheetName: '培训记录' });
    expect(r.headerRow).toBe(2);
    const usable = r.records.filter((x) => x.unusable === undefined);
    expect(usable.map((x) => x.row)).toEqual([3, 8, 9]);
    expect(usable[0]).toMatchObject({ creditYear: 2024, filed: true, date: { year: 2024, month: 5, day: 6 } });
    expect(usable[1]).toMatchObject({ kind: '职称外语计算机考试', filed: false, date: { year: 2024, month: 3, day: 5 } });
    expect(usable[2]).toMatchObject({ kind: '实践考察', halfDays: 2 });
    expect(usable[2]?.hours).toBeUndefined();
    const unusable = r.records.filter((x) => x.unusable !== undefined);
    expect(unusable.map((x) => x.row)).toEqual([4, 5, 6, 7, 10]);
    expect(unusable.find((x) => x.row === 5)).toMatchObject({ kindText: '跳舞', unusable: expect.stringMatching(/^形式（D列）：无法识别的形式「跳舞」/) });
    expect(unusable.find((x) => x.row === 4)?.unusable).toMatch(/缺少学年度/);
    // an unusable record carries no amount, so nothing can credit it
    expect(unusable.every((x) => x.hours === undefined && x.minutes === undefined && x.halfDays === undefined)).toBe(true);
    expect(r.issues.map((i) => [i.row, i.field])).toEqual([
      [4, 'creditYear'],
      [5, 'kind'],
      [6, 'minutes'],
      [7, 'hours'],
      [10, 'category'],
    ]);
    expect(r.issues.every((i) => i.column && i.message.startsWith('培训记录 第'))).toBe(true);
  });
});

describe('never throws', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
    fc.constantFrom('身份证号', '姓名', '2024年公需学时', '申报类型', '疫情防控一线', '形式', '学时', '分钟', '学年度', ID_M, '是', '十级', '2022、2023'),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 15 });
  it('readRoster and readRecords on random grids', () => {
    fc.assert(
      fc.property(grid, fc.integer({ min: -3, max: 50 }), (g, firstRow) => {
        const r = readRoster(g, { firstRow });
        const rr = readRecords(g, { firstRow });
        expect(Array.isArray(r.people)).toBe(true);
        expect(Array.isArray(rr.records)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
  it('survives sparse and non-array rows', () => {
    const g = [undefined, ['身份证号', '姓名'], [, ID_M], 5, [ID_M]] as unknown as Grid;
    expect(() => readRoster(g)).not.toThrow();
    expect(() => readRecords(g)).not.toThrow();
    expect(() => readRoster(null as unknown as Grid)).not.toThrow();
  });
});

describe('browser safety', () => {
  it('no node: imports in non-test sources', () => {
    for (const f of readdirSync(import.meta.dirname).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const src = readFileSync(join(import.meta.dirname, f), 'utf8');
      expect(src, f).not.toMatch(/from ['"](node:|fs|path)/);
    }
  });
});

describe('duplicate ID numbers in a large group', () => {
  it('each row names at most ten others and the count, so a big group stays linear', () => {
    const header = ['姓名', '身份证号', '2024年公需学时', '2024年专业学时'];
    const rows = Array.from({ length: 30 }, (_, i) => [`人${i}`, '152502198503121121', 30, 60]);
    const read = readRoster([header, ...rows]);
    const first = read.people[0]!.warnings.find((w) => w.message.includes('重复'))!;
    expect(first.message).toBe('身份证号 152502198503121121 与第3、4、5、6、7、8、9、10、11、12行等共29行重复');
    const small = readRoster([header, ...rows.slice(0, 3)]);
    expect(small.people[1]!.warnings.find((w) => w.message.includes('重复'))!.message).toBe('身份证号 152502198503121121 与第2、4行重复');
  });
});
