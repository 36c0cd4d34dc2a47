/**
 * Texts many rows share (a relief, a note, an explanation line such as the
 * basis, a year's figures or the conclusion) are made once and handed out
 * again: a fresh copy for every row was most of the cost of results and
 * explanations on large rosters, in garbage collection. Texts that name a row
 * (exclusions, warnings) are not kept, and the table stops growing at a fixed
 * size, so an unusual roster cannot bloat it.
 */
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

