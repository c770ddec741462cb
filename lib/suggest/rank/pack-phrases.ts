/**
 * A phrase of the team's packs counts about once, not once per character pair.
 *
 * Chinese is matched by overlapping character pairs and the characters themselves, so an item the buyer names
 * (空气炸锅: three pairs, four characters) outweighs what she asks about it (撤: one character, 保修: one pair).
 * Where consecutive pairs of the message run through a phrase the packs' titles and questions spell (a Han
 * trigram some entry is asked with), each pair after the first, and the character it shares with the pair
 * before, weighs `PACK_PHRASE_REPEAT_WEIGHT`: "手滑多拍了一个破壁机，帮我撤了吧" then leans on 撤, not on
 * 破壁机. A phrase the packs never spell (the buyer's own words) keeps every pair: there is no evidence it is
 * one unit; nor does a phrase that holds an entry's whole title (增值税专用发票): it is what that entry is about,
 * and damping it let "白条能分期吗 / 能开增值税专用发票吗" lead with instalments. Measured in docs/LEXICON.md
 * (thirtieth session).
 */
import type { WeightedTerm } from '../text/tokenize';

/** Weight share of a pair (and its shared character) that repeats a pack phrase the pair before began. */
export const PACK_PHRASE_REPEAT_WEIGHT = 0.3;

/**
 * For a normalised message, the pairs and characters that only repeat a pack phrase, each with its weight share
 * (the largest over its places: a pair that also stands on its own somewhere keeps its full weight). Null when
 * nothing repeats.
 */
export function packPhraseShares(
  text: string,
  spells: (trigram: string) => boolean,
  isTitle: (phrase: string) => boolean = () => false,
): Map<string, number> | null {
  let repeated: Map<string, number> | null = null;
  const full = new Set<string>();
  for (const [run] of text.matchAll(/\p{Script=Han}{2,}/gu)) {
    const chars = Array.from(run);
    // inPhrase[i]: chars i−1…i+1 are a pack phrase, so pair i and char i repeat what pair i−1 began.
    const inPhrase = chars.map((c, i) => i > 0 && i + 1 < chars.length && spells(chars[i - 1]! + c + chars[i + 1]!));
    // A phrase that holds an entry's whole title is what that entry is about (增值税专用发票): counted in full.
    for (let i = 1; i < chars.length;) {
      if (!inPhrase[i]) {
        i += 1;
        continue;
      }
      let j = i;
      while (j + 1 < chars.length && inPhrase[j + 1]) j += 1;
      const phrase = chars.slice(i - 1, j + 2);
      if (holdsTitle(phrase, isTitle)) for (let k = i; k <= j; k += 1) inPhrase[k] = false;
      i = j + 1;
    }
    for (let i = 0; i + 1 < chars.length; i += 1) {
      const pair = chars[i]! + chars[i + 1]!;
      if (inPhrase[i]) {
        repeated ??= new Map();
        repeated.set(pair, PACK_PHRASE_REPEAT_WEIGHT);
        repeated.set(chars[i]!, PACK_PHRASE_REPEAT_WEIGHT);
      } else {
        full.add(pair);
      }
    }
    chars.forEach((char, i) => {
      if (!inPhrase[i]) full.add(char);
    });
  }
  if (!repeated) return null;
  for (const term of full) repeated.delete(term);
  return repeated.size > 0 ? repeated : null;
}

/**
 * The longest title run looked for: a phrase is checked run by run, so without a bound a message of one long spelled
 * run (2,000 characters a pack's "哈哈哈" spells throughout) would cost millions of lookups.
 */
const MAX_TITLE_CHARS = 32;

/** Whether some run of three or more of these characters (up to `MAX_TITLE_CHARS`) is an entry's title. */
function holdsTitle(chars: string[], isTitle: (phrase: string) => boolean): boolean {
  for (let from = 0; from + 3 <= chars.length; from += 1) {
    const last = Math.min(chars.length, from + MAX_TITLE_CHARS);
    // Grown a character at a time: one string per lookup, not a slice and a join.
    let phrase = chars[from]! + chars[from + 1]!;
    for (let to = from + 3; to <= last; to += 1) {
      phrase += chars[to - 1]!;
      if (isTitle(phrase)) return true;
    }
  }
  return false;
}

/** Terms with the shares of `packPhraseShares` applied (the same array when nothing repeats). */
export function withPackPhrases(
  text: string,
  terms: WeightedTerm[],
  spells: (trigram: string) => boolean,
  isTitle?: (phrase: string) => boolean,
): WeightedTerm[] {
  const shares = packPhraseShares(text, spells, isTitle);
  if (!shares) return terms;
  return terms.map((t) => {
    const share = shares.get(t.term);
    return share === undefined ? t : { ...t, weight: t.weight * share };
  });
}
