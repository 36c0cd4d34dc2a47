import { describe, expect, it } from 'vitest';
import { expectOutcome, keysOf, person, record, run, title } from '../test-support.js';

const full = { 2020: [30, 0], 2021: [30, 60], 2022: [30, 60] } as Record<number, [number, number]>;

describe('hohhot-2022', () => {
  it('hohhot-2022/1.2: unfiled professional face-to-face, industry and unit training is not recognised', () => {
    const r = run('hohhot-2022', person({ hours: { 2022: [30, 0] } }), [
      record({ kind: '面授培训', category: 'professional', hours: 20, date: '2022-03-01', filed: false }),
      record({ kind: '行业培训', hours: 20, date: '2022-03-02', filed: false }),
      record({ kind: '事业单位培训', hours: 20, date: '2022-03-03', filed: true }),
    ]);
    expectOutcome(r, 'non-compliant', [40, 0, 40]);
    expect(r.excluded.map((e) => e.key)).toEqual(['hohhot-2022/1.2', 'hohhot-2022/1.2']);
  });

  it('hohhot-2022/1.2: blank 是否备案 counts with a warning; public and online records need no filing', () => {
    const r = run('hohhot-2022', person(), [
      record({ kind: '面授培训', category: 'public', hours: 30, date: '2022-03-01', filed: false }),
      record({ kind: '网络培训', category: 'professional', hours: 30, date: '2022-03-02', filed: false }),
      record({ kind: '面授培训', category: 'professional', hours: 30, date: '2022-03-03' }),
    ]);
    expectOutcome(r, 'compliant', [0, 0, 0]);
    expect(r.warnings.some((w) => w.key === 'hohhot-2022/1.2')).toBe(true);
  });

  it('hohhot-2022/2.1: senior/intermediate review covers 2020–2022 with no 2020 professional requirement', () => {
    const r = run('hohhot-2022', person(title('senior-deputy', { hours: full })));
    expectOutcome(r, 'compliant', [0, 0, 0]);
    expect(r.years[0]).toMatchObject({ year: 2020, required: { public: 30, professional: 0 } });
    const short = run('hohhot-2022', person(title('intermediate', { hours: { 2021: [30, 60], 2022: [30, 60] } })));
    expectOutcome(short, 'non-compliant', [30, 30, 0]);
  });

  it('hohhot-2022/2.1: junior review requires 2022 only', () => {
    const r = run('hohhot-2022', person(title('junior', { hours: { 2022: [30, 60] } })));
    expectOutcome(r, 'compliant');
    expect(r.years.map((y) => y.year)).toEqual([2022]);
  });

  it('hohhot-2022/2.2: 本科/专科 one year, 硕士 two years, 博士 exempt', () => {
    const a = (education: '专科' | '本科' | '硕士' | '博士', hours: Record<number, [number, number]>) =>
      run('hohhot-2022', person({ purpose: 'assessment', education, hours }));
    expectOutcome(a('本科', { 2022: [30, 60] }), 'compliant');
    expectOutcome(a('专科', { 2022: [30, 50] }), 'non-compliant', [10, 0, 10]);
    expectOutcome(a('硕士', { 2021: [30, 60], 2022: [30, 30] }), 'non-compliant', [30, 0, 30]);
    const phd = a('博士', {});
    expectOutcome(phd, 'exempt', [0, 0, 0]);
    expect(phd.reliefs[0]!.key).toBe('hohhot-2022/2.2');
  });

  it('hohhot-2022/3.1: age exemption for title review (men 55, women 50)', () => {
    expectOutcome(run('hohhot-2022', person(title('intermediate', { sex: 'M', birth: '1967-06-30' }))), 'exempt', [0, 0, 0]);
    expectOutcome(run('hohhot-2022', person(title('intermediate', { sex: 'M', birth: '1968-01-01' }))), 'non-compliant');
  });

  it('hohhot-2022/3.1: one third pooled, 2020 professional being 0 (senior: 30 public + 40 professional)', () => {
    const r = run('hohhot-2022', person(title('intermediate', { sex: 'F', birth: '1975-05-05', hours: { 2020: [10, 0], 2021: [10, 20] } })));
    expectOutcome(r, 'non-compliant', [30, 10, 20]);
    const done = run('hohhot-2022', person(title('senior-full', { sex: 'M', birth: '1970-01-01', hours: { 2022: [30, 40] } })));
    expectOutcome(done, 'compliant');
  });

  it('hohhot-2022/3.1: fractions of a third are kept exact and shown to one decimal', () => {
    // transfer in 2021 → window 2022 only: 30/3 = 10 public, 60/3 = 20 professional; credited 5 and 6.5
    const r = run('hohhot-2022', person(title('intermediate', { sex: 'M', birth: '1970-01-01', transferYear: 2021, hours: { 2022: [5, 6.55] } })));
    expectOutcome(r, 'non-compliant', [18.5, 5, 13.5]);
  });

  it('hohhot-2022/3.2: non-public sector title review is not-restrictive, missing still shown', () => {
    const r = run('hohhot-2022', person(title('intermediate', { nonPublic: true })));
    expectOutcome(r, 'not-restrictive', [210, 90, 120]);
    expect(r.reliefs.map((x) => x.key)).toContain('hohhot-2022/3.2');
  });

  it('hohhot-2022/3.2: the annual check of a non-public employee is ordinary, with a note', () => {
    const r = run('hohhot-2022', person({ nonPublic: true }));
    expectOutcome(r, 'non-compliant', [90, 30, 60]);
    expect(r.notes!.some((n) => n.key === 'hohhot-2022/3.2')).toBe(true);
  });

  it('hohhot-2022/3.3: grassroots staff: reference only; with all hours the status is compliant with a note', () => {
    expectOutcome(run('hohhot-2022', person(title('intermediate', { grassroots: true }))), 'not-restrictive', [210, 90, 120]);
    const ok = run('hohhot-2022', person(title('intermediate', { grassroots: true, hours: full })));
    expectOutcome(ok, 'compliant', [0, 0, 0]);
    expect(ok.notes!.length).toBeGreaterThan(0);
  });

  it('hohhot-2022/3.4: epidemic front-line medical staff are exempt for title review, not for the annual check', () => {
    expectOutcome(run('hohhot-2022', person(title('senior-deputy', { epidemic: { flagged: true, years: [] } }))), 'exempt', [0, 0, 0]);
    expectOutcome(run('hohhot-2022', person({ epidemic: { flagged: true, years: [] } })), 'non-compliant');
  });

  it('hohhot-2022/3.5: 三科 teachers’ training counts as professional hours', () => {
    const r = run('hohhot-2022', person({ hours: { 2022: [30, 0] } }), [record({ kind: '三科教师培训', hours: 60, date: '2022-07-01' })]);
    expectOutcome(r, 'compliant');
    expect(keysOf(r)).toContain('hohhot-2022/3.5');
  });

  it('hohhot-2022/3.6: certificates convert to professional hours; a qualification exam completes the year', () => {
    const cert = run('hohhot-2022', person({ hours: { 2022: [30, 0] } }), [record({ kind: '高研班', hours: 60, date: '2022-05-01' })]);
    expectOutcome(cert, 'compliant');
    const exam = run('hohhot-2022', person({ hours: { 2022: [30, 0] }, qualExamYears: [2022] }));
    expectOutcome(exam, 'compliant', [0, 0, 0]);
    expect(exam.years[0]!.examCompleted).toBe(true);
  });

  it('hohhot-2022/3.6: title language/computer exams are not converted (excluded with the reason)', () => {
    const r = run('hohhot-2022', person({ hours: { 2022: [30, 0] }, titleExamYears: [2022] }));
    expectOutcome(r, 'non-compliant', [60, 0, 60]);
    expect(r.excluded[0]).toMatchObject({ key: 'hohhot-2022/3.6', kind: '职称外语计算机考试' });
  });

  it('hohhot-2022/3.7: transferred from a Party/government organ: same year exempt, earlier → later years only', () => {
    expectOutcome(run('hohhot-2022', person(title('intermediate', { transferYear: 2022 }))), 'exempt', [0, 0, 0]);
    const r = run('hohhot-2022', person(title('intermediate', { transferYear: 2020, hours: { 2021: [30, 60], 2022: [30, 60] } })));
    expectOutcome(r, 'compliant');
    expect(r.years.map((y) => y.year)).toEqual([2021, 2022]);
    expectOutcome(run('hohhot-2022', person(title('intermediate', { transferYear: 2023 }))), 'invalid');
  });

  it('hohhot-2022/3.8: vocational-skill training counts 1:1 for high-skill talents applying for a title only (r3.4)', () => {
    const rec = [record({ kind: '职业技能培训' as const, hours: 60, date: '2022-04-01' })];
    const hs = run('hohhot-2022', person(title('junior', { highSkill: true, hours: { 2022: [30, 0] } })), rec);
    expectOutcome(hs, 'compliant');
    expect(hs.interpretations!.some((i) => i.key === 'hohhot-2022/3.8')).toBe(true);
    const annual = run('hohhot-2022', person({ highSkill: true, hours: { 2022: [30, 0] } }), rec);
    expectOutcome(annual, 'non-compliant', [60, 0, 60]);
    expect(annual.excluded[0]!.reason).toContain('只在申报职称评审时');
    const no = run('hohhot-2022', person(title('junior', { highSkill: false, hours: { 2022: [30, 0] } })), rec);
    expectOutcome(no, 'non-compliant', [60, 0, 60]);
    expect(no.excluded[0]!.key).toBe('hohhot-2022/3.8');
  });

  it('hohhot-2022/3.9: region-wide recognition: records are not filtered by where they were verified', async () => {
    const { hohhot2022 } = await import('./index.js');
    expect(hohhot2022.recognition).toBe('hohhot-2022/3.9');
    const r = run('hohhot-2022', person({ hours: { 2022: [30, 0] } }), [record({ kind: '面授培训', category: 'professional', hours: 60, filed: true, date: '2022-06-01', source: '鄂尔多斯' })]);
    expectOutcome(r, 'compliant');
  });

  it('hohhot-2022 sets no make-up rule: a late record counts for its year with a warning', () => {
    const r = run('hohhot-2022', person(title('intermediate', { hours: { 2020: [30, 0], 2022: [30, 60] } })), [
      record({ kind: '网络培训', category: 'public', creditYear: 2021, hours: 30, date: '2022-02-01' }),
      record({ kind: '网络培训', category: 'professional', creditYear: 2021, hours: 60, date: '2022-02-01' }),
    ]);
    expectOutcome(r, 'compliant');
    expect(r.warnings.some((w) => w.message.includes('补学'))).toBe(true);
  });
});
