/**
 * The HTML in a real browser (the system Chromium through playwright-core; no
 * browser is downloaded): hostile names stay inert, it prints to A4 with page
 * numbers, and the README screenshots (docs/html.png, pdf.png, xlsx.png) are
 * made from the demo output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from './demo.js';
import { runCheck } from './engine.js';
import { writeReports } from './summary.js';
import { APP_DIR, HOSTILE_NAMES, commandExists, writeHostileRoster } from './testing.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const dir = mkdtempSync(join(tmpdir(), 'ce-report-chromium-'));
// The README screenshots are refreshed only on request (UPDATE_SCREENSHOTS=1), so a test run never dirties the tree.
const DOCS = process.env.UPDATE_SCREENSHOTS ? join(APP_DIR, 'docs') : join(dir, 'docs');

describe.runIf(existsSync(CHROMIUM) && commandExists('pdfinfo'))('HTML in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps hostile names inert: no script runs, no element is injected, no request is made', async () => {
    const file = join(dir, 'hostile.csv');
    writeHostileRoster(file);
    const run = await runCheck({ roster: file, policy: 'xilingol-2024' });
    const rep = await writeReports(run, { formats: ['html'], outDir: join(dir, 'hostile'), showId: false, generatedOn: { year: 2024, month: 11, day: 20 } });
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(rep.files.html!).href);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('b:text("粗体单位")').count()).toBe(0);
    const text = await page.locator('body').innerText();
    const listed = [...rep.model.shortfalls.map((x) => x.name), ...rep.model.invalid.map((x) => x.name)];
    expect(listed.filter((n) => HOSTILE_NAMES.includes(n)).length).toBeGreaterThanOrEqual(6);
    for (const n of listed) expect(text).toContain(n);
    await page.close();
  });

  it('prints the demo summary to A4 with repeated headers and page numbers; screenshots for the README', async () => {
    const out = join(dir, 'demo');
    const files = await demo(out, () => {});
    mkdirSync(DOCS, { recursive: true });

    const page = await browser.newPage({ viewport: { width: 900, height: 1270 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(files.html!).href);
    await page.screenshot({ path: join(DOCS, 'html.png') });
    const printed = join(dir, 'chromium.pdf');
    writeFileSync(printed, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    await page.close();
    const info = execFileSync('pdfinfo', [printed], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(1);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', printed, '-'], { encoding: 'utf8' });
    // the title carries the 填报单位 read from the sample's title rows, and may wrap
    expect(text.replace(/\s+/g, '')).toContain('（示例）2024年度专业技术人员继续教育学时汇总表');
    expect(text).toContain('填报单位（盖章）');
    // each 通知单 on a page of its own
    const notices = (readFileSync(files.html!, 'utf8').match(/<section class="notice"/g) ?? []).length;
    expect(notices).toBeGreaterThan(0);
    const noticePages = text.split('\f').filter((p) => p.includes('补学通知单'));
    expect(noticePages).toHaveLength(notices);
    for (const p of noticePages) expect(p.match(/身份证号/g)).toHaveLength(1);
    // @page margin boxes with counter(page)/counter(pages): supported by this Chromium
    expect(text).toContain(`第 1 页 / 共 ${pages} 页`);
    // the list's header row is repeated on later pages
    const perPage = text.split('\f').filter((p) => p.trim().length > 0);
    expect(perPage.filter((p) => p.includes('原因与依据')).length).toBeGreaterThan(1);

    // pdf.png: the first page of our own PDF (pdfkit), rendered by poppler
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', files.pdf!, join(DOCS, 'pdf')]);
    // notice.png: the last page of the PDF, one person's 通知单
    const pdfPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [files.pdf!], { encoding: 'utf8' }))![1]);
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', String(pdfPages), '-l', String(pdfPages), '-singlefile', files.pdf!, join(DOCS, 'notice')]);
    // actions.png: the first page of the 行动清单 in the PDF
    const actionPage = execFileSync('pdftotext', ['-enc', 'UTF-8', files.pdf!, '-'], { encoding: 'utf8' }).split('\f').findIndex((p) => p.includes('四、行动清单')) + 1;
    expect(actionPage).toBeGreaterThan(0);
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', String(actionPage), '-l', String(actionPage), '-singlefile', files.pdf!, join(DOCS, 'actions')]);

    // xlsx.png: the 汇总 sheet of the workbook, read back with SheetJS and shown as an HTML table
    const wb = XLSX.read(readFileSync(files.xlsx!), { type: 'buffer' });
    const table = XLSX.utils.sheet_to_html(wb.Sheets['汇总']!, { header: '', footer: '' });
    const sheetPage = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await sheetPage.setContent(
      `<!DOCTYPE html><meta charset="utf-8"><style>body{font:13px "Noto Sans CJK SC",sans-serif;margin:8px}table{border-collapse:collapse}td{border:1px solid #ccc;padding:2px 6px;white-space:pre-wrap;max-width:360px;vertical-align:top}</style>` +
        `<div style="font:bold 13px sans-serif;margin-bottom:6px">${basename(files.xlsx!)} → ${wb.SheetNames.join(' | ')}：汇总（SheetJS sheet_to_html）</div>${table}`,
    );
    await sheetPage.screenshot({ path: join(DOCS, 'xlsx.png') });
    await sheetPage.close();
    for (const f of ['html.png', 'pdf.png', 'xlsx.png', 'notice.png', 'actions.png']) expect(readFileSync(join(DOCS, f)).subarray(1, 4).toString()).toBe('PNG');
  });
});
