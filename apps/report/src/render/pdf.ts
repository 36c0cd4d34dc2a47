/**
 * The summary as PDF (pdfkit): A4 portrait, Noto Sans SC embedded as a subset
 * of the glyphs used (subset-font first, so the font is small and quick to
 * parse), text selectable, header rows repeated on each page, page numbers.
 *
 * The content is first described as blocks (plain strings), so the set of
 * characters is known before the font is cut.
 */
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import subsetFont from 'subset-font';
import { daysLeftText, fmtHours, fmtYuan, placeLine, PlaceText, STATUS_ORDER, yearGapLines, zhDate } from '@ce/summary';
import type { ActionItem, Reason, ShortfallRow, SummaryModel } from '@ce/summary';
import type { Status } from '@ce/rules';
import { noticeClosingText, STATUS_COLORS } from './html.js';

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
  | { type: 'para'; text: string; small?: boolean; right?: boolean }
  | { type: 'table'; columns: Column[]; rows: string[][]; boldLast?: boolean; size?: number }
  | { type: 'signature'; labels: readonly string[] }
  | { type: 'pagebreak' }
  | { type: 'chart' };

/**
 * At most this many people in each PDF list (未达标人员名单, 数据有误的行): about
 * 450 A4 pages. A longer list is cut, and the PDF says so above and below the
 * table; the XLSX 汇总 sheet and the HTML always have every row.
 */
export const PDF_LIST_LIMIT = 10_000;
/** At most this many 通知单 pages in the PDF; the rest are in the XLSX and the HTML. */
export const PDF_NOTICE_LIMIT = 1_000;

/**
 * A list the PDF stops at `limit` entries, saying so before and after it;
 * the HTML and the XLSX keep every entry.
 */
function cappedTable<T>(
  b: Block[],
  items: readonly T[],
  limit: number,
  o: { unit: '人' | '行'; whole: '名单' | '清单'; empty: string; columns: Column[]; rows: (shown: readonly T[]) => string[][]; sheet?: string },
): void {
  const shown = items.slice(0, limit);
  const cut = items.length - shown.length;
  const where = `完整${o.whole}见 XLSX（“${o.sheet ?? '汇总'}”工作表）和 HTML。`;
  if (cut > 0) b.push({ type: 'para', text: `以下列出前 ${limit} ${o.unit}，${where}` });
  if (items.length === 0) b.push({ type: 'para', text: o.empty });
  else b.push({ type: 'table', columns: o.columns, rows: o.rows(shown) });
  if (cut > 0) b.push({ type: 'para', text: `……其余 ${cut} ${o.unit}未在 PDF 中列出，${where}` });
}

// the key on its own line, so that a narrow column never breaks it
const reasonLines = (rs: readonly Reason[]) => rs.map((x) => `${x.text}\n〔${x.key}〕`).join('\n');
const pair = (h: { public: number; professional: number } | null) => (h ? `公需 ${fmtHours(h.public)}\n专业 ${fmtHours(h.professional)}` : '—');

function headBlocks(b: Block[], model: SummaryModel): void {
  for (const line of model.heading) b.push({ type: 'title', text: line });
  if (model.unit) b.push({ type: 'sub', text: `填报单位：${model.unit}` });
  b.push({ type: 'sub', text: model.basis });
  b.push({ type: 'sub', text: model.subtitle });
  b.push({ type: 'para', text: `发文：${model.issuer}${model.docNumber ? ` ${model.docNumber}` : ''}${model.issued ? `，${zhDate(model.issued)}` : ''}` });
  if (model.window) {
    const w = model.window;
    b.push({ type: 'para', text: `${w.text}（${w.key}）` });
    b.push({ type: 'para', text: `可补学年度：${w.makeUpYears === undefined ? '通知未规定' : w.makeUpYears.length === 0 ? '无' : w.makeUpYears.join('、')}` });
    if (w.note) b.push({ type: 'para', text: w.note, small: true });
  }
  if (model.fees) {
    const f = model.fees;
    b.push({ type: 'para', text: `补学费用：${f.basis}（${f.key}）；${f.complete ? `未达标人员可补学时的补学费用合计约 ${fmtYuan(f.total)} 元` : `未达标人员的补学费用待确认（可补学时未知的人员未计入，已知部分约 ${fmtYuan(f.total)} 元）`}` });
  }
  if (model.platforms.length > 0) b.push({ type: 'para', text: `学习平台：${model.platforms.map(placeLine).join('；')}`, small: true });
  for (const s of model.sources) b.push({ type: 'para', text: `· ${s}`, small: true });
  b.push({ type: 'h2', text: '时间节点' });
  if (model.deadlines.length === 0) b.push({ type: 'para', text: '本通知未规定时间节点。' });
  else
    b.push({
      type: 'table',
      columns: [{ title: '日期', width: 1.6 }, { title: '事项', width: 5 }, { title: '距制表日', width: 1.3, align: 'right' }, { title: '条款', width: 1.6 }],
      rows: model.deadlines.map((d) => [zhDate(d.date), d.label, daysLeftText(d.daysLeft), d.key]),
    });
}

function countBlocks(b: Block[], model: SummaryModel): void {
  const fees = model.fees !== undefined;
  const t = model.totals;
  b.push({ type: 'h2', text: '一、总体情况' });
  b.push({
    type: 'table',
    columns: [{ title: '总人数', width: 1, align: 'right' }, ...STATUS_ORDER.map((s) => ({ title: model.statusLabels[s], width: 1, align: 'right' as Align })), { title: '未达标缺少学时', width: 1.4, align: 'right' }, { title: '缺公需', width: 1, align: 'right' }, { title: '缺专业', width: 1, align: 'right' }],
    rows: [[String(t.people), ...STATUS_ORDER.map((s) => String(t.counts[s])), fmtHours(t.missing.total), fmtHours(t.missing.public), fmtHours(t.missing.professional)]],
  });
  if (t.referenceMissing.total > 0) b.push({ type: 'para', text: `另：不作限制人员缺少学时 ${fmtHours(t.referenceMissing.total)}（仅供参考，不计入合计）。`, small: true });
  b.push({ type: 'chart' });
  b.push({ type: 'h2', text: '二、各单位情况' });
  b.push({
    type: 'table',
    columns: [{ title: '工作单位', width: 4 }, { title: '人数', width: 1, align: 'right' }, ...STATUS_ORDER.map((s) => ({ title: model.statusLabels[s], width: 1.2, align: 'right' as Align })), { title: '未达标缺少学时', width: 1.5, align: 'right' }, ...(fees ? [{ title: '补学费用(元)', width: 1.5, align: 'right' as Align }] : [])],
    rows: [
      ...model.units.map((u) => [u.unit, String(u.people), ...STATUS_ORDER.map((s) => String(u.counts[s])), fmtHours(u.missing.total), ...(fees ? [fmtYuan(u.cost ?? 0)] : [])]),
      ['合计', String(t.people), ...STATUS_ORDER.map((s) => String(t.counts[s])), fmtHours(t.missing.total), ...(model.fees ? [fmtYuan(model.fees.total)] : [])],
    ],
    boldLast: true,
  });
}

function personColumns(fees: boolean): Column[] {
  return [
    { title: '行号', width: 0.8, align: 'right' },
    { title: '单位', width: 2.2 },
    { title: '姓名', width: 1.4 },
    { title: '身份证号', width: 2.6 },
    { title: '申报类型', width: 1.3 },
    { title: '缺少', width: 0.9, align: 'right' },
    { title: '缺公需', width: 1, align: 'right' },
    { title: '缺专业', width: 1, align: 'right' },
    { title: '各年度缺口', width: 2.2 },
    { title: '原因与依据', width: 4 },
    ...(fees ? [{ title: '费用(元)', width: 1.2, align: 'right' as Align }] : []),
  ];
}

function personRows(list: readonly ShortfallRow[], fees: boolean): string[][] {
  return list.map((s) => [
    String(s.row),
    s.unit,
    s.name,
    s.id,
    s.purposeLabel,
    fmtHours(s.missing.total),
    fmtHours(s.missing.public),
    fmtHours(s.missing.professional),
    yearGapLines(s.years).join('\n'),
    reasonLines(s.reasons),
    ...(fees ? [s.cost === undefined ? '—' : fmtYuan(s.cost)] : []),
  ]);
}

function actionBlocks(b: Block[], model: SummaryModel, limit: number): void {
  const fees = model.fees !== undefined;
  const a = model.actions;
  b.push({ type: 'h2', text: `四、行动清单（${a.items.length} 人，须补学 ${a.totals.mustAct} 人）` });
  const unitRow = (label: string, t: (typeof a)['totals']) => [label, String(t.people), String(t.mustAct), fmtHours(t.closable.public), fmtHours(t.closable.professional), fmtHours(t.closed.public + t.closed.professional), ...(fees ? [fmtYuan(t.cost ?? 0)] : [])];
  b.push({
    type: 'table',
    columns: [{ title: '工作单位', width: 4 }, { title: '缺学时人数', width: 1.3, align: 'right' }, { title: '须补学人数', width: 1.3, align: 'right' }, { title: '可补公需', width: 1.2, align: 'right' }, { title: '可补专业', width: 1.2, align: 'right' }, { title: '已无法补', width: 1.2, align: 'right' }, ...(fees ? [{ title: '补学费用(元)', width: 1.5, align: 'right' as Align }] : [])],
    rows: [...a.units.map((u) => unitRow(u.unit, u)), unitRow('合计', a.totals)],
    boldLast: true,
  });
  b.push({ type: 'para', text: '学时与费用只计未达标人员；不作限制人员列在清单末尾，仅供参考。按截止前剩余天数由少到多、可补学时由多到少排列。', small: true });
  const places = placeGroups(a.items.slice(0, limit));
  // the width the platforms no longer need goes to the gaps, the deadline and the notes (the table's total stays)
  const spare = places.groups.length > 0 ? 1.6 : 0;
  for (const g of places.groups) b.push({ type: 'para', text: `学习平台${g.label}：${g.text.replace(/\n/g, '；')}` });
  cappedTable(b, a.items, limit, {
    unit: '人',
    whole: '清单',
    sheet: '行动清单',
    empty: '无缺少学时的人员。',
    columns: [
      { title: '单位', width: 2 },
      { title: '姓名', width: 1.3 },
      { title: '身份证号', width: 2.5 },
      { title: '申报类型', width: 1.2 },
      { title: '各年度缺口', width: 2 + spare * 0.25 },
      { title: '仍可补学', width: 1.3 },
      { title: '截止', width: 1.8 + spare * 0.25 },
      { title: '学习平台', width: 3 - spare },
      ...(fees ? [{ title: '费用(元)', width: 1.1, align: 'right' as Align }] : []),
      { title: '已无法补', width: 1.3 },
      { title: '说明', width: 2 + spare * 0.5 },
    ],
    rows: (items) =>
      items.map((x) => [
        x.unit,
        x.name,
        x.id,
        x.purposeLabel,
        x.gaps.join('\n') || '—',
        x.unknown ? '未知' : pair(x.closable),
        x.unknown || !x.hasRemedy ? '按当地安排' : x.by ? `${zhDate(x.by)}\n${daysLeftText(x.daysLeft)}` : '—',
        places.cell(x.where),
        ...(fees ? [!x.bound ? '不计' : x.cost === null ? '—' : fmtYuan(x.cost)] : []),
        x.closedTotal > 0 ? pair(x.closed) : x.closed ? '0' : '—',
        [...(x.bound ? [] : ['不作限制，仅供参考']), ...x.alternatives.map((t) => `也可：${t}`)].join('\n'),
      ]),
  });
}

const GROUP_LABELS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The action list's 学习平台 column: most people share one list of four or
 * five platforms, which printed in every row made each row ~15 lines high and
 * the list two thirds of the PDF. A list of two or more platforms that
 * several people share is printed once above the table, as 学习平台（一）, and
 * the row says 见上方学习平台（一）; a person's own 通知单 page, the HTML and the
 * XLSX still list the platforms in full.
 */
function placeGroups(items: readonly ActionItem[]): { groups: { label: string; text: string }[]; cell(where: ActionItem['where']): string } {
  const byText = new Map<string, { label: string; text: string; n: number }>();
  const lists = new PlaceText('\n');
  const text = (w: ActionItem['where']) => lists.of(w);
  for (const x of items) {
    if (x.where.length < 2) continue;
    const t = text(x.where);
    const g = byText.get(t);
    if (g) g.n++;
    else byText.set(t, { label: '', text: t, n: 1 });
  }
  const shared = [...byText.values()].filter((g) => g.n > 1).slice(0, GROUP_LABELS.length);
  shared.forEach((g, i) => (g.label = `（${GROUP_LABELS[i]}）`));
  return {
    groups: shared,
    cell: (w) => {
      const t = text(w);
      const g = byText.get(t);
      return g && g.label ? `见上方学习平台${g.label}` : t || '—';
    },
  };
}

function noticeBlocks(b: Block[], model: SummaryModel, a: ActionItem): void {
  b.push({ type: 'pagebreak' });
  b.push({ type: 'title', text: '专业技术人员继续教育补学通知单' });
  b.push({ type: 'sub', text: `${model.basis}　审验年度 ${model.reviewYear}` });
  const rows: string[][] = [
    ['姓名', a.name],
    ['身份证号', a.id],
    ['工作单位', a.unit],
    ['申报类型', a.purposeLabel],
    ['缺少学时', `${fmtHours(a.missing.total)}（公需 ${fmtHours(a.missing.public)}，专业 ${fmtHours(a.missing.professional)}）`],
    ['各年度缺口', a.gaps.join('\n') || '—'],
    ['须完成', a.todo.filter((t) => !t.startsWith('学习平台') && !t.startsWith('补学费用')).join('\n')],
    ['截止日期', !a.hasRemedy ? '待确认（按当地安排）' : a.unknown ? '通知未规定，按当地安排' : a.by ? `${zhDate(a.by)}（${daysLeftText(a.daysLeft)}）` : '—'],
    ['学习平台', a.where.map(placeLine).join('\n') || '—'],
  ];
  if (model.fees) rows.push(['补学费用', a.cost === null ? '—' : `约 ${fmtYuan(a.cost)} 元`]);
  b.push({ type: 'table', columns: [{ title: '项目', width: 1.2 }, { title: '内容', width: 5 }], rows, size: 10 });
  b.push({ type: 'para', text: noticeClosingText(model) });
  b.push({ type: 'para', text: `${model.unit ?? '填报单位'}（盖章）　　${zhDate(model.generatedOn)}`, right: true });
}

function blocks(model: SummaryModel, limit: number, noticeLimit: number): Block[] {
  const b: Block[] = [];
  const fees = model.fees !== undefined;
  headBlocks(b, model);
  countBlocks(b, model);
  b.push({ type: 'h2', text: `三、未达标人员名单（${model.shortfalls.length} 人）` });
  cappedTable(b, model.shortfalls, limit, { unit: '人', whole: '名单', empty: '无未达标人员。', columns: personColumns(fees), rows: (list) => personRows(list, fees) });
  actionBlocks(b, model, limit);
  b.push({ type: 'h2', text: `五、不作限制人员名单（${model.notRestrictive.length} 人，学时仅供参考）` });
  cappedTable(b, model.notRestrictive, limit, { unit: '人', whole: '名单', empty: '无不作限制人员。', columns: personColumns(false), rows: (list) => personRows(list, false) });
  b.push({ type: 'h2', text: `六、免除人员名单（${model.exempt.length} 人）` });
  cappedTable(b, model.exempt, limit, {
    unit: '人',
    whole: '名单',
    empty: '无免除人员。',
    columns: [{ title: '行号', width: 0.8, align: 'right' }, { title: '单位', width: 2.4 }, { title: '姓名', width: 1.5 }, { title: '身份证号', width: 2.6 }, { title: '申报类型', width: 1.3 }, { title: '免除依据', width: 5 }],
    rows: (list) => list.map((e) => [String(e.row), e.unit, e.name, e.id, e.purposeLabel, reasonLines(e.reliefs)]),
  });
  b.push({ type: 'h2', text: `七、数据有误需修改的行（${model.invalid.length} 行）` });
  cappedTable(b, model.invalid, limit, {
    unit: '行',
    whole: '清单',
    empty: '无数据有误的行。',
    columns: [
      { title: '行号', width: 0.8, align: 'right' },
      { title: '姓名', width: 1.5 },
      { title: '身份证号', width: 2.6 },
      { title: '单元格', width: 1 },
      { title: '列名', width: 1.8 },
      { title: '当前值', width: 2.2 },
      { title: '需修改', width: 4 },
    ],
    rows: (invalid) => invalid.flatMap((v) => v.fixes.map((f) => [String(v.row), v.name, v.id, f.cell ?? '', f.header ?? '', f.value ?? '', f.message + (f.key ? `（${f.key}）` : '')])),
  });
  b.push({ type: 'signature', labels: model.signature });
  for (const n of model.notes) b.push({ type: 'para', text: n, small: true });
  b.push({ type: 'para', text: `制表日期：${zhDate(model.generatedOn)}`, small: true });
  const notices = model.notices.slice(0, noticeLimit);
  if (notices.length < model.notices.length) {
    b.push({ type: 'para', text: `通知单：PDF 中列出最紧急的前 ${noticeLimit} 份，其余 ${model.notices.length - noticeLimit} 人见“行动清单”（XLSX 与 HTML 中的行动清单列出全部人员）。` });
  }
  for (const a of notices) noticeBlocks(b, model, a);
  return b;
}

const PAGE_LABEL_CHARS = '第页共/ 0123456789';

/**
 * Every character the document uses, for the font subset. A flag per UTF-16
 * code unit (and a set for the rare astral characters): tens of thousands of
 * cells are scanned once, without a Set insertion per character.
 */
function charsOf(bs: Block[], model: SummaryModel): string {
  const seen = new Uint8Array(0x10000);
  const astral = new Set<string>();
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        astral.add(s.slice(i, i + 2));
        i++;
      } else seen[c] = 1;
    }
  };
  add(PAGE_LABEL_CHARS + '…');
  for (const b of bs) {
    if (b.type === 'table') {
      b.columns.forEach((c) => add(c.title));
      for (const r of b.rows) for (const c of r) add(c);
    } else if (b.type === 'signature') b.labels.forEach((l) => add(l + '：'));
    else if (b.type === 'para' || b.type === 'title' || b.type === 'sub' || b.type === 'h2') add(b.text);
  }
  for (const u of model.units) add(u.unit);
  STATUS_ORDER.forEach((s) => add(model.statusLabels[s]));
  let out = '';
  // lone surrogates have no glyph (and two of them side by side would pair up)
  for (let c = 0; c < 0x10000; c++) if (seen[c] === 1 && (c < 0xd800 || c > 0xdfff)) out += String.fromCharCode(c);
  return out + [...astral].join('');
}

async function fontFile(weight: '400Regular' | '700Bold'): Promise<Buffer> {
  const p = require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`);
  return readFile(p);
}

export interface PdfOptions {
  /** fixed creation date, for reproducible files */
  creationDate?: Date;
  /** people per list, PDF_LIST_LIMIT unless given (tests) */
  listLimit?: number;
  /** notice pages, PDF_NOTICE_LIMIT unless given (tests) */
  noticeLimit?: number;
}

/** The PDF in memory (tests, small documents). */
export async function renderPdf(model: SummaryModel, options: PdfOptions = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await writePdfTo(model, { write: (c) => void chunks.push(c) }, options);
  return Buffer.concat(chunks);
}

/** Where the PDF's bytes go, piece by piece; `write` may return a promise to hold back the next page (a file stream's back-pressure). */
export interface PdfSink {
  write(chunk: Buffer): void | Promise<void>;
}

/** Write the PDF to a file, page by page: the document is never held whole in memory. */
export async function writePdfFile(model: SummaryModel, path: string, options: PdfOptions = {}): Promise<void> {
  const out = createWriteStream(path);
  const opened = new Promise<void>((resolve, reject) => {
    out.once('open', () => resolve());
    out.once('error', reject);
  });
  await opened;
  let failed: unknown;
  out.on('error', (e) => (failed = e));
  try {
    await writePdfTo(model, {
      write: (c) => {
        if (failed !== undefined) throw failed as Error;
        if (!out.write(c)) return new Promise<void>((resolve) => out.once('drain', resolve));
      },
    }, options);
  } finally {
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
  if (failed !== undefined) throw failed as Error;
}

export async function writePdfTo(model: SummaryModel, sink: PdfSink, options: PdfOptions = {}): Promise<void> {
  const bs = blocks(model, options.listLimit ?? PDF_LIST_LIMIT, options.noticeLimit ?? PDF_NOTICE_LIMIT);
  const text = charsOf(bs, model);
  const [regular, bold] = await Promise.all([
    fontFile('400Regular').then((f) => subsetFont(f, text, { targetFormat: 'truetype' })),
    fontFile('700Bold').then((f) => subsetFont(f, text, { targetFormat: 'truetype' })),
  ]);
  const g = model.generatedOn;
  // Pages are not buffered: the whole document is laid out first (cheap: each
  // page is a list of draw steps), so the page count is known, and then each
  // page is drawn, numbered and flushed before the next one is started.
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margins: { top: 42, bottom: 48, left: 36, right: 36 },
    bufferPages: false,
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
  // pdfkit pushes its output synchronously while pages are drawn; pieces are gathered and handed to the sink between pages
  let pending: Buffer[] = [];
  doc.on('data', (c: Buffer) => pending.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const flush = async () => {
    if (pending.length === 0) return;
    const piece = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    await sink.write(piece);
  };

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.page.margins.top;
  const bottom = doc.page.height - doc.page.margins.bottom;
  const measure = new Measure(doc);
  const L: Layout = { doc, pages: [[]], y: top, top, bottom, left, width, measure };
  const draw = (step: Step) => L.pages[L.pages.length - 1]!.push(step);
  const moveDown = (font: Font, size: number, lines: number) => {
    L.y += measure.lineHeight(font, size) * lines;
  };
  /**
   * A paragraph wrapped and placed by our own measurements (the same line
   * height and baseline as pdfkit's text()), drawn as one text object: pdfkit's
   * per-call text layout is what made a thousand notice pages slow.
   */
  const textAt = (s: string, o: { font: Font; size: number; color: string; x: number; width: number; align: Align }) => {
    const lines = measure.wrap(s, o.font, o.size, o.width);
    const lh = measure.lineHeight(o.font, o.size);
    // the document's font is left as pdfkit's text() left it (the next heading's gap is measured in it)
    doc.font(o.font).fontSize(o.size);
    const y = L.y;
    draw((d) => {
      const items = lines.map((line, k) => ({ x: alignedX(measure, line, o.font, o.size, o.x, o.width, o.align), y: y + k * lh, s: line }));
      measure.text(d, o.font, o.size, items, o.color);
    });
    return lines.length * lh;
  };

  for (const b of bs) {
    switch (b.type) {
      case 'title': {
        L.y += textAt(b.text, { font: 'B', size: 15, color: '#111', x: left, width, align: 'center' });
        moveDown('B', 15, 0.3);
        break;
      }
      case 'sub': {
        L.y += textAt(b.text, { font: 'R', size: 8.5, color: '#444', x: left, width, align: 'center' });
        moveDown('R', 8.5, 0.6);
        break;
      }
      case 'h2': {
        ensure(L, 60);
        // the gap above is in the font the document was last set to, as pdfkit's moveDown() counts it
        L.y += doc.currentLineHeight(true) * 0.5;
        const y = L.y;
        draw((d) => d.rect(left, y + 1, 3, 12).fill('#345'));
        L.y += textAt(b.text, { font: 'B', size: 11.5, color: '#111', x: left + 8, width: width - 8, align: 'left' });
        moveDown('B', 11.5, 0.3);
        break;
      }
      case 'para': {
        const size = b.small ? 7.5 : 9;
        const h = measure.wrap(b.text, 'R', size, width).length * measure.lineHeight('R', size);
        ensure(L, h + 2);
        L.y += textAt(b.text, { font: 'R', size, color: b.small ? '#555' : '#111', x: left, width, align: b.right ? 'right' : 'left' });
        moveDown('R', size, 0.15);
        break;
      }
      case 'chart':
        layoutChart(L, model, draw);
        break;
      case 'pagebreak':
        if (L.y > L.top) newPage(L);
        break;
      case 'signature': {
        // four labelled lines to sign on, kept on one page
        ensure(L, 60);
        L.y += 18;
        const y = L.y;
        const cell = width / b.labels.length;
        draw((d) => {
          b.labels.forEach((label, i) => {
            const x = left + i * cell;
            d.font('R').fontSize(9.5).fillColor('#111').text(`${label}：`, x, y, { width: cell - 10, lineBreak: false });
            d.moveTo(x, y + 30).lineTo(x + cell - 12, y + 30).lineWidth(0.5).strokeColor('#333').stroke();
          });
        });
        L.y = y + 40;
        break;
      }
      case 'table':
        layoutTable(L, b, draw);
        break;
    }
  }

  const count = L.pages.length;
  for (let i = 0; i < count; i++) {
    if (i > 0) doc.addPage();
    const steps = L.pages[i]!;
    L.pages[i] = [];
    for (const s of steps) s(doc);
    const label = `第 ${i + 1} 页 / 共 ${count} 页`;
    measure.text(doc, 'R', 7.5, [{ x: alignedX(measure, label, 'R', 7.5, left, width, 'center'), y: doc.page.height - 30, s: label }], '#666');
    deflatePage(doc);
    await flush();
  }
  doc.end();
  await ended;
  await flush();
}

/** pdfkit's view of a page's content stream (pdfkit 0.20: PDFReference). */
interface ContentRef {
  buffer: Uint8Array[];
  compress: boolean;
  data: { Filter?: string };
}

/**
 * Compress the finished page's content ourselves, at zlib level 1: pdfkit
 * deflates every stream at the default level 6, which took a quarter of the
 * time on a few thousand pages of table text for a file about a fifth smaller.
 * The stream is marked FlateDecode as pdfkit marks its own.
 */
function deflatePage(doc: Doc): void {
  const c = (doc.page as unknown as { content: ContentRef }).content;
  if (!c.compress || c.buffer.length === 0) return;
  c.buffer = [deflateSync(Buffer.concat(c.buffer), { level: 1 })];
  c.compress = false;
  c.data.Filter = 'FlateDecode';
}

/** Where a line starts in a box of `width` at `x`, by its measured width. */
function alignedX(measure: Measure, line: string, font: Font, size: number, x: number, width: number, align: Align): number {
  if (align === 'left' || line === '') return x;
  const w = measure.width(line, font, size);
  return align === 'right' ? x + width - w : x + (width - w) / 2;
}

type Doc = InstanceType<typeof PDFDocument>;
/** One drawing step, replayed on its page once the page count is known. */
type Step = (doc: Doc) => void;
interface Layout {
  doc: Doc;
  pages: Step[][];
  y: number;
  top: number;
  bottom: number;
  left: number;
  width: number;
  measure: Measure;
}

function ensure(L: Layout, h: number): void {
  if (L.y + h > L.bottom) newPage(L);
}

function newPage(L: Layout): void {
  L.pages.push([]);
  L.y = L.top;
}

/** Widths of single characters at one font and size: by UTF-16 code (-1: not measured yet), astral characters apart. */
interface CharWidths {
  bmp: Float64Array;
  astral: Map<string, number>;
}

interface PdfFont {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], unknown[]];
}

const num = (v: number): string => String(Math.round(v * 100) / 100);

type Font = 'R' | 'B';

const RGB = new Map<string, string>();
/** `#rrggbb` as the operands of `rg` (pdfkit's fillColor() writes the same colour, with more calls per use). */
function rgb(hex: string): string {
  let v = RGB.get(hex);
  if (v === undefined) {
    const n = Number.parseInt(hex.slice(1), 16);
    v = [n >> 16, (n >> 8) & 255, n & 255].map((c) => num(c / 255)).join(' ');
    RGB.set(hex, v);
  }
  return v;
}

/** Two-byte glyph codes (pdfkit's hex, e.g. `01a2`) as the characters of a PDF literal string, escaped where the syntax needs it. */
function literalBytes(hexCodes: readonly string[]): string {
  let out = '';
  for (const hex of hexCodes) {
    for (let i = 0; i < hex.length; i += 2) {
      const b = Number.parseInt(hex.slice(i, i + 2), 16);
      out += b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b === 0x0a ? '\\n' : b === 0x0d ? '\\r' : String.fromCharCode(b);
    }
  }
  return out;
}

/** Widths of single characters, cached per font and size; lines wrapped by character (CJK text). */
class Measure {
  private readonly widths = new Map<string, CharWidths>();
  private readonly heights = new Map<string, number>();
  private readonly codes = new Map<string, Map<string, string>>();
  private readonly wrapped = new Map<string, Map<string, string[]>>();
  constructor(private readonly doc: Doc) {}
  private table(font: Font, size: number): CharWidths {
    const k = `${font}${size}`;
    let m = this.widths.get(k);
    if (!m) this.widths.set(k, (m = { bmp: new Float64Array(0x10000).fill(-1), astral: new Map() }));
    return m;
  }
  private measureChar(ch: string, font: Font, size: number): number {
    this.doc.font(font).fontSize(size);
    return this.doc.widthOfString(ch);
  }
  lineHeight(font: Font, size: number): number {
    const k = `${font}${size}`;
    let h = this.heights.get(k);
    if (h === undefined) {
      this.doc.font(font).fontSize(size);
      h = this.doc.currentLineHeight(true);
      this.heights.set(k, h);
    }
    return h;
  }
  /** The sum of the characters' widths (each measured by pdfkit once per font and size; a flat table, as every cell of every row is measured). */
  width(s: string, font: Font, size: number): number {
    const t = this.table(font, size);
    let w = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const d = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        const ch = s.slice(i, i + 2);
        i++;
        let cw = t.astral.get(ch);
        if (cw === undefined) t.astral.set(ch, (cw = this.measureChar(ch, font, size)));
        w += cw;
        continue;
      }
      let cw = t.bmp[c]!;
      if (cw < 0) t.bmp[c] = cw = this.measureChar(String.fromCharCode(c), font, size);
      w += cw;
    }
    return w;
  }
  /**
   * Draw single lines (top-left positions, as pdfkit's text()) in one text
   * object. Each character is encoded once through pdfkit's font (which also
   * records it for the subset and the ToUnicode map, so the text stays
   * selectable); pdfkit's per-call text layout is skipped. Glyph codes go in
   * as bytes of a literal string (half the size of hex, so half to compress),
   * and the content is handed to pdfkit as bytes, not a string it converts
   * character by character.
   */
  text(doc: Doc, font: Font, size: number, items: readonly { x: number; y: number; s: string }[], color = '#111'): void {
    if (items.length === 0) return;
    doc.font(font).fontSize(size);
    const f = (doc as unknown as { _font: PdfFont })._font;
    let codes = this.codes.get(font);
    if (!codes) this.codes.set(font, (codes = new Map()));
    const page = doc.page as unknown as { fonts: Record<string, unknown>; height: number };
    if (page.fonts[f.id] == null) page.fonts[f.id] = f.ref();
    const dy = (f.ascender / 1000) * size;
    const h = page.height;
    // the page's coordinates are flipped (pdfkit's origin is top-left); text is drawn unflipped
    let out = `q\n1 0 0 -1 0 ${num(h)} cm\nBT\n${rgb(color)} rg\n/${f.id} ${num(size)} Tf\n`;
    // each line starts at an offset from the last (Td), in hundredths of a point as before: half the bytes of a full Tm
    let px = 0;
    let py = 0;
    for (const it of items) {
      let bytes = '';
      for (const ch of it.s) {
        let c = codes.get(ch);
        if (c === undefined) {
          c = literalBytes(f.encode(ch)[0]);
          codes.set(ch, c);
        }
        bytes += c;
      }
      const x = Math.round(it.x * 100);
      const y = Math.round((h - it.y - dy) * 100);
      out += `${(x - px) / 100} ${(y - py) / 100} Td(${bytes})Tj\n`;
      px = x;
      py = y;
    }
    doc.addContent(Buffer.from(out + 'ET\nQ\n', 'latin1'));
  }
  /** Break `s` into lines no wider than `max`: at newlines, then before the character that would overflow (at a space if one is near). */
  wrap(s: string, font: Font, size: number, max: number): string[] {
    // Many cells repeat (status, hours, unit, reasons, masked IDs): wrap each distinct one once per column width.
    const k = `${font}${size}|${max}`;
    let cache = this.wrapped.get(k);
    if (!cache) this.wrapped.set(k, (cache = new Map()));
    let lines = cache.get(s);
    if (lines === undefined) {
      lines = this.wrapNow(s, font, size, max);
      if (cache.size >= 20000) cache.clear();
      cache.set(s, lines);
    }
    return lines;
  }
  private wrapNow(s: string, font: Font, size: number, max: number): string[] {
    const out: string[] = [];
    for (const para of s.split('\n')) {
      if (this.width(para, font, size) <= max) {
        out.push(para);
        continue;
      }
      let line = '';
      let w = 0;
      for (const ch of para) {
        const cw = this.width(ch, font, size);
        if (w + cw > max && line !== '') {
          const sp = line.lastIndexOf(' ');
          if (sp > 0 && line.length - sp < 12 && ch !== ' ') {
            out.push(line.slice(0, sp));
            line = line.slice(sp + 1);
            w = this.width(line, font, size);
          } else {
            out.push(line);
            line = '';
            w = 0;
            if (ch === ' ') continue;
          }
        }
        line += ch;
        w += cw;
      }
      out.push(line);
    }
    return out;
  }
}

function layoutChart(L: Layout, model: SummaryModel, draw: (s: Step) => void): void {
  const { doc, left, width } = L;
  const rowH = 14;
  const labelW = 150;
  const barW = width - labelW - 40;
  const max = Math.max(1, ...model.units.map((u) => u.people));
  ensure(L, Math.min(model.units.length, 10) * rowH + 30);
  doc.font('R').fontSize(7.5);
  L.y += doc.currentLineHeight(true) * 0.3;
  for (const u of model.units) {
    ensure(L, rowH + 2);
    const y = L.y;
    const name = u.unit.length > 14 ? `${u.unit.slice(0, 13)}…` : u.unit;
    draw((d) => {
      d.font('R').fontSize(7.5).fillColor('#111').text(name, left, y + 3, { width: labelW - 6, align: 'right', lineBreak: false, height: rowH });
      let x = left + labelW;
      for (const s of STATUS_ORDER) {
        const n = u.counts[s];
        if (n === 0) continue;
        const w = (n / max) * barW;
        d.rect(x, y + 2, w, rowH - 4).fill(STATUS_COLORS[s]);
        x += w;
      }
      d.font('R').fontSize(7).fillColor('#333').text(String(u.people), x + 3, y + 3, { lineBreak: false });
    });
    L.y = y + rowH;
  }
  // legend
  const y = L.y + 3;
  draw((d) => {
    let x = left + labelW;
    for (const s of STATUS_ORDER) {
      d.rect(x, y + 1, 7, 7).fill(STATUS_COLORS[s as Status]);
      const label = model.statusLabels[s];
      d.font('R').fontSize(7.5).fillColor('#111').text(label, x + 10, y, { lineBreak: false });
      x += 10 + d.widthOfString(label) + 14;
    }
  });
  L.y = y + 16;
}

function layoutTable(L: Layout, t: Extract<Block, { type: 'table' }>, draw: (s: Step) => void): void {
  const { left, width, measure } = L;
  const total = t.columns.reduce((a, c) => a + c.width, 0);
  const widths = t.columns.map((c) => (c.width / total) * width);
  const pad = 2.5;
  const size = t.size ?? (t.columns.length > 8 ? 7 : 8);
  // lines of each cell, wrapped to the column (every line is drawn on its own, never re-wrapped by pdfkit)
  const lay = (cells: string[], font: Font) => {
    const lines = cells.map((c, i) => measure.wrap(c, font, size, widths[i]! - 2 * pad));
    const n = Math.max(1, ...lines.map((l) => l.length));
    return { lines, h: n * measure.lineHeight(font, size) + 2 * pad };
  };
  const xs: number[] = [];
  let x0 = left;
  for (const w of widths) {
    xs.push(x0);
    x0 += w;
  }
  /** A row's lines as text items, each placed by the column's alignment (right-aligned by its measured width). */
  const rowItems = (lines: string[][], y: number, head: boolean, font: Font, into: { x: number; y: number; s: string }[]) => {
    const lh = measure.lineHeight(font, size);
    lines.forEach((cell, i) => {
      const align = head ? 'left' : (t.columns[i]!.align ?? 'left');
      cell.forEach((s, k) => {
        if (s !== '') into.push({ x: alignedX(measure, s, font, size, xs[i]! + pad, widths[i]! - 2 * pad, align), y: y + pad + k * lh, s });
      });
    });
  };
  /**
   * One page's part of the table: the header's fill, the grid as one path
   * (a line under every row, one per column edge: what a rectangle per cell
   * drew, with a fifth of the content), and the text in one text object per
   * run of rows in the same font.
   */
  const drawSegment = (d: Doc, y0: number, rows: { lines: string[][]; h: number; bold: boolean }[]) => {
    d.rect(left, y0, width, head.h).fill('#eef1f5');
    const right = num(left + width);
    let y = y0 + head.h;
    let path = `${num(left)} ${num(y0)} m ${right} ${num(y0)} l\n${num(left)} ${num(y)} m ${right} ${num(y)} l\n`;
    for (const r of rows) {
      y += r.h;
      path += `${num(left)} ${num(y)} m ${right} ${num(y)} l\n`;
    }
    for (const x of [...xs, left + width]) path += `${num(x)} ${num(y0)} m ${num(x)} ${num(y)} l\n`;
    d.lineWidth(0.4).strokeColor('#bbbbbb');
    d.addContent(Buffer.from(path + 'S\n', 'latin1'));
    const headItems: { x: number; y: number; s: string }[] = [];
    rowItems(head.lines, y0, true, 'B', headItems);
    measure.text(d, 'B', size, headItems);
    let yy = y0 + head.h;
    for (let k = 0; k < rows.length; ) {
      const bold = rows[k]!.bold;
      const items: { x: number; y: number; s: string }[] = [];
      for (; k < rows.length && rows[k]!.bold === bold; k++) {
        rowItems(rows[k]!.lines, yy, false, bold ? 'B' : 'R', items);
        yy += rows[k]!.h;
      }
      measure.text(d, bold ? 'B' : 'R', size, items);
    }
  };
  const head = lay(t.columns.map((c) => c.title), 'B');
  let y = L.y;
  // the header only with at least its first row
  const firstRow = t.rows.length > 0 ? lay(t.rows[0]!, 'R').h : 20;
  if (y + head.h + firstRow > L.bottom) {
    newPage(L);
    y = L.y;
  }
  // Each row is wrapped once: its lines are kept from this pass for the page
  // that draws it (mostly the wrap cache's own arrays, so a few refs a row).
  const isBold = (k: number) => t.boldLast === true && k === t.rows.length - 1;
  type Laid = { lines: string[][]; h: number; bold: boolean };
  const segment = (rows: Laid[], y0: number): Step => (d) => drawSegment(d, y0, rows);
  let y0 = y;
  let rows: Laid[] = [];
  y += head.h;
  for (let k = 0; k < t.rows.length; k++) {
    const bold = isBold(k);
    const row = { ...lay(t.rows[k]!, bold ? 'B' : 'R'), bold };
    if (y + row.h > L.bottom) {
      draw(segment(rows, y0));
      newPage(L);
      y0 = L.y;
      y = y0 + head.h;
      rows = [];
    }
    rows.push(row);
    y += row.h;
  }
  draw(segment(rows, y0));
  L.y = y + 6;
}
