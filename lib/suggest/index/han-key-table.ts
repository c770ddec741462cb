/**
 * Non-negative integer key → integer value, open addressing in one typed array (key and value side by
 * side, one cache line per probe), at most a quarter full. Han terms are keyed by number (see
 * `text/tokenize.ts`): a `Map` lookup per character and bigram was half of indexing time, and a `Map` of a
 * 10,000-entry pack's 120,000 term strings took 70–110 ms to build each time the panel opened.
 */
export class HanKeyTable {
  private size = 0;

  /** `slots`: an array to reuse (an earlier table's, its length a power of two), or none. */
  constructor(private slots: Int32Array = new Int32Array(1 << 15)) {
    slots.fill(-1);
  }

  /** The length of a slot array with room for `count` keys without growing. */
  static lengthFor(count: number): number {
    let length = 1 << 4;
    while (length < count * 4) length <<= 1;
    return length;
  }

  /** A table with room for `count` keys without growing. */
  static forKeys(count: number): HanKeyTable {
    return new HanKeyTable(new Int32Array(HanKeyTable.lengthFor(count)));
  }

  /** The array, to hand on to another table. */
  get array(): Int32Array {
    return this.slots;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const found = slots[slot << 1]!;
      if (found === key) return slots[(slot << 1) + 1]!;
      if (found === -1) return -1;
      slot = (slot + 1) & mask;
    }
  }

  /** Sets the value of `key`, in the table or not. */
  set(key: number, value: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask; slots[slot << 1] !== -1; slot = (slot + 1) & mask) {
      if (slots[slot << 1] === key) {
        slots[(slot << 1) + 1] = value;
        return;
      }
    }
    this.add(key, value);
  }

  /** Adds a key that is not in the table. */
  add(key: number, value: number): void {
    if ((this.size + 1) * 4 > this.slots.length) this.grow();
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (slots[slot << 1] !== -1) slot = (slot + 1) & mask;
    slots[slot << 1] = key;
    slots[(slot << 1) + 1] = value;
    this.size += 1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== -1) this.add(old[i]!, old[i + 1]!);
  }
}
