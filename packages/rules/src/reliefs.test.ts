/**
 * Reliefs are units: the order they apply in is one declared list, and a new
 * relief needs a unit, pack data and tests — not an evaluator edit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluator.js';
import { compilePack } from './plan.js';
import { getPack } from './packs/index.js';
import { RELIEF_UNITS, type ReliefUnit } from './reliefs.js';
import type { PolicyPack } from './pack.js';
import { expectOutcome, person, title } from './test-support.js';

describe('relief units', () => {
  it('apply in the declared order: full exemptions, window changes, counting reductions, reference only', () => {
    expect(RELIEF_UNITS.map((u) => u.id)).toEqual(['ageExempt', 'transfer', 'postdocSenior', 'exceptional', 'epidemic', 'ageReduction', 'referenceOnly']);
    expect(Object.isFrozen(RELIEF_UNITS)).toBe(true);
  });

  it('xilingol-2024/6.7 then xilingol-2024/6.9: window changes combine — the later cut-off wins', () => {
    const r = evaluate(person(title('intermediate', { transferYear: 2022, exceptionalYears: 1, hours: { 2024: [30, 60] } })), [], getPack('xilingol-2024')!, { explain: true });
    expectOutcome(r, 'compliant');
    expect(r.years.map((y) => y.year)).toEqual([2024]);
    expect(r.reliefs.map((x) => x.key)).toEqual(['xilingol-2024/6.7', 'xilingol-2024/6.9']);
  });

  it('a made-up relief is a unit plus pack data: evaluator.ts does not change', () => {
    // What a newcomer writes for a (made-up) notice clause "援派干部 2023 年度不作要求":
    // a unit that reads its data from pack.reliefs by its id...
    const aidPosting: ReliefUnit = {
      id: 'aidPosting',
      window(c) {
        const data = c.pack.reliefs['aidPosting'] as { years: number[]; key: string } | undefined;
        if (data === undefined || c.person.highSkill !== true) return undefined;
        c.t.relief(data.key, `援派期间：${data.years.join('、')}年不作要求`);
        return { remove: data.years };
      },
    };
    // ...the clause and the data in a pack...
    const base = getPack('xilingol-2024')!;
    const pack: PolicyPack = {
      ...base,
      id: 'xilingol-2024-aid',
      clauses: { ...base.clauses, 'xilingol-2024/9.9': { key: 'xilingol-2024/9.9', quote: '（虚构条款，仅供测试）', rule: '援派干部援派年度不作要求。' } },
      reliefs: { ...base.reliefs, aidPosting: { years: [2023], key: 'xilingol-2024/9.9' } },
    };
    // ...and the plan that lists it.
    const plan = compilePack(pack, { reliefs: [...RELIEF_UNITS, aidPosting] });
    const p = person(title('intermediate', { highSkill: true, hours: { 2022: [30, 60], 2024: [30, 60] } }));
    const withUnit = evaluate(p, [], plan, { explain: true });
    expectOutcome(withUnit, 'compliant');
    expect(withUnit.years.map((y) => y.year)).toEqual([2022, 2024]);
    expect(withUnit.rules.map((r) => r.key)).toContain('xilingol-2024/9.9');
    expect(withUnit.explanation!.some((l) => l.includes('援派期间：2023年不作要求'))).toBe(true);
    // without the unit in the plan the data is inert
    expectOutcome(evaluate(p, [], compilePack(pack), {}), 'non-compliant', [90, 30, 60]);
    // and the evaluator reads no relief's data: only the units do
    const source = readFileSync(new URL('./evaluator.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/pack\.reliefs/);
    for (const unit of RELIEF_UNITS) expect(source, unit.id).not.toMatch(new RegExp(`\\b${unit.id}\\b`));
  });

  it('xilingol-2024/6.1: the annual check names the right title-review relief when exemption and reduction share a clause and a threshold (50)', () => {
    // a woman of 52 would be exempt (≥ 50); a man of 52 would only need one year of three (≥ 50, < 55)
    const plan = compilePack(getPack('xilingol-2024')!);
    const woman = evaluate(person({ sex: 'F', birth: '1972-01-01', hours: { 2024: [30, 60] } }), [], plan, {});
    const man = evaluate(person({ sex: 'M', birth: '1972-01-01', hours: { 2024: [30, 60] } }), [], plan, {});
    expect((woman.notes ?? []).map((n) => n.message)).toEqual(['若申报职称评审，可享受：已满50周岁，免除学时要求']);
    expect((man.notes ?? []).map((n) => n.message)).toEqual(['若申报职称评审，可享受：已满50周岁，完成近三年中一个年度的学时即可']);
  });

  it('a unit that names its needs is skipped for rows without them, and one that names none runs for every row', () => {
    const calls = { needy: 0, plain: 0 };
    const needy: ReliefUnit = { id: 'needy', needs: ['transferYear'], window: () => (calls.needy++, undefined) };
    const plain: ReliefUnit = { id: 'plain', window: () => (calls.plain++, undefined) };
    const base = getPack('xilingol-2024')!;
    const pack: PolicyPack = { ...base, id: 'xilingol-2024-needs', reliefs: { ...base.reliefs, needy: {}, plain: {} } };
    const plan = compilePack(pack, { reliefs: [...RELIEF_UNITS, needy, plain] });
    evaluate(person(title('intermediate')), [], plan, {});
    expect(calls).toEqual({ needy: 0, plain: 1 });
    evaluate(person(title('intermediate', { transferYear: 2020 })), [], plan, {});
    expect(calls).toEqual({ needy: 1, plain: 2 });
  });

  it('the built-in units give every case the result they give when compiled for every row', () => {
    // needs only skip calls: a plan that ignores them (all inputs) answers alike
    const pack = getPack('xilingol-2024')!;
    const everyUnit = RELIEF_UNITS.map((u) => ({ ...u, needs: undefined }));
    const rows = [
      person(title('senior-deputy', { sex: 'M', birth: '1969-05-01' })),
      person(title('intermediate', { sex: 'F', birth: '1976-05-01', hours: { 2024: [30, 60] } })),
      person(title('intermediate', { transferYear: 2023, hours: { 2024: [30, 60] } })),
      person(title('intermediate', { exceptionalYears: 1, hours: { 2024: [30, 10] } })),
      person(title('senior-full', { postdoc: true })),
      person(title('intermediate', { epidemic: { flagged: true, years: [2022] } })),
      person(title('intermediate', { nonPublic: true })),
      person({ grassroots: true, sex: 'M', birth: '1970-01-01', transferYear: 2024 }),
    ];
    const a = compilePack(pack);
    const b = compilePack(pack, { reliefs: everyUnit });
    for (const p of rows) expect(evaluate(p, [], a, { explain: true }), `row ${p.row}`).toEqual(evaluate(p, [], b, { explain: true }));
  });
});
