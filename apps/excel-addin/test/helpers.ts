import { readFileSync } from 'node:fs';
import { casePath, EXPECTED_HEADERS } from '@ce/cases';
import { decodeCsvBytes, parseCsv } from '@ce/files';
import type { CellValue } from './double/excel-double.js';

export { CASES_DIR, loadCases, type CaseSpec } from '@ce/cases';
import type { CaseSpec } from '@ce/cases';
import type { AddinSettings } from '../src/core/settings.js';
import type { CheckSettings } from '../src/core/check.js';

/** The workbook settings a clerk would choose for a case: its pack, review year and as-of date (cases.json). */
export function caseSettings(c: CaseSpec): AddinSettings {
  return { policy: c.policy, ...(c.year !== undefined ? { year: c.year } : {}), ...(c.asOf !== undefined ? { asOf: c.asOf } : {}) };
}

/**
 * What Excel would hold after a clerk pastes the CSV: numbers that Excel keeps exactly
 * (≤ 15 digits) become numbers; 18-digit IDs stay text (the clerk formats the column as text).
 */
export function excelValue(text: string): CellValue {
  if (/^-?\d{1,15}(\.\d+)?$/.test(text) && !/^0\d/.test(text)) return Number(text);
  return text;
}

export function toExcelGrid(rows: string[][]): CellValue[][] {
  return rows.map((r) => r.map(excelValue));
}

export function caseGrid(file: string): string[][] {
  // the project's one CSV reader (encoding detection included), as a clerk's file is read
  return parseCsv(decodeCsvBytes(readFileSync(casePath(file)))) as string[][];
}

export const EXPECTED = EXPECTED_HEADERS;

export interface ExpectedRow {
  /** 1-based sheet row */
  row: number;
  id: string;
  status: string;
  missing: number;
  public: number;
  professional: number;
}

export function expectedRows(rows: string[][]): ExpectedRow[] {
  const header = rows[0]!;
  const ix = (h: string): number => header.indexOf(h);
  const idCol = header.findIndex((h) => /身份证/.test(h));
  return rows.slice(1).filter((r) => r.some((c) => c.trim() !== '')).map((r, i) => ({
    row: i + 2,
    id: r[idCol] ?? '',
    status: r[ix('期望状态')] ?? '',
    missing: Number(r[ix('期望缺少学时')] || 0),
    public: Number(r[ix('期望缺公需')] || 0),
    professional: Number(r[ix('期望缺专业')] || 0),
  }));
}

/** The same choice as the pane passes it to a check (the as-of date as a date). */
export function caseCheckSettings(c: CaseSpec): CheckSettings {
  const [y, m, d] = (c.asOf ?? '').split('-').map(Number);
  return { policy: c.policy, ...(c.year !== undefined ? { year: c.year } : {}), ...(c.asOf !== undefined ? { asOf: { year: y!, month: m!, day: d! } } : {}) };
}
