/**
 * The spreadsheet host port: everything the task pane (taskpane/pane.ts) asks of the
 * spreadsheet it runs beside. The pane is written against this interface only; which
 * host it talks to is decided once at start (hosts/detect.ts).
 *
 * Adapters:
 * - hosts/officejs: Excel through Office.js (the batched Excel.run code, 5 MB chunking);
 * - hosts/file: an in-memory workbook loaded from the clerk's file and shown as an HTML
 *   table (the offline page, and the task pane opened outside Office).
 *
 * Both adapters make the annotation cells with the same functions (annotationRow,
 * HEADERS, STATUS_FILL in taskpane/annotate.ts) from the same evaluation
 * (core/check.ts), so they give the same annotations for the same roster.
 */
import type { SummaryModel } from '@ce/summary';
import type { AddinSettings } from '../core/settings.js';
import type { WorkbookRead } from '../core/workbook.js';
import type { AnnotateOptions, AnnotateSuccess, Refusal } from '../taskpane/annotate.js';
import type { TextKey } from '../taskpane/i18n.js';

export type HostKind = 'officejs' | 'file' | 'wps';

export interface SelectionChange {
  sheetId: string;
  /** 0-based sheet row of the selected cell */
  row0: number;
}

export interface SpreadsheetHost {
  readonly kind: HostKind;
  /** the pane's footer note about where data is processed */
  readonly privacyText: TextKey;
  /** whether the CE.* cell functions exist in this host */
  readonly hasCellFunctions: boolean;

  /** workbook-scoped settings (Office: document settings; file: this page session only) */
  readSettings(): AddinSettings;
  writeSettings(s: AddinSettings): Promise<void>;

  /** 检查并标注 on the active sheet: writes (or rewrites) the five annotation columns */
  annotate(opts: AnnotateOptions): Promise<AnnotateSuccess | Refusal>;
  /** 清除标注: removes exactly the cells the pane wrote on the active sheet */
  clear(): Promise<{ ok: true; address: string } | Refusal>;
  /** the roster (active sheet first) and 培训记录, read for the summary */
  readRoster(): Promise<WorkbookRead | undefined>;
  /** 生成汇总表: adds (or replaces its own) 汇总表 sheet */
  writeSummary(model: SummaryModel): Promise<{ ok: true; rows: number } | Refusal>;
  /** selects a sheet row (the invalid-row list) */
  selectRow(sheetName: string, row: number): Promise<void>;
  /** the 说明 the pane wrote for a sheet row, if it annotated that row */
  explanationAt(sheetId: string, row0: number): Promise<{ row: number; text: string } | undefined>;
  /** the user selected another cell */
  onSelectionChanged(cb: (e: SelectionChange) => void): void;
}
