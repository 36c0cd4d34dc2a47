/**
 * @ce/files — Node-only loading of roster and record files (.xlsx/.xlsm/.xls
 * via SheetJS, .csv with encoding detection) into grids for @ce/roster.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { findHeader, HEADER_SCAN_ROWS, inspectRoster, isRecordsSheet, namedYear, readRecords, readRoster, readRosterRows, titleText, type Grid, type MergedArea, type ReadOptions, type RosterRead } from '@ce/roster';
import { decodeCsvBytes, parseCsv } from './csv.js';
import { readWorkbookSheetJS, type LoadedSheet } from './xlsx.js';
import { LeanUnsupported, openWorkbookLean, readWorkbookLean, type LeanSheet } from './xlsx-lean.js';
import { unzipChecked } from './zip.js';

export type { LoadedSheet } from './xlsx.js';
export { decodeCsvBytes, parseCsv } from './csv.js';
export { readWorkbookSheetJS, readWorkbookExcelJS } from './xlsx.js';
export { readWorkbookLean, openWorkbookLean, LeanUnsupported, type LeanSheet } from './xlsx-lean.js';
export { unzipChecked, type ZipResult } from './zip.js';

/** A file that cannot be used at all. `message` is "中文 / English", one line. */
export class InputFileError extends Error {
  constructor(
    public zh: string,
    public en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'InputFileError';
  }
}

function fail(path: string, zh: string, en: string): InputFileError {
  const name = basename(path);
  return new InputFileError(`无法读取文件 ${name}：${zh}`, `Cannot read file ${name}: ${en}`);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

const SPREADSHEET_EXT = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);
const TEXT_EXT = new Set(['.csv', '.txt', '.tsv']);

/** The file names in a zip's central directory ([] when it cannot be read). */
export function zipEntryNames(b: Uint8Array): string[] {
  try {
    const u16 = (o: number) => b[o]! | (b[o + 1]! << 8);
    const u32 = (o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return [];
    const names: string[] = [];
    let p = u32(eocd + 16);
    const dec = new TextDecoder();
    for (let n = 0; n < u16(eocd + 10) && p + 46 <= eocd && u32(p) === 0x02014b50; n++) {
      const len = u16(p + 28);
      names.push(dec.decode(b.subarray(p + 46, p + 46 + len)));
      p += 46 + len + u16(p + 30) + u16(p + 32);
    }
    return names;
  } catch {
    return [];
  }
}

/**
 * A zip that is not a workbook (a renamed .docx or .pptx, or any other
 * archive): say what it is rather than calling it damaged.
 */
function notASpreadsheet(path: string, names: readonly string[]): void {
  if (names.length === 0) return; // leave unreadable directories to the reader
  const has = (n: string) => names.some((x) => x.toLowerCase() === n);
  if (has('xl/workbook.xml') || has('xl/workbook.bin') || has('content.xml')) return;
  if (has('word/document.xml')) {
    throw fail(path, '这是 Word 文档（.docx），不是电子表格；请用 Excel 或 WPS 表格打开花名册并另存为 .xlsx', 'it is a Word document (.docx), not a spreadsheet; open the roster in Excel or WPS and save it as .xlsx');
  }
  if (has('ppt/presentation.xml')) {
    throw fail(path, '这是 PowerPoint 演示文稿（.pptx），不是电子表格', 'it is a PowerPoint presentation (.pptx), not a spreadsheet');
  }
  throw fail(path, '这是一个压缩包，其中没有 Excel 工作表，不是电子表格', 'it is a zip archive with no Excel workbook in it, not a spreadsheet');
}

/** Every sheet of a workbook, or the one sheet of a CSV (named after the file). */
export async function readSpreadsheetFile(path: string): Promise<LoadedSheet[]> {
  return readSpreadsheetBytes(await readBytes(path), path);
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw fail(path, '文件不存在', 'file not found');
    if (code === 'EISDIR') throw fail(path, '这是一个文件夹，不是文件', 'it is a directory');
    if (code === 'EACCES' || code === 'EPERM') throw fail(path, '没有读取权限', 'permission denied');
    throw fail(path, String((e as Error).message ?? e), String((e as Error).message ?? e));
  }
}

/** The same, from bytes already in memory; `path` gives the name and extension. */
export function readSpreadsheetBytes(bytes: Uint8Array, path: string): LoadedSheet[] {
  const ext = extname(path).toLowerCase();
  if (bytes.length === 0) throw fail(path, '文件为空', 'the file is empty');
  const isZip = startsWith(bytes, ZIP);
  const isOle = startsWith(bytes, OLE);
  let sheets: LoadedSheet[];
  if (isZip || isOle || SPREADSHEET_EXT.has(ext)) {
    if (!isZip && !isOle && ext !== '.xls') {
      throw fail(path, '文件已损坏或不是有效的 Excel 文件', 'the file is damaged or is not an Excel workbook');
    }
    if (isOle && bytes.length < 512) throw fail(path, '文件已损坏（内容不完整）', 'the file is damaged (truncated)');
    // SheetJS loops forever on some truncated or damaged zips (e.g. the first 10–200 bytes
    // of an .xlsx, or one with a few bytes changed): inflate and CRC-check every entry first.
    // The inflated entries feed the lean reader, so an .xlsx is decompressed once.
    const zip = isZip ? unzipChecked(bytes) : undefined;
    if (zip?.kind === 'damaged') {
      throw fail(path, '文件已损坏或不完整（可能未下载完整）', 'the file is damaged or truncated (its zip structure is broken)');
    }
    if (isZip) notASpreadsheet(path, zipEntryNames(bytes));
    const lean = zip?.kind === 'ok' && zip.entries.has('xl/workbook.xml') ? readWorkbookLean(zip.entries) : undefined;
    try {
      // SheetJS for .xls/.ods and for .xlsx shapes the lean reader leaves to it
      sheets = lean ?? readWorkbookSheetJS(bytes);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/password|encrypt/i.test(msg)) throw fail(path, '文件已加密，请先取消密码保护', 'the workbook is password-protected');
      throw fail(path, `文件已损坏或不完整（${msg}）`, `the file is damaged or truncated (${msg})`);
    }
    if (sheets.length === 0) throw fail(path, '工作簿中没有工作表', 'the workbook has no sheets');
  } else if (TEXT_EXT.has(ext) || ext === '') {
    let text: string;
    try {
      text = decodeCsvBytes(bytes);
    } catch (e) {
      throw fail(path, '无法识别文件编码', `unknown text encoding (${String(e)})`);
    }
    if (text.includes('\u0000')) throw fail(path, '不是文本文件（含有二进制内容）', 'not a text file (binary content)');
    const name = basename(path);
    sheets = [{ name, grid: parseCsv(text), firstRow: 1, merges: [], hiddenRows: [], hiddenColumns: [] }];
  } else {
    throw fail(path, `不支持的文件类型 ${ext}（支持 .xlsx、.xlsm、.xls、.csv）`, `unsupported file type ${ext} (use .xlsx, .xlsm, .xls or .csv)`);
  }
  if (sheets.every((s) => s.grid.length === 0)) throw fail(path, '文件中没有数据', 'the file has no data');
  return sheets;
}

export interface LoadOptions {
  /** the roster sheet: its name, or its 1-based position in the workbook (`--sheet`) */
  sheet?: string | number;
  /**
   * The review year: picks the roster sheet whose title or name carries it,
   * and is the last resort for the year of year-less hour columns.
   */
  reviewYear?: number;
}

export interface RosterInput {
  roster: LoadedSheet;
  records?: LoadedSheet;
  /** the name of the sheet the roster was read from (the file name for CSV) */
  sheetName: string;
  /** 1-based position of that sheet in the workbook */
  sheetIndex: number;
  /**
   * Chinese lines for the top of every output: the sheet read
   * (「读取工作表“2024年度”」, naming the other roster sheets), the year
   * given to year-less hour columns.
   */
  notices: string[];
}

/**
 * The roster sheet and the training records.
 *
 * Roster: the sheet named by `options.sheet` (name or 1-based index); else,
 * among sheets other than 培训记录 whose header row is found, the first whose
 * title rows or name carry `options.reviewYear`; else the first of them.
 * Records: from `recordsPath` when given (its 培训记录 sheet, else its first
 * sheet with a records header), else the workbook's own 培训记录 sheet.
 *
 * Throws InputFileError when a file cannot be read, the named sheet does not
 * exist or is not a roster, no sheet has a roster header, or the roster has
 * year-less hour columns whose year cannot be decided (no year in the title
 * rows or the sheet name, and no review year).
 */
export async function loadRosterInput(rosterPath: string, recordsPath?: string, options: LoadOptions = {}): Promise<RosterInput> {
  const sheets = await readSpreadsheetFile(rosterPath);
  const picked = await pickInput(rosterPath, sheets, recordsPath, options, (s) => s);
  const out: RosterInput = { roster: picked.roster, sheetName: picked.roster.name, sheetIndex: picked.sheetIndex, notices: picked.notices };
  if (picked.records) out.records = picked.records;
  return out;
}

/** What the loader needs of a sheet to pick the roster: its name, its first rows (or all), where it starts, its merges. */
interface SheetLook {
  name: string;
  /** the whole grid, or only its first rows (enough to find a header: see `PREVIEW_ROWS`) */
  grid: Grid;
  firstRow: number;
  merges: MergedArea[];
}

/** The roster sheet, the records, the notices: loadRosterInput's choices, on whole grids or on each sheet's first rows. */
async function pickInput<S extends SheetLook>(
  rosterPath: string,
  sheets: S[],
  recordsPath: string | undefined,
  options: LoadOptions,
  whole: (s: S) => LoadedSheet,
): Promise<{ roster: S; records?: LoadedSheet; sheetIndex: number; notices: string[] }> {
  const roster = pickRosterSheet(rosterPath, sheets, options);
  const look = inspectRoster(roster.grid, readOptionsFor(roster, options.reviewYear));
  if (look.refusal) {
    const where = isCsvFile(rosterPath, sheets) ? '' : `工作表“${roster.name}”：`;
    const cols = (look.refusal.match(/[A-Z]+列/g) ?? []).map((c) => c.replace('列', '')).join(', ');
    throw fail(rosterPath, `${where}${look.refusal}`, `${where ? `sheet "${roster.name}": ` : ''}the hours column(s) ${cols} name no year, and neither the title rows, the sheet name nor a review year gives one`);
  }
  const notices: string[] = [];
  const others = sheets.filter((s) => s !== roster && !isRecordsSheet(s.name) && findHeader(s.grid, 'roster'));
  if (!isCsvFile(rosterPath, sheets)) {
    notices.push(
      others.length > 0
        ? `读取工作表“${roster.name}”（工作簿中另有花名册工作表${others.map((s) => `“${s.name}”`).join('、')}，可指定工作表）`
        : `读取工作表“${roster.name}”`,
    );
  }
  let records: LoadedSheet | undefined;
  if (recordsPath !== undefined) {
    const rs = await readSpreadsheetFile(recordsPath);
    records =
      rs.find((s) => isRecordsSheet(s.name)) ??
      rs.find((s) => readRecords(s.grid, { sheetName: s.name, firstRow: s.firstRow }).headerRow > 0);
    if (!records) {
      throw fail(
        recordsPath,
        '找不到培训记录表头（需要“身份证号”和“形式”等列）',
        'no training-record header found (columns 身份证号, 形式, … are needed)',
      );
    }
  } else {
    const own = sheets.find((s) => s !== roster && isRecordsSheet(s.name));
    records = own === undefined ? undefined : whole(own);
  }
  const out: { roster: S; records?: LoadedSheet; sheetIndex: number; notices: string[] } = { roster, sheetIndex: sheets.indexOf(roster) + 1, notices };
  if (records) out.records = records;
  return out;
}

/** A roster read as loadRosterInput + readRoster read it, with the roster sheet's rows read as they were scanned. */
export interface RosterLoaded {
  /** the roster sheet (its grid is not kept) */
  roster: Pick<LoadedSheet, 'name' | 'firstRow' | 'merges' | 'hiddenColumns'>;
  /** readRoster of the roster sheet, with readOptionsFor(roster, options.reviewYear) */
  read: RosterRead;
  records?: LoadedSheet;
  sheetName: string;
  sheetIndex: number;
  notices: string[];
  /** whether the roster's rows were streamed from the sheet XML (false: read from a whole grid) */
  streamed: boolean;
}

/** Rows of each sheet read to pick the roster: the rows the header is looked for in, and a sub-header row under them. */
const PREVIEW_ROWS = HEADER_SCAN_ROWS + 1;

/**
 * loadRosterInput and readRoster of its roster sheet in one, without the
 * roster's grid: for an .xlsx the lean reader can stream, each sheet's first
 * rows pick the roster (the same choices, notices and errors as
 * loadRosterInput) and the roster's rows go from the sheet XML into
 * readRosterRows one at a time (issue #15: a 100k-row roster was a grid of
 * millions of values, then read again). Any other file (CSV, .xls, a shape the
 * lean reader leaves to SheetJS, a file that cannot be read) takes the grid
 * path, and gives the same result.
 */
export async function loadAndReadRoster(rosterPath: string, recordsPath?: string, options: LoadOptions = {}): Promise<RosterLoaded> {
  const bytes = await readBytes(rosterPath);
  const lean = streamable(bytes);
  if (lean) {
    try {
      return await streamRoster(rosterPath, lean, recordsPath, options);
    } catch (e) {
      if (!(e instanceof LeanUnsupported)) throw e; // a shape found in a later row: read the file the other way
    }
  }
  const sheets = readSpreadsheetBytes(bytes, rosterPath);
  const picked = await pickInput(rosterPath, sheets, recordsPath, options, (s) => s);
  const { roster } = picked;
  return loaded(roster, readRoster(roster.grid, readOptionsFor(roster, options.reviewYear)), picked, false);
}

function loaded(roster: LoadedSheet | LeanSheet, read: RosterRead, picked: { records?: LoadedSheet; sheetIndex: number; notices: string[] }, streamed: boolean): RosterLoaded {
  const out: RosterLoaded = {
    roster: { name: roster.name, firstRow: roster.firstRow, merges: roster.merges, hiddenColumns: roster.hiddenColumns },
    read,
    sheetName: roster.name,
    sheetIndex: picked.sheetIndex,
    notices: picked.notices,
    streamed,
  };
  if (picked.records) out.records = picked.records;
  return out;
}

/** The sheets of an .xlsx the lean reader reads, unread; undefined for anything readSpreadsheetBytes must judge. */
function streamable(bytes: Uint8Array): LeanSheet[] | undefined {
  if (bytes.length === 0 || !startsWith(bytes, ZIP)) return undefined;
  const zip = unzipChecked(bytes);
  if (zip.kind !== 'ok' || !zip.entries.has('xl/workbook.xml')) return undefined;
  return openWorkbookLean(zip.entries);
}

async function streamRoster(rosterPath: string, sheets: LeanSheet[], recordsPath: string | undefined, options: LoadOptions): Promise<RosterLoaded> {
  const looks = sheets.map((lean) => ({ name: lean.name, grid: firstRows(lean.rows(), PREVIEW_ROWS), firstRow: lean.firstRow, merges: lean.merges, lean }));
  // readSpreadsheetBytes refuses a workbook whose sheets are all empty: leave that to it
  if (looks.every((l) => l.grid.length === 0)) throw new LeanUnsupported('no data');
  const picked = await pickInput(rosterPath, looks, recordsPath, options, (s) => s.lean.load());
  const roster = picked.roster.lean;
  return loaded(roster, readRosterRows(roster.rows(), readOptionsFor(roster, options.reviewYear)), picked, true);
}

function firstRows(rows: Iterable<Grid[number]>, n: number): Grid {
  const out: Grid = [];
  if (n <= 0) return out;
  for (const row of rows) {
    out.push(row);
    if (out.length >= n) break;
  }
  return out;
}

/** A text file read as one sheet named after the file: no sheet to name in messages. */
function isCsvFile(path: string, sheets: readonly { name: string }[]): boolean {
  return sheets.length === 1 && sheets[0]!.name === basename(path) && !SPREADSHEET_EXT.has(extname(path).toLowerCase());
}

/**
 * The ReadOptions for reading a loaded sheet: its name, first row, merged
 * areas, and the review year. Use with readRoster / readRecords.
 */
export function readOptionsFor(sheet: Pick<LoadedSheet, 'name' | 'firstRow' | 'merges'>, reviewYear?: number): ReadOptions {
  const o: ReadOptions = { sheetName: sheet.name, firstRow: sheet.firstRow, merges: sheet.merges };
  if (reviewYear !== undefined) o.reviewYear = reviewYear;
  return o;
}

function pickRosterSheet<S extends SheetLook>(path: string, sheets: S[], options: LoadOptions): S {
  const names = sheets.map((s) => `“${s.name}”`).join('、');
  if (options.sheet !== undefined) {
    const want = options.sheet;
    const byName = (n: string) => n.normalize('NFKC').trim();
    const asIndex = typeof want === 'number' ? want : /^\d+$/.test(want.trim()) ? Number(want.trim()) : undefined;
    const s =
      (typeof want === 'string' ? sheets.find((x) => byName(x.name) === byName(want)) : undefined) ??
      (asIndex !== undefined && asIndex >= 1 && asIndex <= sheets.length ? sheets[asIndex - 1] : undefined);
    if (!s) throw fail(path, `没有工作表“${want}”（工作簿中的工作表：${names}）`, `no sheet "${want}" (sheets: ${sheets.map((x) => x.name).join(', ')})`);
    if (!findHeader(s.grid, 'roster')) {
      throw fail(path, `工作表“${s.name}”中找不到花名册表头（需要一列名为“身份证号”的列，位于前30行内）`, `no roster header in sheet "${s.name}" (a column named 身份证号 is needed within the first 30 rows)`);
    }
    return s;
  }
  const candidates = sheets.filter((s) => !isRecordsSheet(s.name) && findHeader(s.grid, 'roster'));
  if (candidates.length === 0) {
    throw fail(path, '找不到花名册表头（需要一列名为“身份证号”的列，位于前30行内）', 'no roster header found (a column named 身份证号 is needed within the first 30 rows)');
  }
  const y = options.reviewYear;
  const carriesYear = (s: S) => {
    if (y === undefined) return false;
    if (namedYear(s.name, true) === y) return true;
    const h = findHeader(s.grid, 'roster');
    return h !== undefined && titleText(s.grid, h.rowIndex).split('\n').some((line) => namedYear(line) === y);
  };
  return candidates.find(carriesYear) ?? candidates[0]!;
}
