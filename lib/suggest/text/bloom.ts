/**
 * A Bloom filter over words: answers "maybe in the set" or "surely not" from a few bits a word. The speller keeps the
 * rare English words it must not "correct" this way (`spelling.ts`): 50k words as a list would be 450 kB, as a
 * filter with 1% false answers 60 kB — and a false "maybe" only leaves a slip as written, as before the speller.
 * Made by scripts/gen-en-words.ts, read at run time; both hash with `bitsOf`.
 */

/** The `hashes` bit positions of a word in a filter of `size` bits (double hashing of two FNV-1a hashes). */
export function bitsOf(word: string, hashes: number, size: number): number[] {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  b = (b | 1) >>> 0;
  const bits: number[] = [];
  for (let i = 0; i < hashes; i += 1) bits.push(((a + Math.imul(i, b)) >>> 0) % size);
  return bits;
}

/** A filter read from its base64 bits: `has` is true for every word it was made of, and for ~1% of others. */
export class BloomFilter {
  private bytes: Uint8Array | null = null;

  constructor(
    private readonly base64: string,
    private readonly hashes: number,
    private readonly size: number,
  ) {}

  has(word: string): boolean {
    // Decoded on first need: most messages hold no unknown word.
    this.bytes ??= Uint8Array.from(atob(this.base64), (c) => c.charCodeAt(0));
    const bytes = this.bytes;
    return bitsOf(word, this.hashes, this.size).every((bit) => (bytes[bit >>> 3]! & (1 << (bit & 7))) !== 0);
  }
}
