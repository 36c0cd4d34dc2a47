import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keysUsedBy, testTitles, titleNamesKey } from './coverage.js';
import { PACKS } from './packs/index.js';
import { allTests, renderCoverageTables } from '../scripts/coverage-render.js';

describe('clause coverage', () => {
  it('finds whole keys only', () => {
    expect(titleNamesKey('alxa-2025/1.4.2: x', 'alxa-2025/1.4')).toBe(false);
    expect(titleNamesKey('alxa-2025/1.4: x', 'alxa-2025/1.4')).toBe(true);
    expect(titleNamesKey('see xilingol-2024/6.7 with 6.1', 'xilingol-2024/6.7')).toBe(true);
    expect(testTitles("it('a/1: b', () => {}); test(\"c\", x)")).toEqual(['a/1: b', 'c']);
  });

  it('every key a pack uses is a clause of that pack (quoted, with a rule)', () => {
    for (const pack of PACKS) {
      for (const key of keysUsedBy(pack)) {
        const c = pack.clauses[key];
        expect(c, `${pack.id} uses ${key} without its clause`).toBeDefined();
        expect(c!.quote.length).toBeGreaterThan(5);
        expect(c!.rule.length).toBeGreaterThan(5);
      }
    }
  });

  it('every key a pack uses has a test named with it', () => {
    const titles = allTests().map((t) => t.title);
    const untested = PACKS.flatMap((p) => keysUsedBy(p)).filter((key) => !titles.some((t) => titleNamesKey(t, key)));
    expect([...new Set(untested)]).toEqual([]);
  });

  it('the package README holds the current generated clause table (run pnpm --filter @ce/rules coverage-table)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(renderCoverageTables());
  });
});
