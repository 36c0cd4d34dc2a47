/**
 * What a clerk prints or passes on must not leak ID numbers or carry live
 * content: `ce-report summary` is run as a real process on a hostile roster
 * (support/hostile.ts, a real .xlsx) and the files it writes are inspected as
 * a reader would see them — the HTML text, the PDF's text (pdftotext) and
 * every cell of the XLSX.
 *
 * - ID numbers are masked (first 6 and last 4 kept) by default everywhere,
 *   shown in full only with --show-id;
 * - names, units and notes are escaped in HTML (no tag from the roster survives);
 * - cells beginning with =, +, -, @ are text in the XLSX, never formulas.
 *
 * ce-report writes no CSV; `check --json` carries full IDs by contract (it is
 * data for programs, not a printout).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_NAMES, HOSTILE_NOTES, HOSTILE_UNITS, writeHostileRoster } from './support/hostile.js';
import type { HostileRoster } from './support/hostile.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');
const CLI = join(REPO_ROOT, 'apps/report/src/cli.ts');
const tmp = mkdtempSync(join(tmpdir(), 'ce-privacy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const hasCmd = (c: string) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0;
const HAS_PDFTOTEXT = hasCmd('pdftotext');

function ceReport(args: string[]) {
  const r = spawnSync(process.execPath, [TSX, CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What the masked form of an ID looks like: first 6, stars, last 4. */
const masked = (id: string) => id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
const htmlText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

interface Outputs {
  html: string;
  pdfText: string;
  cells: { sheet: string; addr: string; cell: XLSX.CellObject }[];
}

/** The one report of that format in `dir` (named after the roster and date). */
function report(dir: string, ext: string): string {
  const list = readdirSync(dir).filter((f) => f.endsWith(`.${ext}`));
  expect(list, `${dir}: one .${ext}`).toHaveLength(1);
  return join(dir, list[0]!);
}

function readOutputs(dir: string): Outputs {
  const html = readFileSync(report(dir, 'html'), 'utf8');
  const pdfText = HAS_PDFTOTEXT
    ? spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', report(dir, 'pdf'), '-'], { encoding: 'utf8' }).stdout
    : '';
  const wb = XLSX.read(readFileSync(report(dir, 'xlsx')), { type: 'buffer', cellFormula: true });
  const cells: Outputs['cells'] = [];
  for (const sheet of wb.SheetNames) {
    for (const [addr, cell] of Object.entries(wb.Sheets[sheet]!)) if (!addr.startsWith('!')) cells.push({ sheet, addr, cell: cell as XLSX.CellObject });
  }
  return { html, pdfText, cells };
}

let roster: HostileRoster;
let def: Outputs;
let shown: Outputs;
let before: Buffer;

beforeAll(async () => {
  roster = await writeHostileRoster(join(tmp, '花名册.xlsx'));
  before = readFileSync(roster.path);
  const a = ceReport(['summary', roster.path, '--policy', 'xilingol-2024', '--out', join(tmp, 'default')]);
  expect(a.status, a.stderr).toBe(0);
  const b = ceReport(['summary', roster.path, '--policy', 'xilingol-2024', '--out', join(tmp, 'shown'), '--show-id']);
  expect(b.status, b.stderr).toBe(0);
  def = readOutputs(join(tmp, 'default'));
  shown = readOutputs(join(tmp, 'shown'));
}, 600_000);

describe('ID numbers are masked by default', () => {
  const LONG_DIGITS = /\d{15,}|\d{17}[Xx]/;

  it('HTML: no full ID, not even in markup; the masked form is there', () => {
    for (const id of roster.ids) expect(def.html).not.toContain(id);
    expect(def.html).not.toMatch(LONG_DIGITS);
    expect(def.html).toContain(masked(roster.ids[0]!));
  });

  it.runIf(HAS_PDFTOTEXT)('PDF text (pdftotext): no full ID; the masked form is there', () => {
    const flat = def.pdfText.replace(/\s+/g, '');
    expect(flat.length).toBeGreaterThan(100);
    for (const id of roster.ids) expect(flat).not.toContain(id);
    expect(def.pdfText).not.toMatch(LONG_DIGITS);
    expect(flat).toContain(masked(roster.ids.at(-1)!)); // the invalid row is listed, masked too
  });

  it('XLSX: no cell holds a full ID; the roster copy has the masked IDs, X kept', () => {
    for (const { sheet, addr, cell } of def.cells) {
      const text = String(cell.v ?? '');
      for (const id of roster.ids) expect(text, `${sheet}!${addr}`).not.toContain(id);
      expect(text, `${sheet}!${addr}`).not.toMatch(LONG_DIGITS);
    }
    const values = def.cells.map((c) => String(c.cell.v));
    for (const id of roster.ids) expect(values).toContain(masked(id));
    expect(roster.ids.some((id) => id.endsWith('X'))).toBe(true);
  });

  it('with --show-id the full numbers are printed in all three', () => {
    const valid = roster.ids[0]!;
    expect(shown.html).toContain(valid);
    if (HAS_PDFTOTEXT) expect(shown.pdfText.replace(/\s+/g, '')).toContain(roster.ids.at(-1)!);
    expect(shown.cells.map((c) => String(c.cell.v))).toContain(valid);
  });

  it('the check table printed on the terminal carries no ID numbers', () => {
    const r = ceReport(['check', roster.path, '--policy', 'xilingol-2024']);
    expect(r.status, r.stderr).toBe(0);
    for (const id of roster.ids) expect(r.stdout).not.toContain(id);
  });
});

describe('the roster itself', () => {
  it('is left byte-for-byte unchanged by summary and check', () => {
    expect(readFileSync(roster.path).equals(before)).toBe(true);
  });
});

describe('names and texts are inert', () => {
  it('HTML: every hostile name, unit and note is escaped; no tag, handler or link from the roster is live', () => {
    // the report's own markup uses <b>, <div>, <span>, <svg>…; nothing from the roster may add a tag
    expect(def.html).not.toMatch(/<(script|img|iframe)\b/i);
    expect(def.html).not.toContain("<i>错号</i>");
    expect(def.html).not.toContain('<b>粗体单位</b>');
    expect(def.html).not.toMatch(/<[^>]*\son\w+=/i); // no event handler attribute in any tag
    expect(def.html).not.toMatch(/(src|href)\s*=\s*["']?https?:/i);
    const text = htmlText(def.html);
    // the HTML lists people with a shortfall (odd rows: 10 public hours; rows 0–4: under 60 professional) and the invalid one
    const listed = roster.names.filter((_, i) => i >= HOSTILE_NAMES.length || i % 2 === 1 || i * 10 < 60);
    expect(listed.length).toBeGreaterThan(8);
    for (const n of listed) expect(text, n).toContain(n.trim());
    for (const n of roster.names) if (/[<>&"]/.test(n)) expect(def.html, n).not.toContain(n);
    expect(def.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(def.html).toContain('&lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(def.html).toContain('甲&amp;乙医院');
  });

  it('XLSX: no formula anywhere; every =, +, -, @ value is a text cell with the text unchanged', () => {
    const leading = def.cells.filter(({ cell }) => typeof cell.v === 'string' && /^\s*[=+\-@]/.test(cell.v));
    expect(leading.length).toBeGreaterThan(8);
    for (const { sheet, addr, cell } of def.cells) {
      expect(cell.f, `${sheet}!${addr} is a formula`).toBeUndefined();
    }
    for (const { sheet, addr, cell } of leading) expect(cell.t, `${sheet}!${addr}`).toBe('s');
    const values = new Set(def.cells.map((c) => c.cell.v));
    for (const v of [...HOSTILE_NAMES, ...HOSTILE_UNITS, ...HOSTILE_NOTES]) expect(values.has(v), v).toBe(true);
  });

  it.runIf(HAS_PDFTOTEXT)('PDF: the names are shown as plain text', () => {
    const flat = def.pdfText.replace(/\s+/g, '');
    expect(flat).toContain('<i>错号</i>人员');
  });
});
