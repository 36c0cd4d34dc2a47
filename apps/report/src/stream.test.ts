/**
 * `ce-report check` reads an .xlsx roster's rows as it scans the sheet XML
 * (runCheckStreamed → loadAndReadRoster); the summary keeps the grid
 * (runCheck). The two must say exactly the same thing — results, every
 * warning and notice, the roster read, or the same error line — on every
 * acceptance case (as given, and written as .xlsx so the streamed path is the
 * one taken), every .xlsx in the repository, and the bad-input and clerk
 * corpora.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { decodeCsvBytes, parseCsv } from '@ce/files';
import type { RosterRead } from '@ce/roster';
import { CASES_DIR, checkArgs, loadCases, R2_CASES_DIR } from '@ce/cases';
import { parseCli } from './args.js';
import { CliError } from './errors.js';
import { runCheck, runCheckStreamed } from './engine.js';
import { REPO_ROOT } from './testing.js';

const tmp = mkdtempSync(join(tmpdir(), 'ce-report-stream-'));

/** A CSV case written as an .xlsx (one sheet named after the roster), so that check streams it. `typed`: short digit runs as numbers. */
function asXlsx(csv: string, typed: boolean): string {
  const grid = parseCsv(decodeCsvBytes(readFileSync(csv)));
  const aoa = grid.map((row) => row.map((v) => (typed && typeof v === 'string' && /^\d{1,6}(\.\d+)?$/.test(v) ? Number(v) : v)));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), basename(csv, extname(csv)).slice(0, 31));
  const out = join(tmp, `${typed ? 'typed' : 'text'}-${basename(csv, extname(csv))}.xlsx`);
  writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  return out;
}

function corpus(): { name: string; args: string[]; xlsx: boolean }[] {
  const out: { name: string; args: string[]; xlsx: boolean }[] = [];
  for (const [tag, dir] of [['r3', CASES_DIR], ['r2', R2_CASES_DIR]] as const) {
    for (const c of loadCases(dir)) {
      out.push({ name: `${tag}/${c.file}`, args: checkArgs(c, (f) => join(dir, f)), xlsx: false });
      for (const typed of [false, true]) {
        out.push({ name: `${tag}/${c.file} as .xlsx${typed ? ' (numbers)' : ''}`, args: checkArgs(c, (f) => (f === c.file ? asXlsx(join(dir, f), typed) : join(dir, f))), xlsx: true });
      }
    }
  }
  const bad = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/bad/expected.json'), 'utf8')) as { file: string; policy: string }[];
  for (const b of bad) out.push({ name: `bad/${b.file}`, args: ['check', join(REPO_ROOT, 'test/fixtures/bad', b.file), '--policy', b.policy], xlsx: false });
  const clerk = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/clerk/expected.json'), 'utf8')) as { file: string; reviewYear?: number }[];
  for (const c of clerk) {
    const a = ['check', join(REPO_ROOT, 'test/fixtures/clerk', c.file), '--policy', 'xilingol-2024', '--as-of', '2024-12-31'];
    if (c.reviewYear !== undefined) a.push('--year', String(c.reviewYear));
    out.push({ name: `clerk/${c.file}`, args: a, xlsx: false });
    out.push({ name: `clerk/${c.file} (no year)`, args: a.slice(0, 6), xlsx: false });
  }
  const tracked = execFileSync('git', ['ls-files', '*.xlsx', '*.xlsm'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim().split('\n');
  for (const f of tracked) out.push({ name: f, args: ['check', join(REPO_ROOT, f), '--policy', 'xilingol-2024'], xlsx: false });
  return out;
}

/** A RosterRead as JSON (each person's cells are plain data, so they are in it). */
const readJson = (r: RosterRead): string => JSON.stringify(r);

async function outcome(run: () => Promise<unknown>): Promise<{ run?: unknown; error?: string }> {
  try {
    return { run: await run() };
  } catch (e) {
    if (e instanceof CliError) return { error: e.line() };
    throw e;
  }
}

describe('check streams the roster and says what the grid path says', () => {
  const all = corpus();
  it('the corpus is there', () => {
    expect(all.filter((c) => c.xlsx).length).toBeGreaterThanOrEqual(16);
    expect(all.length).toBeGreaterThan(60);
  });
  it.each(all.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const parsed = parseCli(c.args);
    if (parsed.command !== 'check') throw new Error('check expected');
    const grid = await outcome(() => runCheck(parsed, { explain: true }));
    const streamed = await outcome(() => runCheckStreamed(parsed, { explain: true }));
    expect(streamed.error).toBe(grid.error);
    if (grid.error !== undefined) return;
    const g = grid.run as Awaited<ReturnType<typeof runCheck>>;
    const s = streamed.run as Awaited<ReturnType<typeof runCheckStreamed>>;
    expect(JSON.stringify(s.results)).toBe(JSON.stringify(g.results));
    expect(s.warnings).toEqual(g.warnings);
    expect(s.banners).toEqual(g.banners);
    expect(s.notices).toEqual(g.notices);
    expect(s.sheetName).toBe(g.sheetName);
    expect(readJson(s.roster)).toBe(readJson(g.roster));
    expect(s.rosterSheet).toEqual({ name: g.rosterGrid.name, firstRow: g.rosterGrid.firstRow, merges: g.rosterGrid.merges, hiddenColumns: g.rosterGrid.hiddenColumns });
    // the written .xlsx cases do take the streamed path (the comparison is not the grid path twice)
    if (c.xlsx) expect(s.streamed).toBe(true);
  });
});
