import { describe, expect, it } from 'vitest';
import { lineTable } from '../../lib/suggest/text/line-table';

describe('lineTable', () => {
  const lookup = lineTable('\nbox 盒子 箱子\nship send|shipment\nbarefoot\n', 2);

  it("gives the rest of a word's line, '' for a word with nothing more, null for a word it does not hold", () => {
    expect(lookup('box')).toBe('盒子 箱子');
    expect(lookup('ship')).toBe('send|shipment');
    expect(lookup('barefoot')).toBe('');
    expect(lookup('bo')).toBeNull();
    expect(lookup('bare')).toBeNull();
    expect(lookup('zzz')).toBeNull();
  });

  it('answers the same after its bounded memory starts afresh', () => {
    for (const word of ['box', 'ship', 'barefoot', 'zzz', 'box']) lookup(word);
    expect(lookup('box')).toBe('盒子 箱子');
    expect(lookup('barefoot')).toBe('');
  });
});
