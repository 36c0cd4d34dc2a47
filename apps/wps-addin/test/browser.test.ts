/**
 * The built task pane page (dist/ce-wps_1.0.0/taskpane.html, file://) in real Chromium with
 * the WPS double injected as window.wps: 检查并标注 clicked on every public case; every
 * annotation cell compared with the same adapter run in Node and with the 期望 columns,
 * nothing else changed; then 清除标注 restores the sheet. In CI (CI=true) a missing
 * Chromium fails the test instead of skipping it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { expectedFrom, loadCases } from '@ce/cases';
import { STATUS_LABELS } from '@ce/rules';
import { caseGrid, toExcelGrid } from 'excel-addin/test/helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const page = pathToFileURL(fileURLToPath(new URL('../dist/ce-wps_1.0.0/taskpane.html', import.meta.url))).href;
const cases = loadCases();
const canRun = existsSync(CHROMIUM);
if (!canRun && process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM} (CI=true: this test must run)`);

let browser: Browser;
let doubleJs = '';

beforeAll(async () => {
  if (!canRun) return;
  const out = await build({ entryPoints: [fileURLToPath(new URL('./browser-entry.ts', import.meta.url))], bundle: true, format: 'iife', write: false, target: 'es2020' });
  doubleJs = out.outputFiles[0]!.text;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
afterAll(async () => browser?.close());

/** the page-side set-up: a workbook with the case's roster (and 培训记录) and the settings a clerk would pick */
const setup = (roster: unknown[][], records: unknown[][] | undefined): string => `
${doubleJs}
(function () {
  var d = globalThis.__wpsDouble;
  var book = new d.DoubleBook();
  var sheet = book.addSheet('花名册');
  sheet.load(${JSON.stringify(roster)});
  ${records ? `book.addSheet('培训记录').load(${JSON.stringify(records)});` : ''}
  var w = d.makeWps(book);
  window.wps = w.root;
  window.__book = book;
  window.__before = JSON.stringify(Array.from(sheet.snapshot()));
})();`;

describe.runIf(canRun).each(cases.map((c) => [c.file, c] as const))('task pane in Chromium: %s', (_f, c) => {
  it('检查并标注 writes the expected annotations and nothing else; 清除标注 restores', async () => {
    const roster = toExcelGrid(caseGrid(c.file));
    const records = c.records ? toExcelGrid(caseGrid(c.records)) : undefined;
    const ctx = await browser.newContext();
    const requests: string[] = [];
    ctx.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    const p = await ctx.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await p.addInitScript({ content: setup(roster, records) });
    await p.goto(page);
    await p.waitForSelector('#policy option', { state: 'attached' });
    await p.selectOption('#policy', c.policy);
    await p.fill('#year', c.year ? String(c.year) : '');
    await p.fill('#asof', c.asOf ?? '');
    await p.click('#check');
    await p.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
    const snap = await p.evaluate(() => {
      const w = window as unknown as { __book: { sheets: { Name: string; snapshot(): Map<string, string> }[] }; __before: string };
      const sheet = w.__book.sheets.find((s) => s.Name === '花名册')!;
      return { after: Array.from(sheet.snapshot()), before: JSON.parse(w.__before) as [string, string][] };
    });
    const before = new Map(snap.before);
    const after = new Map(snap.after);
    for (const [k, v] of before) expect(after.get(k), k).toBe(v);
    const width = Math.max(...roster.map((r) => r.length));
    const own = [...after.keys()].filter((k) => !before.has(k));
    for (const k of own) {
      const col = Number(k.split(',')[1]);
      expect(col, k).toBeGreaterThan(width);
      expect(col, k).toBeLessThanOrEqual(width + 5);
    }
    const value = (r: number, c0: number): unknown => JSON.parse(after.get(`${r},${c0}`) ?? '[null]')[0];
    const expected = expectedFrom(roster);
    for (const e of expected) {
      expect(value(e.row, width + 1), `row ${e.row}`).toBe(STATUS_LABELS[e.status].zh);
      if (e.missing) expect(value(e.row, width + 2), `row ${e.row}`).toBe(e.missing.total);
      expect(String(value(e.row, width + 5)).length).toBeGreaterThan(0);
    }
    // the pane's counts agree with the sheet
    const counted = await p.$$eval('#counts tr[data-count]', (trs) => trs.map((tr) => [tr.getAttribute('data-count'), Number(tr.lastElementChild!.textContent)] as const));
    for (const [status, n] of counted) expect(n, String(status)).toBe(expected.filter((e) => e.status === status).length);
    await p.click('#clear');
    await p.waitForFunction(() => document.getElementById('results')!.hidden);
    const cleared = await p.evaluate(() => {
      const w = window as unknown as { __book: { sheets: { Name: string; snapshot(): Map<string, string> }[] } };
      return Array.from(w.__book.sheets.find((s) => s.Name === '花名册')!.snapshot());
    });
    expect(cleared).toEqual(snap.before);
    expect(await p.textContent('#privacy')).toContain('WPS');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await ctx.close();
  });
});
