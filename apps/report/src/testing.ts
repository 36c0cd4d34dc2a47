/** Helpers for the tests: run the real CLI as a child process, paths to the shared cases. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeId } from '../scripts/ids.js';

export const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = resolve(APP_DIR, '../..');
export { CASES_DIR, HAS_CASES, loadCases as cases, type CaseSpec as CaseEntry } from '@ce/cases';

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

const TSX = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');

/** `tsx src/cli.ts …` in a child process (what `pnpm ce-report` runs). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Ran {
  const r = spawnSync(process.execPath, [TSX, join(APP_DIR, 'src/cli.ts'), ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...options.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The exact contract command: `pnpm --silent ce-report …` from the repository root. */
export function runPnpm(args: string[]): Ran {
  const r = spawnSync('pnpm', ['--silent', 'ce-report', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function commandExists(cmd: string): boolean {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0;
}

export const HOSTILE_NAMES = ['<script>alert(1)</script>', '张&李', '"引号"王', "O'Brien", '=1+1', '+SUM(A1)', '-2+3', '@cmd'];
export const HOSTILE_UNITS = ['=HYPERLINK("http://example.invalid","点我")', '<b>粗体单位</b>', '甲&乙医院'];

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV roster whose names, units and notes are hostile text; 8 valid rows and one bad ID. Returns the valid IDs. */
export function writeHostileRoster(file: string): string[] {
  const lines = [['序号', '姓名', '身份证号', '工作单位', '2024年公需学时', '2024年专业学时', '备注']];
  const ids: string[] = [];
  HOSTILE_NAMES.forEach((name, i) => {
    const id = makeId('152502', `19${80 + i}0${1 + i}15`, 100 + i);
    ids.push(id);
    lines.push([String(i + 1), name, id, HOSTILE_UNITS[i % HOSTILE_UNITS.length]!, String(i % 2 === 0 ? 30 : 10), String(i * 10), i % 2 === 0 ? '=1+2' : '@SUM(1)']);
  });
  lines.push(['9', '错号人员', '152502198001011230', '甲&乙医院', '30', '60', '-x']);
  writeFileSync(file, '\uFEFF' + lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n');
  return ids;
}
