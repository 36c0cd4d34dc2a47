/** Helpers for the tests: run the real CLI as a child process, paths to the shared cases. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = resolve(APP_DIR, '../..');
export const CASES_DIR = resolve(REPO_ROOT, '../shared/cases');
export const HAS_CASES = existsSync(join(CASES_DIR, 'cases.json'));

export interface CaseEntry {
  file: string;
  policy: string;
  records?: string;
  asOf?: string;
  year?: number;
}

export function cases(): CaseEntry[] {
  return HAS_CASES ? (JSON.parse(readFileSync(join(CASES_DIR, 'cases.json'), 'utf8')) as CaseEntry[]) : [];
}

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
