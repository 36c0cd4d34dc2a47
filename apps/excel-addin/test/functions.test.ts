/**
 * The registered CE.* functions running against the host double: one index build
 * for many cells, invalidation on sheet changes (never a stale answer), settings
 * from the workbook, Excel error values.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { STATUS_LABELS, type Status } from '@ce/rules';
import { registerFunctions } from '../src/functions/functions.js';
import { indexCache } from '../src/functions/index-cache.js';
import { expectedRows, loadCases } from './helpers.js';
import { hostForCase, ROSTER } from './setup-host.js';
import type { ExcelHost } from './double/excel-double.js';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

function fns(host: ExcelHost) {
  const get = (id: string) => {
    const f = host.functions.get(id);
    if (!f) throw new Error(`${id} not registered`);
    return f as (...a: unknown[]) => Promise<unknown> | unknown;
  };
  return { missing: get('MISSING'), status: get('STATUS'), explain: get('EXPLAIN'), pub: get('MISSING_PUBLIC'), pro: get('MISSING_PROFESSIONAL'), hours: get('HOURS'), idcheck: get('IDCHECK') };
}

beforeEach(() => indexCache.reset());

describe('registered CE.* functions on the host double', () => {
  for (const c of loadCases()) {
    it(`${c.file}: every row, one index build`, async () => {
      const { host, rows } = hostForCase(c);
      registerFunctions();
      const f = fns(host);
      const exp = expectedRows(rows);
      // all cells recalculate at once, as Excel does
      const answers = await Promise.all(
        exp.map(async (e) => ({
          e,
          status: await f.status(e.id),
          missing: await Promise.resolve(f.missing(e.id)).catch((x: unknown) => x),
          pub: await Promise.resolve(f.pub(e.id)).catch((x: unknown) => x),
          pro: await Promise.resolve(f.pro(e.id)).catch((x: unknown) => x),
        })),
      );
      for (const { e, status, missing, pub, pro } of answers) {
        expect(status, `row ${e.row}`).toBe(STATUS_LABELS[e.status as Status].zh);
        if (e.status === 'invalid') {
          expect(missing).toMatchObject({ code: '#VALUE!' });
          continue;
        }
        expect([missing, pub, pro], `row ${e.row}`).toEqual([e.missing, e.public, e.professional]);
      }
      expect(indexCache.builds).toBe(1);
      expect(host.syncLog.length).toBeLessThan(10);
    });
  }

  it('a change to the roster invalidates the index: the next answer is fresh', async () => {
    const c = loadCases().find((x) => x.file.startsWith('xilingol'))!;
    const { host, rows } = hostForCase(c);
    registerFunctions();
    const f = fns(host);
    const e = expectedRows(rows).find((x) => x.status === 'non-compliant' && x.professional > 0)!;
    expect(await f.missing(e.id)).toBe(e.missing);
    // the clerk adds the missing professional hours in the 2024 column
    const header = rows[0]!;
    const col = header.findIndex((h) => h === '2024年专业学时');
    const old = Number(rows[e.row - 1]![col] || 0);
    const letter = String.fromCharCode(65 + col);
    host.userSetCell(ROSTER, `${letter}${e.row}`, old + e.professional);
    await tick();
    expect(await f.missing(e.id)).toBe(e.missing - e.professional);
    expect(indexCache.builds).toBe(2);
    // a change on an unrelated sheet does not rebuild
    host.addSheet('草稿');
    await tick();
    const builds = indexCache.builds;
    expect(await f.missing(e.id)).toBe(e.missing - e.professional);
    host.userSetCell('草稿', 'A1', 'x');
    await tick();
    await f.missing(e.id);
    expect(indexCache.builds).toBe(builds + 1); // sheet added → one rebuild; the edit on 草稿 → none
  });

  it('deleting a person: the ID now gives #N/A, not the old answer', async () => {
    const c = loadCases().find((x) => x.file.startsWith('xilingol'))!;
    const { host, rows } = hostForCase(c);
    registerFunctions();
    const f = fns(host);
    const e = expectedRows(rows)[0]!;
    expect(typeof (await f.missing(e.id))).toBe('number');
    const idCol = rows[0]!.findIndex((h) => h.includes('身份证'));
    host.userSetCell(ROSTER, `${String.fromCharCode(65 + idCol)}${e.row}`, '');
    await tick();
    await expect(f.missing(e.id)).rejects.toMatchObject({ code: '#N/A' });
  });

  it('policy and year come from the workbook settings, or from the optional arguments', async () => {
    const c = loadCases().find((x) => x.file.startsWith('xilingol'))!;
    const { host, rows } = hostForCase(c);
    registerFunctions();
    const f = fns(host);
    const e = expectedRows(rows)[0]!;
    Office.context.document.settings.remove('ce.settings');
    await expect(f.missing(e.id)).rejects.toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/政策包/) });
    expect(await f.missing(e.id, 'xilingol-2024')).toBe(e.missing);
    await expect(f.missing(e.id, 'nope')).rejects.toMatchObject({ code: '#VALUE!' });
    await expect(f.missing(e.id, 'xilingol-2024', 1800)).rejects.toMatchObject({ code: '#VALUE!' });
    Office.context.document.settings.set('ce.settings', { policy: 'xilingol-2024' });
    expect(await f.missing(e.id)).toBe(e.missing);
    expect(String(await f.explain(e.id))).toMatch(/\[xilingol-2024\/|\[nm-2017\//);
  });

  it('finds the roster on a later sheet, and prefers the sheet last checked in the pane', async () => {
    const c = loadCases().find((x) => x.file.startsWith('xilingol'))!;
    const { host, rows } = hostForCase(c);
    // a cover sheet first in tab order
    const cover = host.addSheet('封面', [['2024年度继续教育学时检查'], ['填表说明：…']]);
    host.sheets = [cover, ...host.sheets.filter((x) => x !== cover)];
    registerFunctions();
    const f = fns(host);
    const e = expectedRows(rows).find((x) => x.status === 'non-compliant')!;
    expect(await f.missing(e.id)).toBe(e.missing);
    expect(e.missing).toBeGreaterThan(0);
    // a second roster copy where this person has all hours: preferred once the pane checked it
    const copy = host.addSheet('花名册(2)', host.grid(ROSTER));
    void copy;
    rows[0]!.forEach((h, i) => {
      const m = /^\d{4}年(公需|专业)学时$/.exec(h);
      if (m) host.userSetCell('花名册(2)', `${String.fromCharCode(65 + i)}${e.row}`, m[1] === '公需' ? 30 : 60);
    });
    Office.context.document.settings.set('ce.settings', { policy: c.policy, rosterSheet: '花名册(2)' });
    indexCache.invalidate();
    expect(await f.missing(e.id)).toBe(0);
  });

  it('no roster in the workbook → #N/A with a message; helpers need no workbook', async () => {
    const { host } = hostForCase(loadCases()[0]!);
    host.deleteSheet(ROSTER);
    host.addSheet('Sheet1', [['a', 'b']]);
    registerFunctions();
    const f = fns(host);
    await expect(f.missing('152921198502023133')).rejects.toMatchObject({ code: '#N/A', message: expect.stringMatching(/花名册/) });
    expect(f.hours(90, '分钟')).toBe(2);
    expect(() => f.hours('abc', '分钟')).toThrow();
    expect(f.idcheck('123')).toMatch(/18位/);
  });
});
