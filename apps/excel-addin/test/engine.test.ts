import { describe, expect, it } from 'vitest';
import { STATUS_LABELS, type Status } from '@ce/rules';
import { readWorkbook } from '../src/core/check.js';
import { buildIndex, fnExplain, fnHours, fnIdCheck, fnMissing, fnMissingProfessional, fnMissingPublic, fnStatus, FunctionError, resultFor } from '../src/functions/engine.js';
import { caseGrid, caseSettings, expectedRows, loadCases, toExcelGrid } from './helpers.js';

describe('CE.* function logic over the public cases', () => {
  for (const c of loadCases()) {
    it(`${c.file} (${c.policy})`, () => {
      const rows = caseGrid(c.file);
      const read = readWorkbook({ roster: toExcelGrid(rows), sheetName: '花名册', records: c.records ? toExcelGrid(caseGrid(c.records)) : undefined, recordsSheetName: '培训记录' });
      const index = buildIndex(read, '花名册');
      const settings = caseSettings(c);
      for (const e of expectedRows(rows)) {
        const where = `${c.file} row ${e.row}`;
        expect(fnStatus(index, e.id, settings), where).toBe(STATUS_LABELS[e.status as Status].zh);
        if (e.status === 'invalid') {
          expect(() => fnMissing(index, e.id, settings), where).toThrow(FunctionError);
          continue;
        }
        expect(fnMissing(index, e.id, settings), where).toBe(e.missing);
        expect(fnMissingPublic(index, e.id, settings), where).toBe(e.public);
        expect(fnMissingProfessional(index, e.id, settings), where).toBe(e.professional);
        expect(fnExplain(index, e.id, settings), where).toMatch(/\[[a-z0-9-]+\/[^\]]+\]/);
      }
    });
  }
});

describe('a plan per index', () => {
  it('compiles each pack once for the index, not once per call (every call compiled it: 4× the hand formula at 10k)', () => {
    const rows = caseGrid('xilingol-2024.csv');
    const index = buildIndex(readWorkbook({ roster: toExcelGrid(rows) }), '花名册');
    const ids = expectedRows(rows).filter((e) => e.status !== 'invalid').map((e) => e.id);
    fnMissing(index, ids[0], { policy: 'xilingol-2024' });
    const plan = index.plans.get('xilingol-2024');
    expect(plan).toBeDefined();
    for (const id of ids.slice(1)) fnMissing(index, id, { policy: 'xilingol-2024' });
    expect(index.plans.get('xilingol-2024')).toBe(plan);
    fnMissing(index, ids[0], { policy: 'hohhot-2022' });
    expect([...index.plans.keys()].sort()).toEqual(['hohhot-2022', 'xilingol-2024']);
  });
});

describe('errors and helpers', () => {
  const rows = caseGrid('xilingol-2024.csv');
  const index = buildIndex(readWorkbook({ roster: toExcelGrid(rows) }), '花名册');
  it('unknown ID → #N/A with a message, bad ID → #VALUE!', () => {
    try {
      fnMissing(index, '110101199003077777', { policy: 'xilingol-2024' });
      expect.unreachable();
    } catch (e) {
      // 110101199003077777 may be valid or not; either way it is an error, never a number
      expect(e).toBeInstanceOf(FunctionError);
    }
    expect(() => fnMissing(index, '11010119900307777', { policy: 'xilingol-2024' })).toThrow(/身份证号无效/);
    expect(() => fnMissing(index, '', { policy: 'xilingol-2024' })).toThrow(/缺少身份证号/);
  });
  it('no policy / unknown policy → #VALUE!', () => {
    const id = expectedRows(rows)[0]!.id;
    expect(() => fnMissing(index, id, {})).toThrow(/未选择政策包/);
    expect(() => fnMissing(index, id, {}, { policy: 'nope' })).toThrow(/未知的政策包/);
    expect(fnMissing(index, id, {}, { policy: 'xilingol-2024' })).toBeTypeOf('number');
  });
  it('caches evaluations per id/policy/year', () => {
    const id = expectedRows(rows)[0]!.id;
    const a = resultFor(index, id, { policy: 'xilingol-2024' });
    const b = resultFor(index, ` ${id} `, { policy: 'xilingol-2024' });
    expect(b).toBe(a);
    expect(resultFor(index, id, { policy: 'xilingol-2024' }, { year: 2023 })).not.toBe(a);
  });
  it('HOURS uses the pack units: floor(minutes/45), half-day 4', () => {
    expect(fnHours(90, '分钟', {})).toBe(2);
    expect(fnHours(134, '', {})).toBe(2);
    expect(fnHours(135, 'min', {})).toBe(3);
    expect(fnHours(3, '半天', {})).toBe(12);
    expect(fnHours(1, '天', {})).toBe(8);
    expect(() => fnHours(-1, '分钟', {})).toThrow(FunctionError);
    expect(() => fnHours(1, '周', {})).toThrow(/单位/);
  });
  it('IDCHECK', () => {
    expect(fnIdCheck('15292119850202313X')).toMatch(/校验位|有效/);
    expect(fnIdCheck(expectedRows(rows)[0]!.id)).toMatch(/^有效（女|^有效（男/);
    expect(fnIdCheck('123')).toMatch(/18位/);
  });
});

describe('the one check path', () => {
  it('checkAll in slices gives exactly checkRoster over the whole roster, and counts unmatched records', async () => {
    const { checkRoster } = await import('@ce/roster');
    const { getPack } = await import('@ce/rules');
    const { checkAllWithRecords } = await import('../src/core/check.js');
    const c = loadCases().find((x) => x.records)!;
    const rows = caseGrid(c.file);
    // 1,200 rows (several slices), repeating the case so IDs repeat across slices
    const big = [rows[0]!, ...Array.from({ length: 1200 }, (_, i) => rows[1 + (i % (rows.length - 1))]!)];
    const recs = caseGrid(c.records!);
    recs.push([...recs[1]!]);
    recs[recs.length - 1]![0] = '110101199003072316';
    const read = readWorkbook({ roster: toExcelGrid(big), records: toExcelGrid(recs) });
    const pack = getPack(c.policy)!;
    const whole = checkRoster(read.roster.people, read.records!.records, pack, { explain: true });
    const sliced = await checkAllWithRecords(read, { policy: c.policy, explain: true });
    expect(sliced.results).toEqual(whole.results);
    expect(sliced.unmatchedRecords).toBe([...whole.unmatchedRecords.values()].flat().length);
    expect(sliced.unmatchedRecords).toBeGreaterThan(0);
  });
});
