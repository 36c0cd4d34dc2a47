import { generate } from './generate.js';
import { groupRecordsById, readRecords, readRoster } from '@ce/roster';
import { evaluate, getPack } from '@ce/rules';
const g = generate(20240115, 20_000);
const roster = readRoster(g.roster); const recs = readRecords(g.records);
const byId = groupRecordsById(recs.records);
const pack = getPack('xilingol-2024')!;
let ex = 0, w = 0, n = 0, rl = 0, kinds = new Map<string, number>(), reasons = new Map<string, number>();
for (const p of roster.people) { const r = evaluate(p, byId.get(p.id) ?? [], pack); ex += r.excluded.length; w += r.warnings.length; rl += r.rules.length; n++; for (const e of r.excluded) reasons.set(e.reason.slice(0, 12), (reasons.get(e.reason.slice(0, 12)) ?? 0) + 1); for (const x of r.warnings) reasons.set('W' + x.message.slice(0, 14), (reasons.get('W' + x.message.slice(0, 14)) ?? 0) + 1); }
for (const r of recs.records) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
console.log({ ex: ex / n, w: w / n, rules: rl / n }, kinds, reasons);
