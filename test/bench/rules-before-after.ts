/**
 * Scenario 7 — the rules redesign's speed budget (issue 16): the evaluator as it
 * was before revision 3 and the redesign (commit BEFORE, extracted from git into
 * a temporary folder) against today's, on the same people in the same process,
 * interleaved so that machine noise hits both alike.
 *
 *   tsx test/bench/rules-before-after.ts <people>
 *
 * The two do not give identical answers — revision 3 changed readings — so this
 * measures speed only. Today's runs with a compiled plan, as hosts use it.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { groupRecordsById, readRecords, readRoster } from '@ce/roster';
import { compilePack, evaluate, getPack } from '@ce/rules';
import type { EvaluationResult, Person, PolicyPack, TrainingRecord } from '@ce/rules';
import { DEFAULT_SEED, generate, POLICY, REVIEW_YEAR } from './generate.js';
import { emit, median, now, peakRssMB, ROOT } from './util.js';

/** the last commit before this redesign (rules as of the revision-2 session) */
export const BEFORE = 'b5fed70';

type Evaluate = (p: Person, r: readonly TrainingRecord[], pack: never, o: { year: number; explain: boolean }) => EvaluationResult;

async function beforeRules(dir: string): Promise<{ evaluate: Evaluate; pack: PolicyPack }> {
  execSync(`git archive ${BEFORE} packages/rules/src | tar -x -C ${JSON.stringify(dir)}`, { cwd: ROOT });
  const mod = (await import(pathToFileURL(join(dir, 'packages/rules/src/index.ts')).href)) as { evaluate: Evaluate; getPack(id: string): PolicyPack };
  return { evaluate: mod.evaluate, pack: mod.getPack(POLICY) };
}

const NONE: readonly TrainingRecord[] = [];

function loop(people: readonly Person[], byId: Map<string, TrainingRecord[]>, f: (p: Person, r: readonly TrainingRecord[]) => EvaluationResult): number {
  let n = 0;
  for (const p of people) if (f(p, byId.get(p.id) ?? NONE).status !== 'invalid') n++;
  return n;
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'ce-rules-before-'));
  try {
    const old = await beforeRules(dir);
    const plan = compilePack(getPack(POLICY)!);
    const g = generate(DEFAULT_SEED, total, 0);
    const people = readRoster(g.roster).people;
    const byId = groupRecordsById(readRecords(g.records, { sheetName: '培训记录' }).records);
    const Y = REVIEW_YEAR;
    const variants: Record<string, (p: Person, r: readonly TrainingRecord[]) => EvaluationResult> = {
      beforeNoText: (p, r) => old.evaluate(p, r, old.pack as never, { year: Y, explain: false }),
      afterNoText: (p, r) => evaluate(p, r, plan, { year: Y, explain: false }),
      beforeExplain: (p, r) => old.evaluate(p, r, old.pack as never, { year: Y, explain: true }),
      afterExplain: (p, r) => evaluate(p, r, plan, { year: Y, explain: true }),
    };
    const ms: Record<string, number[]> = {};
    const cpu: Record<string, number[]> = {};
    for (const k of Object.keys(variants)) {
      ms[k] = [];
      cpu[k] = [];
    }
    // what each explains: revision 3 says more (the remedy, r3 warnings), so the lines per row are reported beside the time
    let linesBefore = 0;
    let linesAfter = 0;
    for (const p of people.slice(0, 5000)) {
      linesBefore += variants.beforeExplain!(p, byId.get(p.id) ?? NONE).explanation?.length ?? 0;
      linesAfter += variants.afterExplain!(p, byId.get(p.id) ?? NONE).explanation?.length ?? 0;
    }
    // warm-up (JIT: every variant reaches its optimised code), then interleaved timed runs
    for (let i = 0; i < 3; i++) for (const f of Object.values(variants)) loop(people.slice(0, 10_000), byId, f);
    // CPU time as well as wall time: on a shared machine a process waiting for a core loses wall time, not CPU time.
    // Many short runs, before and after taking turns to go first, so drift and order hit both alike.
    const runs = total <= 20_000 ? 31 : 5;
    const order = Object.entries(variants);
    const swapped = [order[1]!, order[0]!, order[3]!, order[2]!];
    for (let i = 0; i < runs; i++) {
      for (const [k, f] of i % 2 === 0 ? order : swapped) {
        const t0 = now();
        const c0 = process.cpuUsage();
        loop(people, byId, f);
        const c = process.cpuUsage(c0);
        ms[k]!.push(now() - t0);
        cpu[k]!.push((c.user + c.system) / 1000);
      }
    }
    const med = Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, median(v)]));
    const cpuMed = Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, median(v)]));
    /** the median of each run's own after/before ratio: the estimate least moved by a noisy neighbour */
    const paired = (after: number[], before: number[]) => median(after.map((a, i) => a / before[i]!));
    emit({
      people: total,
      runs,
      ms: med,
      rowsPerSec: Object.fromEntries(Object.entries(med).map(([k, v]) => [k, Math.round((total / v) * 1000)])),
      ratioNoText: med.afterNoText! / med.beforeNoText!,
      ratioExplain: med.afterExplain! / med.beforeExplain!,
      linesPerRow: { before: linesBefore / Math.min(5000, people.length), after: linesAfter / Math.min(5000, people.length) },
      cpuRatioNoText: cpuMed.afterNoText! / cpuMed.beforeNoText!,
      cpuRatioExplain: cpuMed.afterExplain! / cpuMed.beforeExplain!,
      pairedCpuRatioNoText: paired(cpu.afterNoText!, cpu.beforeNoText!),
      pairedCpuRatioExplain: paired(cpu.afterExplain!, cpu.beforeExplain!),
      peakRssMB: peakRssMB(),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
