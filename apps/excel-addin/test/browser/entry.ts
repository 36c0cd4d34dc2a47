/**
 * Browser build of the host double: defines window.Office / Excel / CustomFunctions
 * before the task pane's own script runs (served in place of office.js by the test).
 * The workbook comes from window.__CE_CASE__ (set by the test's init script).
 */
import { ExcelHost, type CellValue } from '../double/excel-double.js';

interface CaseInit {
  sheets: { name: string; grid: CellValue[][] }[];
  settings: Record<string, unknown>;
}

const w = window as unknown as { __CE_CASE__?: CaseInit; __host?: ExcelHost };
const host = new ExcelHost();
for (const s of w.__CE_CASE__?.sheets ?? [{ name: 'Sheet1', grid: [] }]) host.addSheet(s.name, s.grid);
host.settings.saved = structuredClone(w.__CE_CASE__?.settings ?? {});
host.settings.live = structuredClone(host.settings.saved);
host.install(window as unknown as Record<string, unknown>);
w.__host = host;
