/**
 * A phrase of the team's packs counts about once, not once per character pair.
 *
 * Chinese is matched by overlapping character pairs and the characters themselves, so an item the buyer names
 * (空气炸锅: three pairs, four characters) outweighs what she asks about it (撤: one character, 保修: one pair).
 * Where consecutive pairs of the message run through a phrase the packs' titles and questions spell (a Han
 * trigram some entry is asked with), each pair after the first, and the character it shares with the pair
 * before, weighs `PACK_PHRASE_REPEAT_WEIGHT`: "手滑多拍了一个破壁机，帮我撤了吧" then leans on 撤, not on
 * 破壁机. A phrase the packs never spell (the buyer's own words) keeps every pair: there is no evidence it is
 * one unit. Measured in docs/LEXICON.md (thirtieth session).
 */
import type { WeightedTerm } from '../text/tokenize';

/** Weight share of a pair (and its shared character) that repeats a pack phrase the pair before began. */
export const PACK_PHRASE_REPEAT_WEIGHT = 0.3;

/**
 * For a normalised message, the pairs and characters that only repeat a pack phrase, each with its weight share
 * (the largest over its places: a pair that also stands on its own somewhere keeps its full weight). Null when
 * nothing repeats.
 */
export function packPhraseShares(text: string, spells: (trigram: string) => boolean): Map<string, number> | null {
  let repeated: Map<string, number> | null = null;
  const full = new Set<string>();
  for (const [run] of text.matchAll(/\p{Script=Han}{2,}/gu)) {
    const chars = Array.from(run);
    // Pair i (chars i, i+1) repeats when chars i−1…i+1 are a pack phrase.
    for (let i = 0; i + 1 < chars.length; i += 1) {
      const pair = chars[i]! + chars[i + 1]!;
      if (i > 0 && spells(chars[i - 1]! + pair)) {
        repeated ??= new Map();
        repeated.set(pair, PACK_PHRASE_REPEAT_WEIGHT);
        repeated.set(chars[i]!, PACK_PHRASE_REPEAT_WEIGHT);
      } else {
        full.add(pair);
      }
    }
    // A character is a full one unless every pair it starts or ends inside the run marked it as shared.
    chars.forEach((char, i) => {
      const sharedWithBefore = i > 0 && i + 1 < chars.length && spells(chars[i - 1]! + char + chars[i + 1]!);
      if (!sharedWithBefore) full.add(char);
    });
  }
  if (!repeated) return null;
  for (const term of full) repeated.delete(term);
  return repeated.size > 0 ? repeated : null;
}

/** Terms with the shares of `packPhraseShares` applied (the same array when nothing repeats). */
export function withPackPhrases(
  text: string,
  terms: WeightedTerm[],
  spells: (trigram: string) => boolean,
): WeightedTerm[] {
  const shares = packPhraseShares(text, spells);
  if (!shares) return terms;
  return terms.map((t) => {
    const share = shares.get(t.term);
    return share === undefined ? t : { ...t, weight: t.weight * share };
  });
}
