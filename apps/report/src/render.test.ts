/**
 * The three summary formats from one real check run (reader + evaluator) on a
 * roster full of hostile text: names with <script>, &, quotes; cells starting
 * with =, +, -, @. Everything must come out inert, and the figures must match
 * the model.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '@ce/rules';
import { maskId } from '@ce/summary';
import { runCheck } from './engine.js';
import type { CheckRun } from './engine.js';
import { esc } from './render/html.js';
import { ANNOTATION_HEADERS } from './render/xlsx.js';
import { writeReports } from './summary.js';
import type { WrittenReport } from './summary.js';
import { HOSTILE_NAMES, HOSTILE_UNITS, commandExists, writeHostileRoster } from './testing.js';

const dir = mkdtempSync(join(tmpdir(), 'ce-report-render-'));
let run: CheckRun;
let rep: WrittenReport;
let ids: string[];

beforeAll(async () => {
  const file = join(dir, 'hostile.csv');
  ids = writeHostileRoster(file);
  run = await runCheck({ roster: file, policy: 'xilingol-2024' });
  rep = await writeReports(run, { formats: ['html', 'pdf', 'xlsx'], outDir: join(dir, 'out'), showId: false, generatedOn: { year: 2024, month: 11, day: 20 } });
}, 180_000);

describe('the check run behind the report', () => {
  it('has one result per data row, with the hostile names intact', () => {
    expect(run.results).toHaveLength(9);
    expect(run.results.map((r) => r.name).slice(0, HOSTILE_NAMES.length)).toEqual(HOSTILE_NAMES);
    expect(run.results[8]!.status).toBe('invalid');
  });
});

describe('HTML', () => {
  let html: string;
  beforeAll(() => {
    html = readFileSync(rep.files.html!, 'utf8');
  });

  it('is self-contained A4 print HTML with a Chinese font stack and an inline SVG chart', () => {
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('display: table-header-group');
    expect(html).toContain('counter(page)');
    expect(html).toContain('Noto Sans CJK SC');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?https?:/i);
  });

  it('escapes every name and unit', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<b>粗体单位</b>');
    for (const s of rep.model.shortfalls) expect(html).toContain(`<td>${esc(s.name)}</td>`);
    for (const u of rep.model.units) expect(html).toContain(`<td>${esc(u.unit)}</td>`);
    expect(html).toContain(esc('<b>粗体单位</b>'));
    expect(html).toContain('甲&amp;乙医院');
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('masks ID numbers', () => {
    for (const id of ids) expect(html).not.toContain(id);
    expect(html).toContain(maskId(ids[1]!));
    expect(html).not.toContain('152502198001011230');
  });

  it('shows the model totals and per-unit rows', () => {
    const m = rep.model;
    expect(html).toContain(m.title);
    expect(html).toContain(`<td class="n">${m.totals.people}</td>`);
    for (const u of m.units) expect(html).toContain(esc(u.unit));
  });
});

describe('XLSX (written with exceljs, read back with SheetJS)', () => {
  let wb: XLSX.WorkBook;
  beforeAll(() => {
    wb = XLSX.read(readFileSync(rep.files.xlsx!), { type: 'buffer', cellFormula: true });
  });

  it('opens on 汇总, then 行动清单, 通知单 and the roster copy', () => {
    expect(wb.SheetNames).toEqual(['汇总', '行动清单', '通知单', run.rosterGrid.name.slice(0, 31)]);
    // the workbook view selects the first tab (SheetJS does not read activeTab, so the XML is read)
    const zip = XLSX.CFB.read(readFileSync(rep.files.xlsx!), { type: 'buffer' });
    const book = XLSX.CFB.find(zip, 'Root Entry/xl/workbook.xml')!.content as Uint8Array;
    expect(Buffer.from(book).toString('utf8')).toMatch(/<workbookView[^>]*activeTab="0"/);
  });

  it('keeps every original cell (IDs masked) and adds the annotation columns', () => {
    const ws = wb.Sheets[wb.SheetNames[3]!]!;
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
    const grid = run.rosterGrid.grid;
    const idCol = run.roster.columns.find((c) => c.field === 'id')!.index;
    grid.forEach((row, i) => {
      row.forEach((v, c) => {
        const got = aoa[i]?.[c] ?? null;
        const want = v === '' || v === undefined ? null : c === idCol && i > 0 ? maskId(String(v)) : v;
        expect(got, `cell ${XLSX.utils.encode_cell({ r: i, c })}`).toEqual(want);
      });
    });
    const width = run.roster.lastColumnIndex + 1;
    expect(aoa[0]!.slice(width, width + 5)).toEqual([...ANNOTATION_HEADERS]);
    for (const r of run.results) {
      const line = aoa[r.row - 1]!;
      expect(line[width]).toBe(STATUS_LABELS[r.status].zh);
      expect(line[width + 1]).toBe(r.missing ? r.missing.total : null);
      expect(line[width + 2]).toBe(r.missing ? r.missing.public : null);
      expect(line[width + 3]).toBe(r.missing ? r.missing.professional : null);
    }
  });

  it('writes =, +, -, @ cells as text, never as formulas', () => {
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name]!;
      for (const [addr, cell] of Object.entries(ws)) {
        if (addr.startsWith('!')) continue;
        const c = cell as XLSX.CellObject;
        expect(c.f, `${name}!${addr}`).toBeUndefined();
        if (typeof c.v === 'string' && /^[=+\-@]/.test(c.v)) expect(c.t).toBe('s');
      }
    }
    const ws = wb.Sheets[wb.SheetNames[3]!]!;
    const names = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true }).map((r) => r[1]);
    for (const n of ['=1+1', '+SUM(A1)', '-2+3', '@cmd']) expect(names).toContain(n);
  });

  it('has a 汇总 sheet with the totals, and A4 fit-to-width page setup with print titles', async () => {
    const ws = wb.Sheets['汇总']!;
    const text = XLSX.utils.sheet_to_csv(ws);
    expect(text).toContain(rep.model.title);
    expect(text).toContain('<script>alert(1)</script>'); // a plain string in a cell: inert
    const ej = new ExcelJS.Workbook();
    await ej.xlsx.load(readFileSync(rep.files.xlsx!) as unknown as ArrayBuffer);
    for (const sheet of ej.worksheets) {
      expect(sheet.pageSetup.paperSize).toBe(9);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
      // the notices have no table header to repeat: each prints on its own page instead
      if (sheet.name !== '通知单') expect(sheet.pageSetup.printTitlesRow).toMatch(/^\$?\d+:\$?\d+$/);
    }
  });
});

describe.runIf(commandExists('pdftotext') && commandExists('pdfinfo') && commandExists('pdftoppm'))('PDF', () => {
  it('is A4 with selectable Chinese text matching the model', () => {
    const info = execFileSync('pdfinfo', [rep.files.pdf!], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', rep.files.pdf!, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    const m = rep.model;
    expect(flat).toContain(m.title);
    expect(flat).toContain('一、总体情况');
    for (const s of m.shortfalls) expect(flat).toContain(s.name.replace(/\s+/g, ''));
    for (const v of m.invalid) expect(flat).toContain(v.name);
    expect(flat).toContain(`合计${m.totals.people}`);
    expect(flat).toContain('<script>alert(1)</script>');
    for (const id of ids) expect(flat).not.toContain(id);
  });

  it('embeds a small subset of Noto Sans SC and renders every page at A4', () => {
    const fonts = execFileSync('pdffonts', [rep.files.pdf!], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(readFileSync(rep.files.pdf!).length).toBeLessThan(400_000);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [rep.files.pdf!], { encoding: 'utf8' }))![1]);
    const prefix = join(dir, 'page');
    execFileSync('pdftoppm', ['-r', '20', '-png', rep.files.pdf!, prefix]);
    const pngs = execFileSync('sh', ['-c', `ls ${prefix}-*.png`], { encoding: 'utf8' }).trim().split('\n');
    expect(pngs).toHaveLength(pages);
    for (const p of pngs) {
      const b = readFileSync(p);
      const w = b.readUInt32BE(16);
      const h = b.readUInt32BE(20);
      expect(h / w).toBeCloseTo(841.89 / 595.28, 1);
    }
  });

  it('cuts a list longer than the limit, says so above and below it, and the XLSX and HTML keep every row', async () => {
    const { renderPdf } = await import('./render/pdf.js');
    const m = rep.model;
    expect(m.shortfalls.length).toBeGreaterThan(2);
    const file = join(dir, 'cut.pdf');
    writeFileSync(file, await renderPdf(m, { listLimit: 2 }));
    const flat = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(flat).toContain(`三、未达标人员名单（${m.shortfalls.length}人）`);
    expect(flat).toContain('以下列出前2人，完整名单见XLSX（“汇总”工作表）和HTML。');
    expect(flat).toContain(`……其余${m.shortfalls.length - 2}人未在PDF中列出`);
    for (const s of m.shortfalls.slice(0, 2)) expect(flat).toContain(`${s.row}`);
    const html = readFileSync(rep.files.html!, 'utf8');
    for (const s of m.shortfalls) expect(html).toContain(`<td>${esc(s.name)}</td>`);
    const csv = XLSX.utils.sheet_to_csv(XLSX.read(readFileSync(rep.files.xlsx!), { type: 'buffer' }).Sheets['汇总']!);
    for (const s of m.shortfalls) expect(csv).toContain(s.id);
  });
});
