/**
 * Scenario 2 — CE.MISSING in a formula engine (HyperFormula, GPL-3, dev only).
 *
 *   tsx test/bench/formulas.ts <people>
 *
 * Four variants, each in a fresh engine built from the same data sheets; only
 * entering the formula column (one setCellContents of n cells, which evaluates
 * them) is timed:
 *   hand      =MAX(0,30-V2)+MAX(0,60-W2)            (the review year's hour columns)
 *   ce        =CE.MISSING(C2)                       (roster sheet only)
 *   sumifs    =MAX(0,30-V2-SUMIFS(培训记录…,"公需"))+MAX(0,60-W2-SUMIFS(…,"专业"))
 *   ceRecords =CE.MISSING(C2)                       (roster + 培训记录 sheets)
 * CE.MISSING is the add-in's own function logic (apps/excel-addin
 * src/functions/engine.ts fnMissing over buildIndex(readWorkbook(...))); the
 * index is built lazily on the first call, inside the timed region, as the
 * add-in's index cache does on the first recalculation.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';
import type { Cell } from '@ce/roster';
import { COL, DEFAULT_SEED, generate, POLICY, REVIEW_YEAR } from './generate.js';
import { emit, median, now, peakRssMB, ROOT } from './util.js';

interface EngineModule {
  buildIndex(read: unknown, sheetName: string): unknown;
  fnMissing(index: unknown, id: unknown, settings: { policy: string }): number;
  FunctionError: new (...a: never[]) => Error;
}
interface CheckModule {
  readWorkbook(input: { roster: Cell[][]; sheetName?: string; records?: Cell[][]; recordsSheetName?: string }): unknown;
}
const addin = (p: string) => pathToFileURL(join(ROOT, 'apps/excel-addin', p)).href;
const engine = (await import(addin('src/functions/engine.ts'))) as EngineModule;
const check = (await import(addin('src/core/check.ts'))) as CheckModule;

const ROSTER = '花名册';
const RECORDS = '培训记录';
const settings = { policy: POLICY };

/** what the lazily built index reads: set per variant */
let source: { roster: Cell[][]; records?: Cell[][] } = { roster: [] };
let index: unknown;
/** time spent inside CE.MISSING: building the index (the reader) and in all calls (index included) */
const inside = { index: 0, total: 0 };

class CePlugin extends FunctionPlugin {
  static override implementedFunctions = {
    'CE.MISSING': { method: 'missing', parameters: [{ argumentType: FunctionArgumentType.SCALAR }] },
  };
  missing(ast: { args: unknown[] }, state: unknown): unknown {
    const run = this.runFunction as unknown as (args: unknown[], state: unknown, meta: unknown, f: (id: unknown) => unknown) => unknown;
    return run(ast.args, state, this.metadata('CE.MISSING'), (id: unknown) => {
      const t0 = now();
      if (index === undefined) {
        index = engine.buildIndex(check.readWorkbook({ roster: source.roster, sheetName: ROSTER, records: source.records, recordsSheetName: RECORDS }), ROSTER);
        inside.index += now() - t0;
      }
      try {
        return engine.fnMissing(index, id, settings);
      } catch (e) {
        return new CellError(ErrorType.NA, e instanceof Error ? e.message : String(e));
      } finally {
        inside.total += now() - t0;
      }
    });
  }
}
HyperFormula.registerFunctionPlugin(CePlugin as unknown as Parameters<typeof HyperFormula.registerFunctionPlugin>[0], {
  enGB: { 'CE.MISSING': 'CE.MISSING' },
});

const letter = (c: number) => String.fromCharCode(65 + c); // columns < 26 here
/** HF parses strings as user input: keep ID numbers (and other digit strings) text with a leading apostrophe. */
function hfSheet(grid: Cell[][]): (string | number | boolean | null)[][] {
  return grid.map((row) =>
    row.map((v) => (v === null || v === undefined ? null : typeof v === 'string' ? (/^[\d.+\-=]/.test(v) ? `'${v}` : v) : v instanceof Date ? v.toISOString().slice(0, 10) : v)),
  );
}

const n = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? (n <= 10_000 ? 3 : 1));
/** which pair: "roster" (hand vs ce) or "records" (sumifs vs ceRecords) */
const pair = process.argv[4] ?? 'roster';

function formulas(kind: string, people: number, recordRows: number): string[][] {
  const id = letter(COL.id);
  const pub = letter(COL.pub);
  const prof = letter(COL.prof);
  const last = recordRows + 1;
  const rng = (c: string) => `'${RECORDS}'!$${c}$2:$${c}$${last}`;
  const sumifs = (r: number, cat: string) => `SUMIFS(${rng('E')},${rng('A')},${id}${r},${rng('B')},${REVIEW_YEAR},${rng('C')},"${cat}")`;
  const out: string[][] = [];
  for (let i = 0; i < people; i++) {
    const r = i + 2;
    if (kind === 'hand') out.push([`=MAX(0,30-${pub}${r})+MAX(0,60-${prof}${r})`]);
    else if (kind === 'sumifs') out.push([`=MAX(0,30-${pub}${r}-${sumifs(r, '公需')})+MAX(0,60-${prof}${r}-${sumifs(r, '专业')})`]);
    else out.push([`=CE.MISSING(${id}${r})`]);
  }
  return out;
}

function variant(kind: 'hand' | 'ce' | 'sumifs' | 'ceRecords', people: number, seedOffset = 0): { ms: number; buildMs: number; sum: number; errors: number; indexMs: number; insideMs: number } {
  const g = generate(DEFAULT_SEED + seedOffset, people);
  const withRecords = kind === 'sumifs' || kind === 'ceRecords';
  const sheets: Record<string, (string | number | boolean | null)[][]> = { [ROSTER]: hfSheet(g.roster) };
  if (withRecords) sheets[RECORDS] = hfSheet(g.records);
  source = { roster: g.roster, records: withRecords ? g.records : undefined };
  index = undefined;
  inside.index = 0;
  inside.total = 0;
  let t0 = now();
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', maxRows: 1_048_576 });
  const buildMs = now() - t0;
  const sheet = hf.getSheetId(ROSTER)!;
  const col = g.roster[0]!.length + 1;
  const f = formulas(kind, people, g.records.length - 1);
  t0 = now();
  hf.setCellContents({ sheet, col, row: 1 }, f);
  const ms = now() - t0;
  let sum = 0;
  let errors = 0;
  for (let i = 0; i < people; i++) {
    const v = hf.getCellValue({ sheet, col, row: i + 1 });
    if (typeof v === 'number') sum += v;
    else errors++;
  }
  hf.destroy();
  return { ms, buildMs, sum, errors, indexMs: inside.index, insideMs: inside.total };
}

const KINDS = pair === 'records' ? (['sumifs', 'ceRecords'] as const) : (['hand', 'ce'] as const);
type Kind = 'hand' | 'ce' | 'sumifs' | 'ceRecords';
// warm-up (JIT for the engine, the reader and the evaluator)
for (const k of KINDS) variant(k, pair === 'records' ? 100 : 500, 1);
const times: Record<string, number[]> = { hand: [], ce: [], sumifs: [], ceRecords: [] };
const checks: Record<string, { sum: number; errors: number; buildMs: number }> = {};
const insideTimes = { index: [] as number[], calls: [] as number[] };
for (let k = 0; k < runs; k++) {
  for (const kind of KINDS) {
    const v = variant(kind, n);
    times[kind]!.push(v.ms);
    checks[kind] = { sum: v.sum, errors: v.errors, buildMs: Math.round(v.buildMs) };
    if (kind === 'ce' || kind === 'ceRecords') {
      insideTimes.index.push(v.indexMs);
      insideTimes.calls.push(v.insideMs - v.indexMs);
    }
  }
}
const ms = Object.fromEntries(KINDS.map((k) => [k, median(times[k]!)])) as Partial<Record<Kind, number>>;
emit({
  people: n,
  pair,
  records: pair === 'records' ? Math.round(n * 5) : 0,
  runs,
  ms,
  times: Object.fromEntries(KINDS.map((k) => [k, times[k]])),
  ratio: pair === 'records' ? ms.ceRecords! / ms.sumifs! : ms.ce! / ms.hand!,
  checks,
  /** of the CE time: building the index (reading the sheets) and the calls themselves (evaluation + lookup) */
  ceIndexMs: median(insideTimes.index),
  ceCallsMs: median(insideTimes.calls),
  peakRssMB: peakRssMB(),
});
