import { generate } from './generate.js';
import { groupRecordsById, readRecords, readRoster } from '@ce/roster';
import { evaluate, getPack } from '@ce/rules';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const g = generate(20240115, 50_000);
const roster = readRoster(g.roster); const recs = readRecords(g.records);
const byId = groupRecordsById(recs.records);
const pack = getPack('xilingol-2024')!;
const NONE: any[] = [];
const run = (explain: boolean) => { let s = 0; for (const p of roster.people) s += evaluate(p, byId.get(p.id) ?? NONE, pack, { explain }).missing?.total ?? 0; return s; };
const base = () => { let s = 0; for (const p of roster.people) { for (const y of [2022, 2023, 2024]) { const h = p.hours[y]; s += Math.max(0, 30 - (h?.public ?? 0)) + Math.max(0, 60 - (h?.professional ?? 0)); } for (const r of byId.get(p.id) ?? NONE) s += r.hours ?? 0; } return s; };
for (const [name, f] of [['baseline', base], ['plain', () => run(false)], ['explain', () => run(true)]] as const) {
  const best = Math.min(...[0, 1, 2, 3].map(() => { const t = performance.now(); f(); return performance.now() - t; }));
  console.log(name, Math.round(roster.people.length / best * 1000).toLocaleString(), 'rows/s');
}
if (process.env.PROF) {
  const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
  for (let i = 0; i < 3; i++) run(false);
  const { profile } = await s.post('Profiler.stop'); writeFileSync('/tmp/eval.cpuprofile', JSON.stringify(profile));
}
