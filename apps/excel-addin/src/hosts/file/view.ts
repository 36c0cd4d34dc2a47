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

/** Cells hidden under a merge (not the merge's top-left). */
function coveredCells(sheet: FileSheet): Map<string, { rows: number; cols: number } | null> {
  const m = new Map<string, { rows: number; cols: number } | null>();
  for (const g of sheet.merges) {
    for (let r = g.r0; r < g.r0 + g.rows; r++) for (let c = g.c0; c < g.c0 + g.cols; c++) m.set(`${r},${c}`, null);
    m.set(`${g.r0},${g.c0}`, { rows: g.rows, cols: g.cols });
  }
  return m;
}

/** The sheet (with its annotation, if any) as table HTML. */
export function sheetTableHtml(sheet: FileSheet, ann: SheetAnnotation | undefined): string {
  let width = sheet.grid.reduce((w, r) => Math.max(w, r.length), 0);
  if (ann) width = Math.max(width, ann.startCol + ann.rows[0]!.length);
  const merges = coveredCells(sheet);
  const out: string[] = [];
  out.push('<thead><tr><th class="corner"></th>');
  for (let c = 0; c < width; c++) {
    const own = ann && c >= ann.startCol && c < ann.startCol + ann.rows[0]!.length;
    out.push(`<th class="${sheet.hiddenCols.has(c) ? 'hid' : ''}${own ? ' own' : ''}">${columnLetter(c)}</th>`);
  }
  out.push('</tr></thead><tbody>');
  const lastRow0 = Math.max(sheet.firstRow - 1 + sheet.grid.length - 1, ann ? ann.headerRow0 + ann.rows.length - 1 : -1);
  for (let r0 = sheet.firstRow - 1; r0 <= lastRow0; r0++) {
    const row = sheet.grid[r0 - (sheet.firstRow - 1)] ?? [];
    const ai = ann ? r0 - ann.headerRow0 : -1;
    const annRow = ann && ai >= 0 && ai < ann.rows.length ? ann.rows[ai] : undefined;
    const status = ann && ai > 0 ? ann.statuses[ai - 1] : undefined;
    const attrs = [`data-sheet-row="${r0 + 1}"`];
    if (status) attrs.push(`data-row="${r0 + 1}"`, `data-status="${status}"`);
    const cls = [sheet.hiddenRows.has(r0) ? 'hid-row' : '', ai === 0 ? 'ann-header' : ''].filter(Boolean).join(' ');
    out.push(`<tr ${attrs.join(' ')}${cls ? ` class="${cls}"` : ''}><th>${r0 + 1}</th>`);
    for (let c = 0; c < width; c++) {
      const m = merges.get(`${r0},${c}`);
      if (m === null) continue;
      const span = m ? `${m.rows > 1 ? ` rowspan="${m.rows}"` : ''}${m.cols > 1 ? ` colspan="${m.cols}"` : ''}` : '';
      const own = annRow && c >= ann!.startCol && c < ann!.startCol + annRow.length;
      const v = own ? annRow[c - ann!.startCol] : row[c];
      const classes = [sheet.hiddenCols.has(c) ? 'hid' : '', own ? 'own' : '', own && c === ann!.startCol && status ? `s-${status}` : '', typeof v === 'number' ? 'num' : ''];
      const k = classes.filter(Boolean).join(' ');
      out.push(`<td${k ? ` class="${k}"` : ''}${span}>${esc(cellText(v))}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</tbody>');
  return out.join('');
}
