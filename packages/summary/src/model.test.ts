import { describe, expect, it } from 'vitest';
import { buildSummary, costOf, NO_UNIT } from './model.js';
import { maskId, fmtHours } from './format.js';
import { pack, remedy, result } from './fixtures.js';

const asOf = { year: 2024, month: 12, day: 31 };
const on = { year: 2024, month: 11, day: 1 };

describe('maskId', () => {
  it('keeps the first 6 and last 4', () => {
    expect(maskId('152921199001011234')).toBe('152921********1234');
    expect(maskId('15292119900101X')).toBe('152921*****101X');
    expect(maskId('12345')).toBe('*****');
    expect(maskId('')).toBe('');
  });
});

describe('numbers', () => {
  it('shows hours to at most one decimal', () => {
    expect(fmtHours(10.04)).toBe('10');
    expect(fmtHours(2.25)).toBe('2.3');
  });
});

describe('costOf', () => {
  it('sells public hours in 30-hour packages and professional by the hour', () => {
    const f = { publicPer30Hours: 75, professionalPerHour: 2.5 };
    expect(costOf({ total: 30, public: 10, professional: 20 }, f)).toEqual({ publicPackages: 1, public: 75, professional: 50, total: 125 });
    expect(costOf({ total: 60, public: 60, professional: 0 }, f).total).toBe(150);
    expect(costOf({ total: 0, public: 0, professional: 0 }, f).total).toBe(0);
  });
});

describe('buildSummary', () => {
  const results = [
    result(3, 'compliant'),
    result(4, 'non-compliant', {
      name: '李强',
      missing: { total: 20, public: 0, professional: 20 },
      years: [{ year: 2024, required: { public: 30, professional: 60 }, credited: { public: 30, professional: 40 } }],
      rules: [{ key: 'nm-2017/art11', text: '每年公需30学时、专业60学时。其余说明' }],
      excluded: [{ row: 9, source: '培训记录', kind: '网络培训', year: 2024, hours: 10, reason: '完成日期在培训时间之外', key: 'xilingol-2024/2' }],
      remedy: remedy({ closable: { public: 0, professional: 20 }, cost: 50 }),
    }),
    result(5, 'not-restrictive', { missing: { total: 40, public: 10, professional: 30 }, remedy: remedy({ closable: { public: 10, professional: 30 }, cost: 150 }) }),
    result(6, 'not-restrictive'),
    result(7, 'exempt', { reliefs: [{ key: 'xilingol-2024/6.1', text: '男满55周岁，免除' }] }),
    result(8, 'invalid', {
      id: '15292119900101123X',
      errors: [{ field: 'id', row: 8, column: 'C', header: '身份证号', value: '15292119900101123X', message: '身份证号校验位错误' }],
    }),
  ];
  const people = [
    { row: 3, unit: '乙单位' },
    { row: 4, unit: '甲单位', purpose: 'title' as const },
    { row: 5, unit: '甲单位' },
    { row: 6, unit: '  ' },
    { row: 7, unit: '乙单位' },
    { row: 8, unit: '甲单位' },
  ];
  const m = buildSummary(results, pack(), { reviewYear: 2024, asOf, generatedOn: on, people });

  it('totals by status; missing hours of 未达标 rows, 不作限制 apart for reference', () => {
    expect(m.totals.people).toBe(6);
    expect(m.totals.counts).toEqual({ compliant: 1, 'non-compliant': 1, exempt: 1, 'not-restrictive': 2, invalid: 1 });
    expect(m.totals.missing).toEqual({ total: 20, public: 0, professional: 20 });
    expect(m.totals.referenceMissing).toEqual({ total: 40, public: 10, professional: 30 });
  });

  it('groups by unit with a row for people without one', () => {
    expect(m.units.map((u) => u.unit)).toEqual(['甲单位', '乙单位', NO_UNIT]);
    const a = m.units[0]!;
    expect(a.people).toBe(3);
    expect(a.counts['non-compliant']).toBe(1);
    expect(a.counts.invalid).toBe(1);
    expect(a.missing.total).toBe(20);
    expect(a.referenceMissing.total).toBe(40);
    // the 不作限制 row's fee (150) is not charged
    expect(a.cost).toBe(50);
  });

  it('lists 未达标 and 不作限制 apart, with reasons and costs', () => {
    expect(m.shortfalls.map((s) => s.row)).toEqual([4]);
    expect(m.notRestrictive.map((s) => s.row)).toEqual([5, 6]);
    expect(m.notRestrictive[0]!.cost).toBeUndefined();
    const s = m.shortfalls[0]!;
    expect(s.name).toBe('李强');
    expect(s.id).toBe('152921********1234');
    expect(s.years[0]!.short).toEqual({ public: 0, professional: 20 });
    expect(s.reasons.map((r) => r.key)).toEqual(['xilingol-2024/2', 'nm-2017/art11']);
    expect(s.reasons[0]!.text).toContain('培训记录第9行');
    expect(s.reasons[1]!.text).toBe('每年公需30学时、专业60学时。');
    expect(s.cost).toBe(50);
    expect(m.fees?.total).toBe(50);
    // the result carries no purpose here: the roster's 申报类型 is used
    expect(s.purposeLabel).toBe('职称评审');
  });

  it('names the cell to fix for invalid rows', () => {
    expect(m.invalid).toHaveLength(1);
    expect(m.invalid[0]!.fixes[0]).toMatchObject({ cell: 'C8', header: '身份证号', message: '身份证号校验位错误' });
    expect(m.invalid[0]!.id).toBe('152921********123X');
    expect(m.invalid[0]!.fixes[0]!.value).toBe('152921********123X');
  });

  it('gives the window end with days left and make-up years', () => {
    expect(m.window?.daysLeft).toBe(60);
    expect(m.window?.makeUpYears).toEqual([2021, 2022, 2023]);
    expect(m.window?.text).toContain('距截止还有 60 天');
    expect(m.title).toBe('2024年度专业技术人员继续教育学时汇总表');
    expect(m.basis).toBe('依据：《锡林郭勒盟2024年度专业技术人员继续教育》（锡人社办发〔2024〕1号，2024年1月10日）');
    expect(m.subtitle).toContain('制表日期 2024年11月1日');
  });

  it('shows full IDs only when asked', () => {
    const full = buildSummary(results, pack(), { reviewYear: 2024, asOf, showId: true });
    expect(full.shortfalls[0]!.id).toBe('152921199001011234');
    expect(full.idsMasked).toBe(false);
    expect(full.generatedOn).toEqual(asOf);
  });

  it('shows a deadline and omits fees when the pack has none', () => {
    const p = pack({ id: 'nm-2018', fees: undefined, window: undefined, deadline: { date: '2018-05-31', key: 'nm-2018/3.5', label: '区直单位审验截止' } });
    const s = buildSummary(results, p, { reviewYear: 2018, asOf: { year: 2018, month: 6, day: 1 } });
    expect(s.fees).toBeUndefined();
    expect(s.window).toBeUndefined();
    expect(s.deadline).toMatchObject({ daysLeft: -1, passed: true });
    expect(s.shortfalls[0]!.cost).toBeUndefined();
  });
});
