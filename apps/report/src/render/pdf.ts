/**
 * The summary as PDF (pdfkit): A4 portrait, Noto Sans SC embedded as a subset
 * of the glyphs used (subset-font first, so the font is small and quick to
 * parse), text selectable, header rows repeated on each page, page numbers.
 *
 * The content is first described as blocks (plain strings), so the set of
 * characters is known before the font is cut.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import subsetFont from 'subset-font';
import { fmtHours, fmtYuan, STATUS_ORDER, zhDate } from '@ce/summary';
import type { SummaryModel } from '@ce/summary';
import type { Status } from '@ce/rules';
import { STATUS_COLORS } from './html.js';

const require = createRequire(import.meta.url);

type Align = 'left' | 'right' | 'center';
interface Column {
  title: string;
  /** relative width */
  width: number;
  align?: Align;
}
type Block =
  | { type: 'title'; text: string }
  | { type: 'sub'; text: string }
  | { type: 'h2'; text: string }
  | { type: 'para'; text: string; small?: boolean }
  | { type: 'table'; columns: Column[]; rows: string[][]; boldLast?: boolean }
  | { type: 'chart' };

function blocks(model: SummaryModel): Block[] {
  const b: Block[] = [];
  const fees = model.fees !== undefined;
  b.push({ type: 'title', text: model.title });
  b.push({ type: 'sub', text: model.basis });
  b.push({ type: 'sub', text: model.subtitle });
  b.push({ type: 'para', text: `发文：${model.issuer}${model.docNumber ? ` ${model.docNumber}` : ''}${model.issued ? `，${zhDate(model.issued)}` : ''}（规则包 ${model.packId}）` });
  if (model.window) {
    const w = model.window;
    b.push({ type: 'para', text: `${w.text}（${w.key}）` });
    b.push({ type: 'para', text: `可补学年度：${w.makeUpYears === undefined ? '通知未规定' : w.makeUpYears.length === 0 ? '无' : w.makeUpYears.join('、')}` });
    if (w.note) b.push({ type: 'para', text: w.note, small: true });
  }
  if (model.deadline) b.push({ type: 'para', text: `${model.deadline.text}（${model.deadline.key}）` });
  if (fees) {
    const f = model.fees!;
    b.push({ type: 'para', text: `补学费用：${f.basis}（${f.key}）；缺少学时合计约 ${fmtYuan(f.total.total)} 元（公需 ${fmtYuan(f.total.public)} 元，专业 ${fmtYuan(f.total.professional)} 元）` });
  }
  if (model.platforms.length > 0) b.push({ type: 'para', text: `学习平台：${model.platforms.map((p) => (p.url ? `${p.name}（${p.url}）` : p.name)).join('；')}`, small: true });

  const t = model.totals;
  b.push({ type: 'h2', text: '一、总体情况' });
  b.push({
    type: 'table',
    columns: [{ title: '总人数', width: 1, align: 'right' }, ...STATUS_ORDER.map((s) => ({ title: model.statusLabels[s], width: 1, align: 'right' as Align })), { title: '缺少学时', width: 1.1, align: 'right' }, { title: '缺公需', width: 1, align: 'right' }, { title: '缺专业', width: 1, align: 'right' }],
    rows: [[String(t.people), ...STATUS_ORDER.map((s) => String(t.counts[s])), fmtHours(t.missing.total), fmtHours(t.missing.public), fmtHours(t.missing.professional)]],
  });
  b.push({ type: 'chart' });

  b.push({ type: 'h2', text: '二、各单位情况' });
  b.push({
    type: 'table',
    columns: [{ title: '工作单位', width: 4 }, { title: '人数', width: 1, align: 'right' }, ...STATUS_ORDER.map((s) => ({ title: model.statusLabels[s], width: 1.2, align: 'right' as Align })), { title: '缺少学时', width: 1.3, align: 'right' }, ...(fees ? [{ title: '费用(元)', width: 1.5, align: 'right' as Align }] : [])],
    rows: [
      ...model.units.map((u) => [u.unit, String(u.people), ...STATUS_ORDER.map((s) => String(u.counts[s])), fmtHours(u.missing.total), ...(fees ? [fmtYuan(u.cost ?? 0)] : [])]),
      ['合计', String(t.people), ...STATUS_ORDER.map((s) => String(t.counts[s])), fmtHours(t.missing.total), ...(fees ? [fmtYuan(model.fees!.total.total)] : [])],
    ],
    boldLast: true,
  });

  b.push({ type: 'h2', text: `三、未达标人员名单（${model.shortfalls.length} 人）` });
  if (model.shortfalls.length === 0) b.push({ type: 'para', text: '无未达标人员。' });
  else
    b.push({
      type: 'table',
      columns: [
        { title: '行号', width: 0.8, align: 'right' },
        { title: '单位', width: 2.4 },
        { title: '姓名', width: 1.5 },
        { title: '身份证号', width: 2.6 },
        { title: '状态', width: 1.2 },
        { title: '缺少', width: 0.9, align: 'right' },
        { title: '缺公需', width: 1, align: 'right' },
        { title: '缺专业', width: 1, align: 'right' },
        { title: '各年度缺口', width: 2.4 },
        { title: '原因与依据', width: 3.6 },
        ...(fees ? [{ title: '费用(元)', width: 1.2, align: 'right' as Align }] : []),
      ],
      rows: model.shortfalls.map((s) => [
        String(s.row),
        s.unit,
        s.name,
        s.id,
        s.statusLabel,
        fmtHours(s.missing.total),
        fmtHours(s.missing.public),
        fmtHours(s.missing.professional),
        s.years
          .filter((y) => y.short.public > 0 || y.short.professional > 0)
          .map((y) => `${y.year}：${[y.short.public > 0 ? `公需缺${fmtHours(y.short.public)}` : '', y.short.professional > 0 ? `专业缺${fmtHours(y.short.professional)}` : ''].filter(Boolean).join('，')}`)
          .join('\n'),
        [...s.reasons.filter((x) => x.kind !== 'rule').map((x) => `${x.text}（${x.key}）`), `依据 ${s.reasons.filter((x) => x.kind === 'rule').map((x) => x.key).join(' ')}`].join('\n'),
        ...(fees ? [fmtYuan(s.cost?.total ?? 0)] : []),
      ]),
    });

  b.push({ type: 'h2', text: `四、数据有误需修改的行（${model.invalid.length} 行）` });
  if (model.invalid.length === 0) b.push({ type: 'para', text: '无数据有误的行。' });
  else
    b.push({
      type: 'table',
      columns: [
        { title: '行号', width: 0.8, align: 'right' },
        { title: '姓名', width: 1.5 },
        { title: '身份证号', width: 2.6 },
        { title: '单元格', width: 1 },
        { title: '列名', width: 1.8 },
        { title: '当前值', width: 2.2 },
        { title: '需修改', width: 4 },
      ],
      rows: model.invalid.flatMap((v) => v.fixes.map((f) => [String(v.row), v.name, v.id, f.cell ?? '', f.header ?? '', f.value ?? '', f.message + (f.key ? `（${f.key}）` : '')])),
    });
  for (const n of model.notes) b.push({ type: 'para', text: n, small: true });
  b.push({ type: 'para', text: `制表：ce-report，${zhDate(model.generatedOn)}`, small: true });
  return b;
}

const PAGE_LABEL_CHARS = '第页共/ 0123456789';

function charsOf(bs: Block[], model: SummaryModel): string {
  const set = new Set<string>(PAGE_LABEL_CHARS + '…');
  const add = (s: string) => {
    for (const ch of s) set.add(ch);
  };
  for (const b of bs) {
    if (b.type === 'table') {
      b.columns.forEach((c) => add(c.title));
      b.rows.forEach((r) => r.forEach(add));
    } else if (b.type !== 'chart') add(b.text);
  }
  for (const u of model.units) add(u.unit);
  STATUS_ORDER.forEach((s) => add(model.statusLabels[s]));
  return [...set].join('');
}

async function fontFile(weight: '400Regular' | '700Bold'): Promise<Buffer> {
  const p = require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`);
  return readFile(p);
}

export interface PdfOptions {
  /** fixed creation date, for reproducible files */
  creationDate?: Date;
}

export async function renderPdf(model: SummaryModel, options: PdfOptions = {}): Promise<Buffer> {
  const bs = blocks(model);
  const text = charsOf(bs, model);
  const [regular, bold] = await Promise.all([
    fontFile('400Regular').then((f) => subsetFont(f, text, { targetFormat: 'truetype' })),
    fontFile('700Bold').then((f) => subsetFont(f, text, { targetFormat: 'truetype' })),
  ]);
  const g = model.generatedOn;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margins: { top: 42, bottom: 48, left: 36, right: 36 },
    bufferPages: true,
    autoFirstPage: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: model.title,
      Creator: 'ce-report',
      Producer: 'ce-report (pdfkit)',
      CreationDate: options.creationDate ?? new Date(Date.UTC(g.year, g.month - 1, g.day)),
    },
  });
  doc.registerFont('R', regular);
  doc.registerFont('B', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  for (const b of bs) {
    switch (b.type) {
      case 'title':
        doc.font('B').fontSize(15).fillColor('#111').text(b.text, left, doc.y, { width, align: 'center' });
        doc.moveDown(0.3);
        break;
      case 'sub':
        doc.font('R').fontSize(8.5).fillColor('#444').text(b.text, left, doc.y, { width, align: 'center' });
        doc.moveDown(0.6);
        break;
      case 'h2':
        ensure(60);
        doc.moveDown(0.5);
        doc.rect(left, doc.y + 1, 3, 12).fill('#345');
        doc.font('B').fontSize(11.5).fillColor('#111').text(b.text, left + 8, doc.y, { width: width - 8 });
        doc.moveDown(0.3);
        break;
      case 'para': {
        doc.font('R').fontSize(b.small ? 7.5 : 9).fillColor(b.small ? '#555' : '#111');
        ensure(doc.heightOfString(b.text, { width }) + 2);
        doc.text(b.text, left, doc.y, { width });
        doc.moveDown(0.15);
        break;
      }
      case 'chart':
        drawChart(doc, model, left, width, ensure);
        break;
      case 'table':
        drawTable(doc, b, left, width, bottom);
        break;
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const label = `第 ${i + 1} 页 / 共 ${range.count} 页`;
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('R').fontSize(7.5).fillColor('#666').text(label, left, doc.page.height - 30, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;
}

type Doc = InstanceType<typeof PDFDocument>;

function drawChart(doc: Doc, model: SummaryModel, left: number, width: number, ensure: (h: number) => void): void {
  const rowH = 14;
  const labelW = 150;
  const barW = width - labelW - 40;
  const max = Math.max(1, ...model.units.map((u) => u.people));
  ensure(Math.min(model.units.length, 10) * rowH + 30);
  doc.moveDown(0.3);
  for (const u of model.units) {
    ensure(rowH + 2);
    const y = doc.y;
    const name = u.unit.length > 14 ? `${u.unit.slice(0, 13)}…` : u.unit;
    doc.font('R').fontSize(7.5).fillColor('#111').text(name, left, y + 3, { width: labelW - 6, align: 'right', lineBreak: false, height: rowH });
    let x = left + labelW;
    for (const s of STATUS_ORDER) {
      const n = u.counts[s];
      if (n === 0) continue;
      const w = (n / max) * barW;
      doc.rect(x, y + 2, w, rowH - 4).fill(STATUS_COLORS[s]);
      x += w;
    }
    doc.font('R').fontSize(7).fillColor('#333').text(String(u.people), x + 3, y + 3, { lineBreak: false });
    doc.x = left;
    doc.y = y + rowH;
  }
  // legend
  let x = left + labelW;
  const y = doc.y + 3;
  for (const s of STATUS_ORDER) {
    doc.rect(x, y + 1, 7, 7).fill(STATUS_COLORS[s as Status]);
    const label = model.statusLabels[s];
    doc.font('R').fontSize(7.5).fillColor('#111').text(label, x + 10, y, { lineBreak: false });
    x += 10 + doc.widthOfString(label) + 14;
  }
  doc.x = left;
  doc.y = y + 16;
}

function drawTable(doc: Doc, t: Extract<Block, { type: 'table' }>, left: number, width: number, bottom: () => number): void {
  const total = t.columns.reduce((a, c) => a + c.width, 0);
  const widths = t.columns.map((c) => (c.width / total) * width);
  const pad = 2.5;
  const size = t.columns.length > 8 ? 7 : 8;
  const cellH = (cells: string[], font: 'R' | 'B') => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], y: number, h: number, head: boolean, bold: boolean) => {
    let x = left;
    cells.forEach((c, i) => {
      const w = widths[i]!;
      if (head) doc.rect(x, y, w, h).fill('#eef1f5');
      doc.lineWidth(0.4).strokeColor('#bbbbbb').rect(x, y, w, h).stroke();
      doc
        .font(head || bold ? 'B' : 'R')
        .fontSize(size)
        .fillColor('#111')
        .text(c, x + pad, y + pad, { width: w - 2 * pad, align: head ? 'left' : (t.columns[i]!.align ?? 'left'), lineBreak: true });
      x += w;
    });
  };
  const headCells = t.columns.map((c) => c.title);
  const headH = cellH(headCells, 'B');
  let y = doc.y;
  if (y + headH + 20 > bottom()) {
    doc.addPage();
    y = doc.y;
  }
  drawRow(headCells, y, headH, true, false);
  y += headH;
  t.rows.forEach((r, k) => {
    const bold = t.boldLast === true && k === t.rows.length - 1;
    const h = cellH(r, bold ? 'B' : 'R');
    if (y + h > bottom()) {
      doc.addPage();
      y = doc.y;
      drawRow(headCells, y, headH, true, false);
      y += headH;
    }
    drawRow(r, y, h, false, bold);
    y += h;
  });
  doc.x = left;
  doc.y = y + 6;
}
