/**
 * Measure reading a 100k-row roster .xlsx with SheetJS vs ExcelJS (each in a
 * fresh process so peak RSS is its own). Usage:
 *   tsx scripts/bench-xlsx.ts            # generate + run both, print a table
 *   tsx scripts/bench-xlsx.ts one <lib> <file>   # internal
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { readRoster, idCheckChar } from '@ce/roster';
import { readWorkbookExcelJS, readWorkbookSheetJS } from '../src/xlsx.js';

const ROWS = Number(process.env.ROWS ?? 100_000);

function generate(path: string): void {
  const header = ['序号', '姓名', '身份证号', '工作单位', '单位性质', '基层一线', '申报类型', '申报级别', '学历', '岗位等级', '疫情防控一线', '出生日期'];
  for (const y of [2022, 2023, 2024]) header.push(`${y}年公需学时`, `${y}年专业学时`);
  const aoa: unknown[][] = [['2024年度专业技术人员继续教育学时统计表'], header];
  for (let i = 0; i < ROWS; i++) {
    const d = new Date(Date.UTC(1960 + (i % 40), i % 12, 1 + (i % 28)));
    const ymd = d.toISOString().slice(0, 10).replace(/-/g, '');
    const first17 = `152502${ymd}${String(i % 1000).padStart(3, '0')}`;
    aoa.push([i + 1, `人员${i}`, first17 + idCheckChar(first17), `单位${i % 300}`, i % 10 === 0 ? '非公有制' : '', i % 7 === 0 ? '是' : '', ['', '职称评审', '考核认定', '岗位聘任'][i % 4], ['', '中级', '副高级', '初级'][i % 4], '本科', i % 4 === 3 ? 8 : '', '', d, 30, 60, 30, 50, 20, 60]);
  }
  const ws = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true, dateNF: 'yyyy-mm-dd' });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '花名册');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }));
}

async function one(lib: string, file: string): Promise<void> {
  const t0 = performance.now();
  const bytes = readFileSync(file);
  const sheets = lib === 'sheetjs' ? readWorkbookSheetJS(bytes) : await readWorkbookExcelJS(bytes);
  const t1 = performance.now();
  const s = sheets[0]!;
  const r = readRoster(s.grid, { firstRow: s.firstRow });
  const t2 = performance.now();
  const errors = r.people.reduce((n, p) => n + p.errors.length, 0);
  console.log(JSON.stringify({ lib, loadMs: Math.round(t1 - t0), readRosterMs: Math.round(t2 - t1), people: r.people.length, errors, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

if (process.argv[2] === 'one') {
  await one(process.argv[3]!, process.argv[4]!);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'bench-xlsx-'));
  const file = join(dir, 'roster-100k.xlsx');
  const g0 = performance.now();
  generate(file);
  console.log(`generated ${ROWS} rows, ${(statSync(file).size / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - g0)} ms: ${file}`);
  for (const lib of ['sheetjs', 'exceljs', 'sheetjs', 'exceljs']) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, 'one', lib, file], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' } });
    process.stdout.write(out);
  }
}
