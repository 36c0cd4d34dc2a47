/**
 * Scenario 4 — reports: a roster .xlsx → HTML + PDF + XLSX through the report
 * app's own path (runCheck: @ce/files loader → reader → checkRoster; then
 * writeReports), and the xlsx reader alone, SheetJS and ExcelJS side by side.
 * Each mode runs in its own process (run.ts), so peak RSS is its own.
 *
 *   tsx test/bench/reports.ts gen <people> <file.xlsx>
 *   tsx test/bench/reports.ts run <file.xlsx> <outDir> [worker]
 *   tsx test/bench/reports.ts read <sheetjs|exceljs|lean|stream|decompress|check|check-grid|split> <file.xlsx>
 *
 * The workbook is the 花名册 sheet only (a title row, the header, one row per
 * person, three years of hours in the roster columns): the "100k-row
 * .xlsx". A 培训记录 sheet of 500k rows would be a different file (see notes).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { DEFAULT_SEED, generate, POLICY, REVIEW_YEAR } from './generate.js';
import { emit, now, peakRssMB, ROOT } from './util.js';

const app = (p: string) => pathToFileURL(join(ROOT, p)).href;

const [mode, a, b, c] = process.argv.slice(2);

if (mode === 'gen') {
  const people = Number(a);
  const t0 = now();
  const g = generate(DEFAULT_SEED, people, 0, false);
  const aoa = [['2024年度专业技术人员继续教育学时统计表'], ...g.roster.map((r) => r.map((v) => (v === undefined ? null : v)))];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '花名册');
  writeFileSync(b!, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  emit({ people, bytes: statSync(b!).size, ms: Math.round(now() - t0) });
} else if (mode === 'run') {
  interface EngineMod {
    runCheck(args: { roster: string; policy: string }): Promise<{ results: unknown[] }>;
  }
  interface SummaryMod {
    writeReports(run: unknown, o: { formats: string[]; outDir: string; showId: boolean; parallel?: boolean; worker?: unknown }): Promise<{ files: Record<string, string>; timings: Record<string, number>; writtenIn: Record<string, string> }>;
    startRenderWorker(): unknown;
  }
  const { runCheck } = (await import(app('apps/report/src/engine.ts'))) as EngineMod;
  const { writeReports, startRenderWorker } = (await import(app('apps/report/src/summary.ts'))) as SummaryMod;
  // `worker`: the XLSX in the render worker (parallel: true), started while the roster is read,
  // for comparison; the default is what `ce-report summary` does (every format on the main thread)
  const inWorker = c === 'worker';
  // CPU time as well as wall time: on the shared 2 cores the wall time doubled between identical runs
  const cpu0 = process.cpuUsage();
  const t0 = now();
  const worker = inWorker ? startRenderWorker() : undefined;
  const run = await runCheck({ roster: a!, policy: POLICY });
  const tCheck = now();
  const cpuCheck = process.cpuUsage(cpu0);
  const written = await writeReports(run, { formats: ['html', 'pdf', 'xlsx'], outDir: b!, showId: false, ...(inWorker ? { parallel: true, worker } : {}) });
  const tEnd = now();
  const cpuEnd = process.cpuUsage(cpu0);
  const cpuMs = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000);
  const stages = Object.fromEntries(Object.entries(written.timings).map(([k, ms]) => [`生成 ${k.toUpperCase()}`, Math.round(ms)]));
  const sizes = Object.fromEntries(Object.entries(written.files).map(([k, f]) => [k, statSync(f).size]));
  emit({
    people: run.results.length,
    checkMs: Math.round(tCheck - t0),
    renderMs: stages,
    renderWallMs: Math.round(tEnd - tCheck),
    // the baseline of the same process: load + check of the same roster (what `ce-report check` does)
    renderVsCheck: Math.round(((tEnd - tCheck) / (tCheck - t0)) * 100) / 100,
    checkCpuMs: cpuMs(cpuCheck),
    renderCpuMs: cpuMs(cpuEnd) - cpuMs(cpuCheck),
    writtenIn: written.writtenIn,
    totalMs: Math.round(tEnd - t0),
    sizes,
    peakRssMB: peakRssMB(),
  });
} else if (mode === 'read') {
  emit(await readMode(a!, b!));
} else {
  throw new Error(`unknown mode ${mode}`);
}

/**
 * One reader alone, from the file's bytes:
 *   sheetjs | exceljs | lean (the Node loader's grids: one decompression + the lean scanner)
 *   stream (the lean scanner's row stream, no grid: what `check` reads an .xlsx roster with)
 *   decompress (the floor: inflate + CRC-check every entry, decode the XML, visit every tag)
 *   check (the whole `ce-report check` path in-process: load, stream the rows into the reader, evaluate)
 *   check-grid (the same with the grid kept, as `summary` and check before issue #15's stream)
 *   split (check's two halves timed apart: load + read, then evaluate)
 */
async function readMode(lib: string, file: string): Promise<Record<string, unknown>> {
  interface FilesMod {
    readWorkbookSheetJS(bytes: Uint8Array): { grid: unknown[][] }[];
    readWorkbookExcelJS(bytes: Uint8Array): Promise<{ grid: unknown[][] }[]>;
    readSpreadsheetBytes(bytes: Uint8Array, path: string): { grid: unknown[][] }[];
    unzipChecked(bytes: Uint8Array): { kind: string; entries?: Map<string, Uint8Array> };
    openWorkbookLean(entries: Map<string, Uint8Array>): { rows(): Iterable<unknown[]> }[] | undefined;
    loadAndReadRoster(path: string, records: undefined, o: { reviewYear: number }): Promise<{ read: { people: unknown[] }; streamed: boolean }>;
  }
  interface EngineMod {
    runCheck(args: { roster: string; policy: string }): Promise<{ results: unknown[] }>;
    runCheckStreamed(args: { roster: string; policy: string }): Promise<{ results: unknown[]; streamed: boolean }>;
  }
  interface RosterMod {
    checkRoster(people: unknown[], records: unknown[], pack: unknown, o: { year: number; asOf: { year: number; month: number; day: number } }): { results: unknown[] };
  }
  const files = (await import('@ce/files')) as unknown as FilesMod;
  const engine = lib.startsWith('check') ? ((await import(app('apps/report/src/engine.ts'))) as EngineMod) : undefined;
  const roster = lib === 'split' ? ((await import('@ce/roster')) as unknown as RosterMod) : undefined;
  const { getPack } = await import('@ce/rules');
  const t0 = now();
  let rows = 0;
  const extra: Record<string, unknown> = {};
  if (engine && lib === 'check') {
    const run = await engine.runCheckStreamed({ roster: file, policy: POLICY });
    rows = run.results.length;
    if (!run.streamed) throw new Error('check did not stream the roster');
  } else if (engine) rows = (await engine.runCheck({ roster: file, policy: POLICY })).results.length;
  else if (roster) {
    const loaded = await files.loadAndReadRoster(file, undefined, { reviewYear: REVIEW_YEAR });
    const t1 = now();
    rows = roster.checkRoster(loaded.read.people, [], getPack(POLICY), { year: REVIEW_YEAR, asOf: { year: REVIEW_YEAR, month: 12, day: 31 } }).results.length;
    extra.readMs = Math.round(t1 - t0);
    extra.evaluateMs = Math.round(now() - t1);
  } else {
    const bytes = readFileSync(file);
    if (lib === 'decompress') rows = tokenise(files.unzipChecked(bytes).entries!);
    else if (lib === 'stream') {
      const sheets = files.openWorkbookLean(files.unzipChecked(bytes).entries!)!;
      for (const _row of sheets[0]!.rows()) rows++;
    } else {
      const sheets = lib === 'sheetjs' ? files.readWorkbookSheetJS(bytes) : lib === 'lean' ? files.readSpreadsheetBytes(bytes, file) : await files.readWorkbookExcelJS(bytes);
      rows = sheets[0]!.grid.length;
    }
  }
  const ms = now() - t0;
  return { lib, rows, ms: Math.round(ms), ...extra, peakRssMB: peakRssMB() };
}

/** Decode every XML part and visit every tag (the least any reader must do); returns the number of <row> tags. */
function tokenise(entries: Map<string, Uint8Array>): number {
  const dec = new TextDecoder();
  let rows = 0;
  let tags = 0;
  for (const [name, data] of entries) {
    if (!name.endsWith('.xml')) continue;
    const xml = dec.decode(data);
    for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
      tags++;
      if (xml.startsWith('<row', i)) rows++;
    }
  }
  if (tags === 0) throw new Error('no XML');
  return rows;
}
