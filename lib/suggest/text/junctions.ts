/** Word segmentation of the buyer's message, used to weigh down bigrams that are accidents of adjacency. */
import type { WeightedTerm } from './tokenize';
import { chineseWordSegmenter } from './word-segmenter';

const JUNCTION_WEIGHT = 0.6;

/**
 * Lowers the weight of Chinese bigrams that straddle two words of the buyer's message (衣服|是 → 服是):
 * such bigrams are accidents of adjacency, yet rare, so they would match unrelated entries strongly.
 * A bigram whose characters the segmenter left as single-character words (发|货) keeps its weight:
 * the segmenter often splits real words that way.
 */
export function junctionAware(text: string, terms: WeightedTerm[]): WeightedTerm[] {
  if (!chineseWordSegmenter || !/\p{Script=Han}/u.test(text)) return terms;
  const junctions = new Set<string>();
  let previous = '';
  for (const { segment } of chineseWordSegmenter.segment(text)) {
    if (previous && /\p{Script=Han}$/u.test(previous) && /^\p{Script=Han}/u.test(segment)) {
      const left = Array.from(previous);
      const right = Array.from(segment);
      if (left.length > 1 || right.length > 1) junctions.add(left[left.length - 1]! + right[0]!);
    }
    previous = segment;
  }
  if (junctions.size === 0) return terms;
  return terms.map((t) => (junctions.has(t.term) ? { ...t, weight: t.weight * JUNCTION_WEIGHT } : t));
}
