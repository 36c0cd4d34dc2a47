/**
 * The acceptance cases in ../shared/cases-r3 (revision 3, beside the repository): each roster
 * with its pack, as-of date and records file (cases.json), and the expected
 * answers read from the 期望* columns of the same file by header name. One
 * place for every package's tests; for tests only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EvaluationResult, Missing, Status } from '@ce/rules';

/** the folder, without a trailing separator */
export const CASES_DIR = fileURLToPath(new URL('../../../../shared/cases-r3', import.meta.url));
export const HAS_CASES = existsSync(join(CASES_DIR, 'cases.json'));
/** the revision-2 cases (../shared/cases): still shared, and still passing under revision 3 */
export const R2_CASES_DIR = fileURLToPath(new URL('../../../../shared/cases', import.meta.url));

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
export function loadCases(dir = CASES_DIR): CaseSpec[] {
  const list = join(dir, 'cases.json');
  return existsSync(list) ? (JSON.parse(readFileSync(list, 'utf8')) as CaseSpec[]) : [];
}

export interface Expected {
  row: number;
  status: Status;
  missing: Missing | null;
}

/**
 * An expected remedy cell (ROSTER.md, Acceptance cases): a number, 未知
 * (remedy.unknown), 无 (no remedy; for 期望费用, cost null), or null (blank:
 * this row does not check it).
 */
export type RemedyCell = number | '未知' | '无' | null;

export interface ExpectedRemedy {
  row: number;
  closablePublic: RemedyCell;
  closableProfessional: RemedyCell;
  closed: RemedyCell;
  cost: RemedyCell;
}

export const REMEDY_HEADERS = ['期望可补公需', '期望可补专业', '期望已无法补', '期望费用'] as const;

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

const remedyCell = (c: unknown): RemedyCell => {
  const t = String(c ?? '').trim();
  if (t === '') return null;
  if (t === '未知' || t === '无') return t;
  return Number(t);
};

/** Expected remedies from the 期望可补公需/期望可补专业/期望已无法补/期望费用 columns (rows that check none are left out). */
export function expectedRemedies(grid: readonly (readonly unknown[])[], firstRow = 1): ExpectedRemedy[] {
  const headerIndex = grid.findIndex((r) => r.some((c) => String(c ?? '').trim() === '期望状态'));
  if (headerIndex < 0) throw new Error('no 期望状态 column');
  const header = grid[headerIndex]!.map((c) => String(c ?? '').trim());
  const cols = REMEDY_HEADERS.map((h) => header.indexOf(h));
  if (cols.every((c) => c < 0)) return [];
  const out: ExpectedRemedy[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const r = grid[i]!;
    if (r.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
    const [a, b, c, d] = cols.map((k) => (k < 0 ? null : remedyCell(r[k]))) as [RemedyCell, RemedyCell, RemedyCell, RemedyCell];
    if (a === null && b === null && c === null && d === null) continue;
    out.push({ row: i + firstRow, closablePublic: a, closableProfessional: b, closed: c, cost: d });
  }
  return out;
}

/**
 * Where a result's remedy differs from the expected cells, one line per
 * difference (empty when it matches). A row whose expected remedy is all zeros
 * also passes when the result has no remedy.
 */
export function remedyDifferences(result: EvaluationResult, e: ExpectedRemedy): string[] {
  const out: string[] = [];
  const r = result.remedy;
  const cells: [string, RemedyCell, number | null | undefined][] = [
    ['可补公需', e.closablePublic, r === undefined ? undefined : r.closable === null ? null : r.closable.public],
    ['可补专业', e.closableProfessional, r === undefined ? undefined : r.closable === null ? null : r.closable.professional],
    ['已无法补', e.closed, r === undefined ? undefined : r.closed === null ? null : r.closed.public + r.closed.professional],
  ];
  const allZero = [e.closablePublic, e.closableProfessional, e.closed].every((c) => c === null || c === 0) && (e.cost === null || e.cost === 0 || e.cost === '无');
  if (r === undefined) {
    const none = [e.closablePublic, e.closableProfessional, e.closed, e.cost].every((c) => c === null || c === '无');
    if (!none && !allZero) out.push(`row ${e.row}: expected a remedy, got none`);
    return out;
  }
  for (const [label, want, got] of cells) {
    if (want === null) continue;
    if (want === '未知') {
      if (!r.unknown || got !== null) out.push(`row ${e.row}: ${label} expected 未知, got unknown=${r.unknown} ${String(got)}`);
    } else if (want === '无') {
      out.push(`row ${e.row}: ${label} expected no remedy, got ${String(got)}`);
    } else if (got !== want) out.push(`row ${e.row}: ${label} expected ${want}, got ${String(got)}`);
  }
  if (e.cost !== null) {
    const want = e.cost === '无' || e.cost === '未知' ? null : e.cost;
    if (r.cost !== want) out.push(`row ${e.row}: 费用 expected ${String(want)}, got ${String(r.cost)}`);
  }
  return out;
}

/** A file of the shared cases folder. */
export function casePath(file: string, dir = CASES_DIR): string {
  return join(dir, file);
}

/** `ce-report check` arguments for a case, its files given as `at(file)` (a path in the case's folder, or relative to where the CLI runs). */
export function checkArgs(c: CaseSpec, at: (file: string) => string): string[] {
  const a = ['check', at(c.file), '--policy', c.policy];
  if (c.records) a.push('--records', at(c.records));
  if (c.asOf) a.push('--as-of', c.asOf);
  if (c.year) a.push('--year', String(c.year));
  return a;
}
