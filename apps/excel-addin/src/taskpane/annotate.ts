/**
 * "检查并标注" and "清除标注": evaluate every roster row and write five annotation
 * columns to the right of the roster; remove exactly those cells again.
 *
 * Safety: the add-in never writes into a cell it did not create. Before writing it
 * checks that every target cell is empty (or was written by it earlier, as recorded
 * in the workbook settings and confirmed by the header cells); otherwise nothing
 * is written and the reason names the cell.
 */
import { STATUS_LABELS, type EvaluationResult, type Status } from '@ce/rules';
import { columnLetter } from '@ce/roster';
import { checkAllWithRecords, errorsText, explanationText, noRosterHeader, readWorkbook, type CheckSettings, type Grid, type ReadWorkbook } from '../core/check.js';
import { docSettings, saveDocSettings, type Lang } from '../core/settings.js';
import { loadSheets, readUsedGrid, RECORDS_SHEET, type CellValue } from '../core/workbook.js';
import { queueLedger, readLedger, type LedgerRead } from './ledger.js';

export const TRACK_KEY = 'ce.annotations';
export const COLUMN_COUNT = 5;
/** Excel on the web rejects requests above 5 MB; stay well below it per sync. */
export const DEFAULT_SYNC_BUDGET = 4 * 1024 * 1024;
/** rows of the (normally empty) target block checked per sync */
const CHECK_ROWS_PER_SYNC = 20_000;

export const HEADERS: Record<Lang, readonly string[]> = {
  zh: ['状态', '缺少学时', '缺公需', '缺专业', '说明'],
  en: ['Status', 'Missing hours', 'Missing public', 'Missing professional', 'Explanation'],
};

/** status fill colours (Fluent palette tints) */
export const STATUS_FILL: Record<Status, string> = {
  compliant: '#DFF6DD',
  'non-compliant': '#FDE7E9',
  exempt: '#DEECF9',
  'not-restrictive': '#F3F2F1',
  invalid: '#FFF4CE',
};
export const HEADER_FILL = '#EDEBE9';

/** What the add-in wrote on one sheet (stored in the workbook settings). */
export interface AnnotationTrack {
  sheetId: string;
  sheetName: string;
  /** 0-based row of the header cells written */
  headerRow: number;
  /** 0-based first annotation column */
  startCol: number;
  /** rows written, header included */
  rows: number;
  headers: string[];
  /** when the roster is an Excel table: its name and address before the add-in widened it */
  table?: { name: string; originalAddress: string };
}

export type Tracks = Record<string, AnnotationTrack>;

/** the tracks in the document settings (the secondary record; see taskpane/ledger.ts) */
export function readTracks(): Tracks {
  const v = docSettings()?.get(TRACK_KEY);
  return v && typeof v === 'object' ? { ...(v as Tracks) } : {};
}

/** the last record read or written in this session (for the selected-row explanation) */
let knownTracks: Tracks | undefined;

/** the record: the ledger sheet when the workbook has one, else (older workbooks) the settings */
async function loadTracks(context: Excel.RequestContext): Promise<{ tracks: Tracks; ledger: LedgerRead<AnnotationTrack> }> {
  const ledger = await readLedger<AnnotationTrack>(context);
  const tracks = ledger.exists ? { ...ledger.tracks } : readTracks();
  knownTracks = tracks;
  return { tracks, ledger };
}

/**
 * Writes the record: the ledger sheet in this batch (synced with the cells it describes),
 * then the settings. A settings save failure is a warning (settings.takeSaveWarning),
 * never a failed button: the ledger already holds the truth.
 */
async function writeTracks(context: Excel.RequestContext, ledger: LedgerRead<AnnotationTrack>, t: Tracks): Promise<void> {
  queueLedger(context, ledger, t);
  await context.sync();
  knownTracks = t;
  const s = docSettings();
  if (!s) return;
  if (Object.keys(t).length === 0) s.remove(TRACK_KEY);
  else s.set(TRACK_KEY, t);
  await saveDocSettings();
}

export interface InvalidRow {
  row: number;
  name: string;
  message: string;
}

export interface AnnotateSuccess {
  ok: true;
  sheetName: string;
  /** A1 address of the block written */
  address: string;
  results: EvaluationResult[];
  read: ReadWorkbook;
  counts: Record<Status, number>;
  invalid: InvalidRow[];
  /** 培训记录 rows whose ID is on no roster row */
  unmatchedRecords: number;
  syncs: number;
}

export interface Refusal {
  ok: false;
  reason: string;
}

export interface AnnotateOptions {
  settings: CheckSettings;
  lang: Lang;
  /** max payload bytes per sync (default 4 MB) */
  syncBudget?: number;
  onProgress?: (phase: 'read' | 'check' | 'write', done: number, total: number) => void | Promise<void>;
}

/**
 * Table.resize is ExcelApi 1.13 (the manifest asks for 1.9, which covers
 * everything else the pane uses); on older hosts the roster's table is left
 * as it is and the annotation columns sit beside it.
 */
function tablesCanResize(): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', '1.13');
}

function addr(r0: number, c0: number, rows: number, cols: number): string {
  const tl = `${columnLetter(c0)}${r0 + 1}`;
  return rows === 1 && cols === 1 ? tl : `${tl}:${columnLetter(c0 + cols - 1)}${r0 + rows}`;
}

const utf8 = new TextEncoder();
export function payloadBytes(x: unknown): number {
  return utf8.encode(JSON.stringify(x)).length;
}

function isEmpty(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

export function countByStatus(results: readonly EvaluationResult[]): Record<Status, number> {
  const counts: Record<Status, number> = { compliant: 0, 'non-compliant': 0, exempt: 0, 'not-restrictive': 0, invalid: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** Text that Excel would take for a formula is written as text (apostrophe prefix). */
export function asText(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

/** The annotation row for one result: 状态, 缺少学时, 缺公需, 缺专业, 说明. */
export function annotationRow(r: EvaluationResult, lang: Lang): CellValue[] {
  const label = STATUS_LABELS[r.status][lang];
  const text = asText(explanationText(r));
  if (r.status === 'invalid' || !r.missing) return [label, '', '', '', text];
  return [label, r.missing.total, r.missing.public, r.missing.professional, text];
}

interface TableInfo {
  name: string;
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/** Finds the header sequence on a row of the grid; -1 if absent or ambiguous. */
function locateHeaders(row: readonly unknown[] | undefined, headers: readonly string[]): number {
  if (!row) return -1;
  const found: number[] = [];
  for (let c = 0; c + headers.length <= row.length; c++) {
    if (headers.every((h, i) => row[c + i] === h)) found.push(c);
  }
  return found.length === 1 ? found[0]! : -1;
}

/**
 * Where last time's annotation is now: the same place if its header cells are intact,
 * else the one place in the sheet where its header sequence now stands (rows or columns
 * were inserted above or to the left). undefined = not found or ambiguous: the user
 * changed them, and the add-in stops.
 */
function relocate(track: AnnotationTrack, grid: Grid, firstRow: number): AnnotationTrack | undefined {
  const rowAt = (r0: number): readonly unknown[] | undefined => grid[r0 - (firstRow - 1)];
  const row = rowAt(track.headerRow);
  if (row && track.headers.every((h, i) => row[track.startCol + i] === h)) return track;
  const found: { r0: number; c0: number }[] = [];
  grid.forEach((cells, i) => {
    const c = locateHeaders(cells, track.headers);
    if (c >= 0) found.push({ r0: i + firstRow - 1, c0: c });
  });
  if (found.length !== 1) return undefined;
  // a moved table's original address is no longer known: do not guess
  if (track.table) return undefined;
  return { ...track, headerRow: found[0]!.r0, startCol: found[0]!.c0 };
}

async function loadTables(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<TableInfo[]> {
  const tables = sheet.tables;
  tables.load('items/name');
  await context.sync();
  const ranges = tables.items.map((t) => {
    const r = t.getRange();
    r.load('rowIndex,columnIndex,rowCount,columnCount');
    return { t, r };
  });
  await context.sync();
  return ranges.map(({ t, r }) => ({ name: t.name, r0: r.rowIndex, c0: r.columnIndex, rows: r.rowCount, cols: r.columnCount }));
}

const OWN_RULE_TEXTS = new Set(Object.values(STATUS_LABELS).flatMap((l) => [l.zh, l.en]));

/**
 * Deletes the status-colour rules the add-in added: ContainsText rules on exactly its
 * 状态 cells whose text is a status label. Any other rule (the clerk's) is left alone,
 * even where it overlaps.
 */
async function removeOwnConditionalFormats(context: Excel.RequestContext, sheet: Excel.Worksheet, at: AnnotationTrack): Promise<void> {
  if (at.rows < 2) return;
  const r0 = at.headerRow + 1;
  const rows = at.rows - 1;
  const cfs = sheet.getRangeByIndexes(r0, at.startCol, rows, 1).conditionalFormats;
  cfs.load('items/type');
  await context.sync();
  const candidates = cfs.items
    .filter((cf) => String(cf.type) === 'ContainsText')
    .map((cf) => {
      const range = cf.getRange();
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      cf.textComparison.load('rule');
      return { cf, range };
    });
  await context.sync();
  for (const { cf, range } of candidates) {
    const same = range.rowIndex === r0 && range.columnIndex === at.startCol && range.rowCount === rows && range.columnCount === 1;
    const rule = cf.textComparison.rule;
    if (same && rule && String(rule.operator) === 'BeginsWith' && OWN_RULE_TEXTS.has(rule.text)) cf.delete();
  }
}

/** Evaluates the active sheet's roster and writes (or rewrites) the annotation columns. */
export async function annotateActiveSheet(opts: AnnotateOptions): Promise<AnnotateSuccess | Refusal> {
  const budget = opts.syncBudget ?? DEFAULT_SYNC_BUDGET;
  const headers = HEADERS[opts.lang];
  return Excel.run(async (context): Promise<AnnotateSuccess | Refusal> => {
    let syncs = 0;
    const sync = async (): Promise<void> => {
      syncs++;
      await context.sync();
    };
    await opts.onProgress?.('read', 0, 1);
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name,id');
    await sync();
    if (sheet.name === RECORDS_SHEET) return { ok: false, reason: '当前是“培训记录”工作表：请切换到花名册工作表后再检查。' };
    const used = await readUsedGrid(context, sheet);
    syncs++;
    if (!used) return { ok: false, reason: `工作表“${sheet.name}”是空的。` };
    const firstRow = used.firstRow;
    const grid = used.grid.map((r) => [...r]);
    const { tracks, ledger } = await loadTracks(context);
    syncs += ledger.exists ? 2 : 1;
    let old = tracks[sheet.id];
    if (old) {
      const moved = relocate(old, grid, firstRow);
      if (!moved) {
        return {
          ok: false,
          reason: `上次写入的标注列（${old.sheetName}!${addr(old.headerRow, old.startCol, 1, COLUMN_COUNT)}）的表头已被修改或移动，加载项无法确认哪些单元格是它写的，因此不做任何改动。请手动删除这些标注列后重试。`,
        };
      }
      old = moved;
      // hide last time's annotation from the reader: it is not roster data
      for (let r = old.headerRow; r < old.headerRow + old.rows; r++) {
        const row = grid[r - (firstRow - 1)];
        if (!row) continue;
        for (let c = old.startCol; c < old.startCol + COLUMN_COUNT; c++) if (c < row.length) row[c] = '';
      }
    }
    const recordsSheet = (await loadSheets(context, [RECORDS_SHEET]))[0];
    syncs++;
    const read = readWorkbook({
      roster: grid,
      sheetName: sheet.name,
      firstRow,
      records: recordsSheet?.grid,
      recordsSheetName: recordsSheet?.name,
      recordsFirstRow: recordsSheet?.firstRow,
    });
    if (read.roster.headerRow === 0) {
      return { ok: false, reason: noRosterHeader(sheet.name) };
    }
    const headerRow0 = read.roster.headerRow - 1;
    const tables = await loadTables(context, sheet);
    syncs += 2;
    // the roster's table, if its header row is the roster header row
    const table = tables.find((t) => t.r0 === headerRow0 && t.c0 <= read.roster.lastColumnIndex && t.c0 + t.cols > (read.roster.columns[0]?.index ?? 0));
    const originalTable = old?.table;
    let startCol: number;
    let lastRow0: number;
    if (old) startCol = old.startCol;
    else if (table) startCol = table.c0 + table.cols;
    else startCol = read.roster.lastColumnIndex + 1;
    const peopleLast = read.roster.people.reduce((m, p) => Math.max(m, p.row - 1), headerRow0);
    lastRow0 = peopleLast;
    if (table) lastRow0 = Math.max(lastRow0, table.r0 + table.rows - 1);
    const rows = lastRow0 - headerRow0 + 1;

    // 1. never write over anything the add-in did not create
    const inOld = (r: number, c: number): boolean =>
      !!old && r >= old.headerRow && r < old.headerRow + old.rows && c >= old.startCol && c < old.startCol + COLUMN_COUNT;
    // rows of the target that last time's block does not cover (its own cells may hold long
    // explanations: never read back, so a re-run stays under the response limit too)
    const segments: { r0: number; n: number }[] = [];
    for (let r = headerRow0; r <= lastRow0; ) {
      if (inOld(r, startCol)) {
        r++;
        continue;
      }
      let n = 0;
      while (r + n <= lastRow0 && !inOld(r + n, startCol) && n < CHECK_ROWS_PER_SYNC) n++;
      segments.push({ r0: r, n });
      r += n;
    }
    for (const seg of segments) {
      const part = sheet.getRangeByIndexes(seg.r0, startCol, seg.n, COLUMN_COUNT);
      part.load('formulas');
      await sync();
      const formulas = part.formulas;
      for (let r = 0; r < seg.n; r++) {
        for (let c = 0; c < COLUMN_COUNT; c++) {
          const v = formulas[r]?.[c];
          if (!isEmpty(v)) {
            const cell = addr(seg.r0 + r, startCol + c, 1, 1);
            return {
              ok: false,
              reason: `标注列将写在 ${addr(headerRow0, startCol, rows, COLUMN_COUNT)}，但单元格 ${cell} 已有内容（“${String(v).slice(0, 40)}”）。为避免覆盖您的数据，没有写入任何内容。请在花名册右侧留出 ${COLUMN_COUNT} 列空列，或移动这些数据后重试。`,
            };
          }
        }
      }
    }
    const blockRect = { r0: headerRow0, c0: startCol, rows, cols: COLUMN_COUNT };
    const other = tables.find(
      (t) => t.name !== table?.name && t.r0 < blockRect.r0 + rows && blockRect.r0 < t.r0 + t.rows && t.c0 < startCol + COLUMN_COUNT && startCol < t.c0 + t.cols,
    );
    if (other) return { ok: false, reason: `标注列会与表格“${other.name}”重叠，没有写入任何内容。` };

    // 2. evaluate
    const { results, unmatchedRecords } = await checkAllWithRecords(read, { ...opts.settings, explain: true }, (done, total) =>
      opts.onProgress?.('check', done, total),
    );
    const byRow = new Map(results.map((r) => [r.row - 1, r]));

    // 3. write: remove last time's cells (they are ours), then the new block in chunks under the budget
    if (old) {
      await removeOwnConditionalFormats(context, sheet, old);
      syncs += 2;
      if (old.table && tablesCanResize()) sheet.tables.getItem(old.table.name).resize(old.table.originalAddress);
      sheet.getRangeByIndexes(old.headerRow, old.startCol, old.rows, COLUMN_COUNT).clear('Contents');
    }
    const header = sheet.getRangeByIndexes(headerRow0, startCol, 1, COLUMN_COUNT);
    // values only: the add-in sets no cell format, so whatever format the clerk gave these
    // cells (a whole-row fill, a number format) is still there after 清除标注
    header.values = [[...headers]];
    let pending = payloadBytes(headers) + 200;
    const dataRows = rows - 1;
    let chunkStart = 0;
    let chunk: CellValue[][] = [];
    let chunkBytes = 0;
    const flushChunk = (): void => {
      if (chunk.length === 0) return;
      sheet.getRangeByIndexes(headerRow0 + 1 + chunkStart, startCol, chunk.length, COLUMN_COUNT).values = chunk;
      chunkStart += chunk.length;
      chunk = [];
      chunkBytes = 0;
    };
    for (let i = 0; i < dataRows; i++) {
      const r = byRow.get(headerRow0 + 1 + i);
      const row: CellValue[] = r ? annotationRow(r, opts.lang) : ['', '', '', '', ''];
      const b = payloadBytes(row) + 1;
      if (b > budget - 1024) throw new Error(`第${headerRow0 + 2 + i}行的说明过长（${b} 字节）`);
      if (pending + chunkBytes + b > budget) {
        flushChunk();
        await sync();
        pending = 0;
        await opts.onProgress?.('write', i, dataRows);
      }
      chunk.push(row);
      chunkBytes += b;
    }
    flushChunk();
    if (dataRows > 0) {
      const statusCol = sheet.getRangeByIndexes(headerRow0 + 1, startCol, dataRows, 1);
      for (const s of Object.keys(STATUS_FILL) as Status[]) {
        const cf = statusCol.conditionalFormats.add('ContainsText' as Excel.ConditionalFormatType);
        cf.textComparison.format.fill.color = STATUS_FILL[s];
        cf.textComparison.rule = { operator: 'BeginsWith' as Excel.ConditionalTextOperator, text: STATUS_LABELS[s][opts.lang] };
      }
    }
    let tableTrack: AnnotationTrack['table'];
    // without Table.resize (ExcelApi 1.13) the columns are written beside the table, which stays as it is
    if (table && tablesCanResize()) {
      const original = originalTable?.originalAddress ?? addr(table.r0, table.c0, table.rows, table.cols);
      tableTrack = { name: table.name, originalAddress: original };
      // widen the table over the annotation columns only when they touch it
      if (startCol === table.c0 + table.cols || originalTable) {
        sheet.tables.getItem(table.name).resize(addr(table.r0, table.c0, Math.max(table.rows, rows), startCol + COLUMN_COUNT - table.c0));
      }
    }
    await sync();
    await opts.onProgress?.('write', dataRows, dataRows);

    const track: AnnotationTrack = {
      sheetId: sheet.id,
      sheetName: sheet.name,
      headerRow: headerRow0,
      startCol,
      rows,
      headers: [...headers],
      ...(tableTrack ? { table: tableTrack } : {}),
    };
    await writeTracks(context, ledger, { ...tracks, [sheet.id]: track });
    syncs++;
    const invalid = results
      .filter((r) => r.status === 'invalid')
      .map((r) => ({ row: r.row, name: r.name, message: errorsText(r) }));
    return {
      ok: true,
      sheetName: sheet.name,
      address: addr(headerRow0, startCol, rows, COLUMN_COUNT),
      results,
      read,
      counts: countByStatus(results),
      invalid,
      unmatchedRecords,
      syncs,
    };
  });
}

/** Removes exactly the cells the add-in wrote on the active sheet. */
export async function clearActiveSheet(): Promise<{ ok: true; address: string } | Refusal> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name,id');
    await context.sync();
    const { tracks, ledger } = await loadTracks(context);
    const track = tracks[sheet.id];
    if (!track) return { ok: false, reason: `工作表“${sheet.name}”上没有加载项写入的标注。` };
    const used = await readUsedGrid(context, sheet);
    const at = relocate(track, used?.grid ?? [], used?.firstRow ?? 1);
    if (!at) {
      return {
        ok: false,
        reason: `标注列的表头已被修改或移动，加载项无法确认哪些单元格是它写的，因此没有清除任何内容。`,
      };
    }
    await removeOwnConditionalFormats(context, sheet, at);
    if (at.table && tablesCanResize()) sheet.tables.getItem(at.table.name).resize(at.table.originalAddress);
    sheet.getRangeByIndexes(at.headerRow, at.startCol, at.rows, COLUMN_COUNT).clear('Contents');
    await context.sync();
    delete tracks[sheet.id];
    await writeTracks(context, ledger, tracks);
    return { ok: true, address: addr(at.headerRow, at.startCol, at.rows, COLUMN_COUNT) };
  });
}

/** Selects a sheet row (the pane's invalid-row list). */
export async function selectRow(sheetName: string, row: number): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetName);
    ws.activate();
    ws.getRange(`${row}:${row}`).select();
    await context.sync();
  });
}

/**
 * The 说明 the add-in wrote for a sheet row, or undefined when the row is not one it annotated
 * (the pane shows it for the selected cell, since a long explanation is hard to read in a cell).
 */
export async function explanationAt(worksheetId: string, row0: number): Promise<{ row: number; text: string } | undefined> {
  const track = (knownTracks ?? readTracks())[worksheetId];
  if (!track || row0 <= track.headerRow || row0 >= track.headerRow + track.rows) return undefined;
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(worksheetId);
    const header = ws.getRangeByIndexes(track.headerRow, track.startCol, 1, COLUMN_COUNT);
    const cell = ws.getRangeByIndexes(row0, track.startCol + COLUMN_COUNT - 1, 1, 1);
    header.load('values');
    cell.load('values');
    await context.sync();
    // only if the header is still the add-in's
    if (!track.headers.every((h, i) => header.values[0]?.[i] === h)) return undefined;
    const v = cell.values[0]?.[0];
    return typeof v === 'string' && v !== '' ? { row: row0 + 1, text: v.replace(/^'/, '') } : undefined;
  });
}
