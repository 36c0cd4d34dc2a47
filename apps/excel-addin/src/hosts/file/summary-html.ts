/**
 * The summary as a stand-alone, printable HTML page (the PDF is the browser's
 * 打印 → 另存为 PDF of this page: A4 landscape, page numbers from @page margin boxes,
 * the CJK font of the clerk's system). Same rows as the 汇总表 sheet (layoutSummary).
 */
import type { SummaryModel } from '@ce/summary';
import { layoutSummary } from '../../taskpane/summary-sheet.js';
import { cellText, esc } from './view.js';

const CSS = `
body { font-family: 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif; font-size: 12px; margin: 16px; color: #222; }
h1 { font-size: 18px; margin: 0 0 4px; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; text-align: left; }
tr.blank td { border: none; height: 8px; }
tr.bold td { font-weight: 600; border: none; padding-top: 10px; }
th { background: #edebe9; }
thead { display: table-header-group; }
@page { size: A4 landscape; margin: 14mm 10mm; @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 10px; } }
@media print { body { margin: 0; } }
`;

export function summaryHtml(model: SummaryModel): string {
  const layout = layoutSummary(model);
  const header = new Set(layout.headerRows);
  const bold = new Set(layout.bold);
  const rows = layout.rows.slice(1).map((cells, k) => {
    const i = k + 1;
    const used = cells.map(cellText);
    while (used.length > 1 && used[used.length - 1] === '') used.pop();
    if (used.every((c) => c === '')) return '<tr class="blank"><td colspan="8"></td></tr>';
    if (header.has(i)) return `<tr>${used.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
    const last = used.length === 1 ? ' colspan="8"' : '';
    return `<tr${bold.has(i) ? ' class="bold"' : ''}>${used.map((c, j) => `<td${j === used.length - 1 ? last : ''}>${esc(c)}</td>`).join('')}</tr>`;
  });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${esc(model.title)}</title><style>${CSS}</style></head><body><h1>${esc(model.title)}</h1><table><tbody>${rows.join('')}</tbody></table></body></html>`;
}
