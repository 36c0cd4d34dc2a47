/**
 * The WPS adapter of the spreadsheet host port (excel-addin's src/hosts/port.ts): the same
 * pane, talking to WPS 表格's synchronous object model under `window.wps`.
 *
 * - reads: UsedRange.Value2 in chunks of CHUNK_ROWS rows, merged areas, hidden rows/columns;
 * - writes: blocks of CHUNK_ROWS rows per Value2 assignment, a yield to WPS's UI between them;
 * - status colours: Interior.Color on the add-in's own status cells only; their original
 *   fill is recorded first, so 清除标注 puts it back exactly;
 * - never writes into a cell that holds anything: the block goes to the first column right
 *   of the roster where all target cells are empty and not merged;
 * - settings and what was written: a very hidden sheet of the workbook (store.ts).
 * Sheets are identified by name (WPS has no stable sheet id in this API).
 */
import { STATUS_LABELS, type Status } from '@ce/rules';
import { columnLetter, isRecordsSheet, type Grid } from '@ce/roster';
import type { SummaryModel } from '@ce/summary';
import { checkAllWithRecords, noRosterHeader, RECORDS_SHEET_ACTIVE } from 'excel-addin/src/core/check.ts';
import type { AddinSettings, Lang } from 'excel-addin/src/core/settings.ts';
import { RECORDS_SHEET, SUMMARY_SHEET, type CellValue } from 'excel-addin/src/core/workbook.ts';
import type { WorkbookRead } from 'excel-addin/src/core/workbook.ts';
import { blockAddress, blockWritten, freeColumn } from 'excel-addin/src/hosts/block.ts';
import type { SelectionChange, SpreadsheetHost } from 'excel-addin/src/hosts/port.ts';
import { annotationRow, COLUMN_COUNT, HEADERS, STATUS_FILL, type AnnotateOptions, type AnnotateSuccess, type Refusal } from 'excel-addin/src/taskpane/annotate.ts';
import { layoutSummary } from 'excel-addin/src/taskpane/summary-sheet.ts';
import { CHUNK_ROWS, readBook, readSheetGrid, yieldToUi, type SheetGrid } from './grid.js';
import {
  findSheet,
  readStoredSettings,
  readSummaryOwned,
  readTracks,
  STORE_SHEET,
  writeStoredSettings,
  writeSummaryOwned,
  writeTracks,
  type FillRun,
  type WpsTrack,
} from './store.js';
import { bgr, etApp, wpsRoot, XL_NONE, type EtApp, type EtSheet } from './wps-api.js';



/** the sheets of the active workbook in tab order, the add-in's store sheet left out */
export function userSheets(app: EtApp): EtSheet[] {
  const out: EtSheet[] = [];
  const sheets = app.ActiveWorkbook.Worksheets;
  for (let i = 1; i <= sheets.Count; i++) {
    const s = sheets.Item(i) as EtSheet;
    if (s.Name !== STORE_SHEET) out.push(s);
  }
  return out;
}

export interface WpsHostOptions {
  chunkRows?: number;
}

export class WpsHost implements SpreadsheetHost {
  readonly kind = 'wps' as const;
  readonly privacyText = 'privacy' as const;
  /** CE.* exist only where wps.AddCustomFunction does (WPS 12.1.0.20540+) */
  readonly hasCellFunctions: boolean;
  readonly chunkRows: number;
  /** Value2 writes of the last annotate/clear (tests check the chunking) */
  writes = 0;

  constructor(opts: WpsHostOptions = {}) {
    this.chunkRows = opts.chunkRows ?? CHUNK_ROWS;
    this.hasCellFunctions = typeof wpsRoot()?.AddCustomFunction === 'function';
  }

  private get app(): EtApp {
    return etApp();
  }

  readSettings(): AddinSettings {
    return readStoredSettings();
  }

  async writeSettings(s: AddinSettings): Promise<void> {
    writeStoredSettings(s);
  }

  async annotate(opts: AnnotateOptions): Promise<AnnotateSuccess | Refusal> {
    const sheet = this.app.ActiveSheet;
    const name = sheet.Name;
    if (isRecordsSheet(name)) return { ok: false, reason: RECORDS_SHEET_ACTIVE };
    if (name === readSummaryOwned()) return { ok: false, reason: '当前是“汇总表”：请选择花名册工作表后再检查。' };
    this.writes = 0;
    const tracks = readTracks();
    const old = tracks[name];
    if (old) {
      const refused = this.verifyHeaders(sheet, old);
      if (refused) return refused;
      await this.erase(sheet, old);
      delete tracks[name];
      writeTracks(tracks);
    }
    await opts.onProgress?.('read', 0, 1);
    const grid = await readSheetGrid(sheet, this.chunkRows);
    const recordsSheet = userSheets(this.app).find((s) => isRecordsSheet(s.Name));
    const records = recordsSheet ? { grid: await readSheetGrid(recordsSheet, this.chunkRows), name: recordsSheet.Name } : undefined;
    const read = readBook(grid, name, records);
    if (read.roster.headerRow === 0) return { ok: false, reason: noRosterHeader(name) };
    const headerRow0 = read.roster.headerRow - 1;
    const lastRow0 = read.roster.people.reduce((m, p) => Math.max(m, p.row - 1), headerRow0);
    // asked of the sheet, not of grid.hiddenCols: a hidden empty column is often outside the used range
    const isHiddenColumn = (c0: number): boolean => sheet.Cells.Item(1, c0 + 1).EntireColumn.Hidden === true;
    const startCol = freeColumn({ ...grid, isHiddenColumn }, headerRow0, lastRow0, read.roster.lastColumnIndex + 1);
    const { results, unmatchedRecords } = await checkAllWithRecords(read, { ...opts.settings, explain: true }, (d, t) => opts.onProgress?.('check', d, t));
    const byRow = new Map(results.map((r) => [r.row - 1, r]));
    const rows: CellValue[][] = [[...HEADERS[opts.lang]]];
    const statuses: (Status | undefined)[] = [];
    for (let r0 = headerRow0 + 1; r0 <= lastRow0; r0++) {
      const r = byRow.get(r0);
      rows.push(r ? annotationRow(r, opts.lang) : ['', '', '', '', '']);
      statuses.push(r?.status);
    }
    const track: WpsTrack = { sheetName: name, headerRow0, startCol, rows: rows.length, headers: [...HEADERS[opts.lang]], fills: readFills(sheet, headerRow0 + 2, startCol + 1, rows.length - 1) };
    // record first: if WPS stops half-way, 清除标注 still knows every cell that may have been written
    writeTracks({ ...readTracks(), [name]: track });
    await this.writeBlock(sheet, headerRow0 + 1, startCol + 1, rows, (done) => opts.onProgress?.('write', done, rows.length - 1));
    await this.colour(sheet, headerRow0 + 2, startCol + 1, statuses);
    return blockWritten({ sheetName: name, headerRow0, startCol, rows: rows.length, results, read, unmatchedRecords, syncs: this.writes });
  }

  /** the header cells the add-in wrote must still say what it wrote, or nothing is touched */
  private verifyHeaders(sheet: EtSheet, t: WpsTrack): Refusal | undefined {
    const row = sheet.Cells.Item(t.headerRow0 + 1, t.startCol + 1).Resize(1, COLUMN_COUNT).Value2 as unknown;
    const got = (Array.isArray(row) ? (row as unknown[][])[0] ?? [] : [row]).map((v) => String(v ?? ''));
    for (let k = 0; k < COLUMN_COUNT; k++) {
      if (got[k] !== t.headers[k]) {
        const at = `${columnLetter(t.startCol + k)}${t.headerRow0 + 1}`;
        return { ok: false, reason: `加载项写的表头单元格 ${at} 已被改动（现为“${got[k] ?? ''}”，原为“${t.headers[k]}”）：为免删掉您的数据，没有做任何改动。` };
      }
    }
    return undefined;
  }

  /** Value2 assignment in blocks of chunkRows rows, yielding to WPS's UI between blocks. */
  private async writeBlock(sheet: EtSheet, row1: number, col1: number, rows: CellValue[][], progress?: (done: number) => unknown): Promise<void> {
    const app = this.app;
    const screen = app.ScreenUpdating;
    app.ScreenUpdating = false;
    try {
      for (let i = 0; i < rows.length; i += this.chunkRows) {
        const part = rows.slice(i, i + this.chunkRows);
        sheet.Cells.Item(row1 + i, col1).Resize(part.length, COLUMN_COUNT).Value2 = part;
        this.writes++;
        await progress?.(Math.max(0, Math.min(i + part.length, rows.length) - 1));
        await yieldToUi();
      }
    } finally {
      app.ScreenUpdating = screen;
    }
  }

  /** Interior.Color on the status cells, one call per run of equal statuses. */
  private async colour(sheet: EtSheet, row1: number, col1: number, statuses: (Status | undefined)[]): Promise<void> {
    for (let i = 0; i < statuses.length; ) {
      let j = i;
      while (j < statuses.length && statuses[j] === statuses[i]) j++;
      const s = statuses[i];
      if (s) sheet.Cells.Item(row1 + i, col1).Resize(j - i, 1).Interior.Color = bgr(STATUS_FILL[s]);
      if (Math.floor(j / this.chunkRows) > Math.floor(i / this.chunkRows)) await yieldToUi();
      i = j;
    }
  }

  /** ClearContents of the block (chunked) and the status column's fills put back. */
  private async erase(sheet: EtSheet, t: WpsTrack): Promise<void> {
    for (let i = 0; i < t.rows; i += this.chunkRows) {
      sheet.Cells.Item(t.headerRow0 + 1 + i, t.startCol + 1).Resize(Math.min(this.chunkRows, t.rows - i), COLUMN_COUNT).ClearContents();
      this.writes++;
      await yieldToUi();
    }
    let row = t.headerRow0 + 2;
    for (const [count, pattern, color] of t.fills) {
      const interior = sheet.Cells.Item(row, t.startCol + 1).Resize(count, 1).Interior;
      if (pattern === XL_NONE) interior.Pattern = XL_NONE;
      else {
        interior.Pattern = pattern;
        interior.Color = color;
      }
      row += count;
    }
  }

  async clear(): Promise<{ ok: true; address: string } | Refusal> {
    const sheet = this.app.ActiveSheet;
    const tracks = readTracks();
    const t = tracks[sheet.Name];
    if (!t) return { ok: false, reason: `工作表“${sheet.Name}”上没有标注。` };
    this.writes = 0;
    const refused = this.verifyHeaders(sheet, t);
    if (refused) return refused;
    await this.erase(sheet, t);
    delete tracks[sheet.Name];
    writeTracks(tracks);
    return { ok: true, address: blockAddress(t.headerRow0, t.startCol, t.rows) };
  }

  async readRoster(): Promise<WorkbookRead | undefined> {
    const app = this.app;
    const sheets = userSheets(app);
    const owned = readSummaryOwned();
    const records = sheets.find((s) => isRecordsSheet(s.Name));
    const recordsGrid = records ? await readSheetGrid(records, this.chunkRows) : undefined;
    const activeName = app.ActiveSheet.Name;
    const others = sheets.filter((s) => !isRecordsSheet(s.Name) && s.Name !== owned);
    const order = [...others.filter((s) => s.Name === activeName), ...others.filter((s) => s.Name !== activeName)];
    for (const s of order) {
      const g = await readSheetGrid(s, this.chunkRows);
      const read = readBook(g, s.Name, records && recordsGrid ? { grid: recordsGrid, name: records.Name } : undefined);
      if (read.roster.headerRow === 0) continue;
      const loaded = (sh: EtSheet, sg: SheetGrid) => ({ id: sh.Name, name: sh.Name, grid: sg.grid as Grid, firstRow: sg.firstRow });
      return { ...read, rosterSheet: loaded(s, g), recordsSheet: records && recordsGrid ? loaded(records, recordsGrid) : undefined };
    }
    return undefined;
  }

  /** 生成汇总表: a new 汇总表 sheet, or the add-in's own one rewritten; a user's sheet of that name is left alone. */
  async writeSummary(model: SummaryModel): Promise<{ ok: true; rows: number } | Refusal> {
    const app = this.app;
    const existing = findSheet(app, SUMMARY_SHEET);
    if (existing && readSummaryOwned() !== SUMMARY_SHEET) {
      return { ok: false, reason: `已有名为“${SUMMARY_SHEET}”的工作表（不是本加载项建的）：没有改动它。请改名或删除后再生成。` };
    }
    const layout = layoutSummary(model);
    let sheet = existing;
    if (sheet) sheet.Cells.ClearContents();
    else {
      const sheets = app.ActiveWorkbook.Worksheets;
      sheet = sheets.Add(undefined, sheets.Item(sheets.Count)) as EtSheet;
      sheet.Name = SUMMARY_SHEET;
      writeSummaryOwned(SUMMARY_SHEET);
    }
    const width = Math.max(1, ...layout.rows.map((r) => r.length));
    const rows = layout.rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill('')]);
    for (let i = 0; i < rows.length; i += this.chunkRows) {
      const part = rows.slice(i, i + this.chunkRows);
      sheet.Cells.Item(1 + i, 1).Resize(part.length, width).Value2 = part;
      await yieldToUi();
    }
    for (const b of layout.bold) sheet.Cells.Item(b + 1, 1).Resize(1, width).Font.Bold = true;
    sheet.Activate();
    return { ok: true, rows: rows.length };
  }

  async selectRow(sheetName: string, row: number): Promise<void> {
    const sheet = findSheet(this.app, sheetName);
    if (!sheet) return;
    sheet.Activate();
    sheet.Cells.Item(row, 1).Select();
  }

  async explanationAt(sheetId: string, row0: number): Promise<{ row: number; text: string } | undefined> {
    const t = readTracks()[sheetId];
    const sheet = t && findSheet(this.app, sheetId);
    if (!t || !sheet || row0 <= t.headerRow0 || row0 >= t.headerRow0 + t.rows) return undefined;
    const v = sheet.Cells.Item(row0 + 1, t.startCol + COLUMN_COUNT).Value2 as unknown;
    return typeof v === 'string' && v !== '' ? { row: row0 + 1, text: v } : undefined;
  }

  onSelectionChanged(cb: (e: SelectionChange) => void): void {
    wpsRoot()?.ApiEvent.AddApiEventListener('SheetSelectionChange', (sheet, range) => {
      const name = (sheet as EtSheet).Name;
      cb({ sheetId: name, row0: range.Row - 1 });
    });
  }

  statusLabel(s: Status, lang: Lang = 'zh'): string {
    return STATUS_LABELS[s][lang];
  }
}

/** The status column's fills before colouring, run-length: one read when uniform, else cell by cell. */
function readFills(sheet: EtSheet, row1: number, col1: number, count: number): FillRun[] {
  if (count <= 0) return [];
  const all = sheet.Cells.Item(row1, col1).Resize(count, 1).Interior;
  const p = all.Pattern as unknown;
  const c = all.Color as unknown;
  if (typeof p === 'number' && typeof c === 'number') return [[count, p, c]];
  const runs: FillRun[] = [];
  for (let i = 0; i < count; i++) {
    const it = sheet.Cells.Item(row1 + i, col1).Interior;
    const pattern = Number(it.Pattern);
    const color = Number(it.Color);
    const last = runs[runs.length - 1];
    if (last && last[1] === pattern && last[2] === color) last[0]++;
    else runs.push([1, pattern, color]);
  }
  return runs;
}

export { RECORDS_SHEET };
