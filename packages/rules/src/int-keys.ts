/**
 * Values shared by three small-integer keys (a remedy by its figures, an
 * explanation line by its numbers), in an open-addressing table of typed
 * arrays: one probe of plain integers, where nested Maps of number keys were
 * a large part of the remedy's and the explanation's time. Owned by a
 * compiled plan; holds at most `capacity` values (the table stays under half
 * full) so an unusual roster cannot bloat it. Keys are int32.
 */
export class IntKeyTable<T> {
  private mask = 0;
  private k1 = new Int32Array(0);
  private k2 = new Int32Array(0);
  private k3 = new Int32Array(0);
  /** 1 + index into `values`; 0: empty slot */
  private at = new Int32Array(0);
  private readonly values: T[] = [];

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.values.length;
  }

  /** The slot of these keys: where they are, or the empty slot where they would go. */
  slot(a: number, b: number, c: number): number {
    if (this.mask === 0) this.allocate();
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    let i = h & this.mask;
    while (this.at[i] !== 0 && (this.k1[i] !== a || this.k2[i] !== b || this.k3[i] !== c)) i = (i + 1) & this.mask;
    return i;
  }

  get(slot: number): T | undefined {
    const n = this.at[slot]!;
    return n === 0 ? undefined : this.values[n - 1];
  }

  /** Keep `value` in the (empty) slot `slot()` gave for these keys; false when the table is full. */
  set(slot: number, a: number, b: number, c: number, value: T): boolean {
    if (this.values.length >= this.capacity) return false;
    this.k1[slot] = a;
    this.k2[slot] = b;
    this.k3[slot] = c;
    this.values.push(value);
    this.at[slot] = this.values.length;
    return true;
  }

  /** Made on first use: a plan that never explains keeps no line tables. */
  private allocate(): void {
    let slots = 16;
    while (slots < this.capacity * 2 + 1) slots *= 2;
    this.mask = slots - 1;
    this.k1 = new Int32Array(slots);
    this.k2 = new Int32Array(slots);
    this.k3 = new Int32Array(slots);
    this.at = new Int32Array(slots);
  }
}
