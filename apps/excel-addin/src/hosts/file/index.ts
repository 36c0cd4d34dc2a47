/**
 * The file adapter of the host port: an in-memory workbook loaded from the clerk's file
 * (the one <input type="file">, or a file dropped on the page), shown as an HTML table.
 * The annotation is kept beside the sheet (never mixed into its cells), so a re-check
 * replaces it and 清除标注 removes exactly it; the download adds it to the original file.
 * Nothing is stored: settings live for this page session only.
 */
import { STATUS_LABELS, type Status } from '@ce/rules';
import { isRecordsSheet } from '@ce/roster';
import type { SummaryModel } from '@ce/summary';
import { checkAllWithRecords, noRosterHeader, readWorkbook, RECORDS_SHEET_ACTIVE } from '../../core/check.js';
import type { AddinSettings, Lang } from '../../core/settings.js';
import { RECORDS_SHEET, SUMMARY_SHEET, type CellValue, type LoadedSheet, type WorkbookRead } from '../../core/workbook.js';
import { annotationRow, COLUMN_COUNT, HEADERS, type AnnotateOptions, type AnnotateSuccess, type Refusal } from '../../taskpane/annotate.js';
import { t, type TextKey } from '../../taskpane/i18n.js';
import { layoutSummary } from '../../taskpane/summary-sheet.js';
import { blockAddress, blockWritten, freeColumn, mergedArea } from '../block.js';
import type { SelectionChange, SpreadsheetHost } from '../port.js';
import { annotatedWorkbook, rowsWorkbook, type SheetAnnotation } from './export.js';
import { loadFileBook, type FileBook, type FileSheet } from './load.js';
import { summaryHtml } from './summary-html.js';
import { FULL_RENDER_CELLS, sheetExtent, sheetTableHtml, type RowWindow } from './view.js';


function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el;
}

/** the scrolling box around the sheet table (the page's HTML puts #roster in one) */
function scroller(): HTMLElement {
  const el = $('roster').parentElement;
  if (!el) throw new Error('#roster has no scrolling parent');
  return el;
}

/** The explanation as the clerk reads it: the apostrophe that keeps Excel from taking it as a formula is Office-only. */
function fileRow(row: CellValue[]): CellValue[] {
  const last = row[COLUMN_COUNT - 1];
  if (typeof last === 'string' && /^'[=+\-@]/.test(last)) return [...row.slice(0, -1), last.slice(1)];
  return row;
}

export function downloadBytes(name: string, bytes: Uint8Array | string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class FileHost implements SpreadsheetHost {
  readonly kind = 'file' as const;
  readonly privacyText: TextKey = 'privacyFile';
  readonly hasCellFunctions = false;
  book?: FileBook;
  activeId = '';
  readonly annotations = new Map<string, SheetAnnotation>();
  private settings: AddinSettings = {};
  private summary?: { model: SummaryModel; sheet: FileSheet };
  private listeners: ((e: SelectionChange) => void)[] = [];
  private selectedRow0 = -1;
  /** false until mount(): without a page (the Node tests) the host keeps its state and draws nothing */
  private mounted = false;
  /** the pane's message line (the host reports file errors there) */
  private say: (text: string, error?: boolean) => void = () => undefined;

  private get lang(): Lang {
    return this.settings.lang ?? 'zh';
  }

  /** Shows the file controls and the sheet area, and wires the file input, drop and downloads. */
  mount(): void {
    this.mounted = true;
    document.body.classList.add('file-mode');
    $('file-mode').hidden = false;
    $('sheet-view').hidden = false;
    const message = $('message');
    this.say = (text, error = false) => {
      message.textContent = text;
      message.classList.toggle('error', error);
    };
    const input = $('file') as HTMLInputElement;
    input.addEventListener('change', () => {
      const f = input.files?.[0];
      if (f) void this.open(f);
    });
    document.addEventListener('dragover', (e) => e.preventDefault());
    document.addEventListener('drop', (e) => {
      e.preventDefault();
      const f = e.dataTransfer?.files?.[0];
      if (f) void this.open(f);
    });
    ($('sheet') as HTMLSelectElement).addEventListener('change', (e) => this.activate((e.target as HTMLSelectElement).value));
    let pending = false;
    scroller().addEventListener('scroll', () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        this.onScroll();
      });
    });
    $('roster').addEventListener('click', (e) => {
      const tr = (e.target as HTMLElement).closest('tr[data-sheet-row]');
      if (tr) this.select(Number(tr.getAttribute('data-sheet-row')) - 1, false);
    });
    $('download-annotated').addEventListener('click', () => void this.guard(() => this.downloadAnnotated()));
    $('download-summary-html').addEventListener('click', () => void this.guard(() => this.downloadSummary('html')));
    $('download-summary-xlsx').addEventListener('click', () => void this.guard(() => this.downloadSummary('xlsx')));
    this.label();
  }

  private async guard(f: () => Promise<void>): Promise<void> {
    try {
      await f();
    } catch (e) {
      this.say(t(this.lang, 'error', { message: e instanceof Error ? e.message : String(e) }), true);
    }
  }

  private label(): void {
    const L = this.lang;
    $('file-label').textContent = t(L, 'fileLabel');
    $('drop-hint').textContent = t(L, 'dropHint');
    $('sheet-label').textContent = t(L, 'sheetLabel');
    $('download-annotated').textContent = t(L, 'downloadAnnotated');
    $('download-summary-html').textContent = t(L, 'downloadSummaryHtml');
    $('download-summary-xlsx').textContent = t(L, 'downloadSummaryXlsx');
  }

  /** Loads a file; the active sheet is the first one (other than 培训记录) with a roster header. */
  async open(file: File): Promise<void> {
    await this.guard(async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const book = loadFileBook(file.name, bytes);
      this.load(book);
      this.say(t(this.lang, 'loaded', { file: file.name, sheets: book.sheets.length, sheet: this.active()?.name ?? '' }));
    });
  }

  load(book: FileBook): void {
    this.book = book;
    this.selectedRow0 = -1;
    this.annotations.clear();
    this.summary = undefined;
    const candidates = book.sheets.filter((s) => !isRecordsSheet(s.name));
    const roster = candidates.find((s) => readWorkbook({ roster: s.grid, sheetName: s.name, firstRow: s.firstRow }).roster.headerRow > 0);
    const first = roster ?? candidates[0] ?? book.sheets[0];
    if (!first) throw new Error(`文件“${book.fileName}”中没有工作表。`);
    this.activeId = first.id;
    this.renderSheetList();
    this.render();
    this.summaryButtons(false);
  }

  private summaryButtons(enabled: boolean): void {
    if (!this.mounted) return;
    ($('download-summary-html') as HTMLButtonElement).disabled = !enabled;
    ($('download-summary-xlsx') as HTMLButtonElement).disabled = !enabled;
  }

  private sheets(): FileSheet[] {
    return [...(this.book?.sheets ?? []), ...(this.summary ? [this.summary.sheet] : [])];
  }

  private active(): FileSheet | undefined {
    return this.sheets().find((s) => s.id === this.activeId);
  }

  private renderSheetList(): void {
    if (!this.mounted) return;
    const select = $('sheet') as HTMLSelectElement;
    const sheets = this.sheets();
    select.replaceChildren(
      ...sheets.map((s) => {
        const o = document.createElement('option');
        o.value = s.id;
        o.textContent = s.name;
        return o;
      }),
    );
    select.value = this.activeId;
    select.hidden = sheets.length < 2;
    $('sheet-label').hidden = sheets.length < 2;
  }

  private activate(id: string): void {
    this.activeId = id;
    this.selectedRow0 = -1;
    if (this.mounted) {
      ($('sheet') as HTMLSelectElement).value = id;
      scroller().scrollTop = 0;
    }
    this.render();
  }

  /** the rows drawn now, when the sheet is too big to draw whole */
  private window?: RowWindow;

  private isBig(sheet: FileSheet): boolean {
    const e = sheetExtent(sheet, this.annotations.get(sheet.id));
    return (e.last - e.first + 1) * (e.width + 1) > FULL_RENDER_CELLS;
  }

  /** Draws the active sheet: whole, or (big sheets) the rows around the scroll position. */
  private render(): void {
    if (!this.mounted) return;
    const sheet = this.active();
    const table = $('roster');
    const wrap = scroller();
    const ann = sheet && this.annotations.get(sheet.id);
    if (sheet && this.isBig(sheet)) {
      const rowHeight = this.window?.rowHeight ?? 21;
      const first = sheet.firstRow - 1;
      const top = first + Math.floor(wrap.scrollTop / rowHeight);
      const rows = Math.ceil(wrap.clientHeight / rowHeight);
      this.window = { from: Math.max(first, top - 2 * rows), to: top + 3 * rows, rowHeight };
      table.innerHTML = sheetTableHtml(sheet, ann, this.window, this.selectedRow0);
      // measure the real row height once, so the spacers match the drawn rows
      const tr = table.querySelector<HTMLElement>('tbody tr[data-sheet-row]');
      if (tr && Math.abs(tr.offsetHeight - rowHeight) > 0.5 && tr.offsetHeight > 0) {
        this.window.rowHeight = tr.offsetHeight;
        table.innerHTML = sheetTableHtml(sheet, ann, this.window, this.selectedRow0);
      }
      $('sheet-note').textContent = '工作表较大：只绘制滚动位置附近的行（检查、计数和下载包括全部行）。';
    } else {
      this.window = undefined;
      table.innerHTML = sheet ? sheetTableHtml(sheet, ann, undefined, this.selectedRow0) : '';
      $('sheet-note').textContent = '';
    }
    $('sheet-title').textContent = sheet ? `${this.book?.fileName ?? ''} · ${sheet.name}` : '';
    ($('download-annotated') as HTMLButtonElement).disabled = this.annotations.size === 0;
  }

  /** on scroll: redraw a big sheet when the view nears the edge of the drawn rows */
  private onScroll(): void {
    const w = this.window;
    const sheet = this.active();
    if (!w || !sheet) return;
    const wrap = scroller();
    const top = sheet.firstRow - 1 + Math.floor(wrap.scrollTop / w.rowHeight);
    const rows = Math.ceil(wrap.clientHeight / w.rowHeight);
    if (top - rows < w.from && w.from > sheet.firstRow - 1) this.render();
    else if (top + 2 * rows > w.to) this.render();
  }

  private select(row0: number, scroll: boolean): void {
    this.selectedRow0 = row0;
    if (this.mounted) {
      const table = $('roster');
      const sheet = this.active();
      if (scroll && this.window && sheet) {
        const wrap = scroller();
        wrap.scrollTop = Math.max(0, (row0 - (sheet.firstRow - 1)) * this.window.rowHeight - wrap.clientHeight / 2);
        this.render();
      }
      table.querySelector('tr.selected')?.classList.remove('selected');
      const tr = table.querySelector(`tr[data-sheet-row="${row0 + 1}"]`);
      tr?.classList.add('selected');
      if (scroll) tr?.scrollIntoView({ block: 'center' });
    }
    for (const l of this.listeners) l({ sheetId: this.activeId, row0 });
  }

  readSettings(): AddinSettings {
    return { ...this.settings };
  }

  async writeSettings(s: AddinSettings): Promise<void> {
    const relabel = this.mounted && s.lang !== this.settings.lang;
    this.settings = { ...s };
    if (relabel) this.label();
  }

  async annotate(opts: AnnotateOptions): Promise<AnnotateSuccess | Refusal> {
    const sheet = this.active();
    if (!this.book || !sheet) return { ok: false, reason: t(this.lang, 'noFile') };
    if (isRecordsSheet(sheet.name)) return { ok: false, reason: RECORDS_SHEET_ACTIVE };
    if (sheet === this.summary?.sheet) return { ok: false, reason: '当前是“汇总表”：请选择花名册工作表后再检查。' };
    await opts.onProgress?.('read', 0, 1);
    const records = this.book.sheets.find((s) => isRecordsSheet(s.name));
    const read = readWorkbook({
      roster: sheet.grid,
      sheetName: sheet.name,
      firstRow: sheet.firstRow,
      records: records?.grid,
      recordsSheetName: records?.name,
      recordsFirstRow: records?.firstRow,
    });
    if (read.roster.headerRow === 0) {
      return { ok: false, reason: noRosterHeader(sheet.name) };
    }
    const headerRow0 = read.roster.headerRow - 1;
    const lastRow0 = read.roster.people.reduce((m, p) => Math.max(m, p.row - 1), headerRow0);
    const placed = { ...sheet, merges: sheet.merges.map(mergedArea), isHiddenColumn: (c0: number) => sheet.hiddenCols.has(c0) };
    const startCol = freeColumn(placed, headerRow0, lastRow0, read.roster.lastColumnIndex + 1);
    const { results, unmatchedRecords } = await checkAllWithRecords(read, { ...opts.settings, explain: true }, (done, total) =>
      opts.onProgress?.('check', done, total),
    );
    const byRow = new Map(results.map((r) => [r.row - 1, r]));
    const rows: CellValue[][] = [[...HEADERS[opts.lang]]];
    const statuses: (Status | undefined)[] = [];
    for (let r0 = headerRow0 + 1; r0 <= lastRow0; r0++) {
      const r = byRow.get(r0);
      rows.push(r ? fileRow(annotationRow(r, opts.lang)) : ['', '', '', '', '']);
      statuses.push(r?.status);
    }
    this.annotations.set(sheet.id, { sheetId: sheet.id, sheetName: sheet.name, headerRow0, startCol, rows, statuses });
    await opts.onProgress?.('write', rows.length - 1, rows.length - 1);
    this.render();
    // bring the new columns into view (a wide roster puts them off to the right)
    if (this.mounted) $('roster').querySelector('thead th.own:last-child')?.scrollIntoView({ block: 'nearest', inline: 'end' });
    return blockWritten({ sheetName: sheet.name, headerRow0, startCol, rows: rows.length, results, read, unmatchedRecords, syncs: 0 });
  }

  async clear(): Promise<{ ok: true; address: string } | Refusal> {
    const sheet = this.active();
    const a = sheet && this.annotations.get(sheet.id);
    if (!sheet || !a) return { ok: false, reason: `工作表“${sheet?.name ?? ''}”上没有标注。` };
    this.annotations.delete(sheet.id);
    this.render();
    return { ok: true, address: blockAddress(a.headerRow0, a.startCol, a.rows.length) };
  }

  async readRoster(): Promise<WorkbookRead | undefined> {
    if (!this.book) return undefined;
    const records = this.book.sheets.find((s) => isRecordsSheet(s.name));
    const loaded = (s: FileSheet): LoadedSheet => ({ id: s.id, name: s.name, grid: s.grid, firstRow: s.firstRow });
    const others = this.book.sheets.filter((s) => !isRecordsSheet(s.name) && s.name !== SUMMARY_SHEET);
    const order = [...others.filter((s) => s.id === this.activeId), ...others.filter((s) => s.id !== this.activeId)];
    for (const s of order) {
      const read = readWorkbook({
        roster: s.grid,
        sheetName: s.name,
        firstRow: s.firstRow,
        records: records?.grid,
        recordsSheetName: records?.name ?? RECORDS_SHEET,
        recordsFirstRow: records?.firstRow,
      });
      if (read.roster.headerRow > 0) return { ...read, rosterSheet: loaded(s), recordsSheet: records && loaded(records) };
    }
    return undefined;
  }

  /** The 汇总表 as a sheet of this page (shown like the others) and as HTML / XLSX downloads. */
  async writeSummary(model: SummaryModel): Promise<{ ok: true; rows: number } | Refusal> {
    const layout = layoutSummary(model);
    const sheet: FileSheet = { id: 'summary', name: SUMMARY_SHEET, grid: layout.rows, firstRow: 1, merges: [], hiddenRows: new Set(), hiddenCols: new Set() };
    this.summary = { model, sheet };
    this.renderSheetList();
    this.activate(sheet.id);
    this.summaryButtons(true);
    return { ok: true, rows: layout.rows.length };
  }

  async selectRow(sheetName: string, row: number): Promise<void> {
    const sheet = this.sheets().find((s) => s.name === sheetName);
    if (sheet && sheet.id !== this.activeId) this.activate(sheet.id);
    this.select(row - 1, true);
  }

  async explanationAt(sheetId: string, row0: number): Promise<{ row: number; text: string } | undefined> {
    const a = this.annotations.get(sheetId);
    if (!a || row0 <= a.headerRow0 || row0 >= a.headerRow0 + a.rows.length) return undefined;
    const v = a.rows[row0 - a.headerRow0]?.[COLUMN_COUNT - 1];
    return typeof v === 'string' && v !== '' ? { row: row0 + 1, text: v } : undefined;
  }

  onSelectionChanged(cb: (e: SelectionChange) => void): void {
    this.listeners.push(cb);
  }

  private baseName(): string {
    return (this.book?.fileName ?? '花名册').replace(/\.[^.]+$/, '');
  }

  async downloadAnnotated(): Promise<void> {
    if (!this.book || this.annotations.size === 0) throw new Error(t(this.lang, 'needCheck'));
    const bytes = await annotatedWorkbook(this.book, [...this.annotations.values()]);
    const name = `${this.baseName()}（已标注）.xlsx`;
    downloadBytes(name, bytes, XLSX_TYPE);
    const note = this.book.kind === 'xlsx' ? '' : ` ${t(this.lang, 'annotatedFromCsv', { kind: `.${this.book.kind}` })}`;
    this.say(t(this.lang, 'downloaded', { file: name }) + note);
  }

  async downloadSummary(kind: 'html' | 'xlsx'): Promise<void> {
    if (!this.summary) throw new Error(t(this.lang, 'needCheck'));
    const layout = layoutSummary(this.summary.model);
    const name = `${this.baseName()}-汇总表.${kind}`;
    if (kind === 'html') downloadBytes(name, summaryHtml(this.summary.model), 'text/html;charset=utf-8');
    else {
      const bytes = await rowsWorkbook(SUMMARY_SHEET, layout.rows, { bold: layout.bold, headerRows: layout.headerRows, widths: [6, 8, 20, 20, 9, 8, 8, 60] });
      downloadBytes(name, bytes, XLSX_TYPE);
    }
    this.say(t(this.lang, 'downloaded', { file: name }));
  }

  /** the status labels in the current language (tests and the view legend) */
  statusLabel(s: Status): string {
    return STATUS_LABELS[s][this.lang];
  }
}
