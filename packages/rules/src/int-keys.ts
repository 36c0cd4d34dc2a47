/**
 * Values shared by three small-integer keys (a remedy by its figures, an
 * explanation line by its numbers), in an open-addressing table: one probe
 * of plain integers, where nested Maps of number keys were a large part of
 * the remedy's and the explanation's time. A slot's three keys and value
 * index sit side by side in one Int32Array (one cache line a probe), and the
 * table grows with what it holds (kept under half full), so a plan with few
 * distinct lines keeps a small, cache-warm table. Owned by a compiled plan;
 * holds at most `capacity` values so an unusual roster cannot bloat it.
 * Keys are int32.
 */
export class IntKeyTable<T> {
  /** per slot: key a, key b, key c, 1 + index into `values` (0: empty) */
  private slots = new Int32Array(0);
  private mask = -1;
  private readonly values: T[] = [];

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.values.length;
  }

  /** The slot of these keys: where they are, or the empty slot where they would go. */
  slot(a: number, b: number, c: number): number {
    if (this.mask < 0) this.resize(64);
    const s = this.slots;
    let i = hash(a, b, c) & this.mask;
    while (s[i * 4 + 3] !== 0 && (s[i * 4] !== a || s[i * 4 + 1] !== b || s[i * 4 + 2] !== c)) i = (i + 1) & this.mask;
    return i;
  }

  get(slot: number): T | undefined {
    const n = this.slots[slot * 4 + 3]!;
    return n === 0 ? undefined : this.values[n - 1];
  }

  /** Keep `value` in the (empty) slot `slot()` just gave for these keys; false when the table is full. */
  set(slot: number, a: number, b: number, c: number, value: T): boolean {
    if (this.values.length >= this.capacity) return false;
    this.values.push(value);
    this.put(slot, a, b, c, this.values.length);
    if (this.values.length * 2 > this.mask + 1) this.resize((this.mask + 1) * 2);
    return true;
  }

  private put(slot: number, a: number, b: number, c: number, n: number): void {
    const s = this.slots;
    s[slot * 4] = a;
    s[slot * 4 + 1] = b;
    s[slot * 4 + 2] = c;
    s[slot * 4 + 3] = n;
  }

  /** Lay the table out again over `count` slots (a power of two). */
  private resize(count: number): void {
    const old = this.slots;
    this.slots = new Int32Array(count * 4);
    this.mask = count - 1;
    for (let j = 0; j < old.length; j += 4) {
      if (old[j + 3] === 0) continue;
      const a = old[j]!;
      const b = old[j + 1]!;
      const c = old[j + 2]!;
      this.put(this.slot(a, b, c), a, b, c, old[j + 3]!);
    }
  }
}

function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}
