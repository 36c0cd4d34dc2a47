import { describe, expect, it } from 'vitest';
import { PACKS, getPack, listPacks } from './index.js';

describe('the pack registry', () => {
  it('holds the five notices with unique ids, found by id', () => {
    expect(listPacks().map((p) => p.id)).toEqual(['nm-2017', 'nm-2018', 'hohhot-2022', 'xilingol-2024', 'alxa-2025']);
    expect(getPack(' xilingol-2024 ')?.ceYear).toBe(2024);
    expect(getPack('nm-2026')).toBeUndefined();
  });

  it('a pack never inherits another notice’s identity, window, deadline or fees', () => {
    const byId = Object.fromEntries(PACKS.map((p) => [p.id, p]));
    expect(byId['alxa-2025']!.docNumber).toBeUndefined();
    expect(byId['hohhot-2022']!.docNumber).toBeUndefined();
    expect(byId['xilingol-2024']!.docNumber).toBe('锡人社办字〔2024〕11号');
    expect(byId['hohhot-2022']!.window).toBeUndefined();
    expect(byId['alxa-2025']!.fees).toBeUndefined();
    expect(byId['nm-2018']!.filing).toBeUndefined();
    for (const p of PACKS.filter((x) => x.inherits)) expect(p.inherits).toBe('nm-2017');
  });

  it('every pack inherits the base clauses and states every record kind', () => {
    for (const p of PACKS) {
      expect(p.clauses['nm-2017/art11']).toBeDefined();
      expect(Object.keys(p.kinds)).toHaveLength(16);
    }
  });
});
