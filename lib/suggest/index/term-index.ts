/**
 * Lookups over a segment's vocabulary, built when the panel loads a pack's cached index: term → term
 * number, and known bigram → the known bigrams that sound the same. Han terms, most of a Chinese pack's
 * vocabulary, go through numeric keys, so neither builds a string-keyed `Map` of every term: at 120,000
 * terms that cost 70–110 ms and 25–55 ms on each panel open.
 */
import { HanKeyTable } from './han-key-table';
import type { Segment } from './segment';
import {
  hanTermKey,
  homophoneKey,
  homophoneKeyOf,
  pinyinBigramKeys,
  readSyllablesOf,
  termKeyString,
} from '../text/tokenize';

type Vocabulary = Pick<Segment, 'termKeys' | 'terms'>;

/** A segment's term → its number (see `Segment.termKeys`). */
export class TermIndex {
  private readonly han: HanKeyTable;
  private readonly others = new Map<string, number>();

  constructor({ termKeys, terms }: Vocabulary) {
    this.han = HanKeyTable.forKeys(termKeys.length - terms.length);
    for (let i = 0; i < termKeys.length; i += 1) {
      const key = termKeys[i]!;
      if (key >= 0) this.han.add(key, i);
      else this.others.set(terms[-1 - key]!, i);
    }
  }

  get(term: string): number | undefined {
    const key = hanTermKey(term);
    if (key < 0) return this.others.get(term);
    const found = this.han.get(key);
    return found < 0 ? undefined : found;
  }
}

/** Known Chinese bigrams by how they sound (toneless pinyin), to bridge homophone typos (发活 → 发货). */
export class HomophoneIndex {
  /** Homophone key → first bigram of its chain in `bigrams` (Han keys); `next` links the chain (-1 ends it). */
  private readonly heads: HanKeyTable;
  private readonly bigrams: number[] = [];
  private readonly next: Int32Array;

  constructor(vocabularies: ReadonlyArray<Vocabulary>) {
    for (const { termKeys } of vocabularies) readSyllablesOf(termKeys);
    const keys: number[] = [];
    for (const { termKeys } of vocabularies) {
      for (let i = 0; i < termKeys.length; i += 1) {
        const key = homophoneKeyOf(termKeys[i]!);
        if (key < 0) continue;
        keys.push(key);
        this.bigrams.push(termKeys[i]!);
      }
    }
    this.heads = HanKeyTable.forKeys(keys.length);
    this.next = new Int32Array(keys.length);
    // Chained from the last to the first, so each chain lists its bigrams in vocabulary order.
    for (let at = keys.length - 1; at >= 0; at -= 1) {
      this.next[at] = this.heads.get(keys[at]!);
      this.heads.set(keys[at]!, at);
    }
  }

  /** The known bigrams that sound like `bigram` (itself included when it is known). */
  soundsLike(bigram: string): string[] {
    return this.withKey(homophoneKey(bigram));
  }

  /** The known bigrams a Latin word could be typed in pinyin for (发票 for "fapiao"; see `pinyinBigramKeys`). */
  spelledAs(word: string): string[] {
    return pinyinBigramKeys(word).flatMap((key) => this.withKey(key));
  }

  private withKey(key: number): string[] {
    if (key < 0) return [];
    const found: string[] = [];
    for (let at = this.heads.get(key); at >= 0; at = this.next[at]!) found.push(termKeyString(this.bigrams[at]!));
    return found;
  }
}

/** Where entry `docNo`'s posting of term `t` is (postings are sorted: binary search), or -1. */
export function postingIndex(segment: Pick<Segment, 'offsets' | 'postingDocs'>, t: number, docNo: number): number {
  let low = segment.offsets[t]!;
  let high = segment.offsets[t + 1]! - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = segment.postingDocs[middle]!;
    if (value === docNo) return middle;
    if (value < docNo) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Whether term `t` of a segment occurs in an entry. */
export const postingHas = (segment: Pick<Segment, 'offsets' | 'postingDocs'>, t: number, docNo: number): boolean =>
  postingIndex(segment, t, docNo) >= 0;
