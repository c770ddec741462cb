/**
 * The terms a learned pick is remembered and compared by: the engine's own normalisation and terms
 * (bigrams and characters for Chinese, stemmed words and sub-word n-grams for Latin script), so a
 * traditional-character or typo'd re-ask of a picked message looks like it, without particles and
 * greetings (在吗, 亲, 吗), which every message shares and which say nothing about the entry.
 */
import { PLACEHOLDER_PATTERN } from '../../usage/redact';
import { normalizeText } from '../text/normalize';
import { deletionsOf } from '../index/typos';
import { CHINESE_STOPWORDS, COURTESY_TERMS, ENGLISH_STOPWORDS } from '../text/stopwords';
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

/**
 * What a near-repeat of a picked message is recognised by, beside the weighted terms: the content tokens
 * of the message (Han characters and bigrams, Latin words unstemmed), without greetings, particles and
 * redacted details. Latin words of four letters or more also match one edit away (a typo, a swapped pair).
 */
export interface RepeatKey {
  tokens: Set<string>;
  /** Latin words (4+ letters) → their deletion keys, for the one-edit match. */
  fuzzy: Map<string, Set<string>>;
}

export function repeatKeyOf(redactedText: string, terms: TermVector = learnTermsOf(redactedText)): RepeatKey {
  const tokens = new Set<string>();
  const fuzzy = new Map<string, Set<string>>();
  for (const term of terms.keys()) if (/^\p{Script=Han}+$/u.test(term)) tokens.add(term);
  // "don't" and "dont" are the same word to a buyer: one token, not "don" + "t".
  const text = normalizeText(redactedText.replace(PLACEHOLDER_PATTERN, ' ')).replace(/(?<=[a-z])['’](?=[a-z])/g, '');
  for (const [word] of text.matchAll(/[a-z][a-z0-9]*|\d+/g)) {
    if (ENGLISH_STOPWORDS.has(word) || COURTESY_TERMS.has(word)) continue;
    tokens.add(word);
    if (word.length >= 4 && /^[a-z]+$/.test(word)) fuzzy.set(word, new Set(deletionsOf(word, true)));
  }
  return { tokens, fuzzy };
}

/** Whether `token` of one key has a match in `other`: the same token, or a Latin word one edit away. */
function matches(token: string, own: RepeatKey, other: RepeatKey): boolean {
  if (other.tokens.has(token)) return true;
  const deletions = own.fuzzy.get(token);
  if (!deletions) return false;
  for (const otherDeletions of other.fuzzy.values()) {
    for (const key of deletions) if (otherDeletions.has(key)) return true;
  }
  return false;
}

/**
 * How nearly `query` repeats the `picked` message (0…1): the F1 score of their content tokens (how much
 * of the picked message the query holds, and of the query the picked message), unweighted, so a re-ask
 * with a slip or a short clause added ("…，在线等", "… for my mom") still counts where the IDF cosine
 * drops. Recall weighted 2× or 4× gained nothing on the tuning and dev streams: the stricter F1 is kept.
 * A picked message of fewer than two tokens says too little to recognise: 0.
 */
export function repeatSimilarity(picked: RepeatKey, query: RepeatKey): number {
  if (picked.tokens.size < 2 || query.tokens.size === 0) return 0;
  let pickedHit = 0;
  for (const token of picked.tokens) if (matches(token, picked, query)) pickedHit += 1;
  if (pickedHit === 0) return 0;
  let queryHit = 0;
  for (const token of query.tokens) if (matches(token, query, picked)) queryHit += 1;
  const recall = pickedHit / picked.tokens.size;
  const precision = queryHit / query.tokens.size;
  return (2 * precision * recall) / (precision + recall);
}
