/**
 * The lean .xlsx reader: the sheet XML of the shapes rosters take, scanned
 * once with indexOf, from entries already inflated by `unzipChecked` (so the
 * file is decompressed once). It gives exactly the grid `readWorkbookSheetJS`
 * gives (lean.test.ts compares the two on every .xlsx in the repository and on
 * a workbook with every cell type) and is several times faster on large
 * sheets, because SheetJS builds a cell object per cell and splits the sheet
 * XML with regular expressions several times over.
 *
 * What it does not handle it does not guess: it returns undefined and the
 * caller reads the file with SheetJS (prefixed XML namespaces, chart sheets,
 * ISO date cells, shared formulas without a cached value, a shared string
 * index out of range, a sheet whose cells are not in row order).
 */
import * as XLSX from '@e965/xlsx';
import type { Cell, Grid, MergedArea } from '@ce/roster';
import type { LoadedSheet } from './sheetjs.js';
import { EXCEL_ERRORS, hasValue, serialToUtcDate, trimGrid } from './cell-values.js';

/** SheetJS's built-in number formats, before any workbook loads its own into its global table. */
const BUILTIN_FORMATS: Record<number, string> = { ...(XLSX.SSF.get_table() as Record<number, string>) };

/** Thrown inside the reader for a shape it leaves to SheetJS. */
export class LeanUnsupported extends Error {}

const utf8 = new TextDecoder('utf-8');
const text = (b: Uint8Array | undefined) => (b === undefined ? undefined : utf8.decode(b));

const ENTITIES: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };
/** XML entities, `_xHHHH_` escapes and CRLF as SheetJS's unescapexml(…, true) decodes them. */
function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0 && s.indexOf('\r') < 0) return s;
  if (s.includes('<![CDATA[')) throw new LeanUnsupported('CDATA');
  return s
    .replace(/&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi, (m, code: string | undefined) =>
      ENTITIES[m] ?? (String.fromCharCode(parseInt(code ?? '', m.includes('x') ? 16 : 10)) || m),
    )
    .replace(/_x([\da-fA-F]{4})_/gi, (_m, c: string) => String.fromCharCode(parseInt(c, 16)))
    .replace(/\r\n/g, '\n');
}

/** The value of attribute `name` in a start tag's text (either quote), or undefined. */
function attr(tag: string, name: string): string | undefined {
  let i = tag.indexOf(name + '=');
  while (i > 0) {
    const before = tag.charCodeAt(i - 1);
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      const q = tag[i + name.length + 1] ?? '"';
      const end = tag.indexOf(q, i + name.length + 2);
      return tag.slice(i + name.length + 2, end);
    }
    i = tag.indexOf(name + '=', i + 1);
  }
  return undefined;
}

const xmlBool = (v: string | undefined) => v === '1' || v === 'true';

/** "AB12" → [row 11, column 27] (0-based). */
function decodeRef(ref: string): [number, number] {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 64;
    if (d < 1 || d > 26) break;
    c = c * 26 + d;
  }
  return [parseInt(ref.slice(i), 10) - 1, c - 1];
}

function decodeRange(ref: string): MergedArea {
  const [a = '', b = a] = ref.split(':');
  const [sr, sc] = decodeRef(a);
  const [er, ec] = decodeRef(b);
  return { s: { r: sr, c: sc }, e: { r: er, c: ec } };
}

/** The text of a string item (<si> or <is>) as SheetJS's parse_si reads it: phonetic runs dropped. */
function stringItem(x: string): string {
  if (x === '') return '';
  if (/^\s*<t[\s>]/.test(x)) return unescapeXml(x.slice(x.indexOf('>') + 1).split('</t>')[0] ?? '');
  if (/<r[\s>]/.test(x)) {
    const runs = x.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').match(/<t\b[^<>]*>([^<]*)<\/t>/g) ?? [];
    return unescapeXml(runs.join('').replace(/<[^>]*>/g, ''));
  }
  if (/^\s*<t\/>/.test(x)) return '';
  throw new LeanUnsupported('string item');
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  if (/<\w+:sst\b/.test(xml)) throw new LeanUnsupported('prefixed sst');
  const out: string[] = [];
  let p = 0;
  for (;;) {
    const i = xml.indexOf('<si', p);
    if (i < 0) break;
    const open = xml.indexOf('>', i);
    if (xml[open - 1] === '/') {
      out.push('');
      p = open + 1;
      continue;
    }
    const end = xml.indexOf('</si>', open);
    out.push(stringItem(xml.slice(open + 1, end).trim()));
    p = end + 5;
  }
  return out;
}

/** For each cellXfs index: whether SheetJS would read its numbers as dates. */
function dateStyles(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  const formats: Record<number, string> = { ...BUILTIN_FORMATS };
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = parseInt(attr(m[0], 'numFmtId') ?? '', 10);
    const code = attr(m[0], 'formatCode');
    if (id > 0 && code !== undefined) formats[id] = unescapeXml(code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const cache = new Map<number, boolean>();
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b[^>]*>/g)) {
    const id = parseInt(attr(m[0], 'numFmtId') ?? '0', 10) || 0;
    let isDate = cache.get(id);
    if (isDate === undefined) {
      const f = formats[id];
      isDate = f !== undefined && XLSX.SSF.is_date(f) === true;
      cache.set(id, isDate);
    }
    out.push(isDate);
  }
  return out;
}

/** The Excel errors SheetJS knows (RBErr); any other error text reads as no value. */
const ERRORS: ReadonlySet<string> = new Set(Object.values(EXCEL_ERRORS));

interface Context {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

/** A cell's value, as readWorkbookSheetJS's sheetjsValue gives it. */
function cellValue(t: string | undefined, s: string | undefined, body: string, ctx: Context): Cell {
  let v: string | undefined;
  const vi = body.indexOf('<v');
  if (vi >= 0) {
    const open = body.indexOf('>', vi);
    if (body[open - 1] !== '/') {
      const raw = body.slice(open + 1, body.indexOf('</v>', open));
      if (raw !== '') v = unescapeXml(raw);
    }
  }
  const fi = body.indexOf('<f');
  let f: string | undefined;
  if (fi >= 0 && v === undefined) f = formulaText(body, fi);
  switch (t) {
    case undefined:
    case 'n': {
      // SheetJS sets an uncached formula to 0, then its `v == ""` test makes it a stub
      if (v === undefined) return f !== undefined ? `=${f}` : null;
      const n = parseFloat(v);
      return s !== undefined && ctx.dates[parseInt(s, 10)] === true ? serialToUtcDate(n, ctx.date1904) : n;
    }
    case 's': {
      if (v === undefined) return f !== undefined ? `=${f}` : null;
      const str = ctx.strings[parseInt(v, 10)];
      if (str === undefined) throw new LeanUnsupported('shared string index');
      return str;
    }
    case 'str':
      return v === undefined ? '' : unescapeXml(v);
    case 'inlineStr': {
      const i = body.indexOf('<is>');
      return i < 0 ? '' : stringItem(body.slice(i + 4, body.indexOf('</is>', i)));
    }
    case 'b':
      return xmlBool(v);
    case 'e':
      if (v !== undefined && ERRORS.has(v)) return v;
      return f !== undefined ? `=${f}` : null;
    default:
      throw new LeanUnsupported(`cell type ${t}`);
  }
}

/** The text of a formula without a cached value; a shared formula's child is left to SheetJS. */
function formulaText(body: string, fi: number): string | undefined {
  const open = body.indexOf('>', fi);
  const tag = body.slice(fi, open);
  if (!/^<f[\s/>]/.test(body.slice(fi, fi + 3))) return undefined;
  if (body[open - 1] === '/' || body.startsWith('</f>', open + 1)) {
    if (tag.includes('t="shared"')) throw new LeanUnsupported('shared formula');
    return undefined;
  }
  const f = unescapeXml(body.slice(open + 1, body.indexOf('</f>', open)));
  if (tag.includes('t="array"')) throw new LeanUnsupported('array formula');
  return f.replace(/_xlfn\./gi, '');
}

interface Bounds {
  sr: number;
  sc: number;
  er: number;
  ec: number;
}

/** What a worksheet's XML says outside its rows, and where the rows lie (`from`–`to`). */
interface SheetLayout {
  /** the <dimension>, when it names a usable area */
  dim?: Bounds;
  hiddenColumns: number[];
  merges: MergedArea[];
  from: number;
  to: number;
}

function sheetLayout(xml: string): SheetLayout {
  // (the regular expression over a 40 MB sheet cost ~0.1 s; it runs only when a prefixed name may be there)
  if ((xml.includes(':worksheet') || xml.includes(':sheetData') || xml.includes(':row')) && /<\w+:(worksheet|sheetData|row)\b/.test(xml)) {
    throw new LeanUnsupported('prefixed worksheet');
  }
  const sd = xml.indexOf('<sheetData');
  const head = sd < 0 ? xml : xml.slice(0, sd);
  let dim: Bounds | undefined;
  const dimTag = /<dimension\b[^>]*>/.exec(head)?.[0];
  if (dimTag) {
    const ref = attr(dimTag, 'ref');
    if (ref !== undefined && /^\w*:\w*$/.test(ref)) {
      const a = decodeRange(ref);
      if (a.s.r <= a.e.r && a.s.c <= a.e.c && a.s.r >= 0 && a.s.c >= 0) dim = { sr: a.s.r, sc: a.s.c, er: a.e.r, ec: a.e.c };
    }
  }
  const hiddenColumns: number[] = [];
  for (const m of head.matchAll(/<col\b[^<>]*>/g)) {
    if (!xmlBool(attr(m[0], 'hidden'))) continue;
    const lo = parseInt(attr(m[0], 'min') ?? '', 10) - 1;
    const hi = parseInt(attr(m[0], 'max') ?? '', 10) - 1;
    if (!(lo >= 0 && hi >= lo)) throw new LeanUnsupported('col range');
    for (let c = lo; c <= hi; c++) if (!hiddenColumns.includes(c)) hiddenColumns.push(c);
  }
  hiddenColumns.sort((a, b) => a - b);
  let from = 0;
  let to = 0;
  let tail = xml;
  if (sd >= 0) {
    const open = xml.indexOf('>', sd);
    to = xml[open - 1] === '/' ? open : xml.indexOf('</sheetData>', open);
    from = open + 1;
    tail = xml.slice(to);
  }
  const merges: MergedArea[] = [];
  for (const m of tail.matchAll(/<mergeCell ref=["']([A-Z0-9:]+)['"]\s*\/?>/g)) merges.push(decodeRange(m[1] ?? ''));
  const out: SheetLayout = { hiddenColumns, merges, from, to };
  if (dim) out.dim = dim;
  return out;
}

/** One worksheet's XML → LoadedSheet, as readWorkbookSheetJS gives it. */
function readSheet(name: string, xml: string, ctx: Context): LoadedSheet {
  const { dim, hiddenColumns, merges, from, to } = sheetLayout(xml);
  const rows: Cell[][] = [];
  const hiddenRows: number[] = [];
  const guess: Bounds = { sr: 2_000_000, sc: 2_000_000, er: 0, ec: 0 };
  const s = new RowScanner(xml, from, to, ctx);
  while (s.nextRow()) {
    const rIdx = s.rIdx;
    if (s.hidden) hiddenRows.push(rIdx);
    if (guess.sr > rIdx) guess.sr = rIdx;
    if (guess.er < rIdx) guess.er = rIdx;
    if (s.hasCells) s.readCells((rows[rIdx] ??= []), guess);
  }
  const range = dim ?? (guess.ec >= guess.sc && guess.er >= guess.sr ? guess : undefined);
  if (!range) return { name, grid: [], firstRow: 1, merges: [], hiddenRows: [], hiddenColumns: [] };
  const grid: Grid = [];
  for (let r = range.sr; r <= range.er; r++) {
    const src = rows[r];
    grid.push(src === undefined ? [] : src.length > range.ec + 1 ? src.slice(0, range.ec + 1) : src);
  }
  return { name, grid: trimGrid(grid), firstRow: range.sr + 1, merges, hiddenRows, hiddenColumns };
}

/**
 * The <row> elements between `from` and `to`, one at a time: `nextRow` reads
 * a row's tag, `readCells` its cells. The grid reader and the row stream share it.
 */
class RowScanner {
  private p: number;
  private rowNo = 0;
  private cellsFrom = 0;
  private cellsTo = 0;
  /** 0-based sheet row of the current row */
  rIdx = -1;
  hidden = false;
  /** false for a self-closing <row/> */
  hasCells = false;

  constructor(
    private readonly xml: string,
    from: number,
    private readonly to: number,
    private readonly ctx: Context,
  ) {
    this.p = from;
  }

  /** Moves to the next <row>; false when there is none before `to`. */
  nextRow(): boolean {
    const xml = this.xml;
    const ri = xml.indexOf('<row', this.p);
    if (ri < 0 || ri >= this.to) return false;
    const rOpen = xml.indexOf('>', ri);
    const rowTag = xml.slice(ri, rOpen);
    const r = attr(rowTag, 'r');
    this.rowNo = r !== undefined ? parseInt(r, 10) : this.rowNo + 1;
    this.rIdx = this.rowNo - 1;
    this.hidden = xmlBool(attr(rowTag, 'hidden'));
    this.hasCells = xml[rOpen - 1] !== '/';
    if (!this.hasCells) {
      this.p = rOpen + 1;
      return true;
    }
    const rEnd = xml.indexOf('</row>', rOpen);
    if (rEnd < 0) throw new LeanUnsupported('unclosed row'); // (it used to loop forever)
    this.cellsFrom = rOpen + 1;
    this.cellsTo = rEnd;
    this.p = rEnd + 6;
    return true;
  }

  /** The current row's cells into `row` (index = column); `guess` widens to the columns seen. */
  readCells(row: Cell[], guess?: Bounds): void {
    const { xml, ctx, rIdx } = this;
    const rEnd = this.cellsTo;
    const tag = this.tag;
    let col = -1;
    let c = this.cellsFrom;
    for (;;) {
      const ci = xml.indexOf('<c', c);
      if (ci < 0 || ci >= rEnd) break;
      const next = xml.charCodeAt(ci + 2);
      if (next !== 32 && next !== 62 && next !== 47) {
        c = ci + 2;
        continue;
      }
      const cOpen = xml.indexOf('>', ci);
      cellTag(xml, ci + 2, cOpen, tag);
      let at = rIdx;
      if (tag.rS >= 0) {
        // "AB12" read in place: letters are the column, digits the row
        let k = tag.rS;
        let cc = 0;
        for (; k < tag.rE; k++) {
          const d = xml.charCodeAt(k) - 64;
          if (d < 1 || d > 26) break;
          cc = cc * 26 + d;
        }
        const n = digits(xml, k, tag.rE, true);
        at = n < 0 ? NaN : n - 1;
        col = cc - 1;
      } else col++;
      if (at !== rIdx) throw new LeanUnsupported('cell outside its row');
      let value: Cell | typeof SLOW = SLOW;
      if (xml.charCodeAt(cOpen - 1) === 47) c = cOpen + 1;
      else if (xml.startsWith('<v>', cOpen + 1)) {
        const vS = cOpen + 4;
        const vE = xml.indexOf('</v>', vS);
        if (vE > vS && xml.startsWith('</c>', vE + 4)) {
          value = plainValue(xml, vS, vE, tag, ctx);
          c = vE + 8;
        }
      }
      if (value === SLOW) {
        // every other shape: the cell's body as cellValue reads it
        let body = '';
        if (xml.charCodeAt(cOpen - 1) !== 47) {
          const cEnd = xml.indexOf('</c>', cOpen);
          body = xml.slice(cOpen + 1, cEnd);
          c = cEnd + 4;
        }
        value = cellValue(tag.tS >= 0 ? xml.slice(tag.tS, tag.tE) : undefined, tag.sS >= 0 ? xml.slice(tag.sS, tag.sE) : undefined, body, ctx);
      }
      if (guess) {
        if (guess.sc > col) guess.sc = col;
        if (guess.ec < col) guess.ec = col;
      }
      while (row.length < col) row.push(null);
      row[col] = value;
    }
  }

  private readonly tag: CellTag = { rS: -1, rE: -1, tS: -1, tE: -1, sS: -1, sE: -1 };
}

/** Where a cell tag's r, t and s values lie in the XML (start, end; -1 when absent). */
interface CellTag {
  rS: number;
  rE: number;
  tS: number;
  tE: number;
  sS: number;
  sE: number;
}

const isSpace = (ch: number) => ch === 32 || ch === 9 || ch === 10 || ch === 13;

/**
 * The attributes of a <c> tag between `from` and `to` (its '>'), read in
 * place: no slice per attribute. A tag not written as name="value" pairs is
 * left to SheetJS.
 */
function cellTag(xml: string, from: number, to: number, out: CellTag): void {
  out.rS = out.tS = out.sS = -1;
  let i = from;
  while (i < to) {
    const ch = xml.charCodeAt(i);
    if (isSpace(ch) || (ch === 47 && i === to - 1)) {
      i++;
      continue;
    }
    const nS = i;
    while (i < to && xml.charCodeAt(i) !== 61 && !isSpace(xml.charCodeAt(i))) i++;
    const q = xml.charCodeAt(i + 1);
    if (xml.charCodeAt(i) !== 61 || (q !== 34 && q !== 39)) throw new LeanUnsupported('cell attributes');
    const vS = i + 2;
    const vE = xml.indexOf(q === 34 ? '"' : "'", vS);
    if (vE < 0 || vE >= to) throw new LeanUnsupported('cell attributes');
    if (i - nS === 1) {
      const n = xml.charCodeAt(nS);
      // the first of a repeated attribute, as attr() reads it
      if (n === 114 && out.rS < 0) {
        out.rS = vS;
        out.rE = vE;
      } else if (n === 116 && out.tS < 0) {
        out.tS = vS;
        out.tE = vE;
      } else if (n === 115 && out.sS < 0) {
        out.sS = vS;
        out.sE = vE;
      }
    }
    i = vE + 1;
  }
}

/** The whole number written in xml[from, to) (digits only; `lead`: digits from `from`, anything after), or -1. */
function digits(xml: string, from: number, to: number, lead = false): number {
  let n = 0;
  let i = from;
  for (; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  if (i === from || (!lead && i < to) || i - from > 15) return -1;
  return n;
}

const SLOW = Symbol('not a plain cell');

/**
 * A cell written `<c …><v>raw</v></c>` whose value needs no unescaping: a
 * number, a shared string, a formula string result, read without slicing
 * the body. Anything else is SLOW (cellValue reads it). Gives what cellValue
 * gives.
 */
function plainValue(xml: string, vS: number, vE: number, tag: CellTag, ctx: Context): Cell | typeof SLOW {
  const tLen = tag.tE - tag.tS;
  const t = tag.tS < 0 ? 0 : xml.charCodeAt(tag.tS);
  if (tag.tS < 0 || (tLen === 1 && t === 110)) {
    // a number: digits read in place; other numerals (38.75, 1E-3, -2) by parseFloat, which cellValue uses
    let n = digits(xml, vS, vE);
    if (n < 0) {
      for (let i = vS; i < vE; i++) {
        const ch = xml.charCodeAt(i);
        if (!((ch >= 48 && ch <= 57) || ch === 46 || ch === 43 || ch === 45 || ch === 69 || ch === 101)) return SLOW;
      }
      n = parseFloat(xml.slice(vS, vE));
    }
    if (tag.sS < 0) return n;
    const style = digits(xml, tag.sS, tag.sE);
    if (style < 0) return SLOW;
    return ctx.dates[style] === true ? serialToUtcDate(n, ctx.date1904) : n;
  }
  if (tLen === 1 && t === 115) {
    const i = digits(xml, vS, vE);
    if (i < 0) return SLOW;
    const str = ctx.strings[i];
    if (str === undefined) throw new LeanUnsupported('shared string index');
    return str;
  }
  if (tLen === 3 && xml.startsWith('str', tag.tS)) {
    const raw = xml.slice(vS, vE);
    return raw.indexOf('&') < 0 && raw.indexOf('_x') < 0 && raw.indexOf('\r') < 0 ? raw : SLOW;
  }
  return SLOW;
}

/**
 * A sheet's grid rows, one at a time: exactly the rows of the grid
 * `readWorkbookLean` gives (grid[0] first, gaps as [], trailing blank rows
 * dropped), without keeping them. Needs the sheet's <dimension> and rows in
 * order; otherwise it yields the rows of the whole grid, read first.
 */
function* sheetRows(name: string, xml: string, layout: SheetLayout, ctx: Context): Generator<Cell[], void, undefined> {
  const dim = layout.dim;
  if (!dim) {
    yield* readSheet(name, xml, ctx).grid;
    return;
  }
  const s = new RowScanner(xml, layout.from, layout.to, ctx);
  const held: Cell[][] = []; // blank rows, yielded only when a row with a value follows (trailing ones are not grid rows)
  let next = dim.sr; // the sheet row the next grid row is
  let prev = -1;
  while (s.nextRow()) {
    const r = s.rIdx;
    if (r <= prev) throw new LeanUnsupported('rows out of order'); // the grid reader merges them; a stream cannot
    prev = r;
    if (r < dim.sr || r > dim.er) continue; // outside the dimension: not in the grid
    let row: Cell[] = [];
    if (s.hasCells) s.readCells(row);
    if (row.length > dim.ec + 1) row = row.slice(0, dim.ec + 1);
    for (; next < r; next++) held.push([]);
    next = r + 1;
    if (!hasValue(row)) {
      held.push(row);
      continue;
    }
    if (held.length > 0) {
      yield* held;
      held.length = 0;
    }
    yield row;
  }
}

/** Resolve a relationship target (relative to xl/, or absolute) to a zip entry name. */
function entryName(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * One sheet of a workbook the lean reader reads, not yet read: its rows can
 * be streamed (`rows`) or the whole sheet loaded (`load`, the grid
 * readWorkbookLean gives). Both throw LeanUnsupported for a shape left to
 * SheetJS (found only when the rows are read).
 */
export interface LeanSheet {
  name: string;
  /** 1-based sheet row of the first grid row */
  firstRow: number;
  /** merged areas, as LoadedSheet.merges */
  merges: MergedArea[];
  hiddenColumns: number[];
  /** the grid rows from the top, each call afresh; exactly the rows of load().grid */
  rows(): Iterable<Cell[]>;
  load(): LoadedSheet;
}

function leanSheet(name: string, xml: string, ctx: Context): LeanSheet {
  const layout = sheetLayout(xml);
  if (!layout.dim) {
    // no dimension: the first row and the columns are known only once every row is read
    const sheet = readSheet(name, xml, ctx);
    return { name, firstRow: sheet.firstRow, merges: sheet.merges, hiddenColumns: sheet.hiddenColumns, rows: () => sheet.grid, load: () => sheet };
  }
  return {
    name,
    firstRow: layout.dim.sr + 1,
    merges: layout.merges,
    hiddenColumns: layout.hiddenColumns,
    rows: () => sheetRows(name, xml, layout, ctx),
    load: () => readSheet(name, xml, ctx),
  };
}

/**
 * The sheets of an .xlsx/.xlsm from its inflated zip entries, unread, or
 * undefined when the workbook has a shape this reader leaves to SheetJS.
 * Shared strings and styles are read here; each sheet's rows when asked for.
 */
export function openWorkbookLean(entries: Map<string, Uint8Array>): LeanSheet[] | undefined {
  try {
    const wb = text(entries.get('xl/workbook.xml'));
    const rels = text(entries.get('xl/_rels/workbook.xml.rels'));
    if (wb === undefined || rels === undefined || /<\w+:workbook\b/.test(wb)) return undefined;
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(m[0], 'Id');
      const type = attr(m[0], 'Type') ?? '';
      const target = attr(m[0], 'Target');
      if (id !== undefined && target !== undefined && /\/worksheet$/.test(type)) targets.set(id, entryName(target));
    }
    const prOpen = /<workbookPr\b[^>]*>/.exec(wb)?.[0];
    const ctx: Context = {
      strings: sharedStrings(text(entries.get('xl/sharedStrings.xml'))),
      dates: dateStyles(text(entries.get('xl/styles.xml'))),
      date1904: prOpen !== undefined && xmlBool(attr(prOpen, 'date1904')),
    };
    const out: LeanSheet[] = [];
    for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
      const name = unescapeXml(attr(m[0], 'name') ?? '');
      const target = targets.get(attr(m[0], 'r:id') ?? '');
      const xml = target === undefined ? undefined : text(entries.get(target));
      if (xml === undefined) return undefined; // a chart sheet, or a sheet whose part is missing
      out.push(leanSheet(name, xml, ctx));
    }
    return out.length > 0 ? out : undefined;
  } catch (e) {
    if (e instanceof LeanUnsupported) return undefined;
    throw e;
  }
}

/**
 * Every sheet of an .xlsx/.xlsm from its inflated zip entries, or undefined
 * when the workbook has a shape this reader leaves to SheetJS.
 */
export function readWorkbookLean(entries: Map<string, Uint8Array>): LoadedSheet[] | undefined {
  try {
    return openWorkbookLean(entries)?.map((s) => s.load());
  } catch (e) {
    if (e instanceof LeanUnsupported) return undefined;
    throw e;
  }
}
