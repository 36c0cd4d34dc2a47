import { describe, expect, it } from 'vitest';
import { expectOutcome, keysOf, person, record, run, title } from '../test-support.js';

const full = { 2016: [30, 60], 2017: [30, 60], 2018: [30, 60] } as Record<number, [number, number]>;

describe('nm-2018', () => {
  it('nm-2018/3.1: senior and intermediate title review requires the recent three years', () => {
    const r = run('nm-2018', person(title('senior-deputy', { hours: { ...full, 2016: [0, 0] } })));
    expectOutcome(r, 'non-compliant', [90, 30, 60]);
    expect(r.years.map((y) => y.year)).toEqual([2016, 2017, 2018]);
    expect(keysOf(r)).toContain('nm-2018/3.1');
  });

  it('nm-2018/3.1: the title and assessment rules apply region-wide, whatever the unit; only the audit deadline (3.5) speaks of 区直 units (r3.20)', () => {
    for (const unit of ['内蒙古自治区人民医院', '某旗第一中学', undefined]) {
      const r = run('nm-2018', person(title('senior-deputy', { hours: { ...full, 2017: [30, 0] }, ...(unit ? { unit } : {}) })));
      expectOutcome(r, 'non-compliant', [60, 0, 60]);
      expect(r.years.map((y) => y.year), String(unit)).toEqual([2016, 2017, 2018]);
      expect(r.warnings.filter((w) => w.message.includes('区直'))).toEqual([]);
    }
    const late = run('nm-2018', person({ unit: '某旗第一中学', hours: { 2018: [30, 0] } }), [record({ kind: '面授培训', category: 'professional', hours: 60, date: '2018-09-01' })]);
    expect(late.warnings.find((w) => w.key === 'nm-2018/3.5')?.message).toContain('区直单位');
  });

  it('nm-2018/3.1: junior title review (初级, 助理级, 员级) requires the review year only', () => {
    for (const level of ['junior', 'assistant', 'clerk'] as const) {
      const r = run('nm-2018', person(title(level, { hours: { 2018: [30, 60] } })));
      expectOutcome(r, 'compliant', [0, 0, 0]);
      expect(r.years.map((y) => y.year)).toEqual([2018]);
    }
  });

  it('nm-2018/3.1: title review without 申报级别 is invalid and names the column', () => {
    const p = person({ purpose: 'title', cells: { level: { row: 9, column: 'H', header: '申报级别', value: '' } } });
    const r = run('nm-2018', p);
    expectOutcome(r, 'invalid');
    expect(r.errors[0]).toMatchObject({ column: 'H', header: '申报级别' });
  });

  it('nm-2018/3.2: assessment by education: 专科 two years, 本科 one, 硕士 two', () => {
    const a = (education: '专科' | '本科' | '硕士') => run('nm-2018', person({ purpose: 'assessment', education, hours: { 2018: [30, 60] } }));
    expectOutcome(a('专科'), 'non-compliant', [90, 30, 60]);
    expectOutcome(a('本科'), 'compliant', [0, 0, 0]);
    expectOutcome(a('硕士'), 'non-compliant', [90, 30, 60]);
  });

  it('nm-2018/3.2: 博士 is not mentioned; no waiting period means no hours (exempt), marked as an interpretation (r3.5)', () => {
    const r = run('nm-2018', person({ purpose: 'assessment', education: '博士' }));
    expectOutcome(r, 'exempt', [0, 0, 0]);
    expect(r.interpretations!.map((i) => i.key)).toContain('nm-2018/3.2');
    expect(r.interpretations!.find((i) => i.key === 'nm-2018/3.2')!.text).toContain('博士认定中级无等待年限');
  });

  it('nm-2018/3.2: no usable 学历 and no 认定年限 makes the row invalid; 认定年限 alone is used', () => {
    expectOutcome(run('nm-2018', person({ purpose: 'assessment' })), 'invalid');
    const r = run('nm-2018', person({ purpose: 'assessment', assessYears: 1, hours: { 2018: [30, 60] } }));
    expectOutcome(r, 'compliant');
  });

  it('nm-2018/3.3: a vocational-qualification exam counts 30 professional hours in the result year', () => {
    const r = run('nm-2018', person(title('intermediate', { hours: { ...full, 2018: [30, 30] }, qualExamYears: [2018] })));
    expectOutcome(r, 'compliant', [0, 0, 0]);
    const rec = run('nm-2018', person(title('intermediate', { hours: { ...full, 2018: [30, 20] } })), [record({ kind: '职业资格考试', creditYear: 2018 })]);
    expectOutcome(rec, 'non-compliant', [10, 0, 10]);
  });

  it('nm-2018/3.3: title foreign-language/computer exams count 30 professional hours per year listed', () => {
    const r = run('nm-2018', person({ purpose: 'assessment', education: '本科', hours: { 2018: [30, 0] }, titleExamYears: [2018] }));
    expectOutcome(r, 'non-compliant', [30, 0, 30]);
    expect(keysOf(r)).toContain('nm-2018/3.3');
  });

  it('nm-2018/3.4: men from 55 and women from 50 are exempt for title review', () => {
    const man = run('nm-2018', person(title('senior-full', { sex: 'M', birth: '1963-12-31' })));
    expectOutcome(man, 'exempt', [0, 0, 0]);
    expect(man.reliefs[0]!.key).toBe('nm-2018/3.4');
    const woman49 = run('nm-2018', person(title('senior-full', { sex: 'F', birth: '1969-01-01' })));
    expect(woman49.status).not.toBe('exempt');
  });

  it('nm-2018/3.4: men from 50 and women from 45 need one third, pooled per category over the window', () => {
    // women 46: 2016 0/0, 2017 20/30 → needs 30 public + 60 professional in all
    const r = run('nm-2018', person(title('senior-deputy', { sex: 'F', birth: '1972-03-01', hours: { 2017: [20, 30] } })));
    expectOutcome(r, 'non-compliant', [40, 10, 30]);
    expect(r.explanation!.join('\n')).toContain('1/3');
  });

  it('nm-2018/3.4: the annual check applies no age relief but notes it', () => {
    const r = run('nm-2018', person({ sex: 'M', birth: '1960-01-01' }));
    expectOutcome(r, 'non-compliant', [90, 30, 60]);
    expect(r.notes!.some((n) => n.key === 'nm-2018/3.4' && n.message.startsWith('若申报职称评审'))).toBe(true);
  });

  it('nm-2018/3.5: the audit deadline is a date in the pack, not a filter on records', async () => {
    const { nm2018 } = await import('./index.js');
    expect(nm2018.deadline).toMatchObject({ date: '2018-05-31', key: 'nm-2018/3.5' });
    const r = run('nm-2018', person(), [
      record({ kind: '网络培训', category: 'public', hours: 30, date: '2018-09-01' }),
      record({ kind: '网络培训', category: 'professional', hours: 60, date: '2018-10-01' }),
    ]);
    expectOutcome(r, 'compliant');
  });

  it('nm-2018/4.2: hours verified anywhere in the region count (no jurisdiction filter)', () => {
    const r = run('nm-2018', person({ hours: { 2018: [30, 0] } }), [record({ kind: '面授培训', category: 'professional', hours: 60, date: '2018-06-01', source: '包头市平台导出' })]);
    expectOutcome(r, 'compliant');
  });

  it('nm-2018 has no post-appointment rule: such a row is invalid', () => {
    const r = run('nm-2018', person({ purpose: 'post', postGrade: 8 }));
    expectOutcome(r, 'invalid');
    expect(r.errors[0]!.message).toContain('岗位聘任');
  });

  it('nm-2018 counts no vocational-skill training, even for high-skill talents', () => {
    const r = run('nm-2018', person({ highSkill: true, hours: { 2018: [30, 0] } }), [record({ kind: '职业技能培训', hours: 60, date: '2018-06-01' })]);
    expectOutcome(r, 'non-compliant', [60, 0, 60]);
  });
});
