import { describe, expect, it } from 'vitest';
import { person, record, run } from './test-support.js';
import { evaluate } from './evaluator.js';
import { getPack } from './packs/index.js';

describe('evaluator messages', () => {
  it('an error about a column the sheet lacks names the column to add', () => {
    const r = run('xilingol-2024', person({ purpose: 'post' }));
    expect(r.status).toBe('invalid');
    expect(r.errors[0]).toMatchObject({ header: '岗位等级' });
    expect(r.errors[0]!.message).toContain('表中没有“岗位等级”列');
  });

  it('an error about a present cell names its column letter, header and value', () => {
    const r = run('xilingol-2024', person({ purpose: 'post', postGrade: 15, cells: { postGrade: { row: 4, column: 'K', header: '岗位等级', value: '15' } } }));
    expect(r.errors[0]).toMatchObject({ column: 'K', header: '岗位等级', value: '15' });
    expect(r.explanation!.at(-1)).toContain('K列');
  });

  it('the explanation names the notice by its issuer and its own document number or date', () => {
    expect(run('alxa-2025', person()).explanation![0]).toContain('阿拉善盟人力资源和社会保障局《关于做好全盟2025年专业技术人员继续教育工作的通知》（2025-01-02）');
    expect(run('xilingol-2024', person()).explanation![0]).toContain('锡人社办字〔2024〕11号');
  });

  it('without explain, no explanation text is built', () => {
    const r = evaluate(person({ hours: { 2024: [30, 0] } }), [], getPack('xilingol-2024')!);
    expect(r.explanation).toBeUndefined();
    expect(r.status).toBe('non-compliant');
  });
});

describe('evaluator working state (shared between rows for speed)', () => {
  const pack = getPack('xilingol-2024')!;
  const opts = { year: 2024, explain: true };
  const old = () => person({ sex: 'M', birth: '1960-01-01', purpose: 'title', level: 'senior-deputy' });
  const plain = () => person({ purpose: 'title', level: 'intermediate', hours: { 2022: [30, 60], 2023: [30, 60], 2024: [10, 0] } });
  const withRecords = [record({ kind: '网络培训', category: 'professional', hours: 50, date: '2024-05-01' })];

  it('one evaluation leaves nothing behind for the next: reliefs, credit, readings, explanation', () => {
    const alone = evaluate(plain(), [], pack, opts);
    // a row with a relief and record credit, then the plain row again
    const busy = evaluate(old(), withRecords, pack, opts);
    expect(busy.status).toBe('exempt');
    const busyThen = structuredClone(busy);
    expect(busyThen.reliefs.length).toBeGreaterThan(0);
    const after = evaluate(plain(), [], pack, opts);
    expect(after).toEqual({ ...alone, row: after.row });
    expect(after.reliefs).toEqual([]);
    expect(after.missing).toEqual({ total: 80, public: 20, professional: 60 });
    // and the earlier result was not changed by the later rows
    evaluate(plain(), withRecords, pack, opts);
    expect(busy).toEqual(busyThen);
  });

  it('record credit does not carry over: the same records count for their own row only', () => {
    const withCredit = evaluate(plain(), withRecords, pack, opts);
    const without = evaluate(plain(), [], pack, opts);
    expect(withCredit.missing!.professional).toBe(10);
    expect(without.missing!.professional).toBe(60);
  });

  it('rows that apply the same clauses share one frozen list of rules', () => {
    const a = evaluate(plain(), [], pack, opts);
    const b = evaluate(plain(), [], pack, opts);
    expect(b.rules).toBe(a.rules);
    expect(Object.isFrozen(a.rules)).toBe(true);
    const c = evaluate(plain(), withRecords, pack, opts);
    expect(c.rules).not.toBe(a.rules);
    expect(c.rules.map((r) => r.key)).toEqual(expect.arrayContaining(a.rules.map((r) => r.key)));
  });
});
