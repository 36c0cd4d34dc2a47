/**
 * The CE.* worksheet functions in WPS: the same engine (excel-addin's src/functions/engine.ts)
 * registered with wps.AddCustomFunction('CE', name, fn, metadata) — synchronous, as WPS
 * requires (加载项自定义函数, WPS 12.1.0.20540+: "调用方式目前只支持同步式调用").
 * The metadata is functions.json generated from the JSDoc of excel-addin's
 * src/functions/functions.ts (scripts/build.ts), so both suites describe them alike.
 *
 * The roster index is built on the first call and kept until a SheetChange on the roster
 * or 培训记录 sheet (or a sheet added/deleted, another workbook activated).
 *
 * Errors: Excel gets CustomFunctions.Error(#N/A or #VALUE!, message). No WPS document
 * found says how a JS function returns an error value, so the function throws an Error
 * whose message starts with the Excel error code and carries the same Chinese message
 * (WPS shows a thrown function as an error cell; NOT verified in real WPS).
 */
import { FunctionError, buildIndex, fnExplain, fnHours, fnIdCheck, fnMissing, fnMissingProfessional, fnMissingPublic, fnStatus, type RosterIndex } from 'excel-addin/src/functions/engine.ts';
import { readBook, readSheetGridSync } from './host/grid.js';
import { readStoredSettings } from './host/store.js';
import { isRecordsSheet } from '@ce/roster';
import { userSheets } from './host/wps-host.js';
import { etApp, wpsRoot, type EtSheet, type WpsRoot } from './host/wps-api.js';

/** functions.json's shape (custom-functions-metadata), the part used here */
export interface FunctionsJson {
  functions: {
    id: string;
    name: string;
    description?: string;
    result: { type?: string };
    parameters: { name: string; description?: string; type?: string; optional?: boolean }[];
  }[];
}

export const NAMESPACE = 'CE';

export class WpsIndexCache {
  private current?: RosterIndex;
  private watched = new Set<string>();
  private subscribed = false;
  builds = 0;

  invalidate(): void {
    this.current = undefined;
  }

  /** a SheetChange: only the roster's and the records' sheets matter */
  onSheetChange(sheetName: string | undefined): void {
    if (!sheetName || this.watched.size === 0 || this.watched.has(sheetName)) this.invalidate();
  }

  subscribe(root: WpsRoot): void {
    if (this.subscribed) return;
    this.subscribed = true;
    const ev = root.ApiEvent;
    ev.AddApiEventListener('SheetChange', (sheet) => this.onSheetChange((sheet as EtSheet | undefined)?.Name));
    ev.AddApiEventListener('WorkbookNewSheet', () => this.invalidate());
    ev.AddApiEventListener('SheetBeforeDelete', () => this.invalidate());
    ev.AddApiEventListener('WorkbookActivate', () => this.invalidate());
  }

  get(): RosterIndex {
    if (this.current) return this.current;
    this.builds++;
    const app = etApp();
    const sheets = userSheets(app);
    const preferred = readStoredSettings().rosterSheet;
    const records = sheets.find((s) => isRecordsSheet(s.Name));
    const recordsGrid = records ? readSheetGridSync(records) : undefined;
    const others = sheets.filter((s) => !isRecordsSheet(s.Name));
    const order = [...others.filter((s) => s.Name === preferred), ...others.filter((s) => s.Name !== preferred)];
    for (const s of order) {
      const read = readBook(readSheetGridSync(s), s.Name, records && recordsGrid ? { grid: recordsGrid, name: records.Name } : undefined);
      if (read.roster.headerRow === 0) continue;
      this.watched = new Set([s.Name, ...(records ? [records.Name] : [])]);
      this.current = buildIndex(read, s.Name);
      return this.current;
    }
    throw new FunctionError('notAvailable', '工作簿中没有找到花名册（需要含“身份证号”的表头行）');
  }
}

export const indexCache = new WpsIndexCache();

/** Excel's error code and message, as the thrown error's message */
export function errorText(e: unknown): string {
  if (e instanceof FunctionError) return `${e.kind === 'notAvailable' ? '#N/A' : '#VALUE!'} ${e.message}`.slice(0, 255);
  return `#N/A ${e instanceof Error ? e.message : String(e)}`.slice(0, 255);
}

function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new Error(errorText(e));
  }
}

const blank = (v: unknown): boolean => v === undefined || v === null || v === '';
function opts(policy?: unknown, year?: unknown): { policy?: string; year?: number } {
  return { ...(!blank(policy) ? { policy: String(policy) } : {}), ...(!blank(year) ? { year: Number(year) } : {}) };
}

/** id (functions.json) → the synchronous implementation */
export function implementations(cache: WpsIndexCache = indexCache): Record<string, (...args: unknown[]) => unknown> {
  const s = readStoredSettings;
  return {
    MISSING: (id, p, y) => guard(() => fnMissing(cache.get(), id, s(), opts(p, y))),
    MISSING_PUBLIC: (id, p, y) => guard(() => fnMissingPublic(cache.get(), id, s(), opts(p, y))),
    MISSING_PROFESSIONAL: (id, p, y) => guard(() => fnMissingProfessional(cache.get(), id, s(), opts(p, y))),
    STATUS: (id, p, y) => guard(() => fnStatus(cache.get(), id, s(), opts(p, y), s().lang ?? 'zh')),
    EXPLAIN: (id, p, y) => guard(() => fnExplain(cache.get(), id, s(), opts(p, y))),
    HOURS: (amount, unit) => guard(() => fnHours(amount, blank(unit) ? '' : unit, s())),
    IDCHECK: (id) => guard(() => fnIdCheck(id)),
  };
}

/**
 * Registers every function of functions.json with wps.AddCustomFunction; returns the
 * names registered ([] on WPS builds before 12.1.0.20540, which lack AddCustomFunction:
 * the pane still works there, the functions are absent).
 */
export function registerFunctions(meta: FunctionsJson, root: WpsRoot | undefined = wpsRoot(), cache: WpsIndexCache = indexCache): string[] {
  if (!root || typeof root.AddCustomFunction !== 'function') return [];
  cache.subscribe(root);
  const impl = implementations(cache);
  const done: string[] = [];
  for (const f of meta.functions) {
    const fn = impl[f.id];
    if (!fn) throw new Error(`functions.json names ${f.id}, which has no WPS implementation`);
    root.AddCustomFunction(NAMESPACE, f.name, fn, {
      description: f.description ?? '',
      result: { type: f.result.type ?? 'any' },
      parameters: f.parameters.map((p) => ({ name: p.name, type: p.type ?? 'any', description: p.description ?? '' })),
    });
    done.push(f.name);
  }
  return done;
}
