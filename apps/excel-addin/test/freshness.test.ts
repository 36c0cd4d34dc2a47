/**
 * Never stale, not volatile (issue 12), on the host double:
 * - the CE.* functions are not volatile (functions.json), so Excel reruns them only when
 *   asked: the add-in asks for ONE full recalculation when the pane changes pack / year /
 *   as-of / language, or when the roster or 培训记录 sheet changes (a burst of edits → one);
 *   an edit on an unrelated sheet asks for none;
 * - after that recalculation every cell's answer is the new settings' answer (settings are
 *   read at call time);
 * - a roster read that hangs ends in #N/A 读取花名册超时, and the next call reads again.
 * The double has no formula engine and no Workbook.application: this file adds
 * application.calculate to each request context (recording the calls) — a test helper,
 * not a change to the double.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { registerFunctions, setRosterReadTimeout, ROSTER_READ_TIMEOUT_MS } from '../src/functions/functions.js';
import { indexCache, RECALC_DEBOUNCE_MS } from '../src/functions/index-cache.js';
import { functionInputsChanged } from '../src/functions/recalc.js';
import { officeJsHost } from '../src/hosts/officejs/index.js';
import { readSettings } from '../src/core/settings.js';
import { STATUS_LABELS } from '@ce/rules';
import { expectedRows, loadCases } from './helpers.js';
import { hostForCase as hostForCaseRaw, ROSTER } from './setup-host.js';
import type { ExcelHost } from './double/excel-double.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Run = <T>(batch: (ctx: { workbook: Record<string, unknown> }) => Promise<T>) => Promise<T>;

/** Excel.run whose workbook has application.calculate, recording each requested type */
function withCalculate(): string[] {
  const calls: string[] = [];
  const excel = (globalThis as unknown as { Excel: { run: Run } }).Excel;
  const run = excel.run;
  excel.run = ((batch) =>
    run((ctx) => {
      ctx.workbook.application = { calculate: (t: string) => calls.push(String(t)) };
      return batch(ctx);
    })) as Run;
  return calls;
}

function fn(host: ExcelHost, id: string): (...a: unknown[]) => Promise<unknown> {
  const f = host.functions.get(id);
  if (!f) throw new Error(`${id} not registered`);
  return async (...a) => f(...a);
}

/** the workbook as it is when the clerk opens it: its sheets' onAdded events long past */
function hostForCase(c: Parameters<typeof hostForCaseRaw>[0]): ReturnType<typeof hostForCaseRaw> {
  const h = hostForCaseRaw(c);
  h.host._flushEvents();
  return h;
}

beforeEach(() => indexCache.reset());
afterEach(() => setRosterReadTimeout(ROSTER_READ_TIMEOUT_MS));

describe('CE.* freshness without @volatile', () => {
  it('functions.json declares no function volatile (the five roster functions used to be)', () => {
    const meta = JSON.parse(readFileSync(`${root}dist/functions.json`, 'utf8')) as { functions: { id: string; options?: { volatile?: boolean } }[] };
    expect(meta.functions).toHaveLength(7);
    for (const f of meta.functions) expect(f.options?.volatile ?? false, f.id).toBe(false);
    expect(readFileSync(`${root}src/functions/functions.ts`, 'utf8')).not.toMatch(/@volatile/);
  });

  it('the pane changing pack or year: one full recalculation, and every cell then gives the new answer', async () => {
    const c = loadCases().find((x) => x.file.startsWith('xilingol'))!;
    const { host, rows } = hostForCase(c);
    const calls = withCalculate();
    registerFunctions();
    const missing = fn(host, 'MISSING');
    const ids = expectedRows(rows).filter((e) => e.status !== 'invalid').map((e) => e.id);
    const before = await Promise.all(ids.map((id) => missing(id).catch((e: unknown) => e)));
    expect(before.some((v) => typeof v === 'number' && v > 0)).toBe(true);
    const pane = officeJsHost();
    // the same settings again (e.g. a button press saving them): no recalculation
    await pane.writeSettings({ ...readSettings() });
    expect(calls).toEqual([]);
    // a review year long after the pack's: the answers change
    const year = (readSettings().year ?? 2024) + 1;
    await pane.writeSettings({ ...readSettings(), year });
    expect(calls).toEqual(['Full']);
    // what Excel does on a full recalculation: every CE.* cell reruns, reading settings now
    const after = await Promise.all(ids.map((id) => missing(id).catch((e: unknown) => e)));
    const direct = await Promise.all(ids.map((id) => missing(id, c.policy, year).catch((e: unknown) => e)));
    expect(after).toEqual(direct);
    expect(after).not.toEqual(before);
    // the pack and the language are inputs too
    await pane.writeSettings({ ...readSettings(), lang: 'en' });
    expect(calls).toEqual(['Full', 'Full']);
    expect(await fn(host, 'STATUS')(ids[0])).toMatch(new RegExp(Object.values(STATUS_LABELS).map((l) => l.en).join('|')));
  });

  it('which settings are function inputs', () => {
    expect(functionInputsChanged({ policy: 'a' }, { policy: 'b' })).toBe(true);
    expect(functionInputsChanged({ year: 2024 }, { year: 2025 })).toBe(true);
    expect(functionInputsChanged({ asOf: '2024-12-31' }, { asOf: '2024-06-30' })).toBe(true);
    expect(functionInputsChanged({ rosterSheet: 'a' }, { rosterSheet: 'b' })).toBe(true);
    expect(functionInputsChanged({ policy: 'a', year: 1 }, { year: 1, policy: 'a' })).toBe(false);
  });

  it('roster edits: one recalculation for a burst; an unrelated sheet: none', async () => {
    const c = loadCases().find((x) => x.file.startsWith('xilingol'))!;
    const { host, rows } = hostForCase(c);
    host.addSheet('草稿', [['x']]);
    host._flushEvents(); // its onAdded fires now, before the functions subscribe
    const calls = withCalculate();
    registerFunctions();
    const missing = fn(host, 'MISSING');
    const e = expectedRows(rows).find((x) => x.status === 'non-compliant' && x.professional > 0)!;
    expect(await missing(e.id)).toBe(e.missing);
    host.userSetCell('草稿', 'B2', 'unrelated');
    host.userSetCell('草稿', 'B3', 'unrelated');
    await wait(RECALC_DEBOUNCE_MS * 2);
    expect(calls).toEqual([]);
    expect(indexCache.builds).toBe(1);
    // the clerk fills the missing professional hours, in three edits
    const col = rows[0]!.findIndex((h) => h === '2024年专业学时');
    const letter = String.fromCharCode(65 + col);
    const old = Number(rows[e.row - 1]![col] || 0);
    host.userSetCell(ROSTER, `${letter}${e.row}`, old + 1);
    host.userSetCell(ROSTER, `${letter}${e.row}`, old + 2);
    host.userSetCell(ROSTER, `${letter}${e.row}`, old + e.professional);
    await wait(RECALC_DEBOUNCE_MS * 2);
    expect(calls).toEqual(['Full']);
    expect(await missing(e.id)).toBe(e.missing - e.professional);
    expect(indexCache.builds).toBe(2);
  });

  it('without Workbook.application.calculate nothing breaks (the clerk recalculates by hand)', async () => {
    const c = loadCases()[0]!;
    const { host } = hostForCase(c);
    registerFunctions();
    await officeJsHost().writeSettings({ ...readSettings(), year: 2030 });
    expect(host.functions.size).toBe(7);
  });

  it('a roster read that never finishes: #N/A 读取花名册超时, and the next call reads again', async () => {
    const c = loadCases().find((x) => x.file.startsWith('xilingol'))!;
    const { host, rows } = hostForCase(c);
    registerFunctions();
    const missing = fn(host, 'MISSING');
    const excel = (globalThis as unknown as { Excel: { run: Run } }).Excel;
    const run = excel.run;
    excel.run = (() => new Promise(() => undefined)) as Run; // a sync that never returns
    setRosterReadTimeout(50);
    const e = expectedRows(rows).find((x) => x.status !== 'invalid')!;
    const t0 = Date.now();
    await expect(missing(e.id)).rejects.toMatchObject({ code: '#N/A', message: expect.stringMatching(/读取花名册超时/) });
    expect(Date.now() - t0).toBeLessThan(1000);
    excel.run = run;
    expect(await missing(e.id)).toBe(e.missing);
  });
});
