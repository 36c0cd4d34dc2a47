/**
 * Clause coverage: which citation keys the packs use, and which tests are
 * named with them. Used by coverage.test.ts (fails on an untested key) and by
 * scripts/coverage-table.ts (writes the table into the package README).
 */
import type { PolicyPack } from './pack.js';

/** Every citation key a pack uses anywhere in its data, in the order first met. */
export function keysUsedBy(pack: PolicyPack): string[] {
  const found = new Set<string>(Object.keys(pack.clauses).filter((k) => k.startsWith(`${pack.id}/`)));
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'key' || k === 'defaultsKey' || k === 'halfDayKey' || k === 'recognition') && typeof x === 'string') found.add(x);
        else if (k !== 'clauses') walk(x);
      }
    } else if (typeof v === 'string' && /^[a-z]+-\d{4}\/[\w.]+$/.test(v)) found.add(v);
  };
  walk(pack);
  return [...found];
}

/** Test titles (it/test first argument) found in test source text. */
export function testTitles(source: string): string[] {
  const out: string[] = [];
  const re = /\b(?:it|test)\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push(m[2]!);
  return out;
}

/** A title names a key when the key stands in it as a whole (alxa-2025/1.4 is not alxa-2025/1.4.2). */
export function titleNamesKey(title: string, key: string): boolean {
  const escaped = key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(^|[^\\w/.-])${escaped}(?![\\w]|\\.\\d)`).test(title);
}
