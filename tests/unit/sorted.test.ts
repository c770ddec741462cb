import { describe, expect, it } from 'vitest';
import { indexInSorted } from '../../lib/suggest/index/sorted';

describe('indexInSorted', () => {
  const sorted = Int32Array.from([2, 3, 5, 8, 13, 21]);

  it('finds a value in the whole array or in a range of it', () => {
    expect(indexInSorted(sorted, 8)).toBe(3);
    expect(indexInSorted(sorted, 2)).toBe(0);
    expect(indexInSorted(sorted, 21)).toBe(5);
    expect(indexInSorted(sorted, 13, 2, 5)).toBe(4);
  });

  it('answers −1 for a value absent, or outside the range', () => {
    expect(indexInSorted(sorted, 4)).toBe(-1);
    expect(indexInSorted(sorted, 2, 1)).toBe(-1);
    expect(indexInSorted(sorted, 21, 0, 5)).toBe(-1);
    expect(indexInSorted(new Int32Array(0), 1)).toBe(-1);
  });
});
