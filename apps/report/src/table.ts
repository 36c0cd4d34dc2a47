/** The readable (non-JSON) output of `ce-report check`: a table with Chinese labels and status counts. */
import { STATUS_LABELS } from '@ce/rules';
import type { EvaluationResult } from '@ce/rules';
import { fmtHours, STATUS_ORDER } from '@ce/summary';

/** Display width: CJK and full-width characters take two columns. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0; // for…of yields whole code points: never undefined
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(s)));
  return right ? fill + s : s + fill;
}

/** Make text safe for a terminal: no control characters (a name could carry escape sequences). */
export function inert(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** 说明: what to fix (invalid), or why hours are missing / what relief applied. */
export function explainShort(r: EvaluationResult): string {
  if (r.status === 'invalid') {
    return r.errors.map((e) => (e.column ? `${e.column}${e.row}` : '') + (e.header ? `【${e.header}】` : '') + e.message).join('；');
  }
  const parts: string[] = [];
  for (const x of r.reliefs) parts.push(`${x.text}（${x.key}）`);
  if (r.excluded.length > 0) parts.push(`${r.excluded.length} 条记录不计（${[...new Set(r.excluded.map((x) => x.key))].join('、')}）`);
  if ((r.status === 'non-compliant' || r.status === 'not-restrictive') && r.missing && r.missing.total > 0 && r.reliefs.length === 0) {
    const gaps = r.years
      .map((y) => {
        const pub = Math.max(0, y.required.public - y.credited.public);
        const prof = Math.max(0, y.required.professional - y.credited.professional);
        const g = [pub > 0 ? `公需缺${fmtHours(pub)}` : '', prof > 0 ? `专业缺${fmtHours(prof)}` : ''].filter(Boolean).join('、');
        return g ? `${y.year}年${g}` : '';
      })
      .filter(Boolean);
    if (gaps.length > 0) parts.unshift(gaps.join('，'));
  }
  if (parts.length === 0 && r.warnings.length > 0) parts.push(r.warnings[0]!.message);
  return parts.join('；');
}

const HEAD = ['行号', '姓名', '状态', '缺少学时', '缺公需', '缺专业', '说明'];
const NUMERIC = [true, false, false, true, true, true, false];

function rowCells(r: EvaluationResult): string[] {
  return [
    String(r.row),
    inert(r.name || '（无姓名）'),
    STATUS_LABELS[r.status].zh,
    r.missing ? fmtHours(r.missing.total) : '—',
    r.missing ? fmtHours(r.missing.public) : '—',
    r.missing ? fmtHours(r.missing.professional) : '—',
    inert(explainShort(r)),
  ];
}

/**
 * The table, line by line (each ends with a newline). Column widths are found in
 * a first pass over the rows and the cells are made again in the second, so a
 * million-row roster needs neither a huge argument list (the old
 * `Math.max(...rows)` overflowed the stack at ~150k rows) nor every cell kept.
 * `banners` come first: what a clerk must read before trusting any row.
 */
export function* tableLines(results: readonly EvaluationResult[], banners: readonly string[] = [], context?: string): Generator<string> {
  const widths = HEAD.map(textWidth);
  for (const r of results) {
    const cells = rowCells(r);
    for (let i = 0; i < cells.length; i++) widths[i] = Math.max(widths[i]!, textWidth(cells[i]!));
  }
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!, NUMERIC[i])))
      .join('  ')
      .trimEnd() + '\n';
  for (const b of banners) yield `！注意 / Note: ${inert(b)}\n`;
  if (context) yield `${inert(context)}\n`;
  if (banners.length > 0 || context) yield '\n';
  yield line(HEAD);
  yield line(widths.map((w, i) => (i === widths.length - 1 ? '-'.repeat(Math.max(4, textWidth(HEAD[i]!))) : '-'.repeat(w))));
  for (const r of results) yield line(rowCells(r));
  yield '\n';
  yield statusCounts(results) + '\n';
}

/** The whole table as one string (small rosters, tests); the CLI writes `tableLines` as it goes. */
export function renderTable(results: readonly EvaluationResult[], banners: readonly string[] = [], context?: string): string {
  let out = '';
  for (const l of tableLines(results, banners, context)) out += l;
  return out;
}

export function statusCounts(results: readonly EvaluationResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const parts = STATUS_ORDER.map((s) => `${STATUS_LABELS[s].zh} ${counts.get(s) ?? 0}`);
  return `共 ${results.length} 人：${parts.join('，')}`;
}
