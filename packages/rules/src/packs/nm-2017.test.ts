import { describe, expect, it } from 'vitest';
import { expectOutcome, keysOf, person, record, run, title } from '../test-support.js';

describe('nm-2017 (base rules)', () => {
  it('nm-2017/art9: online and face-to-face training count to the category the record names', () => {
    const r = run('nm-2017', person(), [
      record({ kind: '网络培训', category: 'public', hours: 30, date: '2017-03-01' }),
      record({ kind: '面授培训', category: 'professional', hours: 60, date: '2017-04-01' }),
    ]);
    expectOutcome(r, 'compliant', [0, 0, 0]);
    expect(keysOf(r)).toContain('nm-2017/art9');
  });

  it('nm-2017/art9: a record without 类别 cannot be counted and says why', () => {
    const r = run('nm-2017', person({ hours: { 2017: [30, 0] } }), [record({ kind: '网络培训', hours: 60, date: '2017-03-01' })]);
    expectOutcome(r, 'non-compliant', [60, 0, 60]);
    expect(r.excluded[0]).toMatchObject({ key: 'nm-2017/art9', hours: 60 });
  });

  it('nm-2017/art10: minutes convert per record as floor(minutes/45); half a day is 4 学时', () => {
    const r = run('nm-2017', person({ hours: { 2017: [30, 0] } }), [
      record({ kind: '面授培训', category: 'professional', minutes: 2699, date: '2017-03-01' }), // 59.97 → 59
      record({ kind: '实践考察', halfDays: 0.25, date: '2017-03-02' }), // 1 学时
    ]);
    expect(r.years[0]!.credited.professional).toBe(60);
    expectOutcome(r, 'compliant');
    expect(keysOf(r)).toContain('nm-2017/art10');
    const day = run('nm-2017', person({ hours: { 2017: [30, 0] } }), [record({ kind: '学术讲座', halfDays: 2, date: '2017-05-01' })]);
    expect(day.years[0]!.credited.professional).toBe(8);
  });

  it('nm-2017/art11: 30 public and 60 professional are separate minimums; surplus never crosses categories', () => {
    const r = run('nm-2017', person({ hours: { 2017: [90, 30] } }));
    expectOutcome(r, 'non-compliant', [30, 0, 30]);
    expect(r.years).toEqual([{ year: 2017, required: { public: 30, professional: 60 }, credited: { public: 90, professional: 30 } }]);
    expect(r.interpretations!.some((i) => i.key === 'nm-2017/art11' && i.text.startsWith('按本系统解释'))).toBe(true);
  });

  it('nm-2017/art11: surplus in one year never covers another year', () => {
    const r = run('nm-2018', person(title('intermediate', { hours: { 2016: [60, 120], 2017: [0, 0], 2018: [30, 60] } })));
    expectOutcome(r, 'non-compliant', [90, 30, 60]);
  });

  it('nm-2017/art12: degree education, conferences and unit study count as professional hours whatever 类别 says', () => {
    const r = run('nm-2017', person({ hours: { 2017: [30, 0] } }), [
      record({ kind: '学历教育', category: 'public', hours: 40, date: '2017-06-01' }),
      record({ kind: '学术交流', hours: 10, date: '2017-06-02' }),
      record({ kind: '事业单位培训', category: 'public', hours: 10, date: '2017-06-03' }),
    ]);
    expect(r.years[0]!.credited).toEqual({ public: 30, professional: 60 });
    expect(keysOf(r)).toContain('nm-2017/art12');
  });

  it('nm-2017/art12: vocational-skill training is not among the forms and is excluded with the reason', () => {
    const r = run('nm-2017', person({ hours: { 2017: [30, 60] }, highSkill: true }), [record({ kind: '职业技能培训', hours: 20, date: '2017-06-01' })]);
    expect(r.excluded).toHaveLength(1);
    expect(r.excluded[0]!.reason).toContain('职业技能培训');
  });

  it('nm-2017 defines no title-review window: such a row is invalid with a message naming the notice', () => {
    const r = run('nm-2017', person(title('intermediate')));
    expectOutcome(r, 'invalid');
    expect(r.missing).toBeNull();
    expect(r.errors[0]!.message).toContain('nm-2017');
  });
});
