/** Builders for tests: a Person or a record from a few words. Not exported from the package. */
import type { CivilDate, Level, Person, Purpose, RecordKind, TrainingRecord } from './types.js';
import { evaluate } from './evaluator.js';
import { getPack } from './packs/index.js';

export interface PersonSpec extends Partial<Omit<Person, 'birth' | 'hours'>> {
  birth?: string;
  /** year → [public, professional] */
  hours?: Record<number, [number, number]>;
}

let nextRow = 2;

export function person(spec: PersonSpec = {}): Person {
  const { birth, hours, ...rest } = spec;
  const p: Person = {
    row: nextRow++,
    id: '152502198503121121',
    name: '测试',
    sex: 'F',
    birth: date(birth ?? '1985-03-12'),
    purpose: 'annual' as Purpose,
    hours: {},
    cells: {},
    errors: [],
    warnings: [],
    ...rest,
  };
  for (const [y, [pub, pro]] of Object.entries(hours ?? {})) p.hours[Number(y)] = { public: pub, professional: pro };
  return p;
}

export function date(iso: string): CivilDate {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y!, month: m!, day: d! };
}

export function record(spec: Partial<Omit<TrainingRecord, 'date'>> & { kind: RecordKind; date?: string }): TrainingRecord {
  const { date: d, ...rest } = spec;
  return {
    row: 2,
    id: '152502198503121121',
    creditYear: d ? date(d).year : 2024,
    ...rest,
    ...(d ? { date: date(d) } : {}),
  };
}

/** Evaluate under a pack by id, with explanation. */
export function run(packId: string, p: Person, records: TrainingRecord[] = [], opts: { year?: number; asOf?: string } = {}) {
  const pack = getPack(packId);
  if (!pack) throw new Error(`no pack ${packId}`);
  return evaluate(p, records, pack, { explain: true, ...(opts.year ? { year: opts.year } : {}), ...(opts.asOf ? { asOf: date(opts.asOf) } : {}) });
}

export const title = (level: Level, extra: PersonSpec = {}): PersonSpec => ({ purpose: 'title', level, ...extra });

import { expect } from 'vitest';
import type { EvaluationResult, Status } from './types.js';

/** Assert status and missing {total, public, professional} in one line. */
export function expectOutcome(r: EvaluationResult, status: Status, missing?: [number, number, number]): void {
  expect({ status: r.status, errors: r.errors.map((e) => e.message) }).toEqual({ status, errors: status === 'invalid' ? expect.anything() : [] });
  if (missing) expect(r.missing).toEqual({ total: missing[0], public: missing[1], professional: missing[2] });
}

export function keysOf(r: EvaluationResult): string[] {
  return r.rules.map((x) => x.key);
}
