/** functions.json generation fails the build on any metadata error (the CLI would exit 0). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');

function run(source: string, out: string) {
  return spawnSync(tsx, ['scripts/build-functions-json.ts', source, out], { cwd: root, encoding: 'utf8' });
}

describe('scripts/build-functions-json.ts', () => {
  it('exits 1 and names the errors when the JSDoc is wrong, writing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-'));
    try {
      const bad = join(dir, 'bad.ts');
      writeFileSync(
        bad,
        ['/**', ' * Bad.', ' * @customfunction BAD.NAME!', ' * @param when a date', ' * @returns n', ' */', 'export function bad(when: Date): number {', '  return 1;', '}', ''].join('\n'),
      );
      const r = run(bad, join(dir, 'functions.json'));
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/Date/);
      expect(r.stderr).toMatch(/invalid characters/);
      expect(existsSync(join(dir, 'functions.json'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes functions.json for the real functions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-'));
    try {
      const r = run(join(root, 'src/functions/functions.ts'), join(dir, 'functions.json'));
      expect(r.status).toBe(0);
      const meta = JSON.parse(readFileSync(join(dir, 'functions.json'), 'utf8')) as { functions: { id: string; options?: { volatile?: boolean } }[] };
      // not volatile: the add-in requests a full recalculation when the inputs change (issue 12)
      expect(meta.functions.find((f) => f.id === 'MISSING')).toBeDefined();
      expect(meta.functions.some((f) => f.options?.volatile)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
