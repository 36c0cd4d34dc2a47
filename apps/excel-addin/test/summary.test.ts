import { describe, expect, it } from 'vitest';
import { getPack } from '@ce/rules';
import { checkAll, readWorkbook } from '../src/core/check.js';
import { layoutSummary, summaryModel, writeSummarySheet, SUMMARY_TRACK_KEY } from '../src/taskpane/summary-sheet.js';
import { caseGrid, loadCases, toExcelGrid } from './helpers.js';
import { hostForCase, ROSTER } from './setup-host.js';

async function modelFor(file: string) {
  const c = loadCases().find((x) => x.file === file)!;
  const read = readWorkbook({ roster: toExcelGrid(caseGrid(c.file)), records: c.records ? toExcelGrid(caseGrid(c.records)) : undefined });
  const results = await checkAll(read, { policy: c.policy });
  const pack = getPack(c.policy)!;
  return { c, model: summaryModel({ results, people: read.roster.people, pack, reviewYear: pack.ceYear, asOf: { year: pack.ceYear, month: 12, day: 31 } }) };
}

describe('汇总表', () => {
  it('lays out the @ce/summary model: title, counts, units, shortfalls with citation keys', async () => {
    const { model } = await modelFor('xilingol-2024.csv');
    const l = layoutSummary(model);
    expect(l.rows[0]![0]).toBe(model.title);
    expect(l.rows.every((r) => r.length === 8)).toBe(true);
    const flat = l.rows.map((r) => r.join('|')).join('\n');
    expect(flat).toContain('未达标人员');
    for (const s of model.shortfalls) expect(flat).toContain(s.name);
    // the same 行动清单 and signature block as the reports
    const at = l.rows.findIndex((r) => String(r[0]).startsWith('行动清单'));
    expect(l.rows[at]![0]).toBe(`行动清单（须补学 ${model.actions.totals.mustAct} 人）`);
    expect(l.rows.slice(at + 2, at + 2 + model.actions.items.length).map((r) => r[0])).toEqual(model.actions.items.map((a) => a.row));
    expect(flat).toContain('填报单位（盖章）：');
    expect(l.rows[l.printTitleRow]![0]).toBe('行号');
    expect(l.headerRows).toContain(l.printTitleRow);
  });

  it('writes a print-ready sheet (A4, repeated header row, page numbers) and only replaces its own', async () => {
    const { c, model } = await modelFor('hohhot-2022.csv');
    const { host } = hostForCase(c);
    const rosterBefore = host.snapshot(ROSTER);
    const out = await writeSummarySheet(model);
    expect(out.ok).toBe(true);
    const s = host.sheet('汇总表');
    expect(s.page).toMatchObject({ paperSize: 'A4', orientation: 'Landscape' });
    expect(String(s.page.printTitleRows)).toMatch(/^\$\d+:\$\d+$/);
    expect(String(s.page.centerFooter)).toContain('&P');
    expect(host.cell('汇总表', 'A1')?.value).toBe(model.title);
    expect(Office.context.document.settings.get(SUMMARY_TRACK_KEY)).toBe(s.id);
    // again: replaces its own sheet
    expect((await writeSummarySheet(model)).ok).toBe(true);
    expect(host.sheets.filter((x) => x.name === '汇总表')).toHaveLength(1);
    expect(host.snapshot(ROSTER)).toEqual(rosterBefore);
    // a user's own 汇总表 is never replaced
    host.deleteSheet('汇总表');
    host.addSheet('汇总表', [['我的汇总']]);
    const refused = await writeSummarySheet(model);
    expect(refused.ok).toBe(false);
    expect(host.cell('汇总表', 'A1')?.value).toBe('我的汇总');
  });
});
