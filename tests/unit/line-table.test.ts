import { describe, expect, it } from 'vitest';
import { lineTable } from '../../lib/suggest/text/line-table';
import { EN_BRIDGE } from '../../lib/suggest/text/en-bridge.data';
import { ZH_ENGLISH } from '../../lib/suggest/text/zh-english.data';

/** The lookup by a scan of the whole string, as it was before the halving search. */
function scanned(table: string, word: string): string | null {
  const at = table.indexOf(`\n${word} `);
  if (at >= 0) return table.slice(at + word.length + 2, table.indexOf('\n', at + word.length + 2));
  return table.includes(`\n${word}\n`) ? '' : null;
}

const wordsOf = (table: string) =>
  table
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ')[0]!);

describe('lineTable', () => {
  const lookup = lineTable('\nbarefoot\nbox 盒子 箱子\nboxer\nship send|shipment\n', 2);

  it("gives the rest of a word's line, '' for a word with nothing more, null for a word it does not hold", () => {
    expect(lookup('box')).toBe('盒子 箱子');
    expect(lookup('boxer')).toBe('');
    expect(lookup('ship')).toBe('send|shipment');
    expect(lookup('barefoot')).toBe('');
    expect(lookup('bo')).toBeNull();
    expect(lookup('bare')).toBeNull();
    expect(lookup('boxe')).toBeNull();
    expect(lookup('boxers')).toBeNull();
    expect(lookup('a')).toBeNull();
    expect(lookup('zzz')).toBeNull();
    expect(lookup('')).toBeNull();
    expect(lookup('box 盒子')).toBeNull();
  });

  it('answers the same after its bounded memory starts afresh', () => {
    for (const word of ['box', 'ship', 'barefoot', 'zzz', 'box']) lookup(word);
    expect(lookup('box')).toBe('盒子 箱子');
    expect(lookup('barefoot')).toBe('');
  });

  it('finds the first and the last line, and holds an empty table', () => {
    const two = lineTable('\nalpha 1\nomega 2\n');
    expect(two('alpha')).toBe('1');
    expect(two('omega')).toBe('2');
    expect(lineTable('\n')('alpha')).toBeNull();
    expect(lineTable('')('alpha')).toBeNull();
  });

  // The halving search is only right on lines in the order of their words, each word once: as the generators write them.
  it.each([
    ['WordNet bridge', EN_BRIDGE],
    ['CC-CEDICT English', ZH_ENGLISH],
  ])('the %s table is in order, and searched as a scan of it would find', (_, table) => {
    const words = wordsOf(table);
    expect(words.length).toBeGreaterThan(1000);
    for (let i = 1; i < words.length; i += 1)
      if (!(words[i - 1]! < words[i]!)) expect([words[i - 1], words[i]]).toBe('in order');
    const search = lineTable(table, Infinity);
    const probes = words
      .filter((_, i) => i % 40 === 0)
      .flatMap((word) => [word, `${word}s`, word.slice(0, -1), word.slice(1)]);
    for (const word of probes) expect(search(word), word).toBe(scanned(table, word));
  });
});
