import { describe, expect, it } from 'vitest';
import { expectOutcome, keysOf, person, record, run, title } from '../test-support.js';

const full = { 2022: [30, 60], 2023: [30, 60], 2024: [30, 60] } as Record<number, [number, number]>;

describe('xilingol-2024', () => {
  it('xilingol-2024/2: online training of 2024 completed outside 2024-01-15..2024-12-31 does not count', () => {
    const r = run('xilingol-2024', person({ hours: { 2024: [0, 60] } }), [
      record({ kind: '网络培训', category: 'public', hours: 30, date: '2024-01-14' }),
      record({ kind: '网络培训', category: 'public', hours: 10, date: '2024-01-15' }),
    ]);
    expectOutcome(r, 'non-compliant', [20, 20, 0]);
    expect(r.excluded[0]).toMatchObject({ key: 'xilingol-2024/2', hours: 30 });
  });

  it('xilingol-2024/2: make-up of 2021–2023 inside the window counts; other years do not', () => {
    const r = run('xilingol-2024', person(title('intermediate', { hours: { 2022: [30, 60], 2024: [30, 60] } })), [
      record({ kind: '网络培训', category: 'public', creditYear: 2023, hours: 30, date: '2024-03-01' }),
      record({ kind: '网络培训', category: 'professional', creditYear: 2023, hours: 60, date: '2024-03-01' }),
      record({ kind: '网络培训', category: 'professional', creditYear: 2020, hours: 60, date: '2024-03-01' }),
    ]);
    expectOutcome(r, 'compliant');
    expect(r.excluded).toHaveLength(1);
    expect(r.excluded[0]!.reason).toContain('可补学年度');
  });

  it('xilingol-2024/2: other kinds of 2024 are not held to the window; undated online records warn', () => {
    const r = run('xilingol-2024', person(), [
      record({ kind: '面授培训', category: 'public', hours: 30, date: '2024-01-02' }),
      record({ kind: '网络培训', category: 'professional', hours: 60, creditYear: 2024 }),
    ]);
    expectOutcome(r, 'compliant');
    expect(r.warnings.some((w) => w.key === 'xilingol-2024/2')).toBe(true);
  });

  it('xilingol-2024/5.1: senior/intermediate title and post grade 1–10 require the recent three years', () => {
    expectOutcome(run('xilingol-2024', person(title('senior-full', { hours: { 2024: [30, 60] } }))), 'non-compliant', [180, 60, 120]);
    const post = run('xilingol-2024', person({ purpose: 'post', postGrade: 10, hours: full }));
    expectOutcome(post, 'compliant');
    expect(post.years).toHaveLength(3);
  });

  it('xilingol-2024/5.1: junior title and post grade 11–13 require 2024 only', () => {
    expectOutcome(run('xilingol-2024', person(title('junior', { hours: { 2024: [30, 60] } }))), 'compliant');
    expectOutcome(run('xilingol-2024', person({ purpose: 'post', postGrade: 12, hours: { 2024: [30, 30] } })), 'non-compliant', [30, 0, 30]);
  });

  it('xilingol-2024/5.1: post appointment with grade missing or outside 1–13 is invalid', () => {
    expectOutcome(run('xilingol-2024', person({ purpose: 'post' })), 'invalid');
    expectOutcome(run('xilingol-2024', person({ purpose: 'post', postGrade: 14 })), 'invalid');
  });

  it('xilingol-2024/5.2: assessment uses 认定年限 N years', () => {
    const r = run('xilingol-2024', person({ purpose: 'assessment', education: '本科', assessYears: 2, hours: { 2024: [30, 60] } }));
    expectOutcome(r, 'non-compliant', [90, 30, 60]);
  });

  it('xilingol-2024/5.2: blank 认定年限 is invalid, naming the column; no city defaults are borrowed (r3.6)', () => {
    const r = run('xilingol-2024', person({ purpose: 'assessment', education: '硕士', hours: { 2023: [30, 60], 2024: [30, 60] } }));
    expectOutcome(r, 'invalid');
    expect(r.errors[0]!.header).toBe('认定年限');
    expect(r.errors[0]!.message).toContain('未规定默认年限');
    const two = run('xilingol-2024', person({ purpose: 'assessment', assessYears: 2, hours: { 2023: [30, 60], 2024: [30, 60] } }));
    expectOutcome(two, 'compliant');
    expect(two.years.map((y) => y.year)).toEqual([2023, 2024]);
    expectOutcome(run('xilingol-2024', person({ purpose: 'assessment', education: '博士' })), 'invalid');
    expectOutcome(run('xilingol-2024', person({ purpose: 'assessment', postdoc: true, level: 'senior-full' })), 'exempt', [0, 0, 0]);
  });

  it('xilingol-2024/6.1: age exemption covers title review and post appointment', () => {
    expectOutcome(run('xilingol-2024', person(title('senior-full', { sex: 'M', birth: '1968-01-15' }))), 'exempt', [0, 0, 0]);
    expectOutcome(run('xilingol-2024', person({ purpose: 'post', postGrade: 5, sex: 'F', birth: '1974-01-01' })), 'exempt', [0, 0, 0]);
    expectOutcome(run('xilingol-2024', person({ sex: 'M', birth: '1960-01-01' })), 'non-compliant');
  });

  it('xilingol-2024/6.1: from 50/45, one complete year of the recent three suffices', () => {
    const r = run('xilingol-2024', person(title('senior-deputy', { sex: 'F', birth: '1977-06-01', hours: { 2022: [30, 60], 2024: [10, 10] } })));
    expectOutcome(r, 'compliant', [0, 0, 0]);
    expect(r.reliefs[0]!.key).toBe('xilingol-2024/6.1');
  });

  it('xilingol-2024/6.1: missing is the smallest single-year shortfall; ties go to the latest year', () => {
    const r = run('xilingol-2024', person(title('intermediate', { sex: 'M', birth: '1972-01-01', hours: { 2022: [30, 40], 2023: [10, 60], 2024: [20, 40] } })));
    expectOutcome(r, 'non-compliant', [20, 20, 0]);
    expect(r.explanation!.join('\n')).toContain('缺口最小的是2023年');
    const tie = run('xilingol-2024', person(title('intermediate', { sex: 'M', birth: '1972-01-01', hours: { 2022: [30, 50], 2024: [20, 60] } })));
    expectOutcome(tie, 'non-compliant', [10, 10, 0]);
  });

  it('xilingol-2024/6.1: the one-year rule widens a junior (one-year) window to the recent three years', () => {
    const r = run('xilingol-2024', person(title('junior', { sex: 'F', birth: '1978-01-01', hours: { 2022: [30, 60] } })));
    expectOutcome(r, 'compliant');
    expect(r.years.map((y) => y.year)).toEqual([2022, 2023, 2024]);
  });

  it('xilingol-2024/6.2: non-public and grassroots title review is not-restrictive', () => {
    expectOutcome(run('xilingol-2024', person(title('intermediate', { nonPublic: true, hours: { 2024: [30, 0] } }))), 'not-restrictive', [240, 60, 180]);
    expectOutcome(run('xilingol-2024', person(title('junior', { grassroots: true }))), 'not-restrictive', [90, 30, 60]);
    expectOutcome(run('xilingol-2024', person({ purpose: 'post', postGrade: 12, grassroots: true })), 'non-compliant', [90, 30, 60]);
  });

  it('xilingol-2024/6.3: a qualifying post-doc applying for a senior level is exempt (title or assessment)', () => {
    expectOutcome(run('xilingol-2024', person(title('senior-deputy', { postdoc: true }))), 'exempt', [0, 0, 0]);
    expectOutcome(run('xilingol-2024', person({ purpose: 'assessment', level: 'senior-full', postdoc: true })), 'exempt', [0, 0, 0]);
    const mid = run('xilingol-2024', person(title('intermediate', { postdoc: true })));
    expectOutcome(mid, 'non-compliant');
    expect(mid.notes!.some((n) => n.key === 'xilingol-2024/6.3')).toBe(true);
  });

  it('xilingol-2024/6.4: the epidemic year(s) are removed from the required years', () => {
    const r = run('xilingol-2024', person(title('intermediate', { epidemic: { flagged: true, years: [2022] }, hours: { 2023: [30, 60], 2024: [30, 60] } })));
    expectOutcome(r, 'compliant');
    expect(r.years.map((y) => y.year)).toEqual([2023, 2024]);
  });

  it('xilingol-2024/6.4: 是 with no year removes nothing and asks for the year', () => {
    const r = run('xilingol-2024', person(title('intermediate', { epidemic: { flagged: true, years: [] }, hours: { 2023: [30, 60], 2024: [30, 60] } })));
    expectOutcome(r, 'non-compliant', [90, 30, 60]);
    expect(r.warnings[0]).toMatchObject({ key: 'xilingol-2024/6.4' });
  });

  it('xilingol-2024/6.5: 三科 teachers’ training counts as professional', () => {
    const r = run('xilingol-2024', person({ hours: { 2024: [30, 0] } }), [record({ kind: '三科教师培训', hours: 60, date: '2024-08-01' })]);
    expectOutcome(r, 'compliant');
    expect(keysOf(r)).toContain('xilingol-2024/6.5');
  });

  it('xilingol-2024/6.6: certificates count as stated; a qualification exam completes that year’s professional requirement', () => {
    expectOutcome(run('xilingol-2024', person({ hours: { 2024: [30, 0] } }), [record({ kind: '进修考察', hours: 60, date: '2024-05-01' })]), 'compliant');
    const r = run('xilingol-2024', person(title('intermediate', { hours: { 2022: [30, 60], 2023: [30, 0], 2024: [30, 60] }, qualExamYears: [2023] })));
    expectOutcome(r, 'compliant', [0, 0, 0]);
    expect(r.years[1]).toMatchObject({ year: 2023, examCompleted: true });
  });

  it('xilingol-2024/6.7: transfer year in the review year exempts; earlier limits to the years after', () => {
    expectOutcome(run('xilingol-2024', person(title('senior-deputy', { transferYear: 2024 }))), 'exempt');
    expectOutcome(run('xilingol-2024', person(title('intermediate', { transferYear: 2023, hours: { 2024: [30, 60] } }))), 'compliant', [0, 0, 0]);
  });

  it('xilingol-2024/6.7 with 6.1: the one-year candidates exclude the years up to the transfer', () => {
    const r = run('xilingol-2024', person(title('intermediate', { sex: 'M', birth: '1972-01-01', transferYear: 2023, hours: { 2022: [30, 60] } })));
    expectOutcome(r, 'non-compliant', [90, 30, 60]);
    expect(r.years.map((y) => y.year)).toEqual([2024]);
  });

  it('xilingol-2024/6.8: vocational-skill training counts 1:1 for high-skill talents applying for a title (r3.4)', () => {
    const rec = [record({ kind: '职业技能培训' as const, hours: 60, date: '2024-04-01' })];
    expectOutcome(run('xilingol-2024', person(title('junior', { highSkill: true, hours: { 2024: [30, 0] } })), rec), 'compliant');
    expectOutcome(run('xilingol-2024', person({ highSkill: true, hours: { 2024: [30, 0] } }), rec), 'non-compliant', [60, 0, 60]);
    expectOutcome(run('xilingol-2024', person({ purpose: 'post', postGrade: 12, highSkill: true, hours: { 2024: [30, 0] } }), rec), 'non-compliant', [60, 0, 60]);
    expectOutcome(run('xilingol-2024', person({ hours: { 2024: [30, 0] } }), rec), 'non-compliant', [60, 0, 60]);
  });

  it('xilingol-2024/6.9: exceptional promotion requires only the last N years; N below 1 is invalid', () => {
    const r = run('xilingol-2024', person(title('intermediate', { exceptionalYears: 2, hours: { 2023: [30, 60], 2024: [30, 50] } })));
    expectOutcome(r, 'non-compliant', [10, 0, 10]);
    expect(r.years.map((y) => y.year)).toEqual([2023, 2024]);
    expectOutcome(run('xilingol-2024', person(title('intermediate', { exceptionalYears: 0 }))), 'invalid');
    expect(run('xilingol-2024', person(title('intermediate', { exceptionalYears: 5, hours: full }))).years).toHaveLength(3);
  });

  it('xilingol-2024/7.2: a filed unit training plan sets the 2024 professional requirement to 0, for every purpose', () => {
    const annual = run('xilingol-2024', person({ unitPlanFiled: true, hours: { 2024: [30, 0] } }));
    expectOutcome(annual, 'compliant', [0, 0, 0]);
    expect(annual.years[0]!.required).toEqual({ public: 30, professional: 0 });
    expect(annual.reliefs[0]!.key).toBe('xilingol-2024/7.2');
    const t = run('xilingol-2024', person(title('intermediate', { unitPlanFiled: true, hours: { 2022: [30, 60], 2023: [30, 60] } })));
    expectOutcome(t, 'non-compliant', [30, 30, 0]);
  });

  it('xilingol-2024/8: fees are pack data for summaries (public 30 学时 = 75 元, professional 2.50 元/学时)', async () => {
    const { xilingol2024 } = await import('./index.js');
    expect(xilingol2024.fees).toEqual({ publicPer30Hours: 75, professionalPerHour: 2.5, key: 'xilingol-2024/8' });
    expect(xilingol2024.clauses['xilingol-2024/8']!.quote).toContain('75元');
  });
});

describe('xilingol-2024 with another review year', () => {
  it('xilingol-2024/2: the window stays the 2024 window when the review year is 2025', () => {
    const r = run('xilingol-2024', person({ hours: { 2025: [0, 60] } }), [
      record({ kind: '网络培训', category: 'public', hours: 30, date: '2025-03-01' }),
      record({ kind: '网络培训', category: 'public', creditYear: 2024, hours: 30, date: '2025-03-01' }),
    ], { year: 2025 });
    expectOutcome(r, 'compliant', [0, 0, 0]);
    // the 2025 record is not held to the 2024 window; the 2024 record finished in 2025 missed it
    expect(r.excluded.map((e) => e.year)).toEqual([2024]);
    expect(r.years.map((y) => y.year)).toEqual([2025]);
  });
});
