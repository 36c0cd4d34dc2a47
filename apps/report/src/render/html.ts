/**
 * The summary as one self-contained HTML file: A4 print stylesheet, inline SVG
 * chart, no network. Every piece of roster text goes through `esc`.
 */
import { daysLeftText, fmtHours, fmtYuan, placeLine, PlaceText, STATUS_ORDER, yearGapLines, zhDate } from '@ce/summary';
import type { ActionItem, Reason, ShortfallRow, SummaryModel } from '@ce/summary';
import type { Status } from '@ce/rules';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

/** Escape text for HTML element content and quoted attribute values. */
export function esc(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value ?? '');
  // most names, units and numbers need nothing: a test is much cheaper than a replace with a callback
  return SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ESC[c]!) : s;
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
p.unit { text-align: center; margin: 0 0 1mm; font-size: 11pt; }
table.deadlines td.passed { color: #888; }
.sources { font-size: 9pt; color: #333; margin: 0 0 3mm; }
.sources div::before { content: "· "; }
.signature { display: grid; grid-template-columns: 1.4fr 1fr 1fr 1fr; gap: 4mm; margin: 10mm 0 4mm; break-inside: avoid; }
.signature div { border-bottom: 0.5pt solid #333; padding-bottom: 7mm; font-size: 10pt; }
table.actions { font-size: 8.5pt; }
table.actions th { white-space: normal; }
table.actions td:nth-child(4) { white-space: nowrap; font-size: 8pt; }
section.notice { break-before: page; page-break-before: always; padding-top: 4mm; }
section.notice h2 { border: 0; text-align: center; font-size: 15pt; padding: 0; margin: 0 0 4mm; }
section.notice table th { width: 26%; }
section.notice .sign { margin-top: 12mm; text-align: right; line-height: 2.2; }
.closed { color: #b71c1c; }
table.shortfalls, table.invalid { font-size: 8.5pt; }
table.shortfalls th, table.invalid th { white-space: normal; }
table.shortfalls th.n { white-space: nowrap; }
table.shortfalls td:nth-child(2) { min-width: 6em; }
table.shortfalls td:nth-child(3), table.invalid td:nth-child(2) { min-width: 4.5em; }
table.shortfalls td:nth-child(4), table.invalid td:nth-child(3) { white-space: nowrap; font-size: 8pt; }
table.shortfalls td:nth-child(10) { min-width: 7em; }
table.shortfalls td:nth-child(11) { min-width: 10em; }
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
  items.push(`<div><b>依据通知</b>：${esc(model.packTitle)}${model.docNumber ? `（${esc(model.docNumber)}）` : ''}</div>`);
  items.push(`<div><b>发文</b>：${esc(model.issuer)}${model.issued ? `，${esc(zhDate(model.issued))}` : ''}</div>`);
  if (model.window) {
    const w = model.window;
    items.push(
      `<div><b>培训时间</b>：${esc(zhDate(w.start))}至${esc(zhDate(w.end))}，${w.closed ? '已截止' : `距截止还有 <b>${w.daysLeft}</b> 天`} <span class="key">${esc(w.key)}</span>${w.note ? `<br><span class="small muted">${esc(w.note)}</span>` : ''}</div>`,
    );
    items.push(`<div><b>可补学年度</b>：${w.makeUpYears === undefined ? '通知未规定' : w.makeUpYears.length === 0 ? '无' : esc(w.makeUpYears.join('、'))}</div>`);
  }
  if (model.fees) {
    const f = model.fees;
    items.push(
      `<div><b>补学费用</b>：${esc(f.basis)} <span class="key">${esc(f.key)}</span><br>${f.complete ? `未达标人员可补学时的补学费用合计约 <b>${esc(fmtYuan(f.total))}</b> 元` : `未达标人员的补学费用：待确认（可补学时未知的人员未计入，已知部分约 ${esc(fmtYuan(f.total))} 元）`}</div>`,
    );
  }
  if (model.platforms.length > 0) {
    items.push(`<div><b>学习平台</b>：${model.platforms.map((p) => esc(placeLine(p))).join('；')}</div>`);
  }
  return `<div class="facts">${items.join('')}</div>`;
}

function deadlinesTable(model: SummaryModel): string {
  if (model.deadlines.length === 0) return '<p class="small">本通知未规定时间节点。</p>';
  const rows = model.deadlines
    .map((d) => `<tr><td class="n${d.passed ? ' passed' : ''}">${esc(zhDate(d.date))}</td><td${d.passed ? ' class="passed"' : ''}>${esc(d.label)}</td><td class="n">${esc(daysLeftText(d.daysLeft))}</td><td><span class="key">${esc(d.key)}</span></td></tr>`)
    .join('');
  return `<table class="deadlines"><thead><tr><th class="n">日期</th><th>事项</th><th class="n">距制表日</th><th>条款</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function sourcesBlock(model: SummaryModel): string {
  if (model.sources.length === 0) return '';
  return `<div class="sources">${model.sources.map((s) => `<div>${esc(s)}</div>`).join('')}</div>`;
}

function totalsTable(model: SummaryModel): string {
  const t = model.totals;
  const head = STATUS_ORDER.map((s) => `<th class="n">${esc(model.statusLabels[s])}</th>`).join('');
  const cells = STATUS_ORDER.map((s) => `<td class="n">${t.counts[s]}</td>`).join('');
  return `<table class="totals"><thead><tr><th class="n">总人数</th>${head}<th class="n">未达标缺少学时</th><th class="n">缺公需</th><th class="n">缺专业</th></tr></thead>
<tbody><tr><td class="n">${t.people}</td>${cells}<td class="n">${fmtHours(t.missing.total)}</td><td class="n">${fmtHours(t.missing.public)}</td><td class="n">${fmtHours(t.missing.professional)}</td></tr></tbody></table>
${t.referenceMissing.total > 0 ? `<p class="small muted">另：不作限制人员缺少学时 ${fmtHours(t.referenceMissing.total)}（仅供参考，不计入合计）。</p>` : ''}`;
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
  const total = `<tr class="total"><td>合计</td><td class="n">${t.people}</td>${STATUS_ORDER.map((s) => `<td class="n">${t.counts[s]}</td>`).join('')}<td class="n">${fmtHours(t.missing.total)}</td>${model.fees ? `<td class="n">${fmtYuan(model.fees.total)}</td>` : ''}</tr>`;
  return `<table class="units"><thead><tr><th>工作单位</th><th class="n">人数</th>${STATUS_ORDER.map((s) => `<th class="n">${esc(model.statusLabels[s])}</th>`).join('')}<th class="n">未达标缺少学时</th>${fees ? '<th class="n">补学费用(元)</th>' : ''}</tr></thead>
<tbody>${rows}
${total}</tbody></table>`;
}

function yearsCell(years: ShortfallRow['years']): string {
  const lines = yearGapLines(years);
  return lines.length > 0 ? lines.map(esc).join('<br>') : '<span class="muted">—</span>';
}

/** A reason in words, its citation key small after it. */
function reasonItems(reasons: readonly Reason[]): string {
  return reasons.map((r) => `<li>${esc(r.text)} <span class="key">${esc(r.key)}</span></li>`).join('');
}

function shortfallRow(s: ShortfallRow, fees: boolean): string {
  return `<tr><td class="n">${s.row}</td><td>${esc(s.unit)}</td><td>${esc(s.name)}</td><td class="small">${esc(s.id)}</td><td>${esc(s.purposeLabel)}</td><td class="n">${fmtHours(s.missing.total)}</td><td class="n">${fmtHours(s.missing.public)}</td><td class="n">${fmtHours(s.missing.professional)}</td><td>${tag(s.status, s.statusLabel)}</td><td class="small">${yearsCell(s.years)}</td><td><ul class="reasons">${reasonItems(s.reasons)}</ul></td>${fees ? `<td class="n">${s.cost === undefined ? '—' : fmtYuan(s.cost)}</td>` : ''}</tr>`;
}

function shortfallHead(fees: boolean): string {
  return `<table class="shortfalls"><thead><tr><th class="n">行号</th><th>单位</th><th>姓名</th><th>身份证号</th><th>申报类型</th><th class="n">缺少学时</th><th class="n">缺公需</th><th class="n">缺专业</th><th>状态</th><th>各年度缺口</th><th>原因与依据</th>${fees ? '<th class="n">补学费用(元)</th>' : ''}</tr></thead>\n<tbody>`;
}

function hoursPair(h: { public: number; professional: number } | null): string {
  if (!h) return '—';
  return `公需 ${fmtHours(h.public)}<br>专业 ${fmtHours(h.professional)}`;
}

/** A document's place lists as HTML lines (one PlaceText per document: items share their lists). */
const placesHtml = (): PlaceText => new PlaceText('<br>', esc);

function actionRow(a: ActionItem, fees: boolean, places: PlaceText): string {
  const by = a.unknown || !a.hasRemedy ? '按当地安排' : a.by ? `${zhDate(a.by)}<br>${daysLeftText(a.daysLeft)}` : '—';
  const where = places.of(a.where) || '—';
  const closed = a.closedTotal > 0 ? `<span class="closed">${hoursPair(a.closed)}</span>` : a.closed ? '0' : '—';
  const cost = !a.bound ? '不计' : a.cost === null ? '—' : fmtYuan(a.cost);
  const rest = [...(a.bound ? [] : ['不作限制，仅供参考']), ...a.alternatives.map((x) => `也可：${x}`)];
  return `<tr><td>${esc(a.unit)}</td><td>${esc(a.name)}</td><td class="n">${a.row}</td><td>${esc(a.id)}</td><td>${esc(a.purposeLabel)}</td><td class="small">${a.gaps.map(esc).join('<br>') || '—'}</td><td class="n">${a.unknown ? '未知' : hoursPair(a.closable)}</td><td class="small">${by}</td><td class="small">${where}</td>${fees ? `<td class="n">${esc(cost)}</td>` : ''}<td class="n">${closed}</td><td class="small">${rest.map(esc).join('<br>')}</td></tr>`;
}

function actionHead(fees: boolean): string {
  return `<table class="actions"><thead><tr><th>单位</th><th>姓名</th><th class="n">行号</th><th>身份证号</th><th>申报类型</th><th>各年度缺口</th><th class="n">仍可补学</th><th>截止</th><th>学习平台</th>${fees ? '<th class="n">费用(元)</th>' : ''}<th class="n">已无法补</th><th>说明</th></tr></thead>\n<tbody>`;
}

function actionUnitsTable(model: SummaryModel): string {
  const fees = model.fees !== undefined;
  const a = model.actions;
  const row = (label: string, t: (typeof a)['totals'], cls = '') =>
    `<tr${cls}><td>${esc(label)}</td><td class="n">${t.people}</td><td class="n">${t.mustAct}</td><td class="n">${fmtHours(t.closable.public)}</td><td class="n">${fmtHours(t.closable.professional)}</td><td class="n">${fmtHours(t.closed.public + t.closed.professional)}</td>${fees ? `<td class="n">${fmtYuan(t.cost ?? 0)}</td>` : ''}</tr>`;
  return `<table class="action-units"><thead><tr><th>工作单位</th><th class="n">缺学时人数</th><th class="n">须补学人数</th><th class="n">可补公需</th><th class="n">可补专业</th><th class="n">已无法补</th>${fees ? '<th class="n">补学费用(元)</th>' : ''}</tr></thead>
<tbody>${a.units.map((u) => row(u.unit, u)).join('\n')}
${row('合计', a.totals, ' class="total"')}</tbody></table>
<p class="small muted">学时与费用只计未达标人员；不作限制人员列在清单末尾，仅供参考。</p>`;
}

function exemptTable(model: SummaryModel): string {
  if (model.exempt.length === 0) return '<p>无免除人员。</p>';
  const rows = model.exempt
    .map((e) => `<tr><td class="n">${e.row}</td><td>${esc(e.unit)}</td><td>${esc(e.name)}</td><td class="small">${esc(e.id)}</td><td>${esc(e.purposeLabel)}</td><td><ul class="reasons">${reasonItems(e.reliefs)}</ul></td></tr>`)
    .join('\n');
  return `<table class="shortfalls exempt"><thead><tr><th class="n">行号</th><th>单位</th><th>姓名</th><th>身份证号</th><th>申报类型</th><th>免除依据</th></tr></thead><tbody>${rows}</tbody></table>`;
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

function signatureBlock(model: SummaryModel): string {
  return `<div class="signature">${model.signature.map((s) => `<div>${esc(s)}：</div>`).join('')}</div>`;
}

/** The closing line of a notice: where the 审验卡 is printed, when the pack names that platform. */
export function noticeClosingText(model: SummaryModel): string {
  const card = model.platforms.find((p) => p.name.includes('人才信息库'));
  return `请在截止日期前完成补学${card ? `，并在${card.name}${card.url ? `（${card.url}）` : ''}打印审验卡` : ''}，交本单位经办人。`;
}

function noticeClosing(model: SummaryModel): string {
  return `<p class="small">${esc(noticeClosingText(model))}</p>`;
}

/** One printed page for one person: what, by when, where, at what cost. */
export function noticePage(model: SummaryModel, a: ActionItem, places: PlaceText = placesHtml()): string {
  const fees = model.fees !== undefined;
  const rows: [string, string][] = [
    ['姓名', esc(a.name)],
    ['身份证号', esc(a.id)],
    ['工作单位', esc(a.unit)],
    ['申报类型', esc(a.purposeLabel)],
    ['缺少学时', `${fmtHours(a.missing.total)}（公需 ${fmtHours(a.missing.public)}，专业 ${fmtHours(a.missing.professional)}）`],
    ['各年度缺口', a.gaps.map(esc).join('<br>') || '—'],
    ['须完成', a.todo.filter((t) => !t.startsWith('学习平台') && !t.startsWith('补学费用')).map(esc).join('<br>')],
    ['截止日期', !a.hasRemedy ? '待确认（按当地安排）' : a.unknown ? '通知未规定，按当地安排' : a.by ? `${esc(zhDate(a.by))}（${esc(daysLeftText(a.daysLeft))}）` : '—'],
    ['学习平台', places.of(a.where) || '—'],
  ];
  if (fees) rows.push(['补学费用', a.cost === null ? '—' : `约 ${fmtYuan(a.cost)} 元`]);
  return `<section class="notice" data-row="${a.row}">
<h2>专业技术人员继续教育补学通知单</h2>
<p class="sub">${esc(model.basis)}　审验年度 ${model.reviewYear}</p>
<table><tbody>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>
${noticeClosing(model)}
<div class="sign">${esc(model.unit ?? '填报单位')}（盖章）<br>${esc(zhDate(model.generatedOn))}</div>
</section>`;
}

/**
 * At most this many 通知单 in the HTML (and the XLSX): on a 100k-row roster
 * 70k notices would make a 150 MB page. The 行动清单 always lists everyone.
 */
export const HTML_NOTICE_LIMIT = 5_000;

/** Rows of a long list, a thousand at a time, so a 100k-row summary is never one huge string. */
function* batched<T>(items: readonly T[], row: (x: T) => string): Generator<string> {
  for (let i = 0; i < items.length; i += 1000) yield items.slice(i, i + 1000).map(row).join('\n') + '\n';
}

/** The document, in pieces (streamed to the file). */
export function* renderHtmlParts(model: SummaryModel): Generator<string> {
  const fees = model.fees !== undefined;
  const places = placesHtml();
  yield `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${model.heading.map(esc).join('<br>')}</h1>
${model.unit ? `<p class="unit">填报单位：${esc(model.unit)}</p>` : ''}
<p class="sub basis">${esc(model.basis)}</p>
<p class="sub">${esc(model.subtitle)}</p>
</header>
${factsBlock(model)}
${sourcesBlock(model)}
<h2>时间节点</h2>
${deadlinesTable(model)}
<h2>一、总体情况</h2>
${totalsTable(model)}
<div class="chart">${statusChartSvg(model)}${legend(model)}</div>
<h2>二、各单位情况</h2>
${unitTable(model)}
<h2>三、未达标人员名单（${model.shortfalls.length} 人）</h2>
`;
  if (model.shortfalls.length === 0) yield '<p>无未达标人员。</p>\n';
  else {
    yield shortfallHead(fees);
    yield* batched(model.shortfalls, (s) => shortfallRow(s, fees));
    yield '</tbody></table>\n';
  }
  yield `<h2>四、行动清单（${model.actions.items.length} 人，须补学 ${model.actions.totals.mustAct} 人）</h2>\n${actionUnitsTable(model)}\n`;
  if (model.actions.items.length > 0) {
    yield actionHead(fees);
    yield* batched(model.actions.items, (a) => actionRow(a, fees, places));
    yield '</tbody></table>\n';
  }
  yield `<h2>五、不作限制人员名单（${model.notRestrictive.length} 人，学时仅供参考）</h2>\n`;
  if (model.notRestrictive.length === 0) yield '<p>无不作限制人员。</p>\n';
  else {
    yield shortfallHead(false);
    yield* batched(model.notRestrictive, (s) => shortfallRow(s, false));
    yield '</tbody></table>\n';
  }
  yield `<h2>六、免除人员名单（${model.exempt.length} 人）</h2>\n${exemptTable(model)}\n`;
  yield `<h2>七、数据有误需修改的行（${model.invalid.length} 行）</h2>\n${invalidTable(model)}\n`;
  yield `${signatureBlock(model)}
<footer class="print-note">
${model.notes.map((n) => `<div>${esc(n)}</div>`).join('\n')}
<div>制表日期：${esc(zhDate(model.generatedOn))}。打印：A4 纵向；每份通知单单独成页。</div>
</footer>
`;
  const notices = model.notices.slice(0, HTML_NOTICE_LIMIT);
  if (notices.length < model.notices.length) {
    yield `<p class="small">通知单：本文件列出最紧急的前 ${notices.length} 份，其余 ${model.notices.length - notices.length} 人的须完成学时、截止日期、平台和费用见上方“行动清单”。</p>\n`;
  }
  yield* batched(notices, (a) => noticePage(model, a, places));
  yield '</body>\n</html>\n';
}

export function renderHtml(model: SummaryModel): string {
  return [...renderHtmlParts(model)].join('');
}
