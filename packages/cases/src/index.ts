/**
 * The acceptance cases in ../shared/cases (beside the repository): each roster
 * with its pack, as-of date and records file (cases.json), and the expected
 * answers read from the 期望* columns of the same file by header name. One
 * place for every package's tests; for tests only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Missing, Status } from '@ce/rules';

/** the folder, without a trailing separator */
export const CASES_DIR = fileURLToPath(new URL('../../../../shared/cases', import.meta.url));
export const HAS_CASES = existsSync(join(CASES_DIR, 'cases.json'));

/** the expected-answer columns, in order */
export const EXPECTED_HEADERS = ['期望状态', '期望缺少学时', '期望缺公需', '期望缺专业'] as const;

export interface CaseSpec {
  file: string;
  policy: string;
  records?: string;
  asOf?: string;
  year?: number;
}

/** cases.json; empty when the shared folder is not there */
export function loadCases(): CaseSpec[] {
  return HAS_CASES ? (JSON.parse(readFileSync(join(CASES_DIR, 'cases.json'), 'utf8')) as CaseSpec[]) : [];
}

export interface Expected {
  row: number;
  status: Status;
  missing: Missing | null;
}

const num = (c: unknown): number | null => (c === null || c === undefined || String(c).trim() === '' ? null : Number(c));

/** Expected answers from the 期望状态/期望缺少学时/期望缺公需/期望缺专业 columns. */
export function expectedFrom(grid: readonly (readonly unknown[])[], firstRow = 1): Expected[] {
  const headerIndex = grid.findIndex((r) => r.some((c) => String(c ?? '').trim() === '期望状态'));
  if (headerIndex < 0) throw new Error('no 期望状态 column');
  const header = grid[headerIndex]!.map((c) => String(c ?? '').trim());
  const col = (name: string) => header.indexOf(name);
  const [s, t, p, q] = EXPECTED_HEADERS.map(col) as [number, number, number, number];
  const out: Expected[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const r = grid[i]!;
    if (r.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
    const status = String(r[s] ?? '').trim() as Status;
    const total = num(r[t]);
    out.push({
      row: i + firstRow,
      status,
      missing: status === 'invalid' || total === null ? null : { total, public: num(r[p]) ?? 0, professional: num(r[q]) ?? 0 },
    });
  }
  return out;
}

/** A file of the shared cases folder. */
export function casePath(file: string): string {
  return join(CASES_DIR, file);
}
