/**
 * The summary as one self-contained HTML file: A4 print stylesheet, inline SVG
 * chart, no network. Every piece of roster text goes through `esc`.
 */
import { randomUUID } from 'node:crypto';
import { formatDate } from '@ce/rules';
import { fmtHours, fmtYuan, STATUS_ORDER, yearGapLines, zhDate } from '@ce/summary';
import type { SummaryModel } from '@ce/summary';
import type { Status } from '@ce/rules';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);
}

export const STATUS_COLORS: Record<Status, string> = {
  compliant: '#2e7d32',
  'non-compliant': '#c62828',
  exempt: '#1565c0',
  'not-restrictive': '#ef8f00',
  invalid: '#6a1b9a',
};

const CSS = `
:root { --line: #bbb; --head: #eef1f5; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; font-size: 10.5pt; line-height: 1.5; color: #111; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; letter-spacing: 0.05em; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-left: 4px solid #345; padding-left: 2mm; break-after: avoid; }
p.sub { text-align: center; color: #444; margin: 0 0 4mm; font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; }
th, td { border: 0.5pt solid var(--line); padding: 1mm 1.5mm; vertical-align: top; text-align: left; word-break: break-word; }
th { background: var(--head); font-weight: 600; white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; }
tfoot td, tr.total td { font-weight: 600; background: #fafafa; }
.facts { display: grid; grid-template-columns: 1fr 1fr; gap: 1mm 6mm; border: 0.5pt solid var(--line); padding: 2mm 3mm; margin-bottom: 3mm; }
.facts div { break-inside: avoid; }
.tag { display: inline-block; padding: 0 1.5mm; border-radius: 1mm; color: #fff; font-size: 9pt; white-space: nowrap; }
.reasons { margin: 0; padding-left: 4mm; font-size: 9pt; }
.key { color: #555; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 8.5pt; white-space: nowrap; }
.small { font-size: 9pt; }
.muted { color: #666; }
.chart { break-inside: avoid; margin: 0 0 3mm; }
.legend span { margin-right: 4mm; white-space: nowrap; }
.legend i { display: inline-block; width: 3mm; height: 3mm; margin-right: 1mm; vertical-align: -0.3mm; }
footer.print-note { margin-top: 6mm; font-size: 8.5pt; color: #666; }
.pagebreak { break-before: page; }
table.shortfalls, table.invalid { font-size: 8.5pt; }
table.shortfalls th, table.invalid th { white-space: normal; }
table.shortfalls th.n { white-space: nowrap; }
table.shortfalls td:nth-child(2) { min-width: 6em; }
table.shortfalls td:nth-child(3), table.invalid td:nth-child(2) { min-width: 4.5em; }
table.shortfalls td:nth-child(4), table.invalid td:nth-child(3) { white-space: nowrap; font-size: 8pt; }
table.shortfalls td:nth-child(9) { min-width: 7em; }
table.shortfalls td:nth-child(10) { min-width: 10em; }
@page { size: A4; margin: 14mm 12mm 16mm 12mm;
  @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-size: 8.5pt; color: #666; } }
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
`;

function tag(status: Status, label: string): string {
  return `<span class="tag" style="background:${STATUS_COLORS[status]}">${esc(label)}</span>`;
}

/** Horizontal stacked bars: one per unit, segments by status. */
export function statusChartSvg(model: SummaryModel): string {
  const units = model.units;
  const labelW = 190;
  const barW = 420;
  const rowH = 22;
  const top = 8;
  const height = top + units.length * rowH + 8;
  const width = labelW + barW + 60;
  const max = Math.max(1, ...units.map((u) => u.people));
  const parts: string[] = [];
  units.forEach((u, i) => {
    const y = top + i * rowH;
    const name = u.unit.length > 14 ? `${u.unit.slice(0, 13)}…` : u.unit;
    parts.push(`<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" font-size="11">${esc(name)}<title>${esc(u.unit)}</title></text>`);
    let x = labelW;
    for (const s of STATUS_ORDER) {
      const n = u.counts[s];
      if (n === 0) continue;
      const w = (n / max) * barW;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${STATUS_COLORS[s]}"><title>${esc(`${u.unit} ${model.statusLabels[s]} ${n}`)}</title></rect>`,
      );
      if (w >= 16) parts.push(`<text x="${(x + w / 2).toFixed(1)}" y="${y + 15}" text-anchor="middle" font-size="10" fill="#fff">${n}</text>`);
      x += w;
    }
    parts.push(`<text x="${(x + 4).toFixed(1)}" y="${y + 15}" font-size="10" fill="#333">${u.people}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="各单位状态分布" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif">${parts.join('')}</svg>`;
}

function legend(model: SummaryModel): string {
  return `<div class="legend small">${STATUS_ORDER.map((s) => `<span><i style="background:${STATUS_COLORS[s]}"></i>${esc(model.statusLabels[s])}</span>`).join('')}</div>`;
}

function factsBlock(model: SummaryModel): string {
  const items: string[] = [];
  items.push(`<div><b>规则包</b>：${esc(model.packTitle)}（${esc(model.packId)}）</div>`);
  items.push(`<div><b>发文</b>：${esc(model.issuer)}${model.docNumber ? ` ${esc(model.docNumber)}` : ''}${model.issued ? `，${esc(zhDate(model.issued))}` : ''}</div>`);
  if (model.window) {
    const w = model.window;
    items.push(
      `<div><b>培训时间</b>：${esc(zhDate(w.start))}至${esc(zhDate(w.end))}，${w.closed ? '已截止' : `距截止还有 <b>${w.daysLeft}</b> 天`} <span class="key">${esc(w.key)}</span>${w.note ? `<br><span class="small muted">${esc(w.note)}</span>` : ''}</div>`,
    );
    items.push(
      `<div><b>可补学年度</b>：${w.makeUpYears === undefined ? '通知未规定' : w.makeUpYears.length === 0 ? '无' : esc(w.makeUpYears.join('、'))}</div>`,
    );
  }
  if (model.deadline) {
    const d = model.deadline;
    items.push(`<div><b>${esc(d.label)}</b>：${esc(zhDate(d.date))}（${d.passed ? '已截止' : `还有 ${d.daysLeft} 天`}）<span class="key">${esc(d.key)}</span></div>`);
  }
  if (model.fees) {
    const f = model.fees;
    items.push(
      `<div><b>补学费用</b>：${esc(f.basis)} <span class="key">${esc(f.key)}</span><br>缺少学时合计约 <b>${esc(fmtYuan(f.total.total))}</b> 元（公需 ${esc(fmtYuan(f.total.public))} 元，专业 ${esc(fmtYuan(f.total.professional))} 元）</div>`,
    );
  }
  if (model.platforms.length > 0) {
    items.push(`<div><b>学习平台</b>：${model.platforms.map((p) => esc(p.url ? `${p.name}（${p.url}）` : p.name)).join('；')}</div>`);
  }
  return `<div class="facts">${items.join('')}</div>`;
}

function totalsTable(model: SummaryModel): string {
  const t = model.totals;
  const head = STATUS_ORDER.map((s) => `<th class="n">${esc(model.statusLabels[s])}</th>`).join('');
  const cells = STATUS_ORDER.map((s) => `<td class="n">${t.counts[s]}</td>`).join('');
  return `<table class="totals"><thead><tr><th class="n">总人数</th>${head}<th class="n">缺少学时合计</th><th class="n">缺公需</th><th class="n">缺专业</th></tr></thead>
<tbody><tr><td class="n">${t.people}</td>${cells}<td class="n">${fmtHours(t.missing.total)}</td><td class="n">${fmtHours(t.missing.public)}</td><td class="n">${fmtHours(t.missing.professional)}</td></tr></tbody></table>`;
}

function unitTable(model: SummaryModel): string {
  const fees = model.fees !== undefined;
  const rows = model.units
    .map(
      (u) =>
        `<tr><td>${esc(u.unit)}</td><td class="n">${u.people}</td>${STATUS_ORDER.map((s) => `<td class="n">${u.counts[s]}</td>`).join('')}<td class="n">${fmtHours(u.missing.total)}</td>${fees ? `<td class="n">${fmtYuan(u.cost ?? 0)}</td>` : ''}</tr>`,
    )
    .join('\n');
  const t = model.totals;
  const total = `<tr class="total"><td>合计</td><td class="n">${t.people}</td>${STATUS_ORDER.map((s) => `<td class="n">${t.counts[s]}</td>`).join('')}<td class="n">${fmtHours(t.missing.total)}</td>${fees ? `<td class="n">${fmtYuan(model.fees!.total.total)}</td>` : ''}</tr>`;
  return `<table class="units"><thead><tr><th>工作单位</th><th class="n">人数</th>${STATUS_ORDER.map((s) => `<th class="n">${esc(model.statusLabels[s])}</th>`).join('')}<th class="n">缺少学时</th>${fees ? '<th class="n">补学费用(元)</th>' : ''}</tr></thead>
<tbody>${rows}
${total}</tbody></table>`;
}

function yearsCell(years: SummaryModel['shortfalls'][number]['years']): string {
  const lines = yearGapLines(years);
  return lines.length > 0 ? lines.map(esc).join('<br>') : '<span class="muted">—</span>';
}

function shortfallRow(s: SummaryModel['shortfalls'][number], fees: boolean): string {
  const reasons = s.reasons.filter((r) => r.kind !== 'rule');
  const rules = s.reasons.filter((r) => r.kind === 'rule');
  const why = [
    ...reasons.map((r) => `<li>${esc(r.text)} <span class="key">${esc(r.key)}</span></li>`),
    rules.length > 0 ? `<li>依据 ${rules.map((r) => `<span class="key">${esc(r.key)}</span>`).join(' ')}</li>` : '',
  ].join('');
  return `<tr><td class="n">${s.row}</td><td>${esc(s.unit)}</td><td>${esc(s.name)}</td><td class="small">${esc(s.id)}</td><td>${tag(s.status, s.statusLabel)}</td><td class="n">${fmtHours(s.missing.total)}</td><td class="n">${fmtHours(s.missing.public)}</td><td class="n">${fmtHours(s.missing.professional)}</td><td class="small">${yearsCell(s.years)}</td><td><ul class="reasons">${why}</ul></td>${fees ? `<td class="n">${fmtYuan(s.cost?.total ?? 0)}</td>` : ''}</tr>`;
}

/** The table; its rows are `rows` (the rows themselves, or a marker replaced by them when streaming). */
function shortfallTable(model: SummaryModel, rows?: string): string {
  if (model.shortfalls.length === 0) return '<p>无未达标人员。</p>';
  const fees = model.fees !== undefined;
  const body = rows ?? model.shortfalls.map((s) => shortfallRow(s, fees)).join('\n');
  return `<table class="shortfalls"><thead><tr><th class="n">行号</th><th>单位</th><th>姓名</th><th>身份证号</th><th>状态</th><th class="n">缺少学时</th><th class="n">缺公需</th><th class="n">缺专业</th><th>各年度缺口</th><th>原因与依据</th>${fees ? '<th class="n">费用(元)</th>' : ''}</tr></thead>
<tbody>${body}</tbody></table>`;
}

function invalidTable(model: SummaryModel): string {
  if (model.invalid.length === 0) return '<p>无数据有误的行。</p>';
  const rows = model.invalid
    .flatMap((r) =>
      (r.fixes.length > 0 ? r.fixes : [{ row: r.row, message: '（未说明）' } as (typeof r.fixes)[number]]).map(
        (f) =>
          `<tr><td class="n">${r.row}</td><td>${esc(r.name)}</td><td class="small">${esc(r.id)}</td><td>${esc(f.cell ?? '')}</td><td>${esc(f.header ?? '')}</td><td class="small">${esc(f.value ?? '')}</td><td>${esc(f.message)}${f.key ? ` <span class="key">${esc(f.key)}</span>` : ''}</td></tr>`,
      ),
    )
    .join('\n');
  return `<table class="invalid"><thead><tr><th class="n">行号</th><th>姓名</th><th>身份证号</th><th>单元格</th><th>列名</th><th>当前值</th><th>需修改</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/**
 * The same document as renderHtml, in pieces: the person list is produced a
 * batch of rows at a time, so a 100k-row summary is never one huge string.
 */
export function* renderHtmlParts(model: SummaryModel): Generator<string> {
  const marker = `<!--rows-${randomUUID()}-->`;
  const page = renderPage(model, marker);
  const at = page.indexOf(marker);
  if (at < 0) {
    yield page;
    return;
  }
  yield page.slice(0, at);
  const fees = model.fees !== undefined;
  const list = model.shortfalls;
  for (let i = 0; i < list.length; i += 1000) {
    yield (i > 0 ? '\n' : '') + list.slice(i, i + 1000).map((s) => shortfallRow(s, fees)).join('\n');
  }
  yield page.slice(at + marker.length);
}

export function renderHtml(model: SummaryModel): string {
  return renderPage(model);
}

function renderPage(model: SummaryModel, shortfallRows?: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ce-report">
<title>${esc(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(model.title)}</h1>
<p class="sub basis">${esc(model.basis)}</p>
<p class="sub">${esc(model.subtitle)}</p>
</header>
${factsBlock(model)}
<h2>一、总体情况</h2>
${totalsTable(model)}
<div class="chart">${statusChartSvg(model)}${legend(model)}</div>
<h2>二、各单位情况</h2>
${unitTable(model)}
<h2>三、未达标人员名单（${model.shortfalls.length} 人）</h2>
${shortfallTable(model, shortfallRows)}
<h2>四、数据有误需修改的行（${model.invalid.length} 行）</h2>
${invalidTable(model)}
<footer class="print-note">
${model.notes.map((n) => `<div>${esc(n)}</div>`).join('\n')}
<div>生成：ce-report，${esc(formatDate(model.generatedOn))}。打印：A4 纵向；页码由浏览器打印（Chromium 131 及以上支持页脚页码）。</div>
</footer>
</body>
</html>
`;
}
