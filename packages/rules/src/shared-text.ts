/**
 * Texts many rows share (a relief, a note, an explanation line such as the
 * basis, a year's figures or the conclusion) are made once and handed out
 * again: a fresh copy for every row was most of the cost of results and
 * explanations on large rosters, in garbage collection. Texts that name a row
 * (exclusions, warnings) are not kept, and the table stops growing at a fixed
 * size, so an unusual roster cannot bloat it.
 */
import { IntKeyTable } from './int-keys.js';

const MAX_SHARED_TEXTS = 20_000;

export type Part = string | number | boolean | object | undefined;

/**
 * Texts looked up by the few parts they are made of (shared objects by
 * identity), so a repeated text is not even built:
 *
 *   line = plan.texts.find(a, b, c, d) ?? plan.texts.keep(build())
 *
 * `keep` stores under the parts of the last `find` (build() must not call
 * find). No closure per lookup: on large rosters those were most of the cost.
 */
export class TextsByParts {
  private readonly root = new Map<Part, Map<Part, Map<Part, Map<Part, string>>>>();
  private size = 0;
  private slot: Map<Part, string> | undefined;
  private slotKey: Part;

  find(a: Part, b: Part, c: Part, d: Part): string | undefined {
    this.slot = undefined;
    const room = this.size < MAX_SHARED_TEXTS;
    let m1 = this.root.get(a);
    if (m1 === undefined) {
      if (!room) return undefined;
      this.root.set(a, (m1 = new Map()));
    }
    let m2 = m1.get(b);
    if (m2 === undefined) {
      if (!room) return undefined;
      m1.set(b, (m2 = new Map()));
    }
    let m3 = m2.get(c);
    if (m3 === undefined) {
      if (!room) return undefined;
      m2.set(c, (m3 = new Map()));
    }
    const text = m3.get(d);
    if (text === undefined && room) {
      this.slot = m3;
      this.slotKey = d;
    }
    return text;
  }

  keep(text: string): string {
    if (this.slot !== undefined) {
      this.slot.set(this.slotKey, text);
      this.size++;
      this.slot = undefined;
    }
    return text;
  }
}

/**
 * The explanation's most frequent lines (basis, age, a year's figures, the
 * conclusion) by the numbers they are made of, in integer tables: one probe
 * where TextsByParts walks four Maps. Same protocol:
 *
 *   line = lt.line(lt.years, a, b, c) ?? lt.keep(build())
 */
export class LineTables {
  readonly basis = new IntKeyTable<string>(64);
  readonly age = new IntKeyTable<string>(4096);
  readonly years = new IntKeyTable<string>(MAX_SHARED_TEXTS);
  readonly conclusions = new IntKeyTable<string>(MAX_SHARED_TEXTS);
  private pending: IntKeyTable<string> | undefined;
  private slot = 0;
  private a = 0;
  private b = 0;
  private c = 0;

  line(table: IntKeyTable<string>, a: number, b: number, c: number): string | undefined {
    const slot = table.slot(a, b, c);
    const text = table.get(slot);
    if (text === undefined) {
      this.pending = table;
      this.slot = slot;
      this.a = a;
      this.b = b;
      this.c = c;
    } else this.pending = undefined;
    return text;
  }

  keep(text: string): string {
    this.pending?.set(this.slot, this.a, this.b, this.c, text);
    this.pending = undefined;
    return text;
  }
}
