import { describe, expect, it } from 'vitest';
import { WordTable } from '../../lib/suggest/text/word-table';

describe('WordTable', () => {
  it('computes a word once and finds it again where it stands in another text', () => {
    const computed: string[] = [];
    const table = new WordTable((word) => {
      computed.push(word);
      return word.length;
    });
    expect(table.get('ship my order', 0, 4)).toBe(4);
    expect(table.get('we ship today', 3, 7)).toBe(4);
    expect(table.get('ship my order', 8, 13)).toBe(5);
    expect(computed).toEqual(['ship', 'order']);
  });

  it('tells apart words of the same length and keeps them all as it grows', () => {
    const table = new WordTable((word) => `v:${word}`);
    const words = Array.from({ length: 10_000 }, (_, i) => `w${i.toString(36)}`);
    const text = words.join(' ');
    let at = 0;
    for (const word of words) {
      expect(table.get(text, at, at + word.length)).toBe(`v:${word}`);
      at += word.length + 1;
    }
    // After growing past its first size (4096 slots), every word is still found without computing again.
    let recomputed = 0;
    const counting = new WordTable((word) => {
      recomputed += 1;
      return word;
    });
    for (const word of words) counting.get(word, 0, word.length);
    for (const word of words) counting.get(word, 0, word.length);
    expect(recomputed).toBe(words.length);
  });

  it('starts afresh past its limit, still answering right', () => {
    let calls = 0;
    const table = new WordTable((word) => {
      calls += 1;
      return word.toUpperCase();
    }, 3);
    for (const word of ['a', 'b', 'c', 'd']) expect(table.get(word, 0, 1)).toBe(word.toUpperCase());
    // 'a' was dropped when 'd' came in: computed again, with the right value.
    expect(table.get('a', 0, 1)).toBe('A');
    expect(table.get('d', 0, 1)).toBe('D');
    expect(calls).toBe(5);
  });
});
