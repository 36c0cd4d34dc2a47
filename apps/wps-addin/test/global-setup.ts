/** Builds dist/ before the tests (3 s), so the package tests never read a stale build. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  if (process.env.CE_WPS_SKIP_BUILD === '1') return;
  execFileSync('pnpm', ['run', 'build'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
}
