/**
 * The words an entry is asked with: the terms of its title, questions and keywords, not of its replies.
 * A reply's words are evidence for its entry (English replies weigh like questions, see index/segment.ts),
 * but a reply is also where the agent's small talk is ("Sorry about that!", "Tell me your height…"): one
 * such word shared with a buyer's small talk ("sorry to bother", "tell me a joke") must not be enough to
 * suggest the entry. See `matchesAWord` in query-terms.ts.
 */
import type { Entry } from '../../packs/schema';
import { normalizeText } from '../text/normalize';
import { termsOfNormalized } from '../text/tokenize';

/** Per entry object, filled on first use: only entries a message reached are ever read. */
const askedTerms = new WeakMap<Entry, Set<string>>();

/** The index terms (words and helper terms) of an entry's title, questions and keywords. */
export function askedTermsOf(entry: Entry): Set<string> {
  let terms = askedTerms.get(entry);
  if (terms) return terms;
  terms = new Set<string>();
  for (const text of [entry.title, ...entry.questions, ...entry.keywords]) {
    for (const { term } of termsOfNormalized(normalizeText(text))) terms.add(term);
  }
  askedTerms.set(entry, terms);
  return terms;
}
