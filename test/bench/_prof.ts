import { groupRecordsById, readRecords, readRoster } from '@ce/roster';
import { evaluate, getPack } from '@ce/rules';
import { DEFAULT_SEED, generate, POLICY } from './generate.js';
const pack = getPack(POLICY)!;
const g = generate(DEFAULT_SEED, 10000);
const ro = readRoster(g.roster); const re = readRecords(g.records);
const byId = groupRecordsById(re.records);
const explain = process.argv[2] === 'x';
const opts = { year: 2024, explain };
for (let k = 0; k < 60; k++) {
  const t0 = performance.now();
  for (const p of ro.people) evaluate(p, byId.get(p.id) ?? [], pack, opts);
  if (k % 20 == 19) console.log('eval', performance.now() - t0);
}
