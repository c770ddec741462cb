/**
 * Words that name the thing, not the question. A buyer names the item while asking about something else
 * ("want to return the knife block", "耳机跟我那vivo能配上不"), and a team lead's example questions name
 * items too ("How do I sharpen my knife?"). In a pack of a few questions per entry such a word is rare, so
 * it weighs as much as the words that say what the buyer wants and pulls the message to whichever entry
 * happens to name the same item. Object words (objects.data.ts: WordNet's artifact, food and substance
 * nouns; Chinese product names by platform category) weigh `OBJECT_WEIGHT` in the buyer's message: they
 * still tell two entries apart that differ only by the item, and still match when nothing else does.
 * Words of the synonym groups and the concept lexicon are service words (box, card, phone, package), never
 * objects here.
 *
 * Measured (recall@1 / @3; fresh packs are ones the engine was never fitted to, tests/eval/README.md):
 * fresh-dev en 0.671 / 0.836 → 0.711 / 0.842 (English part, 0.7: 0.691, 0.4: 0.717 / 0.842), Bitext 0.917 →
 * 0.919, Shopify and dev en r@1 unchanged; Chinese part at 0.5 / 0.6 / 0.7: fresh-dev zh 0.824 → 0.824 /
 * 0.829 / 0.829 (r@3 0.918 → 0.929), dev zh 0.756 → 0.762 / 0.756 / 0.756, Tmall 0.826 → 0.830 / 0.834 /
 * 0.834, JD 0.811 unchanged at 0.5 and 0.6 (0.3: 0.800).
 */
import { conceptsOf } from './concepts';
import { EN_OBJECT_STEMS, ZH_OBJECT_WORDS } from './objects.data';
import { synonymsOf } from './synonyms';
import type { WeightedTerm } from './tokenize';

export const OBJECT_WEIGHT = 0.5;

/** The English object stems, built on first use (7,700 short strings: about a millisecond). */
let englishObjects: Set<string> | null = null;

/** Whether a stemmed English word names a thing (and is no service word of the synonym or concept lists). */
export function isObjectStem(term: string): boolean {
  englishObjects ??= new Set(EN_OBJECT_STEMS.trim().split(' '));
  return englishObjects.has(term) && synonymsOf(term).length === 0 && conceptsOf(term).length === 0;
}

/**
 * The message's terms with object words weighed down: an English word term and its 4-grams; a Chinese
 * bigram or character every occurrence of which lies inside an object word of the text (耳机 and 耳 in
 * "耳机没声音", not 机 when the text also says 开机).
 */
export function objectAware(text: string, terms: WeightedTerm[]): WeightedTerm[] {
  const hanMask = /\p{Script=Han}/u.test(text) ? objectMask(text) : null;
  let changed = false;
  const out = terms.map((t) => {
    const object = /^[a-z~]/.test(t.term)
      ? isObjectStem(t.of ?? t.term)
      : hanMask !== null && inside(text, t.term, hanMask);
    if (!object) return t;
    changed = true;
    return { ...t, weight: t.weight * OBJECT_WEIGHT };
  });
  return changed ? out : terms;
}

/** Which characters of the text belong to an object word; null when none does. */
function objectMask(text: string): Uint8Array | null {
  let mask: Uint8Array | null = null;
  for (const word of ZH_OBJECT_WORDS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      mask ??= new Uint8Array(text.length);
      mask.fill(1, at, at + word.length);
    }
  }
  return mask;
}

/** Whether a Han term (one or two characters) occurs in the text, and only inside object words. */
function inside(text: string, term: string, mask: Uint8Array): boolean {
  if (!/^\p{Script=Han}{1,2}$/u.test(term)) return false;
  let at = text.indexOf(term);
  if (at < 0) return false;
  for (; at >= 0; at = text.indexOf(term, at + 1)) {
    for (let i = at; i < at + term.length; i += 1) if (!mask[i]) return false;
  }
  return true;
}
