import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { idCheckChar, parseIdNumber } from './idnumber.js';

const CASES = join(import.meta.dirname, '../../../../shared/cases');
const BAD = '152502198505062490';

function caseIds(): string[] {
  const ids: string[] = [];
  for (const f of readdirSync(CASES).filter((n) => n.endsWith('.csv'))) {
    for (const m of readFileSync(join(CASES, f), 'utf8').matchAll(/\b\d{17}[\dXx]\b/g)) ids.push(m[0]);
  }
  return [...new Set(ids)];
}

describe('parseIdNumber', () => {
  it('accepts every ID in the shared cases except the one with a wrong check digit', () => {
    const ids = caseIds();
    expect(ids.length).toBeGreaterThan(25);
    for (const id of ids) {
      const r = parseIdNumber(id);
      if (id === BAD) {
        expect(r).toMatchObject({ ok: false, message: '身份证号校验位错误，应为 5' });
      } else {
        expect(r.ok, id).toBe(true);
      }
    }
  });

  it('derives birth and sex from the 18-digit number', () => {
    expect(parseIdNumber('15010219981111475X')).toEqual({
      ok: true,
      id: '15010219981111475X',
      birth: { year: 1998, month: 11, day: 11 },
      sex: 'M',
      legacy: false,
    });
    expect(parseIdNumber('152502198503121121')).toMatchObject({ ok: true, sex: 'F' });
  });

  it('accepts lower-case x, spaces, full-width digits', () => {
    expect(parseIdNumber('15010219981111475x')).toMatchObject({ ok: true, id: '15010219981111475X' });
    expect(parseIdNumber(' 150102 19981111 475X ')).toMatchObject({ ok: true, id: '15010219981111475X' });
    expect(parseIdNumber('１５２５０２１９８５０３１２１１２１')).toMatchObject({ ok: true, id: '152502198503121121' });
  });

  it('reports the length', () => {
    expect(parseIdNumber('15250219850312112')).toEqual({ ok: false, id: '15250219850312112', message: '身份证号应为18位（或15位旧号），实为17位' });
  });

  it('reports a birth date that does not exist', () => {
    const first17 = '15250219990230123';
    const r = parseIdNumber(first17 + idCheckChar(first17));
    expect(r).toMatchObject({ ok: false, message: '身份证号中的出生日期不存在：1999-02-30' });
    // 2000 is a leap year, 1900 rules do not apply to 4-digit years here
    const leap = '15250220000229123';
    expect(parseIdNumber(leap + idCheckChar(leap)).ok).toBe(true);
  });

  it('reads 15-digit legacy numbers as 19YY, last digit odd = male', () => {
    expect(parseIdNumber('152502850312113')).toEqual({
      ok: true,
      id: '152502850312113',
      birth: { year: 1985, month: 3, day: 12 },
      sex: 'M',
      legacy: true,
    });
    expect(parseIdNumber('152502850312112')).toMatchObject({ ok: true, sex: 'F' });
    expect(parseIdNumber('152502850230112')).toMatchObject({ ok: false, message: '身份证号中的出生日期不存在：1985-02-30' });
  });

  it('explains numbers Excel turned into scientific notation', () => {
    const r = parseIdNumber('1.52502E+17');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/文本/);
  });

  it('rejects illegal characters', () => {
    expect(parseIdNumber('15250219850312112A').ok).toBe(false);
    expect(parseIdNumber('')).toMatchObject({ ok: false, message: '缺少身份证号' });
  });
});

import fc from 'fast-check';
describe('parseIdNumber properties', () => {
  const id17 = fc
    .record({
      region: fc.integer({ min: 110000, max: 659999 }),
      date: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }),
      seq: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ region, date, seq }) => `${region}${date.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`);
  it('the computed check character is accepted, every other one rejected', () => {
    fc.assert(
      fc.property(id17, fc.constantFrom(...'0123456789X'), (first17, other) => {
        const good = parseIdNumber(first17 + idCheckChar(first17));
        expect(good.ok).toBe(true);
        if (good.ok) expect(good.sex).toBe(Number(first17[16]) % 2 === 1 ? 'M' : 'F');
        if (other !== idCheckChar(first17)) expect(parseIdNumber(first17 + other).ok).toBe(false);
      }),
    );
  });
  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseIdNumber(s)));
  });
});
