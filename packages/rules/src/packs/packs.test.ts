import { describe, expect, it } from 'vitest';
import { PACKS, getPack, listPacks } from './index.js';

describe('the pack registry', () => {
  it('holds the five notices with unique ids, found by id', () => {
    expect(listPacks().map((p) => p.id)).toEqual(['nm-2017', 'nm-2018', 'hohhot-2022', 'xilingol-2024', 'alxa-2025']);
    expect(getPack(' xilingol-2024 ')?.ceYear).toBe(2024);
    expect(getPack('nm-2026')).toBeUndefined();
  });

  it('a pack never inherits another notice’s identity, window, deadline or fees', () => {
    const byId = Object.fromEntries(PACKS.map((p) => [p.id, p]));
    expect(byId['alxa-2025']!.docNumber).toBeUndefined();
    expect(byId['hohhot-2022']!.docNumber).toBeUndefined();
    expect(byId['xilingol-2024']!.docNumber).toBe('锡人社办字〔2024〕11号');
    expect(byId['hohhot-2022']!.window).toBeUndefined();
    expect(byId['alxa-2025']!.fees).toBeUndefined();
    expect(byId['nm-2018']!.filing).toBeUndefined();
    for (const p of PACKS.filter((x) => x.inherits)) expect(p.inherits).toBe('nm-2017');
  });

  it('every pack inherits the base clauses and states every record kind', () => {
    for (const p of PACKS) {
      expect(p.clauses['nm-2017/art11']).toBeDefined();
      expect(Object.keys(p.kinds)).toHaveLength(16);
    }
  });
});

import { extendPack, clauses } from './define.js';
import { nm2017 } from './nm-2017.js';
import { evaluate } from '../evaluator.js';
import { person, record } from '../test-support.js';

describe('a new notice is one data file', () => {
  // A made-up 2026 notice using only known mechanisms: 3-year title window,
  // one-third age reduction, a training window with make-up of 2025, fees.
  const nm2026 = extendPack(nm2017, {
    id: 'nm-2026',
    title: '（示例）2026年专业技术人员继续教育工作通知',
    issuer: '示例人社局',
    issued: '2026-01-05',
    ceYear: 2026,
    scope: '示例',
    seedFile: 'none',
    clauses: clauses(
      { key: 'nm-2026/1', quote: '申报高、中级职称评审的人员，需完成近三年学时', rule: '高、中级近三年；初级当年' },
      { key: 'nm-2026/2', quote: '培训时间2026年2月1日至10月31日，可补学2025年度', rule: '网络培训须在窗口内；可补学2025年度' },
      { key: 'nm-2026/3', quote: '男满50周岁、女满45周岁完成规定学时的1/3即可', rule: '1/3' },
    ),
    annualRequirement: nm2017.annualRequirement,
    purposes: {
      annual: nm2017.purposes.annual,
      title: { seniorIntermediate: { years: 3, key: 'nm-2026/1' }, junior: { years: 1, key: 'nm-2026/1' } },
    },
    overrides: [],
    reliefs: { ageReduction: { male: 50, female: 45, mode: 'one-third', purposes: ['title'], key: 'nm-2026/3' } },
    exams: nm2017.exams,
    units: nm2017.units,
    window: { start: '2026-02-01', end: '2026-10-31', kinds: ['网络培训'], makeUpYears: [2025], key: 'nm-2026/2' },
  });

  it('is evaluated by the same evaluator with its own window, make-up years and reliefs', () => {
    const p = person({ purpose: 'title', level: 'intermediate', sex: 'M', birth: '1974-01-01', hours: { 2024: [30, 60] } });
    const r = evaluate(p, [
      record({ kind: '网络培训', category: 'public', creditYear: 2025, hours: 30, date: '2026-03-01' }),
      record({ kind: '网络培训', category: 'professional', creditYear: 2026, hours: 10, date: '2026-11-15' }),
    ], nm2026, { explain: true });
    // one third of 90 public / 180 professional = 30 / 60; credited 60 public, 60 professional (the November record is outside the window)
    expect(r.status).toBe('compliant');
    expect(r.excluded).toHaveLength(1);
    expect(r.excluded[0]!.key).toBe('nm-2026/2');
    expect(r.rules.map((x) => x.key)).toEqual(expect.arrayContaining(['nm-2026/1', 'nm-2026/2', 'nm-2026/3']));
    expect(r.explanation![0]).toContain('示例人社局');
  });
});
