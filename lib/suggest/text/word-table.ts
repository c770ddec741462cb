/**
 * A value per word, found by the word's characters where they stand in a text: words repeat across
 * entries and messages, and slicing each one out to look it up in a `Map` made a quarter of the strings
 * an index build allocated (and most of the cost of finding concepts while indexing). Open addressing,
 * at most half full; bounded, since a long-lived panel reads endless buyer messages.
 */
import { fnv1a } from '../../hash';

const INITIAL_SLOTS = 1 << 12;

export class WordTable<V> {
  private hashes = new Int32Array(INITIAL_SLOTS);
  private words: Array<string | undefined> = new Array<string | undefined>(INITIAL_SLOTS).fill(undefined);
  private values: V[] = new Array<V>(INITIAL_SLOTS);
  private size = 0;

  /**
   * @param valueOf computes the value of a word not seen yet (called once per word until the table is cleared)
   * @param limit how many words the table holds before it starts afresh
   */
  constructor(
    private readonly valueOf: (word: string) => V,
    private readonly limit = 100_000,
  ) {}

  /** The value of the word `text[start…end)`. */
  get(text: string, start: number, end: number): V {
    const hash = fnv1a(text, start, end);
    const { hashes, words } = this;
    const mask = hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const found = words[slot];
      if (found === undefined) break;
      if (hashes[slot] === hash && sameText(found, text, start, end)) return this.values[slot]!;
    }
    const word = text.slice(start, end);
    const value = this.valueOf(word);
    if (this.size >= this.limit) this.clear();
    if ((this.size + 1) * 2 > this.hashes.length) this.grow();
    this.insert(hash, word, value);
    return value;
  }

  private insert(hash: number, word: string, value: V): void {
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.words[slot] !== undefined) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.words[slot] = word;
    this.values[slot] = value;
    this.size += 1;
  }

  private grow(): void {
    const { hashes, words, values } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.words = new Array<string | undefined>(hashes.length * 2).fill(undefined);
    this.values = new Array<V>(hashes.length * 2);
    this.size = 0;
    for (let slot = 0; slot < hashes.length; slot += 1) {
      if (words[slot] !== undefined) this.insert(hashes[slot]!, words[slot]!, values[slot]!);
    }
  }

  private clear(): void {
    this.words.fill(undefined);
    this.values = new Array<V>(this.hashes.length);
    this.size = 0;
  }
}

/** Whether `text[start…end)` is `word`. */
function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i += 1) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
