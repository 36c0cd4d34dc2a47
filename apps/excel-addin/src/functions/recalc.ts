/**
 * Why the CE.* functions are not @volatile and still never stale: Excel reruns a
 * non-volatile function only when one of its arguments changes, but a CE.* answer also
 * depends on the rest of the roster row, the 培训记录 sheet and the pane's settings
 * (pack, review year, as-of date, language, roster sheet). The add-in knows exactly when
 * those change, so it asks Excel for one full recalculation then — instead of every CE.*
 * cell rerunning on every unrelated edit anywhere in the workbook.
 *
 * Workbook.application.calculate is ExcelApi 1.1 (inside the manifest's 1.9); it is still
 * feature-detected so a host without it degrades to "recalculate with Ctrl+Alt+F9".
 */
import type { AddinSettings } from '../core/settings.js';

export type RecalcOutcome = 'requested' | 'unsupported' | 'failed';

/** the settings a CE.* result depends on */
const INPUT_KEYS: readonly (keyof AddinSettings)[] = ['policy', 'year', 'asOf', 'lang', 'rosterSheet'];

export function functionInputsChanged(before: AddinSettings, after: AddinSettings): boolean {
  return INPUT_KEYS.some((k) => before[k] !== after[k]);
}

/** counts for tests and the README's measurements */
export const recalcStats = { requested: 0 };

/** one full recalculation of the workbook (every CE.* cell reruns once, over one index build) */
export async function requestFullRecalc(): Promise<RecalcOutcome> {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') return 'unsupported';
  try {
    return await Excel.run(async (context) => {
      const app = (context.workbook as { application?: { calculate?: (t: Excel.CalculationType | string) => void } }).application;
      if (!app || typeof app.calculate !== 'function') return 'unsupported';
      // 'Full' marks every formula dirty, so non-volatile custom functions rerun too
      app.calculate(Excel.CalculationType?.full ?? 'Full');
      await context.sync();
      recalcStats.requested++;
      return 'requested';
    });
  } catch {
    return 'failed';
  }
}

/**
 * Many change events arrive in bursts (an annotate writes thousands of cells in a few
 * syncs): coalesce them into one recalculation after `ms` of quiet.
 */
export function debounced(f: () => unknown, ms: number): (() => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  return Object.assign(
    () => {
      cancel();
      timer = setTimeout(() => {
        timer = undefined;
        void f();
      }, ms);
    },
    { cancel },
  );
}
