import { ExcelHost, type CellValue } from './double/excel-double.js';
import { caseGrid, caseSettings, toExcelGrid, type CaseSpec } from './helpers.js';

export const ROSTER = '花名册';

/** A workbook as a clerk would have it: the roster sheet (active) and an optional 培训记录 sheet. */
export function hostForCase(c: CaseSpec, opts: { offsetRows?: number; offsetCols?: number; title?: string } = {}): { host: ExcelHost; rows: string[][] } {
  const rows = caseGrid(c.file);
  const host = new ExcelHost();
  const grid: CellValue[][] = [];
  for (let i = 0; i < (opts.offsetRows ?? 0); i++) grid.push([]);
  if (opts.title) grid[0] = [...new Array<CellValue>(opts.offsetCols ?? 0).fill(''), opts.title];
  for (const r of toExcelGrid(rows)) grid.push([...new Array<CellValue>(opts.offsetCols ?? 0).fill(''), ...r]);
  host.addSheet(ROSTER, grid);
  if (c.records) host.addSheet('培训记录', toExcelGrid(caseGrid(c.records)));
  host.install();
  Office.context.document.settings.set('ce.settings', caseSettings(c));
  return { host, rows };
}
