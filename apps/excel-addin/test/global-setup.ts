/** Builds dist/ once before the tests that read it, unless turbo's build already did. */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const needed = ['dist/taskpane.html', 'dist/taskpane.js', 'dist/functions.json', 'dist/manifest.xml', 'dist/assets/icon-32.png', 'dist/offline/ce-checker.html'];
  if (needed.every((f) => existsSync(`${root}${f}`))) return;
  execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
