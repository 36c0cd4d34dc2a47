import { describe, expect, it } from 'vitest';
import { idCheckChar, parseIdNumber } from '@ce/roster';
import { breakCheck, checkChar, makeId } from '../scripts/ids.js';

describe('sample ID numbers', () => {
  it('agree with the roster reader on the MOD 11-2 check character', () => {
    // GB 11643 example
    expect(checkChar('11010519491231002')).toBe('X');
    for (let seq = 0; seq < 200; seq++) {
      const id = makeId('152502', `19${60 + (seq % 40)}0${1 + (seq % 9)}1${seq % 10}`, seq);
      expect(id[17]).toBe(idCheckChar(id.slice(0, 17)));
    }
  });
  it('breakCheck gives an ID the reader rejects', () => {
    const id = makeId('152921', '19900101', 123);
    const parsed = parseIdNumber(breakCheck(id)) as { ok?: boolean };
    expect(parsed.ok).not.toBe(true);
  });
});
