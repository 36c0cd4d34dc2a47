import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRosterInput, unzipChecked } from '@ce/files';
import { buildSample } from '../scripts/make-sample.js';
import { checkChar } from '../scripts/ids.js';
import { SAMPLE } from './demo.js';
import { runCheck } from './engine.js';
import { progressBar } from './progress.js';
import { startRenderWorker, writeReports } from './summary.js';
import { CASES_DIR, HAS_CASES, runCli } from './testing.js';

const tmp = mkdtempSync(join(tmpdir(), 'ce-report-summary-'));

function isoToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function onlyFile(dir: string, ext: string): string {
  const list = readdirSync(dir).filter((f) => f.endsWith(ext));
  expect(list).toHaveLength(1);
  return list[0]!;
}

describe.runIf(HAS_CASES)('ce-report summary through the real CLI process', () => {
  it('writes the chosen formats, prints counts and paths, no progress bar when stderr is not a TTY', () => {
    const out = join(tmp, 'a');
    const r = runCli(['summary', join(CASES_DIR, 'xilingol-2024.csv'), '--policy', 'xilingol-2024', '--out', out, '--format', 'html,xlsx']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/共 \d+ 人：达标/);
    // named after the roster and today's date
    const base = join(out, `xilingol-2024-汇总-${isoToday()}`);
    expect(r.stdout).toContain(`${base}.html`);
    expect(existsSync(`${base}.html`)).toBe(true);
    expect(existsSync(`${base}.xlsx`)).toBe(true);
    expect(existsSync(`${base}.pdf`)).toBe(false);
    expect(r.stderr).not.toMatch(/\r|\u001b\[/);
  });

  it('masks IDs unless --show-id', () => {
    const ids = readFileSync(join(CASES_DIR, 'xilingol-2024.csv'), 'utf8').match(/\b\d{17}[\dX]\b/g)!;
    const masked = join(tmp, 'm');
    const shown = join(tmp, 's');
    expect(runCli(['summary', join(CASES_DIR, 'xilingol-2024.csv'), '--policy', 'xilingol-2024', '--out', masked, '--format', 'html']).status).toBe(0);
    expect(runCli(['summary', join(CASES_DIR, 'xilingol-2024.csv'), '--policy', 'xilingol-2024', '--out', shown, '--format', 'html', '--show-id']).status).toBe(0);
    const a = readFileSync(join(masked, onlyFile(masked, '.html')), 'utf8');
    const b = readFileSync(join(shown, onlyFile(shown, '.html')), 'utf8');
    for (const id of ids) expect(a).not.toContain(id);
    expect(ids.some((id) => b.includes(id))).toBe(true);
  });

  it('exits 2 with one line for an unknown pack', () => {
    const r = runCli(['summary', join(CASES_DIR, 'xilingol-2024.csv'), '--policy', 'nope', '--out', join(tmp, 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('progress bar', () => {
  it('writes nothing when disabled and one self-erasing line when enabled', () => {
    let off = '';
    const a = progressBar((s) => (off += s), false);
    a.update(1, 2, 'x');
    a.done();
    expect(off).toBe('');
    let on = '';
    const b = progressBar((s) => (on += s), true);
    b.update(50, 100, '检查中');
    b.done();
    expect(on).toContain('50%');
    expect(on).not.toContain('\n');
  });
});

describe('the bundled sample roster', () => {
  it('is what scripts/make-sample.ts makes (deterministic), with valid check digits on the valid IDs', async () => {
    const { rows, records } = buildSample();
    expect(buildSample()).toEqual({ rows, records });
    expect(rows.length).toBeGreaterThanOrEqual(300);
    const input = await loadRosterInput(SAMPLE);
    expect(input.records?.name).toBe('培训记录');
    const idCol = input.roster.grid.find((r) => r.includes('身份证号'))!.indexOf('身份证号');
    const ids = input.roster.grid.map((r) => r[idCol]).filter((v): v is string => typeof v === 'string' && /^\d{17}[\dX]$/.test(v));
    expect(ids).toEqual(rows.map((r) => String(r.身份证号)).filter((v) => /^\d{17}[\dX]$/.test(v)));
    const good = ids.filter((id) => checkChar(id.slice(0, 17)) === id[17]);
    expect(ids.length - good.length).toBe(1); // exactly one wrong check digit, on purpose
  });

  it('covers every status, the invalid cases, and a record for someone not on the roster', async () => {
    const run = await runCheck({ roster: SAMPLE, policy: 'xilingol-2024' });
    const statuses = new Set(run.results.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['compliant', 'exempt', 'invalid', 'non-compliant', 'not-restrictive']);
    expect(run.results.filter((r) => r.status === 'invalid').length).toBeGreaterThanOrEqual(8);
    expect(new Set(run.people.map((p) => p.unit)).size).toBeGreaterThanOrEqual(6);
    expect(run.warnings.some((w) => w.includes('不在花名册中'))).toBe(true);
    expect(run.results.some((r) => r.excluded.length > 0)).toBe(true);
    expect(run.results.some((r) => r.reliefs.some((x) => x.key === 'xilingol-2024/6.7'))).toBe(true);
  });
});

describe('writing the XLSX in the render worker (parallel: true) while HTML and PDF are written on the main thread', () => {
  const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const on = { year: 2026, month: 11, day: 22 };

  it('gives the same files as writing them one after another on the main thread', async () => {
    const run = await runCheck({ roster: SAMPLE, policy: 'xilingol-2024' });
    const side = join(tmp, 'side-by-side');
    const serial = join(tmp, 'one-by-one');
    const a = await writeReports(run, { formats: ['html', 'pdf', 'xlsx'], outDir: side, showId: false, generatedOn: on, parallel: true });
    // the default: everything on the main thread
    const b = await writeReports(run, { formats: ['html', 'pdf', 'xlsx'], outDir: serial, showId: false, generatedOn: on });
    expect(a.writtenIn).toEqual({ html: 'main', pdf: 'main', xlsx: 'worker' });
    expect(b.writtenIn).toEqual({ html: 'main', pdf: 'main', xlsx: 'main' });
    expect(readFileSync(a.files.html!, 'utf8')).toBe(readFileSync(b.files.html!, 'utf8'));
    // the XLSX: every part of the zip the same, but for the time it was written (docProps/core.xml)
    const parts = (f: string) => {
      const z = unzipChecked(new Uint8Array(readFileSync(f)));
      if (z.kind !== 'ok') throw new Error(`unreadable ${f}`);
      return Object.fromEntries([...z.entries].filter(([n]) => n !== 'docProps/core.xml').map(([n, b]) => [n, Buffer.from(b).toString('utf8')]));
    };
    const xa = parts(a.files.xlsx!);
    expect(Object.keys(xa).length).toBeGreaterThan(5);
    expect(xa).toEqual(parts(b.files.xlsx!));
    expect(Object.values(xa).join('')).toContain('未达标');
    expect(pdfText(a.files.pdf!)).toBe(pdfText(b.files.pdf!));
    expect(pdfText(a.files.pdf!)).toContain('未达标');
  });

  it('a worker that cannot run does not lose a report: what it did not write is written on the main thread', async () => {
    const run = await runCheck({ roster: SAMPLE, policy: 'xilingol-2024' });
    const dead = startRenderWorker();
    await dead.worker!.terminate();
    const out = join(tmp, 'dead-worker');
    const r = await writeReports(run, { formats: ['html', 'pdf', 'xlsx'], outDir: out, showId: false, generatedOn: on, parallel: true, worker: dead });
    expect(r.writtenIn).toEqual({ html: 'main', pdf: 'main', xlsx: 'main' });
    for (const f of ['html', 'pdf', 'xlsx'] as const) expect(existsSync(r.files[f]!)).toBe(true);
    expect(pdfText(r.files.pdf!)).toContain('未达标');
  });

  it('a file the worker cannot write is reported as that file, in Chinese and English', async () => {
    const run = await runCheck({ roster: SAMPLE, policy: 'xilingol-2024' });
    const out = join(tmp, 'blocked');
    mkdirSync(join(out, 'summary.pdf'), { recursive: true }); // a folder where the PDF should go
    await expect(writeReports(run, { formats: ['html', 'pdf', 'xlsx'], outDir: out, showId: false, generatedOn: on, baseName: 'summary' })).rejects.toMatchObject({
      zh: expect.stringContaining(join(out, 'summary.pdf')),
    });
  });

  it('an XLSX the worker cannot write is reported as that file', async () => {
    const run = await runCheck({ roster: SAMPLE, policy: 'xilingol-2024' });
    const out = join(tmp, 'blocked-xlsx');
    mkdirSync(join(out, 'summary.xlsx'), { recursive: true }); // a folder where the XLSX should go
    await expect(writeReports(run, { formats: ['html', 'xlsx'], outDir: out, showId: false, generatedOn: on, baseName: 'summary', parallel: true })).rejects.toMatchObject({
      zh: expect.stringContaining(join(out, 'summary.xlsx')),
    });
  });
});

describe('the roster copy in the summary XLSX keeps what the clerk hid', () => {
  it('a hidden column (联系电话) stays hidden; merged unit cells are read for every person', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const roster = join(fileURLToPath(new URL('../../../test/fixtures/clerk/', import.meta.url)), 'two-row-header.xlsx');
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(roster);
    const hiddenBefore = source.worksheets[0]!.columns.map((c, i) => (c.hidden ? i : -1)).filter((i) => i >= 0);
    expect(hiddenBefore.length).toBeGreaterThan(0);
    const out = join(tmp, 'hidden');
    const r = runCli(['summary', roster, '--policy', 'xilingol-2024', '--out', out, '--format', 'xlsx']);
    expect(r.status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, onlyFile(out, '.xlsx')));
    const copy = book.worksheets.find((w) => !['汇总', '行动清单', '通知单'].includes(w.name))!;
    const hiddenAfter = hiddenBefore.filter((i) => copy.getColumn(i + 1).hidden);
    expect(hiddenAfter).toEqual(hiddenBefore);
    // and no column the clerk showed is hidden
    for (let i = 0; i < 12; i++) if (!hiddenBefore.includes(i)) expect(copy.getColumn(i + 1).hidden, `column ${i}`).toBeFalsy();
  });
});
