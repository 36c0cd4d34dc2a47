/**
 * The workbook index shared by all CE.* cells: built once (one Excel.run), kept
 * until the roster or 培训记录 sheet changes (worksheet onChanged/onAdded/onDeleted
 * events invalidate it), so thousands of cells recalculate without a round trip each.
 */
import { readRosterWorkbook } from '../core/workbook.js';
import { readSettings } from '../core/settings.js';
import { buildIndex, FunctionError, type RosterIndex } from './engine.js';

export class IndexCache {
  private version = 0;
  private builtVersion = -1;
  private current: Promise<RosterIndex> | undefined;
  private watchedSheetIds = new Set<string>();
  private subscribed = false;
  builds = 0;

  invalidate(): void {
    this.version++;
  }

  /** forget everything (a new workbook/runtime; used by tests) */
  reset(): void {
    this.version++;
    this.current = undefined;
    this.subscribed = false;
    this.watchedSheetIds.clear();
    this.builds = 0;
  }

  /** an onChanged event: only the roster and records sheets matter */
  onSheetChanged(worksheetId: string | undefined): void {
    if (!worksheetId || this.watchedSheetIds.size === 0 || this.watchedSheetIds.has(worksheetId)) this.invalidate();
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
        sheets.onAdded.add(async () => this.invalidate());
        sheets.onDeleted.add(async () => this.invalidate());
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
