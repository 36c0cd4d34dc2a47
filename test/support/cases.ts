/**
 * The acceptance cases in ../shared/cases: each roster with its pack, as-of
 * date and records file (cases.json), and the expected answers read from the
 * 期望* columns of the same file by header name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Grid } from '@ce/roster';
import type { Missing, Status } from '@ce/rules';

export const CASES_DIR = fileURLToPath(new URL('../../../shared/cases/', import.meta.url));

export interface CaseSpec {
  file: string;
  policy: string;
  records?: string;
  asOf?: string;
  year?: number;
}

export function loadCases(): CaseSpec[] {
  const path = `${CASES_DIR}cases.json`;
  if (!existsSync(path)) return [];
  return JSON.parse(readFileSync(path, 'utf8')) as CaseSpec[];
}

export interface Expected {
  row: number;
  status: Status;
  missing: Missing | null;
}

const num = (c: unknown): number | null => (c === null || c === undefined || String(c).trim() === '' ? null : Number(c));

/** Expected answers from the 期望状态/期望缺少学时/期望缺公需/期望缺专业 columns. */
export function expectedFrom(grid: Grid, firstRow = 1): Expected[] {
  const headerIndex = grid.findIndex((r) => r.some((c) => String(c ?? '').trim() === '期望状态'));
  if (headerIndex < 0) throw new Error('no 期望状态 column');
  const header = grid[headerIndex]!.map((c) => String(c ?? '').trim());
  const col = (name: string) => header.indexOf(name);
  const [s, t, p, q] = [col('期望状态'), col('期望缺少学时'), col('期望缺公需'), col('期望缺专业')];
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
