/**
 * The workbook index shared by all CE.* cells: built once (one Excel.run), kept
 * until the roster or 培训记录 sheet changes (worksheet onChanged/onAdded/onDeleted
 * events invalidate it), so thousands of cells recalculate without a round trip each.
 */
import { readRosterWorkbook } from '../core/workbook.js';
import { readSettings } from '../core/settings.js';
import { buildIndex, FunctionError, type RosterIndex } from './engine.js';
import { debounced, requestFullRecalc } from './recalc.js';

/** quiet time before the recalculation that follows a roster / 培训记录 edit */
export const RECALC_DEBOUNCE_MS = 300;

export class IndexCache {
  private version = 0;
  private builtVersion = -1;
  private current: Promise<RosterIndex> | undefined;
  private watchedSheetIds = new Set<string>();
  private subscribed = false;
  builds = 0;
  /**
   * The CE.* functions are not volatile, so Excel does not rerun =CE.MISSING(C2) when
   * another cell of that row or the 培训记录 sheet changes: after such an edit the add-in
   * requests one full recalculation (debounced).
   */
  recalc: (() => void) & { cancel(): void } = debounced(() => this.recalcNow(), RECALC_DEBOUNCE_MS);
  /** change events right after our own recalculation are not answered with another one (no loop) */
  private quietUntil = 0;

  private async recalcNow(): Promise<void> {
    await requestFullRecalc();
    this.quietUntil = Date.now() + RECALC_DEBOUNCE_MS;
  }

  invalidate(): void {
    this.version++;
  }

  /** the inputs changed under built cells: rebuild on next use and have Excel rerun them */
  private inputsChanged(): void {
    this.invalidate();
    if (Date.now() >= this.quietUntil) this.recalc();
  }

  /** forget everything (a new workbook/runtime; used by tests) */
  reset(): void {
    this.version++;
    this.recalc.cancel();
    this.current = undefined;
    this.subscribed = false;
    this.watchedSheetIds.clear();
    this.builds = 0;
  }

  /** an onChanged event: only the roster and records sheets matter */
  onSheetChanged(worksheetId: string | undefined): void {
    if (!worksheetId || this.watchedSheetIds.size === 0 || this.watchedSheetIds.has(worksheetId)) this.inputsChanged();
  }

  get(): Promise<RosterIndex> {
    if (!this.current || this.builtVersion !== this.version) {
      this.builtVersion = this.version;
      const p = this.build();
      this.current = p;
      // never keep a failed build: the next call retries
      p.catch(() => {
        if (this.current === p) this.current = undefined;
      });
    }
    return this.current;
  }

  private async build(): Promise<RosterIndex> {
    this.builds++;
    return Excel.run(async (context) => {
      if (!this.subscribed) {
        const sheets = context.workbook.worksheets;
        sheets.onChanged.add(async (e: { worksheetId?: string }) => this.onSheetChanged(e.worksheetId));
        sheets.onAdded.add(async () => this.inputsChanged());
        sheets.onDeleted.add(async () => this.inputsChanged());
        await context.sync();
        this.subscribed = true;
      }
      const read = await readRosterWorkbook(context, readSettings().rosterSheet);
      if (!read) throw new FunctionError('notAvailable', '工作簿中没有找到花名册（需要含“身份证号”的表头行）');
      this.watchedSheetIds = new Set([read.rosterSheet.id, ...(read.recordsSheet ? [read.recordsSheet.id] : [])]);
      return buildIndex(read, read.rosterSheet.name);
    });
  }
}

export const indexCache = new IndexCache();
