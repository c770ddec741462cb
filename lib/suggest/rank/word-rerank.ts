/**
 * The engine's first candidates re-ordered with a second opinion: a plain BM25 over the words entries are asked
 * with, as written (`index/word-index.ts`; English split at spaces, Chinese by the platform's segmenter). The engine reads meaning (stems, concepts,
 * clauses, typo and synonym bridges) and drops the small words; plain BM25 keeps them, and in a pack
 * written as team leads write (four short questions per entry) they often decide between two close
 * entries: "can I pay in 4?" (installments, not payment methods), "sent X instead of Y" (wrong item).
 *
 * How much each opinion counts is learned, not chosen: a pairwise logistic model over the features below,
 * fitted per language by `scripts/train-word-rerank.ts` on the tuning sets of several packs (weights in
 * `word-rerank.data.ts`), with each pack's gain measured by a model fitted on the other packs only. The
 * second opinion only chooses which of the engine's candidates leads: the rest keep the engine's order, nothing
 * is added or dropped, so silence on small talk is unchanged.
 */
import type { Entry } from '../../packs/schema';
import type { WordIndex, WordScores } from '../index/word-index';
import { isWeakAnswer } from './thresholds';
import { WORD_RERANK_WEIGHTS } from './word-rerank.data';
import { isChineseLocale } from '../../packs/locale';

/** How many of the engine's leading candidates are re-ordered (the panel shows 5, the learner reads 20). */
export const WORD_RERANK_CANDIDATES = 20;

/** One of the engine's candidates: its score, and where its entry sits in a word index. */
export interface WordRerankCandidate {
  score: number;
  index: WordIndex;
  docNo: number;
  /** How many of the message's meaning classes (`@` terms of the engine's query: 退款, shipping fee…) the entry holds. */
  concepts: number;
  /** How many of the message's other terms (words, characters, bigrams) the entry holds. */
  terms: number;
}

/** The features, in this order (`WORD_RERANK_WEIGHTS` follows it). */
export const WORD_RERANK_FEATURES = [
  'engine score / first candidate score',
  'engine reciprocal rank',
  'word BM25 / best word BM25',
  'word BM25 reciprocal rank',
  'word BM25 on questions / best',
  'engine share × word share',
  'engine first',
  'meaning classes matched / most matched',
  'other terms matched / most matched',
] as const;

/** The language of a word index and its weights: how its pack's text splits into words. */
export type WordLanguage = keyof typeof WORD_RERANK_WEIGHTS;

export const wordLanguageOf = (locale: string): WordLanguage => (isChineseLocale(locale) ? 'zh' : 'en');

/**
 * Whether a message is read against a pack of this language: any message with letters for a Chinese pack
 * (the segmenter reads Han and Latin alike), a Latin-script one for the others (a Chinese message to an
 * English pack would be split into sentences, not words).
 */
export const isWordRerankable = (text: string, language: WordLanguage = 'en'): boolean =>
  /\p{L}/u.test(text) && (language === 'zh' || !/\p{Script=Han}/u.test(text));

/**
 * Whether a candidate may take the lead from words: not an item's own entry (placed by the item the buyer looks
 * at, `rankForProduct`), nor a weak answer (`isWeakAnswer`), listed only in case nothing better is right.
 */
export const mayLeadByWords = (entry: Pick<Entry, 'products'>, ranked: { score: number; coverage: number }): boolean =>
  !entry.products?.length && !isWeakAnswer(ranked);

/** Feature vectors of `candidates` (the engine's order) for message `text`. */
export function wordRerankFeatures(text: string, candidates: readonly WordRerankCandidate[]): number[][] {
  const byIndex = new Map<WordIndex, WordScores>();
  for (const { index } of candidates) if (!byIndex.has(index)) byIndex.set(index, index.score(text));
  const scores = [...byIndex.values()];
  // Loops, not a spread or a sort: a common word scores most entries of a large pack.
  const best = (pick: (s: WordScores) => Map<number, number>) => {
    let top = 0;
    for (const s of scores) for (const value of pick(s).values()) if (value > top) top = value;
    return top || 1;
  };
  const bestAll = best((s) => s.all);
  const bestQuestions = best((s) => s.questions);
  /** 1-based place among every entry the word index scored (ties share the better place). */
  const placeOf = (word: number) => {
    let above = 0;
    for (const s of scores) for (const value of s.all.values()) if (value > word) above++;
    return above + 1;
  };
  const first = candidates[0]?.score || 1;
  let mostConcepts = 1;
  let mostTerms = 1;
  for (const { concepts, terms } of candidates) {
    if (concepts > mostConcepts) mostConcepts = concepts;
    if (terms > mostTerms) mostTerms = terms;
  }
  return candidates.map((candidate, i) => {
    const own = byIndex.get(candidate.index)!;
    const word = own.all.get(candidate.docNo) ?? 0;
    const wordRank = word > 0 ? 1 / placeOf(word) : 0;
    const engineShare = candidate.score / first;
    const wordShare = word / bestAll;
    return [
      engineShare,
      1 / (i + 1),
      wordShare,
      wordRank,
      (own.questions.get(candidate.docNo) ?? 0) / bestQuestions,
      engineShare * wordShare,
      i === 0 ? 1 : 0,
      candidate.concepts / mostConcepts,
      candidate.terms / mostTerms,
    ];
  });
}

/**
 * Which candidate leads (an index into `features`) by the learned weights, among the first and those `mayLead`
 * allows; ties keep the engine's order. Only
 * the lead moves: re-ordering the whole list cost recall@3 (hearth-home 0.883 → 0.870, pawpath-pets 0.865 →
 * 0.840) for the same recall@1.
 */
/**
 * A learned blend's value for one candidate: `start` plus its features weighed by the blend's weights (missing
 * weights count 0).
 */
export function blendValue(features: readonly number[], weights: readonly number[], start = 0): number {
  return features.reduce((sum, v, j) => sum + v * (weights[j] ?? 0), start);
}

export function wordRerankLeader(
  features: readonly number[][],
  weights: readonly number[],
  mayLead: (i: number) => boolean = () => true,
): number {
  let leader = 0;
  let best = -Infinity;
  features.forEach((x, i) => {
    if (i > 0 && !mayLead(i)) return;
    const value = blendValue(x, weights);
    if (value > best) [leader, best] = [i, value];
  });
  return leader;
}
