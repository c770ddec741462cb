/**
 * The terms a learned pick is remembered and compared by: the engine's own normalisation and terms
 * (bigrams and characters for Chinese, stemmed words and sub-word n-grams for Latin script), so a
 * traditional-character or typo'd re-ask of a picked message looks like it, without particles and
 * greetings (在吗, 亲, 吗), which every message shares and which say nothing about the entry.
 */
import { PLACEHOLDER_PATTERN } from '../../usage/redact';
import { normalizeText } from '../text/normalize';
import { CHINESE_STOPWORDS, COURTESY_TERMS } from '../text/stopwords';
import { termsOfNormalized } from '../text/tokenize';

/** A term and its weight in one message (the engine's term weight: words 1, characters and n-grams less). */
export type TermVector = Map<string, number>;

/**
 * Terms of a message, already redacted (see lib/usage/redact.ts). Placeholders become class terms
 * (`#[order]`): that a buyer gave an order number says something, which number says nothing.
 */
export function learnTermsOf(redactedText: string): TermVector {
  const vector: TermVector = new Map();
  const add = (term: string, weight: number) => vector.set(term, Math.max(vector.get(term) ?? 0, weight));
  const text = redactedText.replace(PLACEHOLDER_PATTERN, (placeholder) => {
    add(`#${placeholder}`, 0.25);
    return ' ';
  });
  for (const { term, weight } of termsOfNormalized(normalizeText(text))) {
    if (CHINESE_STOPWORDS.has(term) || COURTESY_TERMS.has(term)) continue;
    add(term, weight);
  }
  return vector;
}
