/**
 * "生成汇总表": a print-ready worksheet from @ce/summary's model (the same model the
 * report generator prints): A4, title, repeated table header row, page numbers.
 * The sheet is the add-in's own; it only ever replaces a 汇总表 sheet it created.
 */
import type { EvaluationResult, PolicyPack } from '@ce/rules';
import { buildSummary, fmtHours, STATUS_ORDER, type SummaryModel } from '@ce/summary';
import { columnLetter } from '@ce/roster';
import type { Person } from '@ce/rules';
import { docSettings, saveDocSettings } from '../core/settings.js';
import { SUMMARY_SHEET, type CellValue } from '../core/workbook.js';
import { DEFAULT_SYNC_BUDGET, HEADER_FILL, payloadBytes, type Refusal } from './annotate.js';

export const SUMMARY_TRACK_KEY = 'ce.summarySheet';
const WIDTH = 8;

export interface SummaryLayout {
  rows: CellValue[][];
  /** 0-based rows to make bold (titles, section heads, table headers) */
  bold: number[];
  /** 0-based rows with the header fill */
  headerRows: number[];
  /** the table header row repeated on every printed page */
  printTitleRow: number;
}

function pad(cells: CellValue[]): CellValue[] {
  const out = cells.slice(0, WIDTH);
  while (out.length < WIDTH) out.push('');
  return out;
}

/** Lays the summary model out as rows of 8 columns. Pure: tested without Excel. */
export function layoutSummary(m: SummaryModel): SummaryLayout {
  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const headerRows: number[] = [];
  const push = (cells: CellValue[], kind?: 'bold' | 'header'): number => {
    rows.push(pad(cells));
    const i = rows.length - 1;
    if (kind) bold.push(i);
    if (kind === 'header') headerRows.push(i);
    return i;
  };
  push([m.title], 'bold');
  push([m.subtitle]);
  push([]);
  push(['状态', '人数'], 'header');
  for (const s of STATUS_ORDER) push([m.statusLabels[s], m.totals.counts[s]]);
  push(['合计', m.totals.people], 'bold');
  push(['缺少学时合计', fmtHours(m.totals.missing.total), '其中公需', fmtHours(m.totals.missing.public), '其中专业', fmtHours(m.totals.missing.professional)]);
  if (m.window) push([m.window.text]);
  if (m.deadline) push([m.deadline.text]);
  push([]);
  push(['按单位统计'], 'bold');
  push(['工作单位', '人数', ...STATUS_ORDER.map((s) => m.statusLabels[s]), '缺少学时'], 'header');
  for (const u of m.units) push([u.unit, u.people, ...STATUS_ORDER.map((s) => u.counts[s]), fmtHours(u.missing.total)]);
  push([]);
  push(['未达标人员'], 'bold');
  const printTitleRow = push(['行号', '姓名', '身份证号', '工作单位', '缺少学时', '缺公需', '缺专业', '原因与依据'], 'header');
  for (const s of m.shortfalls) {
    push([
      s.row,
      s.name,
      s.id,
      s.unit,
      fmtHours(s.missing.total),
      fmtHours(s.missing.public),
      fmtHours(s.missing.professional),
      s.reasons.map((r) => `${r.text} [${r.key}]`).join('；'),
    ]);
  }
  if (m.shortfalls.length === 0) push(['（无）']);
  push([]);
  // the same 行动清单 as the reports (from each result's remedy), most urgent first
  push([`行动清单（须补学 ${m.actions.totals.mustAct} 人）`], 'bold');
  push(['行号', '姓名', '身份证号', '工作单位', '可补公需', '可补专业', '剩余天数', '须完成'], 'header');
  for (const a of m.actions.items) {
    const known = a.hasRemedy && !a.unknown;
    push([a.row, a.name, a.id, a.unit, known ? fmtHours(a.closable?.public ?? 0) : '未知', known ? fmtHours(a.closable?.professional ?? 0) : '未知', a.daysLeft ?? '', a.todo.join('；')]);
  }
  if (m.actions.items.length === 0) push(['（无）']);
  push([]);
  push(['数据有误的行'], 'bold');
  push(['行号', '姓名', '身份证号', '工作单位', '单元格', '问题'], 'header');
  for (const r of m.invalid) {
    for (const f of r.fixes) push([r.row, r.name, r.id, r.unit, f.cell ?? '', `${f.message}${f.key ? ` [${f.key}]` : ''}`]);
  }
  if (m.invalid.length === 0) push(['（无）']);
  if (m.notes.length > 0) {
    push([]);
    push(['说明'], 'bold');
    for (const n of m.notes) push([n]);
  }
  push([]);
  push(m.signature.flatMap((label) => [`${label}：`, '']));
  return { rows, bold, headerRows, printTitleRow };
}

export interface SummaryInput {
  results: readonly EvaluationResult[];
  people: readonly Person[];
  pack: PolicyPack;
  reviewYear: number;
  asOf: { year: number; month: number; day: number };
}

export function summaryModel(input: SummaryInput): SummaryModel {
  return buildSummary(input.results, input.pack, {
    reviewYear: input.reviewYear,
    asOf: input.asOf,
    people: input.people.map((p) => ({ row: p.row, unit: p.unit, purpose: p.purpose })),
  });
}

/** Creates (or replaces its own) 汇总表 sheet. Refuses to touch a 汇总表 sheet the user made. */
export async function writeSummarySheet(model: SummaryModel, budget = DEFAULT_SYNC_BUDGET): Promise<{ ok: true; rows: number } | Refusal> {
  const layout = layoutSummary(model);
  return Excel.run(async (context) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(SUMMARY_SHEET);
    existing.load('id');
    await context.sync();
    const ours = docSettings()?.get(SUMMARY_TRACK_KEY);
    if (!existing.isNullObject) {
      if (existing.id !== ours) {
        return { ok: false, reason: `已有名为“${SUMMARY_SHEET}”的工作表且不是加载项创建的，为避免覆盖，没有生成汇总表。请改名或删除它后重试。` };
      }
      existing.delete();
    }
    const sheet = context.workbook.worksheets.add(SUMMARY_SHEET);
    sheet.load('id');
    await context.sync();
    // values in chunks under the request budget
    let start = 0;
    while (start < layout.rows.length) {
      let bytes = 0;
      let end = start;
      while (end < layout.rows.length && bytes + payloadBytes(layout.rows[end]) + 1 < budget) {
        bytes += payloadBytes(layout.rows[end]) + 1;
        end++;
      }
      if (end === start) end = start + 1;
      sheet.getRangeByIndexes(start, 0, end - start, WIDTH).values = layout.rows.slice(start, end);
      await context.sync();
      start = end;
    }
    for (const r of layout.bold) sheet.getRangeByIndexes(r, 0, 1, WIDTH).format.font.bold = true;
    for (const r of layout.headerRows) sheet.getRangeByIndexes(r, 0, 1, WIDTH).format.fill.color = HEADER_FILL;
    sheet.getRange(`A1:${columnLetter(WIDTH - 1)}1`).format.font.bold = true;
    const widths = [40, 60, 130, 140, 60, 50, 50, 320];
    widths.forEach((w, c) => {
      sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w;
    });
    sheet.getRangeByIndexes(0, WIDTH - 1, layout.rows.length, 1).format.wrapText = true;
    const page = sheet.pageLayout;
    page.paperSize = 'A4' as Excel.PaperType;
    page.orientation = 'Landscape' as Excel.PageOrientation;
    page.centerHorizontally = true;
    page.setPrintTitleRows(`$${layout.printTitleRow + 1}:$${layout.printTitleRow + 1}`);
    page.setPrintArea(`A1:${columnLetter(WIDTH - 1)}${layout.rows.length}`);
    page.headersFooters.defaultForAllPages.centerFooter = '第 &P 页，共 &N 页';
    page.headersFooters.defaultForAllPages.centerHeader = model.title;
    sheet.activate();
    await context.sync();
    docSettings()?.set(SUMMARY_TRACK_KEY, sheet.id);
    await saveDocSettings();
    return { ok: true, rows: layout.rows.length };
  });
}
