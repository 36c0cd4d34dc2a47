/**
 * The file host's sheet: the in-memory sheet shown as an HTML table, the annotation
 * columns (with their status colours) after the roster's own columns. Row elements
 * carry `data-sheet-row` (every sheet row) and, on annotated person rows,
 * `data-row` + `data-status` (the offline page contract in ROSTER.md).
 */
import type { Cell } from '@ce/roster';
import { columnLetter } from '@ce/roster';
import type { SheetAnnotation } from './export.js';
import type { FileSheet } from './load.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** What the cell shows: dates as YYYY-MM-DD (UTC parts, as the reader reads them). */
export function cellText(v: Cell | unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const d = `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
    const t = v.getUTCHours() || v.getUTCMinutes() ? ` ${pad2(v.getUTCHours())}:${pad2(v.getUTCMinutes())}` : '';
    return d + t;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** 0-based sheet rows [from, to) to draw; rows outside are one spacer row each side */
export interface RowWindow {
  from: number;
  to: number;
  /** px height of one drawn row (measured), for the spacers */
  rowHeight: number;
}

/** above this many cells the table draws only the rows in view (layout of every cell takes seconds) */
export const FULL_RENDER_CELLS = 60_000;

type Merge = { r0: number; c0: number; rows: number; cols: number };

/** Each merged cell → its merge. */
function mergeIndex(sheet: FileSheet): Map<string, Merge> {
  const m = new Map<string, Merge>();
  for (const g of sheet.merges) for (let r = g.r0; r < g.r0 + g.rows; r++) for (let c = g.c0; c < g.c0 + g.cols; c++) m.set(`${r},${c}`, g);
  return m;
}

export interface SheetExtent {
  width: number;
  /** 0-based first and last sheet row drawn */
  first: number;
  last: number;
}

export function sheetExtent(sheet: FileSheet, ann: SheetAnnotation | undefined): SheetExtent {
  let width = sheet.grid.reduce((w, r) => Math.max(w, r.length), 0);
  if (ann) width = Math.max(width, ann.startCol + ann.rows[0]!.length);
  const first = sheet.firstRow - 1;
  const last = Math.max(first + sheet.grid.length - 1, ann ? ann.headerRow0 + ann.rows.length - 1 : -1);
  return { width, first, last };
}

/** The sheet (with its annotation, if any) as table HTML: every row, or the rows of `win`. */
export function sheetTableHtml(sheet: FileSheet, ann: SheetAnnotation | undefined, win?: RowWindow, selected = -1): string {
  const { width, first, last } = sheetExtent(sheet, ann);
  const from = win ? Math.max(first, win.from) : first;
  const to = win ? Math.min(last + 1, win.to) : last + 1;
  const merges = mergeIndex(sheet);
  const annWidth = ann ? ann.rows[0]!.length : 0;
  const out: string[] = [];
  out.push('<thead><tr><th class="corner"></th>');
  for (let c = 0; c < width; c++) {
    const own = ann && c >= ann.startCol && c < ann.startCol + annWidth;
    out.push(`<th class="${sheet.hiddenCols.has(c) ? 'hid' : ''}${own ? ' own' : ''}">${columnLetter(c)}</th>`);
  }
  out.push('</tr></thead><tbody>');
  const spacer = (rows: number): void => {
    if (win && rows > 0) out.push(`<tr class="spacer" aria-hidden="true"><td colspan="${width + 1}" style="height:${rows * win.rowHeight}px"></td></tr>`);
  };
  spacer(from - first);
  for (let r0 = from; r0 < to; r0++) {
    const row = sheet.grid[r0 - first] ?? [];
    const ai = ann ? r0 - ann.headerRow0 : -1;
    const annRow = ann && ai >= 0 && ai < ann.rows.length ? ann.rows[ai] : undefined;
    // read only where annRow is set, which needs ann
    const annStart = ann?.startCol ?? 0;
    const status = ann && ai > 0 ? ann.statuses[ai - 1] : undefined;
    const attrs = [`data-sheet-row="${r0 + 1}"`];
    if (status) attrs.push(`data-row="${r0 + 1}"`, `data-status="${status}"`);
    const cls = [sheet.hiddenRows.has(r0) ? 'hid-row' : '', ai === 0 ? 'ann-header' : '', r0 === selected ? 'selected' : ''].filter(Boolean).join(' ');
    out.push(`<tr ${attrs.join(' ')}${cls ? ` class="${cls}"` : ''}><th>${r0 + 1}</th>`);
    for (let c = 0; c < width; c++) {
      const m = merges.get(`${r0},${c}`);
      // a merge is drawn at its top-left, or at the first drawn row when it starts above the window
      const top = m ? Math.max(m.r0, from) : r0;
      if (m && (top !== r0 || c !== m.c0)) continue;
      const rows = m ? Math.min(m.r0 + m.rows, to) - top : 1;
      const span = m ? `${rows > 1 ? ` rowspan="${rows}"` : ''}${m.cols > 1 ? ` colspan="${m.cols}"` : ''}` : '';
      const own = annRow && c >= annStart && c < annStart + annRow.length;
      const v = own ? annRow[c - annStart] : m ? sheet.grid[m.r0 - first]?.[m.c0] : row[c];
      const classes = [sheet.hiddenCols.has(c) ? 'hid' : '', own ? 'own' : '', own && c === annStart && status ? `s-${status}` : '', typeof v === 'number' ? 'num' : ''];
      const k = classes.filter(Boolean).join(' ');
      out.push(`<td${k ? ` class="${k}"` : ''}${span}>${esc(cellText(v))}</td>`);
    }
    out.push('</tr>');
  }
  spacer(last + 1 - to);
  out.push('</tbody>');
  return out.join('');
}
