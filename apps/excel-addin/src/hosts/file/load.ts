/**
 * The clerk's file (bytes in the browser) → an in-memory workbook for the file host.
 *
 * Grids follow the conventions of packages/files (SheetJS reader), so the page reads a
 * roster exactly as the `ce-report` CLI does: numbers as numbers, text as strings,
 * date-formatted cells as Date at UTC midnight, formula cells as their cached result
 * (`=FORMULA` text when none is cached), error cells as their text, column 0 = column A.
 * Workbooks are read by `@ce/files/sheetjs`, the Node-free SheetJS reader the CLI uses too.
 */
import type { Grid } from '@ce/roster';
// the one CSV reader, its Node-free half (the page has no Buffer); GB18030 through the browser's TextDecoder
import { decodeCsvBytes, parseCsv } from '@ce/files/text';
import { readWorkbookSheetJS } from '@ce/files/sheetjs';

export interface Rect {
  /** 0-based sheet row / column of the top-left cell */
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export interface FileSheet {
  /** stable id for the session (the sheet's position) */
  id: string;
  name: string;
  /** column 0 is column A; grid[0] is sheet row firstRow */
  grid: Grid;
  firstRow: number;
  merges: Rect[];
  /** 0-based sheet rows / columns the clerk hid */
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
}

export type FileKind = 'xlsx' | 'xls' | 'csv';

export interface FileBook {
  fileName: string;
  kind: FileKind;
  /** the original bytes: the annotated download is built from them */
  bytes: Uint8Array;
  sheets: FileSheet[];
}

export class FileReadError extends Error {
  constructor(fileName: string, why: string) {
    super(`无法读取文件 ${fileName}：${why}`);
    this.name = 'FileReadError';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[]): boolean => sig.every((x, i) => b[i] === x);

/**
 * A cheap structural check that a zip is whole (End Of Central Directory present and
 * every directory entry's local header inside the file). SheetJS can loop forever on
 * a truncated .xlsx; the Node reader also inflates each entry, which the page skips.
 */
export function zipLooksWhole(b: Uint8Array): boolean {
  const u16 = (o: number): number => b[o]! | (b[o + 1]! << 8);
  const u32 = (o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
  let eocd = -1;
  for (let i = b.length - 22, stop = Math.max(0, b.length - 22 - 0xffff); i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  const count = u16(eocd + 10);
  let p = u32(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) return true; // zip64: leave it to the reader
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || u32(p) !== 0x02014b50) return false;
    const local = u32(p + 42);
    const csize = u32(p + 20);
    if (local + 30 > b.length || u32(local) !== 0x04034b50) return false;
    if (local + 30 + u16(local + 26) + u16(local + 28) + csize > b.length) return false;
    p += 46 + u16(p + 28) + u16(p + 30) + u16(p + 32);
  }
  return true;
}

/** The sheets as the CLI reads them (one SheetJS reader for both), in this host's shape. */
function readWorkbookSheets(bytes: Uint8Array): FileSheet[] {
  return readWorkbookSheetJS(bytes).map((s, i): FileSheet => ({
    id: String(i),
    name: s.name,
    grid: s.grid,
    firstRow: s.firstRow,
    merges: s.merges.map((m) => ({ r0: m.s.r, c0: m.s.c, rows: m.e.r - m.s.r + 1, cols: m.e.c - m.s.c + 1 })),
    hiddenRows: new Set(s.hiddenRows),
    hiddenCols: new Set(s.hiddenColumns),
  }));
}

function extOf(name: string): string {
  const m = /\.([^.]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** Reads .xlsx/.xlsm, .xls and .csv (UTF-8, UTF-16 with BOM, GB18030); throws FileReadError with the reason in Chinese. */
export function loadFileBook(fileName: string, bytes: Uint8Array): FileBook {
  if (bytes.length === 0) throw new FileReadError(fileName, '文件为空');
  const ext = extOf(fileName);
  const isZip = startsWith(bytes, ZIP);
  const isOle = startsWith(bytes, OLE);
  if (isZip || isOle || ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') {
    if (!isZip && !isOle) throw new FileReadError(fileName, '文件已损坏或不是有效的 Excel 文件');
    if (isZip && !zipLooksWhole(bytes)) throw new FileReadError(fileName, '文件已损坏或不完整（可能未下载完整）');
    let sheets: FileSheet[];
    try {
      sheets = readWorkbookSheets(bytes);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/password|encrypt/i.test(msg)) throw new FileReadError(fileName, '文件已加密，请先取消密码保护');
      throw new FileReadError(fileName, `文件已损坏或不完整（${msg}）`);
    }
    if (sheets.every((s) => s.grid.length === 0)) throw new FileReadError(fileName, '文件中没有数据');
    return { fileName, kind: isZip ? 'xlsx' : 'xls', bytes, sheets };
  }
  if (ext !== 'csv' && ext !== 'txt' && ext !== 'tsv') throw new FileReadError(fileName, `不支持的文件类型 .${ext}（支持 .xlsx、.xls、.csv）`);
  const text = decodeCsvBytes(bytes);
  if (text.includes('\u0000')) throw new FileReadError(fileName, '不是文本文件（含有二进制内容）');
  const grid = parseCsv(text);
  if (grid.length === 0) throw new FileReadError(fileName, '文件中没有数据');
  const name = fileName.replace(/\.[^.]+$/, '').slice(0, 31) || 'Sheet1';
  return { fileName, kind: 'csv', bytes, sheets: [{ id: '0', name, grid, firstRow: 1, merges: [], hiddenRows: new Set(), hiddenCols: new Set() }] };
}
