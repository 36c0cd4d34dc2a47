import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keysUsedBy, testTitles, titleNamesKey } from '../src/coverage.js';
import { PACKS } from '../src/packs/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function testFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) testFiles(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** title → file, for every test in the repo's packages and test/ folder. */
export function allTests(): { title: string; file: string }[] {
  // Only this package's tests: the table must not go stale when another package adds a test.
  const files = testFiles(join(root, 'packages', 'rules', 'src'));
  return files.flatMap((file) => testTitles(readFileSync(file, 'utf8')).map((title) => ({ title, file: file.slice(root.length) })));
}

const cell = (s: string) => s.replace(/\|/g, '｜').replace(/\n/g, ' ');

export function renderCoverageTables(): string {
  const tests = allTests();
  const parts: string[] = [];
  for (const pack of PACKS) {
    parts.push(`### \`${pack.id}\` — ${pack.title}${pack.docNumber ? `（${pack.docNumber}）` : ''}\n`);
    parts.push('| key | 条款原文 (quote) | 本系统规则 | 解释 (interpretation) | tests |');
    parts.push('|---|---|---|---|---|');
    for (const key of keysUsedBy(pack)) {
      const c = pack.clauses[key];
      const named = tests.filter((t) => titleNamesKey(t.title, key));
      const quote = c ? (c.quote.length > 80 ? `${c.quote.slice(0, 80)}…` : c.quote) : '';
      parts.push(`| \`${key}\` | ${cell(quote)} | ${cell(c?.rule ?? '')} | ${cell(c?.interpretation ? `按本系统解释：${c.interpretation}` : '')} | ${named.length} (${[...new Set(named.map((t) => t.file.split('/').pop()))].join(', ')}) |`);
    }
    parts.push('');
  }
  return parts.join('\n');
}
