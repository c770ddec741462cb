/**
 * The concept terms a message carries: those of the shared e-commerce lexicon (text/concepts.ts: 掏邮费 →
 * `@shipping-fee`) and of each loaded pack's own synonym groups (text/pack-synonyms.ts). Only concepts some
 * entry has are added: one no entry has would count as information the message carries and no entry
 * explains, and lower every entry's coverage.
 */
import { conceptTermsIn } from '../text/concepts';
import { packSynonymTermsIn } from '../text/pack-synonyms';
import type { WeightedTerm } from '../text/tokenize';
import type { Corpus } from './corpus';
import { CONCEPT_WEIGHT } from './thresholds';

export function withConcepts(corpus: Corpus, normalized: string, terms: WeightedTerm[]): WeightedTerm[] {
  const concepts = [
    ...conceptTermsIn(normalized),
    ...corpus.loaded().flatMap(({ pack }) => packSynonymTermsIn(pack, normalized)),
  ].filter((term) => corpus.documentFrequency(term) > 0);
  if (concepts.length === 0) return terms;
  return [...terms, ...concepts.map((term) => ({ term, weight: CONCEPT_WEIGHT, word: true }))];
}
