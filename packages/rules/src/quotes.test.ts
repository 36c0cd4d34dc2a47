import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACKS } from './packs/index.js';

const seeds = new URL('../../../../shared/seeds/', import.meta.url);
const squash = (s: string) => s.replace(/\s+/g, '');

describe('pack quotes are the notices’ own words', () => {
  it.skipIf(!existsSync(seeds))('every clause quote (split at ……) stands in its seed file', () => {
    for (const pack of PACKS) {
      for (const c of Object.values(pack.clauses)) {
        const owner = PACKS.find((p) => c.key.startsWith(`${p.id}/`))!;
        const text = squash(readFileSync(new URL(owner.seedFile, seeds), 'utf8'));
        for (const part of c.quote.split('……')) {
          expect(text.includes(squash(part)), `${c.key}: “${part}” not in ${owner.seedFile}`).toBe(true);
        }
      }
    }
  });
});
