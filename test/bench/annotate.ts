/**
 * Scenario 3 — the task pane's 检查并标注 path (apps/excel-addin annotateActiveSheet)
 * on the in-memory Excel host double (apps/excel-addin/test/double), with the
 * roster as the active sheet and a 培训记录 sheet.
 *
 *   tsx test/bench/annotate.ts <people>
 *
 * Reports the number of context.sync calls, the largest request payload (the
 * double measures each sync's UTF-8 JSON bytes and rejects > 5 MB, as Excel on
 * the web does) and the total time, including the double's own bookkeeping.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DEFAULT_SEED, generate, POLICY } from './generate.js';
import { emit, now, peakRssMB, ROOT } from './util.js';

// The add-in's modules use Office.js types; they are loaded by path so that the
// test package's typecheck does not pull them in. Only what we call is typed here.
interface HostDouble {
  syncLog: { ops: number; bytes: number }[];
  addSheet(name: string, grid: (string | number | boolean)[][]): unknown;
  install(): void;
}
interface AnnotateModule {
  annotateActiveSheet(opts: { settings: { policy: string; year?: number }; lang: 'zh' | 'en' }): Promise<
    { ok: true; syncs: number; results: unknown[]; counts: Record<string, number> } | { ok: false; reason: string }
  >;
}
const addin = (p: string) => pathToFileURL(join(ROOT, 'apps/excel-addin', p)).href;

const people = Number(process.argv[2] ?? 10_000);
const { ExcelHost, doubleTime } = (await import(addin('test/double/excel-double.ts'))) as { ExcelHost: new () => HostDouble; doubleTime: { ms: number } };
const { annotateActiveSheet } = (await import(addin('src/taskpane/annotate.ts'))) as AnnotateModule;

const excelGrid = (g: unknown[][]) => g.map((r) => r.map((v) => (v === null || v === undefined ? '' : (v as string | number | boolean))));

async function once(n: number, seedOffset = 0) {
  const g = generate(DEFAULT_SEED + seedOffset, n);
  const host = new ExcelHost();
  host.addSheet('花名册', excelGrid(g.roster));
  host.addSheet('培训记录', excelGrid(g.records));
  host.install();
  doubleTime.ms = 0;
  const t0 = now();
  const out = await annotateActiveSheet({ settings: { policy: POLICY }, lang: 'zh' });
  const ms = now() - t0;
  if (!out.ok) throw new Error(out.reason);
  const log = host.syncLog;
  return {
    ms,
    /** time inside the double (its synced operations and payload measuring): the rest is the add-in */
    doubleMs: Math.round(doubleTime.ms),
    syncs: log.length,
    reportedSyncs: out.syncs,
    maxBytes: Math.max(...log.map((s) => s.bytes)),
    totalBytes: log.reduce((a, s) => a + s.bytes, 0),
    counts: out.counts,
  };
}

await once(500, 1); // warm-up
const r = await once(people);
emit({ people, ...r, ms: Math.round(r.ms), peakRssMB: peakRssMB() });
