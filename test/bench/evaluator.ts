/**
 * Scenario 1 — evaluator throughput on one core, against a baseline in the same run.
 *
 *   tsx test/bench/evaluator.ts <people>
 *
 * Generates the grids, reads them with readRoster/readRecords (timed: reader
 * throughput), groups records by ID, then times three loops over the same people:
 *   baseline  – sum each person's review-year hours (roster columns + records) and compare with 30/60;
 *   objects   – no rules at all: only make and keep, per person, the objects a result consists of
 *               (the result, missing, the years list, a figures and a credited object per year), to show
 *               what the result's shape alone costs here;
 *   evaluate  – evaluate(person, records, pack, { explain: false });
 *   explain   – evaluate(..., { explain: true }) (full Chinese explanation lines).
 * Up to 100k people the whole roster is read at once; above that (1M) it is
 * generated and read in chunks of 100k (the evaluator is per row; a 1M-row grid
 * plus its Person objects would not fit comfortably in memory on this machine).
 */
import { groupRecordsById, readRecords, readRoster } from '@ce/roster';
import { compilePack, evaluate, getPack } from '@ce/rules';
import type { EvaluationResult, Person, TrainingRecord } from '@ce/rules';
import { DEFAULT_SEED, generate, POLICY, REVIEW_YEAR } from './generate.js';
import { emit, median, now, peakRssMB } from './util.js';

// one plan for the run, as a host holds it (compiling per row would measure the compile)
const pack = compilePack(getPack(POLICY)!);
const Y = REVIEW_YEAR;
const NONE: readonly TrainingRecord[] = [];

/** The plain loop: only sums the person's hours for the review year and compares with 30/60. */
function baseline(people: readonly Person[], byId: Map<string, TrainingRecord[]>): number[] {
  const out = new Array<number>(people.length);
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    let pub = 0;
    let prof = 0;
    const h = p.hours[Y];
    if (h) {
      pub += h.public;
      prof += h.professional;
    }
    for (const r of byId.get(p.id) ?? NONE) {
      if (r.creditYear !== Y) continue;
      const hours = r.hours ?? (r.minutes !== undefined ? Math.floor(r.minutes / 45) : (r.halfDays ?? 0) * 4);
      if (r.category === 'public') pub += hours;
      else prof += hours;
    }
    out[i] = Math.max(0, 30 - pub) + Math.max(0, 60 - prof);
  }
  return out;
}

/** The result's object graph alone (ROSTER.md shape, three years), with no rule work: the floor of `evaluate`. */
function resultObjectsOnly(people: readonly Person[]): object[] {
  const out = new Array<object>(people.length);
  const required = Object.freeze({ public: 30, professional: 60 });
  const none = Object.freeze([]);
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    const years = [
      { year: Y - 2, required, credited: { public: i & 7, professional: 60 } },
      { year: Y - 1, required, credited: { public: 30, professional: i & 15 } },
      { year: Y, required, credited: { public: i & 3, professional: i & 31 } },
    ];
    out[i] = {
      row: p.row,
      id: p.id,
      name: p.name ?? '',
      status: 'non-compliant',
      missing: { total: i & 63, public: i & 7, professional: i & 31 },
      years,
      rules: none,
      reliefs: none,
      excluded: none,
      warnings: none,
      errors: none,
      notes: none,
      purpose: p.purpose,
      reviewYear: Y,
      interpretations: none,
    };
  }
  return out;
}

function evaluateAll(people: readonly Person[], byId: Map<string, TrainingRecord[]>, explain: boolean): EvaluationResult[] {
  const out = new Array<EvaluationResult>(people.length);
  const opts = { year: Y, explain };
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    out[i] = evaluate(p, byId.get(p.id) ?? NONE, pack, opts);
  }
  return out;
}

interface Chunk {
  people: Person[];
  byId: Map<string, TrainingRecord[]>;
  records: number;
}

function load(from: number, count: number, t: { gen: number; read: number }): Chunk {
  let t0 = now();
  const g = generate(DEFAULT_SEED, count, from);
  t.gen += now() - t0;
  t0 = now();
  const roster = readRoster(g.roster);
  const records = readRecords(g.records, { sheetName: '培训记录' });
  t.read += now() - t0;
  return { people: roster.people, byId: groupRecordsById(records.records), records: records.records.length };
}

const total = Number(process.argv[2] ?? 10_000);
const CHUNK = 100_000;
const runs = total <= 100_000 ? 3 : 1;
const t = { gen: 0, read: 0 };
const times = { baseline: [] as number[], objects: [] as number[], evaluate: [] as number[], explain: [] as number[] };
let records = 0;
const counts: Record<string, number> = {};
let sink = 0;

// warm-up on a separate small roster (JIT), not timed
{
  const w = load(10_000_000, 5_000, { gen: 0, read: 0 });
  for (let k = 0; k < 3; k++) {
    baseline(w.people, w.byId);
    resultObjectsOnly(w.people);
    evaluateAll(w.people, w.byId, false);
    evaluateAll(w.people, w.byId, true);
  }
}

if (total <= CHUNK) {
  const c = load(0, total, t);
  records = c.records;
  for (let k = 0; k < runs; k++) {
    // interleaved so that machine noise hits all three alike
    let t0 = now();
    sink += baseline(c.people, c.byId).length;
    times.baseline.push(now() - t0);
    t0 = now();
    sink += resultObjectsOnly(c.people).length;
    times.objects.push(now() - t0);
    t0 = now();
    const res = evaluateAll(c.people, c.byId, false);
    times.evaluate.push(now() - t0);
    t0 = now();
    sink += evaluateAll(c.people, c.byId, true).length;
    times.explain.push(now() - t0);
    if (k === 0) for (const r of res) counts[r.status] = (counts[r.status] ?? 0) + 1;
  }
} else {
  const sum = { baseline: 0, objects: 0, evaluate: 0, explain: 0 };
  for (let from = 0; from < total; from += CHUNK) {
    const c = load(from, Math.min(CHUNK, total - from), t);
    records += c.records;
    let t0 = now();
    sink += baseline(c.people, c.byId).length;
    sum.baseline += now() - t0;
    t0 = now();
    sink += resultObjectsOnly(c.people).length;
    sum.objects += now() - t0;
    t0 = now();
    const res = evaluateAll(c.people, c.byId, false);
    sum.evaluate += now() - t0;
    t0 = now();
    sink += evaluateAll(c.people, c.byId, true).length;
    sum.explain += now() - t0;
    for (const r of res) counts[r.status] = (counts[r.status] ?? 0) + 1;
  }
  times.baseline.push(sum.baseline);
  times.objects.push(sum.objects);
  times.evaluate.push(sum.evaluate);
  times.explain.push(sum.explain);
}

const ms = { baseline: median(times.baseline), objects: median(times.objects), evaluate: median(times.evaluate), explain: median(times.explain) };
const rps = (m: number) => Math.round(total / (m / 1000));
emit({
  people: total,
  records,
  runs,
  chunked: total > CHUNK,
  genMs: Math.round(t.gen),
  readMs: Math.round(t.read),
  readRowsPerSec: rps(t.read),
  baselineMs: ms.baseline,
  evaluateMs: ms.evaluate,
  explainMs: ms.explain,
  baselineRps: rps(ms.baseline),
  objectsMs: ms.objects,
  objectsRps: rps(ms.objects),
  evaluateRps: rps(ms.evaluate),
  explainRps: rps(ms.explain),
  times,
  counts,
  peakRssMB: peakRssMB(),
  sink,
});
