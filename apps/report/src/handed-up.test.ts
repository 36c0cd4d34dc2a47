/**
 * What the clerk hands up (issue 14): the summary in words with the 填报单位 and
 * a signature block, counts that agree between the totals, the per-unit table
 * and the lists, the 行动清单 with each result's remedy, and one 通知单 page a
 * person — in the HTML, the PDF (pdftotext, pdfinfo) and the XLSX (SheetJS).
 *
 * The sample roster is checked by the real reader and evaluator, remedies included.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResult, Remedy } from '@ce/rules';
import { costOf, fmtHours, fmtYuan, maskId } from '@ce/summary';
import type { SummaryModel } from '@ce/summary';
import { DEMO_DATE, demo, SAMPLE, warningsCommand } from './demo.js';
import { runCheck } from './engine.js';
import type { CheckRun } from './engine.js';
import { writeReports } from './summary.js';
import type { WrittenReport } from './summary.js';
import { commandExists, runCli } from './testing.js';

const dir = mkdtempSync(join(tmpdir(), 'ce-report-handed-up-'));
const UNIT = '锡林郭勒盟测试填报单位';
const HAS_POPPLER = commandExists('pdftotext') && commandExists('pdfinfo');
const KEY = /(?:nm|hohhot|xilingol|alxa)-\d{4}\/[\w.]+/;

/** Every result that misses hours carries the evaluator's own remedy (RULES.md §7); nothing is made up here. */
function withRemedies(run: CheckRun): CheckRun {
  for (const r of run.results) {
    const owes = r.status !== 'invalid' && r.status !== 'exempt' && r.missing !== null && r.missing.total > 0;
    expect(r.remedy !== undefined, `row ${r.row}`).toBe(owes);
  }
  return run;
}

const htmlText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const cells = (row: string) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => htmlText(m[1]!).replace(/\s+/g, ' ').trim());

/** The rows of the first table after the heading that starts with `heading`. */
function tableAfter(html: string, heading: string): string[][] {
  const at = html.indexOf(`<h2>${heading}`);
  expect(at, heading).toBeGreaterThan(0);
  const body = html.slice(at).match(/<tbody>([\s\S]*?)<\/tbody>/)![1]!;
  return body.split('</tr>').filter((r) => r.includes('<td')).map(cells);
}

let run: CheckRun;
let rep: WrittenReport;
let m: SummaryModel;
let html: string;
let byRow: Map<number, EvaluationResult>;

beforeAll(async () => {
  run = withRemedies(await runCheck({ roster: SAMPLE, policy: 'xilingol-2024', asOf: DEMO_DATE }));
  byRow = new Map(run.results.map((r) => [r.row, r]));
  rep = await writeReports(run, { formats: ['html', 'pdf', 'xlsx'], outDir: join(dir, 'out'), showId: false, generatedOn: DEMO_DATE, unit: UNIT, rosterPath: SAMPLE });
  m = rep.model;
  html = readFileSync(rep.files.html!, 'utf8');
}, 180_000);

describe('a summary a superior accepts (HTML)', () => {
  it('titles it with the 填报单位, the notice and its 文号, and the review year', () => {
    expect(m.title).toBe(`${UNIT}2024年度专业技术人员继续教育学时汇总表`);
    expect(html).toContain(`<h1>${UNIT}<br>2024年度专业技术人员继续教育学时汇总表</h1>`);
    expect(m.fees!.complete).toBe(true);
    expect(html).toContain(`未达标人员可补学时的补学费用合计约 <b>${fmtYuan(m.fees!.total)}</b> 元`);
    expect(html).toContain(`填报单位：${UNIT}`);
    expect(html).toContain(m.packTitle);
    expect(html).toContain(m.docNumber!);
    expect(html).toContain('审验年度 2024');
  });

  it('has a 申报类型 column and every reason in words, the key only as a small reference', () => {
    expect(tableAfter(html, '三、未达标人员名单').length).toBe(m.shortfalls.length);
    expect(html).toContain('<th>申报类型</th>');
    const types = new Set(m.shortfalls.map((s) => s.purposeLabel));
    expect(types.size).toBeGreaterThan(1);
    for (const t of types) expect(['年度审验', '职称评审', '考核认定', '岗位聘任']).toContain(t);
    const items = [...html.matchAll(/<ul class="reasons">([\s\S]*?)<\/ul>/g)].flatMap((u) => [...u[1]!.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((x) => x[1]!));
    expect(items.length).toBeGreaterThan(m.shortfalls.length);
    for (const li of items) {
      const text = htmlText(li);
      const key = li.match(/<span class="key">([^<]*)<\/span>/)?.[1];
      expect(key, li).toMatch(KEY);
      // words before the key: at least a few Chinese characters
      expect(text.slice(0, text.indexOf(key!)), li).toMatch(/[\u4e00-\u9fff].*[\u4e00-\u9fff].*[\u4e00-\u9fff]/);
    }
    expect(html).not.toMatch(/依据\s*<span class="key">/);
  });

  it('carries the signature block and the sheet read, with no software wording', () => {
    for (const s of ['填报单位（盖章）', '填表人', '审核人', '日期']) expect(html).toContain(`<div>${s}：</div>`);
    expect(html).toContain('读取：roster-sample.xlsx 工作表“花名册”');
    expect(html).toContain('审验年度 2024：取自通知所属年度');
    expect(html).not.toMatch(/评估器|Chromium|ce-report|pdfkit/);
    expect(html).not.toMatch(/缺少学时合计约[^<]*元/);
  });

  it('has counts that agree: totals = per-unit sums = list lengths', () => {
    const c = m.totals.counts;
    const units = tableAfter(html, '二、各单位情况');
    const total = units.pop()!;
    expect(total[0]).toBe('合计');
    for (let k = 1; k <= 7; k++) expect(units.reduce((s, u) => s + Number(u[k]), 0), `column ${k}`).toBe(Number(total[k]));
    const totals = tableAfter(html, '一、总体情况')[0]!.map(Number);
    expect(totals.slice(0, 6)).toEqual(total.slice(1, 7).map(Number));
    expect(html).toContain(`<h2>三、未达标人员名单（${c['non-compliant']} 人）</h2>`);
    expect(tableAfter(html, '三、未达标人员名单')).toHaveLength(c['non-compliant']);
    expect(tableAfter(html, '五、不作限制人员名单')).toHaveLength(c['not-restrictive']);
    expect(html).toContain(`<h2>六、免除人员名单（${c.exempt} 人）</h2>`);
    expect(tableAfter(html, '六、免除人员名单')).toHaveLength(c.exempt);
    // the 未达标 list's hours add up to the totals' 未达标 missing hours
    expect(tableAfter(html, '三、未达标人员名单').reduce((s, r) => s + Number(r[5]), 0)).toBe(m.totals.missing.total);
    expect(Number(totals[6])).toBe(m.totals.missing.total);
  });

  it('lists 免除 with the relief that applies, in words', () => {
    const rows = tableAfter(html, '六、免除人员名单');
    for (const row of rows) {
      const r = byRow.get(Number(row[0]))!;
      expect(r.status).toBe('exempt');
      for (const x of r.reliefs) expect(row[5]).toContain(x.text);
    }
  });

  it('has the deadlines calendar on the first page, with days left', () => {
    const rows = tableAfter(html, '时间节点');
    expect(rows.length).toBe(m.deadlines.length);
    expect(rows.some((r) => r[0] === '2024年12月31日' && r[2] === '还有 41 天')).toBe(true);
    expect(html.indexOf('<h2>时间节点')).toBeLessThan(html.indexOf('<h2>一、总体情况'));
  });

  it('prints no full ID', () => {
    for (const r of run.results) if (r.id.length >= 15) expect(html).not.toContain(r.id);
    expect(htmlText(html)).not.toMatch(/\d{17}[\dX]|\d{15}/);
  });
});

describe('行动清单: the figures are the results’ remedy', () => {
  it('HTML: one row per person missing hours, closable hours and fees as in the remedy, most urgent first', () => {
    const table = html.slice(html.indexOf('<table class="actions">'));
    const rows = table.match(/<tbody>([\s\S]*?)<\/tbody>/)![1]!.split('</tr>').filter((r) => r.includes('<td')).map(cells);
    const withRemedy = run.results.filter((r) => r.remedy);
    expect(rows).toHaveLength(withRemedy.length);
    let last = -Infinity;
    let bound = true;
    for (const row of rows) {
      const r = byRow.get(Number(row[2]))!;
      const rem = r.remedy!;
      expect(row[1]).toBe(r.name);
      expect(row[3]).toBe(maskId(r.id));
      expect(row[6]).toBe(`公需 ${fmtHours(rem.closable!.public)} 专业 ${fmtHours(rem.closable!.professional)}`);
      expect(row[9]).toBe(r.status === 'non-compliant' ? fmtYuan(rem.cost!) : '不计');
      const closed = rem.closed!.public + rem.closed!.professional;
      expect(row[10]).toBe(closed > 0 ? `公需 ${fmtHours(rem.closed!.public)} 专业 ${fmtHours(rem.closed!.professional)}` : '0');
      // bound rows first, each group by days left
      if (r.status !== 'non-compliant' && bound) {
        bound = false;
        last = -Infinity;
      }
      expect(r.status === 'non-compliant').toBe(bound);
      expect(rem.daysLeft!).toBeGreaterThanOrEqual(last);
      last = rem.daysLeft!;
    }
  });

  it('XLSX: 行动清单 sheet with the remedy’s numbers, and unit and total rows that add up', () => {
    const wb = XLSX.read(readFileSync(rep.files.xlsx!), { type: 'buffer' });
    expect(wb.SheetNames.slice(0, 3)).toEqual(['汇总', '行动清单', '通知单']);
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['行动清单']!, { header: 1, raw: true, defval: null });
    const head = aoa.findIndex((r) => r[0] === '单位' && r[1] === '姓名');
    const list = aoa.slice(head + 1).filter((r) => r[0] !== null);
    expect(list).toHaveLength(run.results.filter((r) => r.remedy).length);
    let cost = 0;
    for (const line of list) {
      const r = byRow.get(line[2] as number)!;
      const rem = r.remedy!;
      expect(line[3]).toBe(maskId(r.id));
      expect([line[7], line[8]]).toEqual([rem.closable!.public, rem.closable!.professional]);
      expect(line[10]).toBe(rem.daysLeft);
      expect([line[13], line[14]]).toEqual([rem.closed!.public, rem.closed!.professional]);
      if (r.status === 'non-compliant') {
        expect(line[12]).toBe(rem.cost);
        cost += rem.cost!;
      } else expect(line[12]).toBe('不计');
    }
    const total = aoa.find((r) => r[0] === '合计')!;
    expect(total[6]).toBe(cost);
    expect(m.fees!.total).toBe(cost);
    const unitRows = aoa.slice(aoa.findIndex((r) => r[0] === '工作单位') + 1, aoa.indexOf(total));
    expect(unitRows.reduce((s, r) => s + (r[6] as number), 0)).toBe(cost);
    expect(unitRows.reduce((s, r) => s + (r[1] as number), 0)).toBe(total[1]);
  });

  it('XLSX: opens on 汇总, shows IDs and names in full-width columns', () => {
    const wb = XLSX.read(readFileSync(rep.files.xlsx!), { type: 'buffer', cellStyles: true });
    expect(wb.SheetNames[0]).toBe('汇总');
    const cols = wb.Sheets['汇总']!['!cols']!;
    // 姓名 (C) and 身份证号 (D) of the person lists
    expect(cols[3]!.width).toBeGreaterThanOrEqual(20);
    const roster = wb.Sheets[wb.SheetNames[3]!]!;
    const idCol = run.roster.columns.find((c) => c.field === 'id')!.index;
    const w = roster['!cols']![idCol]!;
    expect(w.width).toBeGreaterThanOrEqual(20);
  });
});

describe.runIf(HAS_POPPLER || process.env.CI === 'true')('PDF: the summary and one 通知单 page a person', () => {
  let pages: string[];
  beforeAll(() => {
    pages = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', rep.files.pdf!, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\f');
    if (pages[pages.length - 1]!.trim() === '') pages.pop();
  });

  it('has the unit, 申报类型, reasons in words, the signature block and no software wording', () => {
    const flat = pages.join('').replace(/\s+/g, '');
    expect(flat).toContain(m.title);
    expect(flat).toContain('申报类型');
    expect(flat).toContain('每年公需科目不少于30学时、专业科目不少于60学时。〔nm-2017/art11〕');
    for (const s of ['填报单位（盖章）：', '填表人：', '审核人：', '日期：']) expect(flat).toContain(s);
    expect(flat).not.toMatch(/评估器|Chromium|ce-report|依据nm-/);
    expect(flat).toContain(`三、未达标人员名单（${m.totals.counts['non-compliant']}人）`);
    expect(flat).toContain(`五、不作限制人员名单（${m.totals.counts['not-restrictive']}人`);
    expect(flat).toContain(`六、免除人员名单（${m.totals.counts.exempt}人）`);
    for (const r of run.results) if (r.id.length >= 15) expect(flat).not.toContain(r.id);
  });

  it('prints a platform list that people share once above the action list, and each notice page in full', () => {
    const placeText = (w: SummaryModel['notices'][number]['where']) => w.map((p) => `${p.categoryLabel}：${p.name}${p.url ? `（${p.url}）` : ''}`);
    const flat = pages.join('').replace(/\s+/g, '');
    // the most common list (most people share one) is 学习平台（一）
    const counts = new Map<string, number>();
    for (const a of m.actions.items) if (a.where.length >= 2) counts.set(placeText(a.where).join('；'), (counts.get(placeText(a.where).join('；')) ?? 0) + 1);
    const [first] = [...counts.entries()].sort((x, y) => y[1] - x[1]);
    expect(first![1]).toBeGreaterThan(1);
    expect(flat).toContain(`学习平台（一）：${first![0]}`.replace(/\s+/g, ''));
    const actionPages = pages.filter((p) => p.includes('仍可补学') && !p.includes('补学通知单'));
    const rowsReferring = actionPages.join('').replace(/\s+/g, '').match(/见上方学习平台（[一二三四五六七八九十]）/g) ?? [];
    expect(rowsReferring.length).toBe(m.actions.items.filter((a) => a.where.length >= 2).length);
    // a notice is handed to one person: its platforms are written out there, not referred to
    const notice = pages.find((p) => p.includes('补学通知单'))!.replace(/\s+/g, '');
    expect(notice).not.toContain('见上方');
    for (const line of placeText(m.notices[0]!.where)) expect(notice).toContain(line.replace(/\s+/g, ''));
  });

  it('gives each person who must still act a page of their own, with their remedy', () => {
    const info = execFileSync('pdfinfo', [rep.files.pdf!], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(pages.length);
    const notices = pages.filter((p) => p.includes('补学通知单'));
    expect(m.notices.length).toBeGreaterThan(50);
    expect(notices).toHaveLength(m.notices.length);
    // the notices are the last pages, in the action list's order
    expect(pages.slice(-notices.length)).toEqual(notices);
    notices.forEach((p, i) => {
      const a = m.notices[i]!;
      const r = byRow.get(a.row)!;
      const flat = p.replace(/\s+/g, '');
      expect(flat).toContain(`姓名${r.name.replace(/\s+/g, '')}`);
      expect(flat).toContain(`身份证号${maskId(r.id)}`);
      expect(flat.match(/身份证号/g)).toHaveLength(1);
      const c = r.remedy!.closable!;
      const parts = [...(c.public > 0 ? [`公需${fmtHours(c.public)}学时`] : []), ...(c.professional > 0 ? [`专业${fmtHours(c.professional)}学时`] : [])];
      expect(flat).toContain(`须补学${r.remedy!.year !== undefined ? `（${r.remedy!.year}年度）` : ''}${parts.join('、')}，2024年12月31日前完成`);
      expect(flat).toContain(`补学费用约${fmtYuan(r.remedy!.cost!)}元`);
      expect(flat).toContain(`${UNIT}（盖章）`);
    });
  });
});

describe('file names', () => {
  it('carry the roster’s name and the date, and a second run does not overwrite the first', async () => {
    const out = join(dir, 'twice');
    const a = await writeReports(run, { formats: ['html', 'xlsx'], outDir: out, showId: false, generatedOn: DEMO_DATE, rosterPath: SAMPLE });
    const before = statSync(a.files.html!).mtimeMs;
    const b = await writeReports(run, { formats: ['html', 'xlsx'], outDir: out, showId: false, generatedOn: DEMO_DATE, rosterPath: SAMPLE });
    expect(basename(a.files.html!)).toBe('roster-sample-汇总-2024-11-20.html');
    expect(basename(b.files.html!)).toBe('roster-sample-汇总-2024-11-20(2).html');
    expect(basename(b.files.xlsx!)).toBe('roster-sample-汇总-2024-11-20(2).xlsx');
    expect(statSync(a.files.html!).mtimeMs).toBe(before);
    expect(readdirSync(out).sort()).toHaveLength(4);
  });
});

describe('ce-report summary end to end (real CLI process)', () => {
  it('--unit titles the summary; counts agree; no full ID on the terminal or in the files', () => {
    const out = join(dir, 'cli');
    const r = runCli(['summary', SAMPLE, '--policy', 'xilingol-2024', '--out', out, '--unit', UNIT]);
    expect(r.status, r.stderr).toBe(0);
    // the sample's records name an ID not in the roster: the warning says so with the ID masked
    expect(r.stderr).toContain('不在花名册中');
    expect(r.stderr + r.stdout).not.toMatch(/\d{17}[\dX]/);
    const files = readdirSync(out);
    expect(files.filter((f) => /^roster-sample-汇总-\d{4}-\d{2}-\d{2}\.(html|pdf|xlsx)$/.test(f))).toHaveLength(3);
    const page = readFileSync(join(out, files.find((f) => f.endsWith('.html'))!), 'utf8');
    expect(page).toContain(`<h1>${UNIT}<br>2024年度专业技术人员继续教育学时汇总表</h1>`);
    expect(page).not.toMatch(/评估器|Chromium/);
    expect(htmlText(page)).not.toMatch(/\d{17}[\dX]/);
    const totals = tableAfter(page, '一、总体情况')[0]!.map(Number);
    const units = tableAfter(page, '二、各单位情况');
    const sum = (k: number) => units.slice(0, -1).reduce((s, u) => s + Number(u[k]), 0);
    for (let k = 0; k < 6; k++) expect(sum(k + 1)).toBe(totals[k]);
    expect(tableAfter(page, '三、未达标人员名单')).toHaveLength(totals[2]!);
    expect(tableAfter(page, '六、免除人员名单')).toHaveLength(totals[3]!);
    expect(tableAfter(page, '五、不作限制人员名单')).toHaveLength(totals[4]!);
    if (HAS_POPPLER) {
      const pdf = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(out, files.find((f) => f.endsWith('.pdf'))!), '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      expect(pdf).not.toMatch(/评估器|Chromium|\d{17}[\dX]/);
      // every citation key in the PDF stands beside words (〔key〕 after a reason, or a key in a table of its own)
      const flat = pdf.replace(/\s+/g, '');
      expect(flat).not.toMatch(/依据(?:nm|xilingol|hohhot|alxa)-/);
    }
  }, 120_000);
});

describe('pnpm demo', () => {
  it('ends with the exact command for its warnings and prints no full ID', async () => {
    const lines: string[] = [];
    await demo(join(dir, 'demo'), (s) => lines.push(s));
    expect(lines[lines.length - 1]).toBe(`查看 / to see them: ${warningsCommand()}`);
    expect(warningsCommand()).toMatch(/^pnpm ce-report check \S*roster-sample\.xlsx --policy xilingol-2024$/);
    const text = lines.join('\n');
    expect(text).toContain('不在花名册中');
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toContain('用 ce-report check 查看');
  }, 120_000);
});
