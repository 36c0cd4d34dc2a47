/**
 * Properties the evaluator must hold for any person and records it accepts
 * (fast-check generates them): it never throws; more hours never mean more
 * missing; exempt means 0 missing; compliant ⇔ 0 missing for restrictive
 * statuses; record order does not matter; evaluating twice gives the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluator.js';
import { PACKS } from './packs/index.js';
import type { Level, Person, Purpose, RecordKind, TrainingRecord } from './types.js';

const KINDS: RecordKind[] = ['网络培训', '面授培训', '高研班', '事业单位培训', '行业培训', '学历教育', '实践考察', '职业技能培训', '三科教师培训', '中小学教师培训', '职业资格考试', '职称外语计算机考试'];
const LEVELS: Level[] = ['senior-full', 'senior-deputy', 'intermediate', 'junior', 'assistant', 'clerk'];
const PURPOSES: Purpose[] = ['annual', 'title', 'assessment', 'post'];

const hours = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 }), fc.double({ min: 0, max: 100, noNaN: true }));
const year = fc.integer({ min: 2014, max: 2026 });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const personArb: fc.Arbitrary<Person> = fc.record({
  sex: fc.constantFrom('M' as const, 'F' as const),
  birthYear: fc.integer({ min: 1955, max: 2004 }),
  purpose: fc.constantFrom(...PURPOSES),
  level: opt(fc.constantFrom(...LEVELS)),
  education: opt(fc.constantFrom('专科' as const, '本科' as const, '硕士' as const, '博士' as const)),
  assessYears: opt(fc.integer({ min: 1, max: 4 })),
  postGrade: opt(fc.integer({ min: 1, max: 13 })),
  postdoc: opt(fc.boolean()),
  nonPublic: opt(fc.boolean()),
  grassroots: opt(fc.boolean()),
  highSkill: opt(fc.boolean()),
  unitPlanFiled: opt(fc.boolean()),
  transferYear: opt(fc.integer({ min: 2014, max: 2025 })),
  exceptionalYears: opt(fc.integer({ min: 1, max: 4 })),
  epidemic: opt(fc.record({ flagged: fc.constant(true), years: fc.array(year, { maxLength: 2 }) })),
  qualExamYears: opt(fc.array(year, { maxLength: 2 })),
  titleExamYears: opt(fc.array(year, { maxLength: 2 })),
  hours: fc.dictionary(year.map(String), fc.record({ public: hours, professional: hours }), { maxKeys: 5 }),
}).map(({ birthYear, hours: h, ...rest }) => ({
  row: 2,
  id: '152502198503121121',
  name: 'p',
  birth: { year: birthYear, month: 6, day: 15 },
  cells: {},
  errors: [],
  warnings: [],
  hours: Object.fromEntries(Object.entries(h).map(([k, v]) => [Number(k), v])),
  ...rest,
}));

const recordArb: fc.Arbitrary<TrainingRecord> = fc.record({
  kind: fc.constantFrom(...KINDS),
  creditYear: year,
  category: opt(fc.constantFrom('public' as const, 'professional' as const)),
  hours: opt(hours),
  minutes: opt(fc.integer({ min: 0, max: 6000 })),
  filed: opt(fc.boolean()),
  date: opt(fc.record({ year, month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })),
}).map((r) => ({ row: 3, id: '152502198503121121', ...r }));

const packArb = fc.constantFrom(...PACKS);
const restrictive = new Set(['compliant', 'non-compliant']);

describe('evaluator properties', () => {
  it('never throws, and returns the contract shape', () => {
    fc.assert(fc.property(personArb, fc.array(recordArb, { maxLength: 8 }), packArb, (p, recs, pack) => {
      const r = evaluate(p, recs, pack, { explain: true });
      expect(r.row).toBe(2);
      if (r.status === 'invalid') expect(r.missing).toBeNull();
      else expect(r.missing!.total).toBeCloseTo(r.missing!.public + r.missing!.professional, 5);
    }), { numRuns: 400 });
  });

  it('exempt always has 0 missing; compliant ⇔ 0 missing for restrictive statuses', () => {
    fc.assert(fc.property(personArb, fc.array(recordArb, { maxLength: 8 }), packArb, (p, recs, pack) => {
      const r = evaluate(p, recs, pack);
      if (r.status === 'exempt') expect(r.missing).toEqual({ total: 0, public: 0, professional: 0 });
      if (restrictive.has(r.status)) expect(r.status === 'compliant').toBe(r.missing!.total === 0);
      if (r.status === 'not-restrictive') expect(r.missing!.total).toBeGreaterThan(0);
    }), { numRuns: 400 });
  });

  it('more hours never mean more missing hours', () => {
    fc.assert(fc.property(personArb, fc.array(recordArb, { maxLength: 6 }), packArb, year, hours, hours, (p, recs, pack, y, extraP, extraQ) => {
      const before = evaluate(p, recs, pack);
      const more: Person = { ...p, hours: { ...p.hours, [y]: { public: (p.hours[y]?.public ?? 0) + extraP, professional: (p.hours[y]?.professional ?? 0) + extraQ } } };
      const after = evaluate(more, recs, pack);
      expect(after.status).toBe(before.status === 'invalid' ? 'invalid' : after.status);
      if (before.missing && after.missing) {
        expect(after.missing.public).toBeLessThanOrEqual(before.missing.public + 1e-9);
        expect(after.missing.professional).toBeLessThanOrEqual(before.missing.professional + 1e-9);
      }
    }), { numRuns: 400 });
  });

  it('record order does not change the result, and evaluating twice gives the same result', () => {
    fc.assert(fc.property(personArb, fc.array(recordArb, { maxLength: 8 }), packArb, (p, recs, pack) => {
      const a = evaluate(p, recs, pack);
      const b = evaluate(p, [...recs].reverse(), pack);
      const c = evaluate(p, recs, pack);
      expect(b.status).toBe(a.status);
      expect(b.missing).toEqual(a.missing);
      expect(b.years).toEqual(a.years);
      expect(c).toEqual(a);
    }), { numRuns: 300 });
  });

  it('reader errors make the row invalid with those errors and no missing figure', () => {
    fc.assert(fc.property(personArb, packArb, (p, pack) => {
      const bad = { ...p, errors: [{ field: 'id', row: 2, column: 'C', header: '身份证号', value: '123', message: '身份证号应为18位' }] };
      const r = evaluate(bad, [], pack);
      expect(r.status).toBe('invalid');
      expect(r.missing).toBeNull();
      expect(r.errors[0]!.column).toBe('C');
    }), { numRuns: 50 });
  });
});
