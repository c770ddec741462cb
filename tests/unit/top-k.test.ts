import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/synthetic';
import { TopK } from '../../lib/suggest/rank/top-k';

describe('TopK', () => {
  it('keeps the k best, best first, as a stable sort would (earlier item first on equal scores)', () => {
    const random = prng(7);
    // Scores on a coarse grid, so there are many ties, including at the cut.
    const items = Array.from({ length: 500 }, (_, i) => ({ id: i, score: Math.floor(random() * 20) }));
    const top = new TopK<number>(40);
    for (const { id, score } of items) top.offer(score, id);
    const expected = [...items].sort((a, b) => b.score - a.score).slice(0, 40);
    expect(top.entries()).toEqual(expected.map(({ id, score }) => ({ score, item: id })));
  });

  it('keeps everything when fewer than k are offered', () => {
    const top = new TopK<string>(5);
    top.offer(1, 'a');
    top.offer(3, 'b');
    top.offer(2, 'c');
    expect(top.entries().map((e) => e.item)).toEqual(['b', 'c', 'a']);
  });

  it('accepts only what would be kept once full', () => {
    const top = new TopK<string>(2);
    top.offer(5, 'a');
    top.offer(4, 'b');
    expect(top.accepts(4)).toBe(false);
    expect(top.accepts(4.5)).toBe(true);
    top.offer(4, 'c');
    expect(top.entries().map((e) => e.item)).toEqual(['a', 'b']);
    expect(new TopK<string>(0).accepts(1)).toBe(false);
  });
});
