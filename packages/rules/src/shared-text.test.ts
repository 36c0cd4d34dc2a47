import { describe, expect, it } from 'vitest';
import { TextsByParts } from './shared-text.js';

describe('texts looked up by their parts', () => {
  const textsByParts = new TextsByParts();
  it('keeps a text under the parts of the last miss and hands the same text back', () => {
    const parts = ['test-a', 1, 2, undefined] as const;
    expect(textsByParts.find(...parts)).toBeUndefined();
    const made = textsByParts.keep(['一', '二'].join(''));
    expect(textsByParts.find(...parts)).toBe(made);
    // objects are parts by identity
    const o1 = {};
    const o2 = {};
    textsByParts.find('test-b', o1, 0, 0);
    textsByParts.keep('one');
    expect(textsByParts.find('test-b', o2, 0, 0)).toBeUndefined();
    expect(textsByParts.find('test-b', o1, 0, 0)).toBe('one');
  });

  it('keep without a preceding miss stores nothing', () => {
    expect(textsByParts.find('test-c', 0, 0, 0)).toBeUndefined();
    textsByParts.keep('first');
    expect(textsByParts.find('test-c', 0, 0, 0)).toBe('first');
    // a hit leaves no slot open: this keep must not overwrite anything
    textsByParts.keep('second');
    expect(textsByParts.find('test-c', 0, 0, 0)).toBe('first');
  });

  it('stops growing at its cap and still returns what it is given', () => {
    for (let i = 0; i < 25_000; i++) {
      if (textsByParts.find('test-cap', i, 0, 0) === undefined) textsByParts.keep(`t${i}`);
    }
    expect(textsByParts.find('test-cap', 24_999, 0, 0)).toBeUndefined();
    expect(textsByParts.keep('x')).toBe('x');
    expect(textsByParts.find('test-cap', 0, 0, 0)).toBe('t0');
  });
});
