/**
 * RULES.md revision 3 (§8, r3.1–r3.24): one test per change, each named with
 * the citation key it rests on and the r3 item, each run through the evaluator.
 */
import { describe, expect, it } from 'vitest';
import { date, expectOutcome, keysOf, person, record, run, title } from './test-support.js';
import { evaluate } from './evaluator.js';
import { getPack } from './packs/index.js';
import { roundHours } from './rounding.js';

const full3 = (a: number, b: number, c: number) => ({ [a]: [30, 60], [b]: [30, 60], [c]: [30, 60] }) as Record<number, [number, number]>;

describe('revision 3 — counting hours', () => {
  it('nm-2017/art10: half-days convert at 4 学时 only for 实践考察/学术讲座; other kinds in 半天 are excluded (r3.1)', () => {
    const practice = run('xilingol-2024', person({ hours: { 2024: [30, 0] } }), [record({ kind: '实践考察', halfDays: 15, date: '2024-06-10' })]);
    expectOutcome(practice, 'compliant');
    const online = run('xilingol-2024', person({ hours: { 2024: [30, 0] } }), [record({ kind: '网络培训', category: 'professional', halfDays: 15, date: '2024-06-10' })]);
    expectOutcome(online, 'non-compliant', [60, 0, 60]);
    expect(online.excluded[0]!.reason).toContain('请按学时或分钟填写');
    expect(online.excluded[0]!.key).toBe('nm-2017/art10');
  });

  it('nm-2017/art10: a 培训记录 row the reader could not use is among the excluded records, with its row and reason', () => {
    const bad = { ...record({ kind: '网络培训', creditYear: 2024, hours: 60, date: '2024-05-01' }), row: 7, source: '培训记录', unusable: '形式（D列）：无法识别的形式「讲座」', kindText: '讲座' };
    delete (bad as { hours?: number }).hours;
    const r = run('xilingol-2024', person({ hours: { 2024: [30, 0] } }), [bad]);
    expectOutcome(r, 'non-compliant', [60, 0, 60]);
    expect(r.excluded).toEqual([{ row: 7, source: '培训记录', kind: '讲座', year: 2024, hours: 0, reason: '形式（D列）：无法识别的形式「讲座」', key: 'nm-2017/art10' }]);
    expect(r.explanation!.some((l) => l.includes('培训记录 第7行 讲座') && l.includes('无法识别的形式'))).toBe(true);
  });

  it('nm-2017/art12: a record that is not an online course counts in the year of its 完成日期, with a warning (r3.2)', () => {
    const r = run('alxa-2025', person({ hours: { 2025: [30, 0] } }), [record({ kind: '行业培训', creditYear: 2024, hours: 60, date: '2025-04-10' })]);
    expectOutcome(r, 'compliant');
    expect(r.years[0]!.credited.professional).toBe(60);
    expect(r.warnings.some((w) => w.message.includes('按完成日期计入2025年度'))).toBe(true);
  });

  it('nm-2017/art12: exam records count in the year of their 完成日期, not their 学年度 (r3.2, differential class)', () => {
    const rec = [record({ kind: '职业资格考试', creditYear: 2023, date: '2024-01-08' })];
    const r = run('xilingol-2024', person(title('intermediate', { hours: { 2022: [30, 60], 2023: [30, 0], 2024: [30, 0] } })), rec);
    expect(r.years.find((y) => y.year === 2024)!.examCompleted).toBe(true);
    expect(r.years.find((y) => y.year === 2023)!.examCompleted).toBeUndefined();
    expectOutcome(r, 'non-compliant', [60, 0, 60]);
  });

  it('xilingol-2024/2: a record read with its 完成日期 as a day number (as the reader gives it) is judged as one with the date only', () => {
    const who = person({ hours: { 2024: [0, 0] } });
    const recs = [
      record({ kind: '网络培训', category: 'public', hours: 30, date: '2024-05-01' }),
      record({ kind: '网络培训', category: 'professional', hours: 20, date: '2025-03-01', creditYear: 2023 }),
      record({ kind: '面授培训', category: 'professional', hours: 12, date: '2023-12-20', creditYear: 2024 }),
      record({ kind: '网络培训', category: 'professional', hours: 9, date: '2024-01-02' }),
    ];
    const withDay = recs.map((r) => ({ ...r, day: r.date!.year * 10000 + r.date!.month * 100 + r.date!.day }));
    const a = run('xilingol-2024', who, recs);
    const b = run('xilingol-2024', who, withDay);
    expect(b).toEqual(a);
    expect(a.excluded.length + a.warnings.length).toBeGreaterThan(0);
  });

  it('xilingol-2024/2: a make-up online course finished before the window opened is excluded (r3.3)', () => {
    const r = run('xilingol-2024', person(title('intermediate', { hours: { 2022: [30, 0], 2023: [30, 60], 2024: [30, 60] } })), [
      record({ kind: '网络培训', category: 'professional', creditYear: 2022, hours: 60, date: '2023-06-01' }),
    ]);
    expectOutcome(r, 'non-compliant', [60, 0, 60]);
    expect(r.excluded[0]!.reason).toContain('补学完成日期2023-06-01不在培训时间');
  });

  it('xilingol-2024/2: a make-up finished after the window closed never counts (r3.3)', () => {
    const r = run('xilingol-2024', person(title('intermediate', { hours: { 2022: [30, 0], 2023: [30, 60], 2024: [30, 60] } })), [
      record({ kind: '网络培训', category: 'professional', creditYear: 2022, hours: 60, date: '2025-01-10' }),
    ]);
    expectOutcome(r, 'non-compliant', [60, 0, 60]);
    expect(r.excluded[0]!.key).toBe('xilingol-2024/2');
  });

  it('xilingol-2024/2: under another review year, records credited to later years are held to no window (r3.23)', () => {
    const r = run('xilingol-2024', person({ hours: { 2025: [30, 0] } }), [record({ kind: '网络培训', category: 'professional', creditYear: 2025, hours: 60, date: '2025-03-01' })], { year: 2025 });
    expectOutcome(r, 'compliant');
    const old = run('xilingol-2024', person(title('intermediate', { hours: { 2023: [30, 0], 2024: [30, 60], 2025: [30, 60] } })), [
      record({ kind: '网络培训', category: 'professional', creditYear: 2023, hours: 60, date: '2025-03-01' }),
    ], { year: 2025 });
    expectOutcome(old, 'non-compliant', [60, 0, 60]);
  });

  it('xilingol-2024/6.8: the high-skill conversion is for title review only (r3.4)', () => {
    const r = run('xilingol-2024', person({ highSkill: true, hours: { 2024: [30, 0] } }), [record({ kind: '职业技能培训', hours: 60, date: '2024-07-01' })]);
    expectOutcome(r, 'non-compliant', [60, 0, 60]);
    expect(r.excluded[0]!.reason).toContain('年度审验');
  });

  it('hohhot-2022/1.1: a 公需 record of a kind other than 网络培训 counts, with a warning (r3.14)', () => {
    const r = run('hohhot-2022', person({ hours: { 2022: [0, 60] } }), [record({ kind: '面授培训', category: 'public', hours: 30, date: '2022-03-01' })]);
    expectOutcome(r, 'compliant');
    expect(r.warnings.some((w) => w.key === 'hohhot-2022/1.1')).toBe(true);
    expect(r.interpretations!.some((i) => i.key === 'hohhot-2022/1.1')).toBe(true);
  });

  it('xilingol-2024/3.1: a 公需 record of a kind other than 网络培训 counts, with a warning (r3.14)', () => {
    const r = run('xilingol-2024', person({ hours: { 2024: [0, 60] } }), [record({ kind: '面授培训', category: 'public', hours: 30, date: '2024-04-01' })]);
    expectOutcome(r, 'compliant');
    expect(r.warnings.some((w) => w.key === 'xilingol-2024/3.1')).toBe(true);
    const online = run('xilingol-2024', person({ hours: { 2024: [0, 60] } }), [record({ kind: '网络培训', category: 'public', hours: 30, date: '2024-04-01' })]);
    expect(online.warnings).toEqual([]);
  });

  it('hohhot-2022/1.2: the filing rule is marked as read for 市本级 and tells a 旗县区 clerk to follow the local rule (r3.13)', () => {
    const r = run('hohhot-2022', person({ hours: { 2022: [30, 0] } }), [record({ kind: '行业培训', hours: 60, filed: false, date: '2022-04-01' })]);
    expectOutcome(r, 'non-compliant', [60, 0, 60]);
    expect(r.interpretations!.find((i) => i.key === 'hohhot-2022/1.2')!.text).toContain('旗县区');
  });

  it('alxa-2025/1.4.2: 事业单位培训 of either category with 是否备案 否 is excluded; blank counts with a warning (r3.21)', () => {
    const no = run('alxa-2025', person({ hours: { 2025: [30, 0] } }), [record({ kind: '事业单位培训', category: 'professional', hours: 60, filed: false, date: '2025-04-01' })]);
    expectOutcome(no, 'non-compliant', [60, 0, 60]);
    const blank = run('alxa-2025', person({ hours: { 2025: [0, 60] } }), [record({ kind: '事业单位培训', category: 'public', hours: 30, date: '2025-04-01' })]);
    expectOutcome(blank, 'compliant');
    expect(blank.warnings.some((w) => w.key === 'alxa-2025/1.4.2')).toBe(true);
  });

  it('nm-2018/3.3: the exam credit says it is for 水平评价类 exams taken in the region (r3.15)', () => {
    const r = run('nm-2018', person(title('junior', { hours: { 2018: [30, 30] }, qualExamYears: [2018] })));
    expectOutcome(r, 'compliant');
    expect(r.rules.find((x) => x.key === 'nm-2018/3.3')!.text).toContain('水平评价类');
  });

  it('nm-2018/3.5: a record dated after 2018-05-31 counts, with a warning that the 区直 audit closed (r3.16)', () => {
    const r = run('nm-2018', person({ hours: { 2018: [30, 0] } }), [record({ kind: '面授培训', category: 'professional', hours: 60, date: '2018-09-01' })]);
    expectOutcome(r, 'compliant');
    expect(r.warnings.some((w) => w.key === 'nm-2018/3.5' && w.message.includes('2018-05-31'))).toBe(true);
  });
});

describe('revision 3 — purposes and reliefs', () => {
  it('nm-2018/3.2: 博士 assessment needs no hours (r3.5)', () => {
    expectOutcome(run('nm-2018', person({ purpose: 'assessment', education: '博士' })), 'exempt', [0, 0, 0]);
  });

  it('xilingol-2024/5.2: blank 认定年限 is invalid unless an exemption applies (r3.6)', () => {
    const r = run('xilingol-2024', person({ purpose: 'assessment', education: '本科', hours: { 2024: [30, 60] } }));
    expectOutcome(r, 'invalid');
    expect(r.missing).toBeNull();
    expect(r.errors[0]!.field).toBe('assessYears');
  });

  it('xilingol-2024/6.7: the transfer relief covers post appointment too (r3.7, marked)', () => {
    const same = run('xilingol-2024', person({ purpose: 'post', postGrade: 10, transferYear: 2024 }));
    expectOutcome(same, 'exempt', [0, 0, 0]);
    expect(same.interpretations!.some((i) => i.key === 'xilingol-2024/5.1')).toBe(true);
    const earlier = run('xilingol-2024', person({ purpose: 'post', postGrade: 3, transferYear: 2022, hours: { 2023: [30, 60], 2024: [30, 60] } }));
    expectOutcome(earlier, 'compliant');
    expect(earlier.years.map((y) => y.year)).toEqual([2023, 2024]);
  });

  it('xilingol-2024/6.4: the epidemic relief covers post appointment too (r3.7)', () => {
    const r = run('xilingol-2024', person({ purpose: 'post', postGrade: 9, epidemic: { flagged: true, years: [2022] }, hours: { 2023: [30, 60], 2024: [30, 60] } }));
    expectOutcome(r, 'compliant');
    expect(r.years.map((y) => y.year)).toEqual([2023, 2024]);
  });

  it('xilingol-2024/6.2: the reference-only rule applies only in the notice’s own review year (r3.8)', () => {
    const own = run('xilingol-2024', person(title('intermediate', { nonPublic: true, hours: full3(2022, 2023, 2024) })));
    expectOutcome(own, 'compliant');
    const other = run('xilingol-2024', person(title('junior', { grassroots: true, hours: { 2025: [30, 30] } })), [], { year: 2025 });
    expectOutcome(other, 'non-compliant', [30, 0, 30]);
    expect(other.warnings.some((w) => w.key === 'xilingol-2024/6.2' && w.message.includes('未适用'))).toBe(true);
  });

  it('alxa-2025/1.5.2: the reference-only rule applies only in the 2025 review (r3.8)', () => {
    expectOutcome(run('alxa-2025', person(title('junior', { nonPublic: true }))), 'not-restrictive', [90, 30, 60]);
    expectOutcome(run('alxa-2025', person(title('junior', { nonPublic: true })), [], { year: 2026 }), 'non-compliant', [90, 30, 60]);
  });

  it('alxa-2025/1.2: training of another kind credited to 2025 and dated outside the window counts, with a warning (r3.9)', () => {
    const r = run('alxa-2025', person({ hours: { 2025: [30, 0] } }), [record({ kind: '面授培训', category: 'professional', hours: 60, date: '2025-01-03' })]);
    expectOutcome(r, 'compliant');
    expect(r.warnings.some((w) => w.key === 'alxa-2025/1.2' && w.message.includes('单位可能无法上传'))).toBe(true);
    const online = run('alxa-2025', person({ hours: { 2025: [30, 0] } }), [record({ kind: '网络培训', category: 'professional', hours: 60, date: '2025-01-03' })]);
    expectOutcome(online, 'non-compliant', [60, 0, 60]);
  });

  it('hohhot-2022/3.4: the epidemic exemption states its condition and asks for proof (r3.11)', () => {
    const r = run('hohhot-2022', person(title('senior-deputy', { epidemic: { flagged: true, years: [2022] } })));
    expectOutcome(r, 'exempt', [0, 0, 0]);
    expect(r.reliefs[0]!.text).toContain('定点医院直接参与医疗救治');
    expect(r.warnings.some((w) => w.key === 'hohhot-2022/3.4' && w.message.includes('留存'))).toBe(true);
    expect(r.interpretations!.some((i) => i.key === 'hohhot-2022/3.4')).toBe(true);
  });

  it('xilingol-2024/7.2: the filed-plan waiver is marked and asks to keep the filed plan and 花名册 (r3.12)', () => {
    const r = run('xilingol-2024', person({ unitPlanFiled: true, hours: { 2024: [30, 0] } }));
    expectOutcome(r, 'compliant');
    expect(r.interpretations!.some((i) => i.key === 'xilingol-2024/7.2')).toBe(true);
    expect(r.warnings.some((w) => w.key === 'xilingol-2024/7.2' && w.message.includes('培训花名册'))).toBe(true);
  });

  it('hohhot-2022/2.1: under another review year the 2020 professional waiver stays inside its own window (differential class)', () => {
    const p = person(title('intermediate', { hours: { 2019: [30, 60], 2020: [30, 0], 2021: [30, 60] } }));
    const r = run('hohhot-2022', p, [], { year: 2021 });
    // the waiver is for the 2020–2022 window of the 2022 review only
    expect(r.years.find((y) => y.year === 2020)!.required.professional).toBe(60);
    expectOutcome(r, 'non-compliant', [60, 0, 60]);
    const own = run('hohhot-2022', person(title('intermediate', { hours: { 2020: [30, 0], 2021: [30, 60], 2022: [30, 60] } })));
    expectOutcome(own, 'compliant');
    expect(r.warnings.some((w) => w.message.includes('仅供参考'))).toBe(true);
  });

  it('nm-2017/art11: a review year other than the notice’s own puts a warning on every row (r3.17)', () => {
    for (const p of [person(), person(title('junior')), person({ purpose: 'assessment', assessYears: 1 })]) {
      const r = run('xilingol-2024', p, [], { year: 2025 });
      expect(r.warnings.some((w) => w.message.includes('2024年度通知') && w.message.includes('仅供参考'))).toBe(true);
    }
    expect(run('xilingol-2024', person()).warnings).toEqual([]);
  });
});

describe('revision 3 — pack data: deadlines and platforms (r3.18)', () => {
  it('xilingol-2024/4: the learning platforms carry the category each serves', () => {
    const pack = getPack('xilingol-2024')!;
    const prof = pack.platforms!.filter((p) => p.category === 'professional').map((p) => p.url);
    expect(prof).toContain('xlgl.chinahrt.cn');
    expect(pack.platforms!.filter((p) => p.category === 'public').map((p) => p.url)).toEqual(['nmg.chinahrt.com', 'zj.nmgrcpx.com']);
  });

  it('xilingol-2024/7.1: 内蒙古人才信息库 (www.nmgrck.cn) is named for the 审验卡; and in hohhot-2022/4.2 and alxa-2025/1.6', () => {
    for (const [id, key] of [['xilingol-2024', 'xilingol-2024/7.1'], ['hohhot-2022', 'hohhot-2022/4.2'], ['alxa-2025', 'alxa-2025/1.6']] as const) {
      const rck = getPack(id)!.platforms!.find((p) => p.url === 'www.nmgrck.cn');
      expect(rck, id).toMatchObject({ category: 'any', key });
    }
  });

  it('alxa-2025/1.4.1: both named platforms serve public and professional study', () => {
    const pack = getPack('alxa-2025')!;
    for (const c of ['public', 'professional'] as const) {
      expect(pack.platforms!.filter((p) => p.category === c && p.key === 'alxa-2025/1.4.1').map((p) => p.url)).toEqual(['www.tcc.edu.cn/h/subject/alsjxjy/', 'wlxy.nmgdj.gov.cn']);
    }
  });

  it('hohhot-2022/4.1, alxa-2025/3, xilingol-2024/7.2, nm-2018/3.5: each pack carries its deadlines as RULES.md §7 lists them', () => {
    const dates = (id: string) => getPack(id)!.deadlines!.map((d) => `${d.date} ${d.key}`);
    expect(dates('nm-2018')).toEqual(['2018-05-31 nm-2018/3.5']);
    expect(dates('hohhot-2022')).toEqual(['2022-01-20 hohhot-2022/4.1']);
    expect(dates('xilingol-2024')).toEqual(['2024-01-31 xilingol-2024/7.2', '2024-12-31 xilingol-2024/2']);
    expect(dates('alxa-2025')).toEqual(['2025-01-31 alxa-2025/3', '2025-10-15 alxa-2025/3', '2025-11-30 alxa-2025/1.2']);
    expect(getPack('alxa-2025')!.clauses['alxa-2025/3']!.interpretation).toContain('10月15日');
  });
});

describe('revision 3 — the remedy (r3.19, r3.22)', () => {
  it('xilingol-2024/2: a shortfall of the CE year or a make-up year is closable until the window ends, with days left', () => {
    const r = run('xilingol-2024', person(title('intermediate', { hours: { 2022: [30, 60], 2023: [30, 0], 2024: [30, 60] } })), [], { asOf: '2024-11-20' });
    expect(r.remedy).toMatchObject({ closable: { public: 0, professional: 60 }, closed: { public: 0, professional: 0 }, unknown: false, by: '2024-12-31', daysLeft: 41 });
    expect(r.remedy!.where.map((w) => w.url)).toEqual(['xlgl.chinahrt.cn', 'nmg.chinahrt.com', 'www.nmgrck.cn']);
  });

  it('xilingol-2024/8: the cost is for the closable hours only: public in whole 30-学时 packages, professional 2.50 元/学时', () => {
    const r = run('xilingol-2024', person({ hours: { 2024: [5, 59] } }));
    expect(r.remedy!.cost).toBe(77.5);
    const late = run('xilingol-2024', person({ hours: { 2024: [5, 59] } }), [], { asOf: '2025-01-05' });
    expect(late.remedy).toMatchObject({ closable: { public: 0, professional: 0 }, closed: { public: 25, professional: 1 }, cost: 0, daysLeft: 0 });
  });

  it('alxa-2025/1.2: years not allowed for make-up are closed; closable + closed = missing', () => {
    const r = run('alxa-2025', person(title('intermediate', { hours: { 2023: [30, 60], 2025: [30, 0] } })), [], { asOf: '2025-10-01' });
    expectOutcome(r, 'non-compliant', [150, 30, 120]);
    expect(r.remedy).toMatchObject({ closable: { public: 0, professional: 60 }, closed: { public: 30, professional: 60 }, cost: null });
    expect(r.remedy!.alternatives[0]).toContain('alxa-2025/1.4.5');
  });

  it('alxa-2025/1.5.1: under one year of three the remedy names the open year with the smallest shortfall', () => {
    const r = run('alxa-2025', person(title('intermediate', { sex: 'M', birth: '1973-08-08', hours: { 2023: [30, 30], 2024: [30, 40], 2025: [30, 50] } })), [], { asOf: '2025-10-01' });
    expect(r.remedy).toMatchObject({ closable: { public: 0, professional: 10 }, closed: { public: 0, professional: 0 }, year: 2025 });
  });

  it('nm-2018/3.4: under the ⅓ reduction the pooled shortfall is unknown where the notice states no window', () => {
    const r = run('nm-2018', person(title('intermediate', { sex: 'M', birth: '1966-01-01' })));
    expect(r.remedy).toMatchObject({ unknown: true, closable: null, closed: null, cost: null, by: null });
  });

  it('hohhot-2022/2.1: packs without a window say nothing either way: remedy unknown', () => {
    const r = run('hohhot-2022', person({ hours: { 2022: [30, 0] } }));
    expect(r.remedy).toMatchObject({ unknown: true, closable: null, closed: null });
    expect(r.remedy!.summary).toContain('当地安排');
  });

  it('xilingol-2024/2: under a review year other than the CE year the remedy is unknown (r3.22)', () => {
    const r = run('xilingol-2024', person({ hours: { 2025: [0, 0] } }), [], { year: 2025 });
    expect(r.remedy).toMatchObject({ unknown: true, closable: null, closed: null, cost: null });
  });

  it('nm-2017/art11: no remedy on compliant, exempt or invalid rows', () => {
    expect(run('xilingol-2024', person({ hours: { 2024: [30, 60] } })).remedy).toBeUndefined();
    expect(run('xilingol-2024', person(title('senior-full', { sex: 'M', birth: '1960-01-01' }))).remedy).toBeUndefined();
    expect(run('xilingol-2024', person({ purpose: 'assessment' })).remedy).toBeUndefined();
  });

  it('nm-2017/art11: the explanation ends with the remedy (pane, CE.EXPLAIN)', () => {
    const r = run('xilingol-2024', person({ hours: { 2024: [30, 40] } }));
    expect(r.explanation!.find((l) => l.startsWith('可补救：'))).toMatch(/^可补救：还可补专业20学时/);
    expect(r.explanation!.at(-1)).toMatch(/^(学习去处|另见|也可)：/);
    expect(r.explanation!.some((l) => l.startsWith('结论：'))).toBe(true);
  });
});

describe('revision 3 — rounding (r3.24)', () => {
  it('nm-2017/art11: missing hours round half up on the exact value (0.15 → 0.2, 0.95 → 1, 10.65 → 10.7)', () => {
    expect([0.15, 0.25, 0.95, 10.65, 0.05, 1.04, 30 - 29.85].map(roundHours)).toEqual([0.2, 0.3, 1, 10.7, 0.1, 1, 0.2]);
    const pack = getPack('xilingol-2024')!;
    const r = evaluate(person({ hours: { 2024: [29.85, 49.35] } }), [], pack, { asOf: date('2024-06-01') });
    expect(r.missing).toEqual({ total: 10.8, public: 0.2, professional: 10.7 });
    expect(keysOf(r)).toContain('nm-2017/art11');
  });
});
