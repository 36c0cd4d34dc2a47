/**
 * The lint that `pnpm test` runs (eslint.config.mjs) really refuses what it is
 * for: an upward import between packages, and a non-null assertion where a
 * check belongs. (Cycles: import-x/no-cycle, checked on real files by `pnpm lint`.)
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function problems(code: string, file: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return (r?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint boundaries', () => {
  it('the rules package may not import the roster reader (nothing upward)', async () => {
    const found = await problems("import { readRoster } from '@ce/roster';\nexport const x = readRoster;\n", 'packages/rules/src/upward.ts');
    expect(found.join('\n')).toMatch(/no-restricted-imports.*rules ← roster/);
  });

  it('the roster reader may import the rules but not the summary', async () => {
    expect(await problems("import { evaluate } from '@ce/rules';\nexport const x = evaluate;\n", 'packages/roster/src/ok.ts')).toEqual([]);
    expect((await problems("import { summaryModel } from '@ce/summary';\nexport const x = summaryModel;\n", 'packages/roster/src/up.ts')).join()).toMatch(/no-restricted-imports/);
  });

  it('a non-null assertion that skips a check is refused; arr[i]! after a bounds check is not', async () => {
    const code = 'export function f(m: Map<string, number>, a: number[]): number {\n  const x = m.get("k")!;\n  return a.length > 0 ? a[0]! + x : x;\n}\n';
    const found = await problems(code, 'packages/rules/src/nn.ts');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/no-restricted-syntax: A non-null assertion skips a check/);
  });

  it.each(['apps/excel-addin/src/hosts/nn.ts', 'apps/wps-addin/src/host/nn.ts', 'apps/report/src/nn.ts', 'packages/summary/src/nn.ts'])('the apps and every package are held to it too: %s', async (file) => {
    const found = await problems('export const first = (xs: string[]): string => xs.find((x) => x !== "")!;\n', file);
    expect(found).toEqual(['no-restricted-syntax: A non-null assertion skips a check: test the value (or narrow it) instead.']);
  });

  it("an app's tests may still assert (as the packages' tests may)", async () => {
    expect(await problems('export const first = (xs: string[]): string => xs.find((x) => x !== "")!;\n', 'apps/report/src/nn.test.ts')).toEqual([]);
  });
});
