import { describe, expect, it } from 'vitest';
import type { EvaluationResult, Status } from '@ce/rules';
import { buildSummary, unitFromTitleRows } from './model.js';
import { maskIdsInText } from './format.js';
import { pack, remedy, result } from './fixtures.js';

const asOf = { year: 2024, month: 12, day: 31 };
const on = { year: 2024, month: 11, day: 20 };
const missing = (pub: number, prof: number) => ({ total: pub + prof, public: pub, professional: prof });

/** A small roster with every status, remedies as the evaluator gives them, in two units. */
function roster(): { results: EvaluationResult[]; people: { row: number; unit: string }[] } {
  const results: EvaluationResult[] = [
    // closable professional 20, 41 days left: 50 元
    result(2, 'non-compliant', { name: '甲一', missing: missing(0, 20), remedy: remedy({ closable: { public: 0, professional: 20 }, cost: 50 }) }),
    // 2021 gap closed, 2024 public closable; fewer days left than row 2 (another window, e.g. by --as-of)
    result(3, 'non-compliant', {
      name: '甲二',
      missing: missing(40, 0),
      remedy: remedy({ closable: { public: 10, professional: 0 }, closed: { public: 30, professional: 0 }, daysLeft: 5, cost: 75, where: [{ category: 'public', name: '公需课平台' }] }),
    }),
    // everything closed: nothing to do, no notice
    result(4, 'non-compliant', { name: '乙一', missing: missing(0, 60), remedy: remedy({ closed: { public: 0, professional: 60 }, daysLeft: 41, cost: 0 }) }),
    // unknown: the pack states no window
    result(5, 'non-compliant', { name: '乙二', missing: missing(30, 0), remedy: remedy({ closable: null, closed: null, unknown: true, by: null, daysLeft: null, cost: null, where: [] }) }),
    // 不作限制 with a remedy: listed for reference, never charged
    result(6, 'not-restrictive', { name: '丙一', missing: missing(30, 60), remedy: remedy({ closable: { public: 30, professional: 60 }, cost: 225 }) }),
    result(7, 'exempt', { name: '丁一', reliefs: [{ key: 'xilingol-2024/6.1', text: '男满55周岁，免除学时要求' }] }),
    result(8, 'compliant'),
    // more closable hours than row 2 with the same days left: comes before it
    result(9, 'non-compliant', { name: '甲三', missing: missing(30, 30), remedy: remedy({ closable: { public: 30, professional: 30 }, cost: 150 }) }),
  ];
  const people = results.map((r) => ({ row: r.row, unit: r.row <= 3 || r.row === 9 ? '甲局' : '乙局' }));
  return { results, people };
}

describe('行动清单 from the results’ remedy', () => {
  const { results, people } = roster();
  const m = buildSummary(results, pack(), { reviewYear: 2024, asOf, generatedOn: on, people, unit: '锡林浩特市人社局' });

  it('carries each remedy’s figures unchanged', () => {
    for (const a of m.actions.items) {
      const r = results.find((x) => x.row === a.row)!;
      expect(a.closable).toEqual(r.remedy!.closable);
      expect(a.closed).toEqual(r.remedy!.closed);
      expect(a.daysLeft).toBe(r.remedy!.daysLeft);
      expect(a.unknown).toBe(r.remedy!.unknown);
      expect(a.where.map((w) => w.name)).toEqual(r.remedy!.where.map((w) => w.name));
      expect(a.cost).toBe(r.status === 'non-compliant' ? r.remedy!.cost : null);
    }
    expect(m.actions.items).toHaveLength(results.filter((r) => r.remedy).length);
  });

  it('puts the most urgent first: fewest days left, then most closable hours; 不作限制 after the binding rows', () => {
    expect(m.actions.items.map((a) => a.row)).toEqual([3, 9, 2, 4, 5, 6]);
  });

  it('sums per unit and in total over binding rows only', () => {
    const t = m.actions.totals;
    expect(t.people).toBe(6);
    expect(t.mustAct).toBe(4); // rows 2, 3, 5, 9
    expect(t.closable).toEqual({ public: 40, professional: 50 });
    expect(t.closed).toEqual({ public: 30, professional: 60 });
    expect(t.cost).toBe(50 + 75 + 150);
    expect(m.actions.units.map((u) => [u.unit, u.people, u.cost])).toEqual([
      ['甲局', 3, 275],
      ['乙局', 3, 0],
    ]);
    expect(m.fees!.total).toBe(t.cost);
    expect(m.fees!.complete).toBe(true);
    expect(m.units.reduce((s, u) => s + (u.cost ?? 0), 0)).toBe(t.cost);
  });

  it('says what to do in words, and what can no longer be made up', () => {
    const a3 = m.actions.items.find((a) => a.row === 3)!;
    expect(a3.todo.join('\n')).toContain('须补学公需 10 学时，2024年12月31日前完成');
    expect(a3.todo.join('\n')).toContain('按本通知已无法补学：公需 30 学时');
    expect(a3.todo.join('\n')).toContain('公需科目：公需课平台');
    expect(a3.todo.join('\n')).toContain('补学费用约 75.00 元');
    expect(m.actions.items.find((a) => a.row === 5)!.todo[0]).toContain('按当地安排');
  });

  it('makes one notice per person who must still do something', () => {
    expect(m.notices.map((n) => n.row)).toEqual([3, 9, 2, 5]);
    expect(m.notices.every((n) => n.id === '152921********1234')).toBe(true);
  });

  it('keeps every list the length of its count', () => {
    const c = m.totals.counts;
    expect(m.shortfalls).toHaveLength(c['non-compliant']);
    expect(m.notRestrictive).toHaveLength(c['not-restrictive']);
    expect(m.exempt).toHaveLength(c.exempt);
    expect(m.invalid).toHaveLength(c.invalid);
    for (const s of ['compliant', 'non-compliant', 'exempt', 'not-restrictive', 'invalid'] as Status[]) {
      expect(m.units.reduce((n, u) => n + u.counts[s], 0)).toBe(c[s]);
    }
    expect(m.units.reduce((n, u) => n + u.missing.total, 0)).toBe(m.totals.missing.total);
    expect(m.shortfalls.reduce((n, s) => n + s.missing.total, 0)).toBe(m.totals.missing.total);
  });

  it('lists 免除 with the relief that applies', () => {
    expect(m.exempt).toEqual([expect.objectContaining({ row: 7, name: '丁一', reliefs: [{ kind: 'relief', key: 'xilingol-2024/6.1', text: '男满55周岁，免除学时要求' }] })]);
  });

  it('titles the summary with the 填报单位 and carries the signature block', () => {
    expect(m.title).toBe('锡林浩特市人社局2024年度专业技术人员继续教育学时汇总表');
    expect(m.heading).toEqual(['锡林浩特市人社局', '2024年度专业技术人员继续教育学时汇总表']);
    expect(m.unit).toBe('锡林浩特市人社局');
    expect(m.signature).toEqual(['填报单位（盖章）', '填表人', '审核人', '日期']);
    const none = buildSummary(results, pack(), { reviewYear: 2024, asOf });
    expect(none.title).toBe('2024年度专业技术人员继续教育学时汇总表');
    expect(none.unit).toBeUndefined();
  });

  it('has no software wording in its notes', () => {
    expect(m.notes.join('')).not.toMatch(/评估器|Chromium|ce-report/);
  });

  it('works on results without a remedy (before rules revision 3): no fee, listed as to be confirmed', () => {
    const plain = buildSummary([result(2, 'non-compliant', { missing: missing(10, 0) })], pack(), { reviewYear: 2024, asOf });
    expect(plain.actions.items[0]).toMatchObject({ hasRemedy: false, mustAct: true, cost: null });
    expect(plain.shortfalls[0]!.cost).toBeUndefined();
    expect(plain.fees!.total).toBe(0);
    // the total is said to be incomplete rather than shown as a plain 0
    expect(plain.fees!.complete).toBe(false);
    expect(plain.actions.items[0]!.todo[0]).toBe('缺公需 10 学时；能否补学须按当地安排确认');
  });
});

describe('deadlines calendar', () => {
  it('lists the pack’s deadlines by date with days left', () => {
    const p = Object.assign(pack(), {
      deadlines: [
        { date: '2024-12-31', what: '培训时间（含补学）截止', key: 'xilingol-2024/2' },
        { date: '2024-01-31', what: '各单位报送专业技术人员培训计划', key: 'xilingol-2024/7.2' },
      ],
    });
    const m = buildSummary([], p, { reviewYear: 2024, asOf, generatedOn: on });
    expect(m.deadlines.map((d) => [d.key, d.daysLeft, d.passed])).toEqual([
      ['xilingol-2024/7.2', -294, true],
      ['xilingol-2024/2', 41, false],
    ]);
    expect(m.deadlines[1]!.text).toBe('培训时间（含补学）截止：2024年12月31日（还有 41 天）');
    expect(m.deadline?.key).toBe('xilingol-2024/2');
  });

  it('falls back to the pack’s one deadline and window end when it has no list', () => {
    const m = buildSummary([], pack({ deadline: { date: '2024-06-30', key: 'k/1', label: '审验截止' } }), { reviewYear: 2024, asOf, generatedOn: on });
    expect(m.deadlines.map((d) => d.key)).toEqual(['k/1', 'xilingol-2024/2']);
  });
});

describe('unitFromTitleRows', () => {
  it('reads 填报单位 from a title row, in the same cell or the next', () => {
    expect(unitFromTitleRows([['2024年度专业技术人员继续教育学时登记表'], ['填报单位：锡林郭勒盟医院', '', '填表日期：2024-11-20']])).toBe('锡林郭勒盟医院');
    expect(unitFromTitleRows([['单位名称:', '', '二连浩特市第一中学']])).toBe('二连浩特市第一中学');
    expect(unitFromTitleRows([['2024年度专业技术人员继续教育学时登记表']])).toBeUndefined();
  });
});

describe('maskIdsInText', () => {
  it('masks 18- and 15-digit IDs inside a message, and nothing else', () => {
    expect(maskIdsInText('培训记录中的身份证号 15292119900101123X 不在花名册中（记录第12行）')).toBe('培训记录中的身份证号 152921********123X 不在花名册中（记录第12行）');
    expect(maskIdsInText('旧号 152921900101123，电话 13800001111')).toBe('旧号 152921*****1123，电话 13800001111');
  });
});
