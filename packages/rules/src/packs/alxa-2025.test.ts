import { describe, expect, it } from 'vitest';
import { expectOutcome, keysOf, person, record, run, title } from '../test-support.js';

describe('alxa-2025', () => {
  it('alxa-2025/1.2: the window ends on 2025-11-30 (the text’s 11月31日 does not exist)', async () => {
    const r = run('alxa-2025', person({ hours: { 2025: [0, 60] } }), [
      record({ kind: '网络培训', category: 'public', hours: 20, date: '2025-11-30' }),
      record({ kind: '网络培训', category: 'public', hours: 10, date: '2025-12-01' }),
      record({ kind: '网络培训', category: 'public', hours: 10, date: '2025-01-04' }),
    ]);
    expectOutcome(r, 'non-compliant', [10, 10, 0]);
    expect(r.excluded).toHaveLength(2);
    const { alxa2025 } = await import('./index.js');
    expect(alxa2025.window!.end).toBe('2025-11-30');
    expect(alxa2025.clauses['alxa-2025/1.2']!.interpretation).toContain('11月31日');
  });

  it('alxa-2025/1.2: 2022 and 2023 may be made up in the window, 2024 may not (the reason says whom to ask, r3.10)', () => {
    const r = run('alxa-2025', person(title('intermediate', { hours: { 2025: [30, 60] } })), [
      record({ kind: '网络培训', category: 'public', creditYear: 2023, hours: 30, date: '2025-03-01' }),
      record({ kind: '网络培训', category: 'professional', creditYear: 2023, hours: 60, date: '2025-03-02' }),
      record({ kind: '网络培训', category: 'public', creditYear: 2024, hours: 30, date: '2025-02-01' }),
      record({ kind: '网络培训', category: 'professional', creditYear: 2024, hours: 60, date: '2024-06-01' }),
    ]);
    expectOutcome(r, 'non-compliant', [30, 30, 0]);
    expect(r.excluded[0]!.reason).toContain('2024年度不在可补学年度');
    expect(r.excluded[0]!.reason).toContain('2024年度能否补学请向盟人社局专技科确认');
  });

  it('alxa-2025/1.3.1: senior/intermediate title review requires 2023–2025; junior 2025', () => {
    expectOutcome(run('alxa-2025', person(title('intermediate', { hours: { 2023: [30, 60], 2024: [30, 60], 2025: [0, 60] } }))), 'non-compliant', [30, 30, 0]);
    expectOutcome(run('alxa-2025', person(title('junior', { hours: { 2025: [30, 60] } }))), 'compliant');
  });

  it('alxa-2025/1.3.1: the 270-hour total is read per year (a surplus year does not cover another)', () => {
    const r = run('alxa-2025', person(title('intermediate', { hours: { 2023: [90, 180] } })));
    expectOutcome(r, 'non-compliant', [180, 60, 120]);
    expect(r.interpretations!.some((i) => i.key === 'alxa-2025/1.3.1')).toBe(true);
  });

  it('alxa-2025/1.3.2: assessment by 认定年限; blank is invalid naming the column, 学历 is not used (r3.6)', () => {
    expectOutcome(run('alxa-2025', person({ purpose: 'assessment', assessYears: 1, hours: { 2025: [30, 60] } })), 'compliant');
    const blank = run('alxa-2025', person({ purpose: 'assessment', education: '专科', hours: { 2025: [30, 60] } }));
    expectOutcome(blank, 'invalid');
    expect(blank.errors[0]!.header).toBe('认定年限');
    expectOutcome(run('alxa-2025', person({ purpose: 'assessment', education: '博士' })), 'invalid');
    expectOutcome(run('alxa-2025', person({ purpose: 'assessment', postdoc: true, level: 'senior-deputy' })), 'exempt');
  });

  it('alxa-2025/1.4: where a standard is unclear, 45 minutes = 1 学时', () => {
    const r = run('alxa-2025', person({ hours: { 2025: [30, 0] } }), [record({ kind: '面授培训', category: 'professional', minutes: 2700, date: '2025-05-20' })]);
    expectOutcome(r, 'compliant');
    expect(keysOf(r)).toContain('alxa-2025/1.4');
  });

  it('alxa-2025/1.4.2: public-institution staff training counts toward the category the record names', () => {
    const r = run('alxa-2025', person({ hours: { 2025: [0, 60] } }), [record({ kind: '事业单位培训', category: 'public', hours: 30, date: '2025-06-01', filed: true })]);
    expectOutcome(r, 'compliant');
    expect(r.years[0]!.credited.public).toBe(30);
  });

  it('alxa-2025/1.4.2: unit-organised training that was not filed is not recognised (clause RULES.md omits)', () => {
    const r = run('alxa-2025', person({ hours: { 2025: [0, 60] } }), [record({ kind: '事业单位培训', category: 'public', hours: 30, date: '2025-06-01', filed: false })]);
    expectOutcome(r, 'non-compliant', [30, 30, 0]);
    expect(r.excluded[0]!.key).toBe('alxa-2025/1.4.2');
  });

  it('alxa-2025/1.4.3: industry authority/association training counts as professional', () => {
    const r = run('alxa-2025', person({ hours: { 2025: [30, 0] } }), [record({ kind: '行业培训', category: 'public', hours: 60, date: '2025-06-01' })]);
    expectOutcome(r, 'compliant');
    expect(keysOf(r)).toContain('alxa-2025/1.4.3');
  });

  it('alxa-2025/1.4.4: seminar/forum/exchange/study-visit certificates convert to professional hours', () => {
    const r = run('alxa-2025', person({ hours: { 2025: [30, 20] } }), [record({ kind: '论坛', hours: 40, date: '2025-06-01' })]);
    expectOutcome(r, 'compliant');
    expect(keysOf(r)).toContain('alxa-2025/1.4.4');
  });

  it('alxa-2025/1.4.5: a qualification exam completes that year’s professional requirement', () => {
    const r = run('alxa-2025', person({ hours: { 2025: [30, 0] } }), [record({ kind: '职业资格考试', creditYear: 2025, date: '2025-09-01' })]);
    expectOutcome(r, 'compliant', [0, 0, 0]);
    expect(r.years[0]!.credited.professional).toBe(60);
  });

  it('alxa-2025/1.4.6: vocational-skill training counts only for high-skill talents applying for a title (r3.4, 1:1 marked)', () => {
    const rec = [record({ kind: '职业技能培训' as const, hours: 60, date: '2025-04-01' })];
    const hs = run('alxa-2025', person(title('junior', { highSkill: true, hours: { 2025: [30, 0] } })), rec);
    expectOutcome(hs, 'compliant');
    expect(hs.interpretations!.some((i) => i.key === 'alxa-2025/1.4.6')).toBe(true);
    expectOutcome(run('alxa-2025', person({ highSkill: true, hours: { 2025: [30, 0] } }), rec), 'non-compliant', [60, 0, 60]);
    expectOutcome(run('alxa-2025', person({ hours: { 2025: [30, 0] } }), rec), 'non-compliant', [60, 0, 60]);
  });

  it('alxa-2025/1.4.7: primary/secondary teachers’ training counts as professional', () => {
    const r = run('alxa-2025', person({ hours: { 2025: [30, 0] } }), [record({ kind: '中小学教师培训', hours: 60, date: '2025-04-01' })]);
    expectOutcome(r, 'compliant');
    expect(keysOf(r)).toContain('alxa-2025/1.4.7');
  });

  it('alxa-2025/1.5.1: 不作为限制性条件 by age is read as an exemption (marked as interpretation)', () => {
    const r = run('alxa-2025', person(title('intermediate', { sex: 'F', birth: '1975-12-31' })));
    expectOutcome(r, 'exempt', [0, 0, 0]);
    expect(r.interpretations!.some((i) => i.key === 'alxa-2025/1.5.1')).toBe(true);
  });

  it('alxa-2025/1.5.1: from 50/45 one year of the recent three suffices', () => {
    const r = run('alxa-2025', person(title('senior-deputy', { sex: 'M', birth: '1975-02-01', hours: { 2023: [30, 40], 2024: [30, 50], 2025: [10, 0] } })));
    expectOutcome(r, 'non-compliant', [10, 0, 10]);
  });

  it('alxa-2025/1.5.2: non-public and grassroots title review is not-restrictive', () => {
    expectOutcome(run('alxa-2025', person(title('intermediate', { nonPublic: true }))), 'not-restrictive', [270, 90, 180]);
    expectOutcome(run('alxa-2025', person(title('junior', { grassroots: true, hours: { 2025: [30, 60] } }))), 'compliant');
  });

  it('alxa-2025/1.5.3: post-doc applying for a senior title is exempt', () => {
    expectOutcome(run('alxa-2025', person(title('senior-full', { postdoc: true }))), 'exempt', [0, 0, 0]);
    expectOutcome(run('alxa-2025', person(title('junior', { postdoc: true }))), 'non-compliant');
  });

  it('alxa-2025/1.5.4: epidemic years are not required', () => {
    const r = run('alxa-2025', person(title('intermediate', { epidemic: { flagged: true, years: [2023] }, hours: { 2024: [30, 60], 2025: [30, 60] } })));
    expectOutcome(r, 'compliant');
  });

  it('alxa-2025/1.5.5: transfer: same-year exempt, earlier year → the years after only', () => {
    expectOutcome(run('alxa-2025', person(title('intermediate', { transferYear: 2025 }))), 'exempt');
    expectOutcome(run('alxa-2025', person(title('intermediate', { transferYear: 2023, hours: { 2024: [30, 60], 2025: [30, 60] } }))), 'compliant');
  });

  it('alxa-2025/1.5.6: exceptional promotion: the last N years', () => {
    expectOutcome(run('alxa-2025', person(title('intermediate', { exceptionalYears: 1, hours: { 2025: [30, 60] } }))), 'compliant');
  });
});
