import { describe, expect, it } from 'vitest';
import { RuleBook } from './trace.js';
import { getPack } from './packs/index.js';

/** Walk a path of clause keys through the book's trie, as a trace does while a row is evaluated. */
function walk(book: RuleBook, keys: readonly string[]): number {
  let node = 0;
  for (const k of keys) node = book.step(node, book.idOf(k));
  return node;
}

describe('rule-path trie (RuleBook)', () => {
  const pack = getPack('xilingol-2024')!;

  it('rows that apply the same clauses in the same order share one frozen list of rules', () => {
    const book = new RuleBook(pack);
    const a = walk(book, ['xilingol-2024/1', 'nm-2017/art10', 'xilingol-2024/5.1']);
    const b = walk(book, ['xilingol-2024/1', 'nm-2017/art10', 'xilingol-2024/5.1']);
    expect(b).toBe(a);
    const refs = book.pathAt(a).refs;
    expect(refs.map((r) => r.key)).toEqual(['xilingol-2024/1', 'nm-2017/art10', 'xilingol-2024/5.1']);
    expect(Object.isFrozen(refs)).toBe(true);
    expect(book.pathAt(walk(book, ['nm-2017/art10', 'xilingol-2024/1'])).refs.map((r) => r.key)).toEqual(['nm-2017/art10', 'xilingol-2024/1']);
  });

  it('keeps every path when a pack cites more clauses than the table is wide (it is laid out again)', () => {
    const book = new RuleBook(pack);
    const keys = Array.from({ length: 150 }, (_, i) => `made-up/${i}`);
    const early = walk(book, keys.slice(0, 3));
    const long = walk(book, keys);
    const reversed = walk(book, [...keys].reverse());
    expect(book.pathAt(long).refs.map((r) => r.key)).toEqual(keys);
    expect(book.pathAt(reversed).refs.map((r) => r.key)).toEqual([...keys].reverse());
    // nodes made before the table was widened are still reached by the same steps
    expect(walk(book, keys.slice(0, 3))).toBe(early);
    expect(walk(book, keys)).toBe(long);
  });
});
