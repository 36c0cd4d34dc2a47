import { describe, expect, it } from 'vitest';
import { date, person, record, run } from './test-support.js';
import { evaluate } from './evaluator.js';
import { compilePack } from './plan.js';
import { remedyFor } from './remedy.js';
import { remedyLines } from './explain.js';
import type { Person } from './types.js';
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

describe('evaluator working state (kept in the caller’s compiled plan, shared between its rows)', () => {
  const pack = compilePack(getPack('xilingol-2024')!);
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

  it('year lines shared between rows keep their own figures: hours that print alike but leave other shortfalls get their own line', () => {
    // 0.05 and 0.14 both print as 0.1, but leave 29.95 (→ 30) and 29.86 (→ 29.9) public hours missing
    const line = (pub: number) => evaluate(person({ hours: { 2024: [pub, 60] } }), [], pack, opts).explanation!.find((l) => l.startsWith('2024年'));
    expect(line(0.05)).toBe('2024年：公需 0.1/30（缺30），专业 60/60');
    expect(line(0.14)).toBe('2024年：公需 0.1/30（缺29.9），专业 60/60');
    expect(line(0.05)).toBe('2024年：公需 0.1/30（缺30），专业 60/60');
    expect(line(1 / 3)).toBe('2024年：公需 0.3/30（缺29.7），专业 60/60');
  });

  it('shared basis, age and conclusion lines follow their own review year, as-of date, sex and hours', () => {
    const plan = compilePack(getPack('xilingol-2024')!);
    const lines = (p: Person, o: { year?: number; asOf?: string }) =>
      evaluate(p, [], plan, { explain: true, ...(o.year ? { year: o.year } : {}), ...(o.asOf ? { asOf: date(o.asOf) } : {}) }).explanation!;
    const title = { purpose: 'title', level: 'intermediate', birth: '1980-06-15' } as const;
    const man = () => person({ ...title, sex: 'M', hours: { 2022: [30, 60], 2023: [30, 60], 2024: [30, 20] } });
    const woman = () => person({ ...title, sex: 'F', hours: { 2022: [30, 60], 2023: [30, 60], 2024: [30, 20.5] } });
    expect(lines(man(), {})).toEqual(expect.arrayContaining(['年龄：男，44周岁（截至2024-12-31）。', '结论：未达标，缺少40学时（公需0，专业40）。']));
    expect(lines(man(), { asOf: '2024-06-01' })).toContain('年龄：男，43周岁（截至2024-06-01）。');
    expect(lines(woman(), {})).toEqual(expect.arrayContaining(['年龄：女，44周岁（截至2024-12-31）。', '结论：未达标，缺少39.5学时（公需0，专业39.5）。']));
    expect(lines(man(), { year: 2025 })[0]).toContain('审核年度2025年');
    expect(lines(man(), {})[0]).toContain('审核年度2024年');
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

  it('nm-2017/art11: rows that owe the same hours share one remedy, frozen to the bottom, so no row can change another\'s', () => {
    const plan = compilePack(getPack('xilingol-2024')!);
    const owe = () => person({ hours: { 2024: [30, 20] } });
    const a = evaluate(owe(), [], plan, {});
    const b = evaluate(owe(), [], plan, {});
    expect(b.remedy).toBe(a.remedy);
    const r = a.remedy!;
    for (const part of [r, r.closable, r.closed, r.where, r.where[0], r.alternatives]) expect(Object.isFrozen(part)).toBe(true);
    expect(() => {
      (r.closable as { professional: number }).professional = 0;
    }).toThrow(TypeError);
    expect(b.remedy!.closable!.professional).toBe(40);
  });
});

describe('shared remedies (nm-2017/art11) are each row\'s own figures', () => {
  it('nm-2017/art11: rows explained in turn end with their own remedy\'s lines, shared or not', () => {
    const plan = compilePack(getPack('xilingol-2024')!);
    const rows = [person({ hours: { 2024: [30, 20] } }), person({ hours: { 2024: [10, 60] } }), person({ hours: { 2024: [30, 20] } })];
    for (let pass = 0; pass < 2; pass++) {
      for (const p of rows) {
        const r = evaluate(p, [], plan, { explain: true });
        const tail = remedyLines(r.remedy!);
        expect(r.explanation!.slice(-tail.length)).toEqual(tail);
      }
    }
    // a remedy not handed out by the plan (another review year: unknown) still gets its own lines
    const other = evaluate(rows[1]!, [], plan, { explain: true, year: 2023 });
    const otherTail = remedyLines(other.remedy!);
    expect(other.remedy!.unknown).toBe(true);
    expect(other.explanation!.slice(-otherTail.length)).toEqual(otherTail);
  });

  it('nm-2017/art11: thousands of distinct shortfalls in one plan each get the remedy worked out for them alone', () => {
    const pack = getPack('xilingol-2024')!;
    const plan = compilePack(pack);
    const cases: [number, number, number][] = [];
    for (let pub = 0; pub <= 30; pub += 2.5) for (let prof = 0; prof <= 60; prof += 0.7) cases.push([pub, prof, 2024]);
    for (let prof = 0; prof <= 60; prof += 3) cases.push([30, prof, 2023]);
    expect(cases.length).toBeGreaterThan(1000);
    const seen = { closable: new Set<string>(), closed: new Set<string>() };
    // inside the window (hours closable) and after it (closed)
    for (const asOf of [date('2024-06-01'), date('2025-01-05')]) {
      for (const [pub, prof, year] of cases) {
        const row = person({ purpose: 'title', level: 'intermediate', hours: { 2022: [30, 60], 2023: [30, 60], 2024: [30, 60], [year]: [pub, prof] } });
        const r = evaluate(row, [], plan, { year: 2024, asOf });
        if (r.missing === null || r.missing.total === 0) continue;
        // the same figures, remedied without the plan's shared table
        const own = remedyFor({ pack, reviewYear: 2024, asOf, mode: 'plain', figures: r.years, missing: r.missing });
        expect(r.remedy, `${pub}/${prof} in ${year}, as of ${asOf.month}-${asOf.day}`).toEqual(own);
        seen.closable.add(JSON.stringify(own.closable));
        seen.closed.add(JSON.stringify(own.closed));
      }
    }
    // the keys were exercised: many distinct closable and closed figures
    expect(seen.closable.size).toBeGreaterThan(300);
    expect(seen.closed.size).toBeGreaterThan(300);
  });
});

describe('engine state belongs to the caller’s plan, not to the package', () => {
  const xl = getPack('xilingol-2024')!;
  const opts = { explain: true };
  const short = () => person({ purpose: 'title', level: 'intermediate', hours: { 2022: [30, 60], 2023: [30, 60], 2024: [10, 0] } });
  const old = () => person({ sex: 'M', birth: '1960-01-01', purpose: 'title', level: 'senior-deputy' });

  it('two plans evaluated interleaved give the answers each gives alone', () => {
    const alone = [evaluate(short(), [], compilePack(xl), opts), evaluate(old(), [], compilePack(getPack('hohhot-2022')!), opts)];
    const a = compilePack(xl);
    const b = compilePack(getPack('hohhot-2022')!);
    for (let i = 0; i < 3; i++) {
      const ra = evaluate(short(), [], a, opts);
      const rb = evaluate(old(), [], b, opts);
      expect({ ...ra, row: 0 }).toEqual({ ...alone[0]!, row: 0 });
      expect({ ...rb, row: 0 }).toEqual({ ...alone[1]!, row: 0 });
    }
  });

  it('an evaluation re-entered from inside another on the same plan leaves both right', () => {
    const plan = compilePack(xl);
    const expectedOuter = evaluate(short(), [], compilePack(xl), opts);
    const expectedInner = evaluate(old(), [], compilePack(xl), opts);
    let inner: ReturnType<typeof evaluate> | undefined;
    const outer = short();
    // reading the row's hours runs another evaluation on the same plan mid-way
    const hours = outer.hours;
    Object.defineProperty(outer, 'hours', {
      get: () => {
        inner ??= evaluate(old(), [], plan, opts);
        return hours;
      },
    });
    const result = evaluate(outer as Person, [], plan, opts);
    expect(inner).toBeDefined();
    expect({ ...result, row: 0 }).toEqual({ ...expectedOuter, row: 0 });
    expect({ ...inner!, row: 0 }).toEqual({ ...expectedInner, row: 0 });
  });

  it('changing one result never changes another: its own parts change, shared parts are frozen and refuse', () => {
    const plan = compilePack(xl);
    const a = evaluate(short(), [], plan, opts);
    const b = evaluate(short(), [], plan, opts);
    const before = structuredClone(b);
    // what a careless consumer might do, past the read-only types
    const loose = a as unknown as { missing: { total: number }; years: { credited: { public: number }; required: { public: number } }[]; [k: string]: unknown };
    const list = (k: string) => loose[k] as unknown[];
    const attempts: (() => void)[] = [
      () => (loose.missing.total = 999),
      () => (loose.years[0]!.credited.public = 999),
      () => (loose.years[0]!.required.public = 999),
      () => list('rules').push({ key: 'x', text: 'x' }),
      () => list('reliefs').push({ key: 'x', text: 'x' }),
      () => list('warnings').push({ message: 'x' }),
      () => list('excluded').push({ row: 0, kind: 'x', year: 0, hours: 0, reason: 'x', key: 'x' }),
      () => list('explanation').push('x'),
      () => (list('interpretations').length = 0),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
      } catch (e) {
        expect(e).toBeInstanceOf(TypeError);
      }
    }
    expect(b).toEqual(before);
  });

  it('the rules package keeps no mutable state at module level (source check)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('.', import.meta.url);
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-support.ts');
    const offenders: string[] = [];
    for (const f of sources) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      for (const line of text.split('\n')) {
        // read-only constants (typed ReadonlySet/ReadonlyMap) are fine; anything else made at load time is state
        if (/: Readonly(Set|Map)</.test(line)) continue;
        if (/^(export )?let /.test(line) || /^(export )?const \w+(: [^=]+)? = new (Map|WeakMap|Set|WeakSet|[A-Z]\w*)\b/.test(line)) offenders.push(`${f}: ${line.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

