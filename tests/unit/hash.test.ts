import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../lib/hash';

describe('fnv1a', () => {
  it('gives the published FNV-1a 32-bit values', () => {
    expect(fnv1a('') >>> 0).toBe(0x811c9dc5);
    expect(fnv1a('a') >>> 0).toBe(0xe40c292c);
    expect(fnv1a('foobar') >>> 0).toBe(0xbf9cf968);
  });

  it('hashes a range as the same text on its own', () => {
    expect(fnv1a('xxfoobaryy', 2, 8)).toBe(fnv1a('foobar'));
  });

  it('returns a signed 32-bit integer, as an Int32Array stores it', () => {
    const hash = fnv1a('foobar');
    expect(hash).toBe(new Int32Array([hash])[0]);
    expect(hash).toBeLessThan(0);
  });
});
