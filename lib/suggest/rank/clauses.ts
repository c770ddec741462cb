/**
 * A message is scored whole and clause by clause, so "在吗？什么时候发货，能开发票吗" ranks both 发货 and
 * 发票 and a greeting clause adds nothing. Each entry keeps its best normalised score over the variants,
 * with the coverage that goes with it.
 */
import { isCourtesyOnly } from '../text/courtesy';
import { junctionAware } from '../text/junctions';
import { splitClauses, termsOfNormalized } from '../text/tokenize';
import { keepMax, type Corpus, type LoadedPack } from './corpus';
import { withConcepts } from './concept-query';
import { focusedTerms, hanRunWeights, questionClauses, readFocus, type WeightedClause } from './focus';
import { hanCoverage } from './han-coverage';
import { withPackPhrases } from './pack-phrases';
import { chineseForMixedEnglish } from './mixed-english';
import { queryTerms, type QueryTerm } from './query-terms';
import { scoreVariant } from './score';
import { CLAUSE_DISCOUNT, CLAUSE_MIN_SHARE, COVERAGE_CANDIDATES } from './thresholds';
import { TopK } from './top-k';

/**
 * An entry the whole message and one of its clauses both rank gets the better of the two scores plus this
 * share of the other: in a long story, the entry that fits the asking clause and the story around it is
 * the better answer. Recall@1 dev zh 0.694 → 0.706 (0.700 at 0.1, 0.706 at 0.5 with Bitext 0.913),
 * Tmall 0.821 → 0.826, English sets unchanged (dev en recall@3 0.803 → 0.809); abstention unchanged.
 */
const WHOLE_AND_CLAUSE = 0.25;

/** The score of an entry both the whole message (`whole`) and a clause (`clause`, its best) rank. */
export const wholeAndClause = (whole: number, clause: number) =>
  Math.max(whole, clause) + WHOLE_AND_CLAUSE * Math.min(whole, clause);

/** A message's scoring: the whole message's query terms and, per question of a several-question message, its best entries. */
export interface ClauseScores {
  query: QueryTerm[];
  /** For each clause that asks (when two or more do), its leading entries, best first. */
  questionLeaders: Array<Array<{ loaded: LoadedPack; docNo: number }>>;
}

/**
 * Scores a normalised message and its clauses into every pack's `best`/`bestCoverage` scratch (the
 * entries in `bestTouched`).
 */
export function scoreClauses(corpus: Corpus, message: string): ClauseScores {
  const packs = corpus.loaded();
  // "这个headphone支持anc吗" is read as "这个耳机支持降噪吗" (mixed-english.ts).
  const normalized = chineseForMixedEnglish(message);
  const variants = [normalized];
  const clauses = splitClauses(normalized).filter((clause) => !isCourtesyOnly(clause));
  if (clauses.length > 1) variants.push(...clauses);

  const chinese = /\p{Script=Han}/u.test(normalized);
  // A text's terms, a phrase of the team's packs counted about once (pack-phrases.ts).
  const spells = (trigram: string) => corpus.spells(trigram);
  const isTitle = (phrase: string) => corpus.isTitle(phrase);
  const termsOfText = (text: string) =>
    withPackPhrases(text, junctionAware(text, termsOfNormalized(text)), spells, isTitle);
  const callStamp = corpus.nextStamp();
  for (const { scratch } of packs) scratch.bestTouched.clear();
  // A clause the focus reading split further ("i'm not international, i'm in ohio") weighs its parts as the
  // whole message does.
  const termsOf = (text: string, focus: WeightedClause[]) => {
    const parts = focus.filter((c) => c.text !== text && text.includes(c.text));
    const terms = termsOfText(text);
    return queryTerms(
      corpus,
      withConcepts(corpus, text, parts.length > 1 ? focusedTerms(parts, terms) : terms),
      chinese,
    );
  };
  // The whole message is read for what it asks: story and negated clauses weigh less (focus.ts).
  const focus = readFocus(normalized);
  const wholeQuery = queryTerms(
    corpus,
    withConcepts(corpus, normalized, focusedTerms(focus, termsOfText(normalized))),
    chinese,
  );
  const runWeights = hanRunWeights(focus);
  const questions = questionClauses(normalized);
  const questionLeaders: ClauseScores['questionLeaders'] = [];
  let wholeUpper = 0;
  const wholeScores = new Map<LoadedPack, Map<number, number>>();
  const clauseScores = new Map<LoadedPack, Map<number, number>>();
  variants.forEach((variant, index) => {
    const query = index === 0 ? wholeQuery : termsOf(variant, focus);
    const { upper: variantUpper, informative } = scoreVariant(corpus, query);
    if (variantUpper === 0) return;
    if (index === 0) wholeUpper = variantUpper;
    // A clause is scored against at least a share of the whole message's reach: a clause that carries
    // little of the message ("订单 2987…") must not answer for all of it.
    const upper = index === 0 ? variantUpper : Math.max(variantUpper, CLAUSE_MIN_SHARE * wholeUpper);
    // A clause of story, or of what the buyer does not want, answers only as much as it speaks for the message.
    const discount = index === 0 ? 1 : CLAUSE_DISCOUNT * (focus.find((c) => c.text === variant)?.weight ?? 1);
    const coverageOf = hanCoverage(corpus, variant, query, index === 0 ? runWeights : null);
    const candidates = new TopK<{ loaded: LoadedPack; docNo: number }>(COVERAGE_CANDIDATES);
    for (const loaded of packs) {
      const { raw } = loaded.scratch;
      const { docs, length } = loaded.scratch.touched;
      for (let i = 0; i < length; i += 1) {
        const docNo = docs[i]!;
        if (candidates.accepts(raw[docNo]!)) candidates.offer(raw[docNo]!, { loaded, docNo });
      }
    }
    const ranked = candidates.entries();
    if (index > 0 && questions.includes(variant)) questionLeaders.push(ranked.map(({ item }) => item));
    for (const {
      score: raw,
      item: { loaded, docNo },
    } of ranked) {
      const { scratch } = loaded;
      const score = (raw / upper) * discount;
      const into = index === 0 ? wholeScores : clauseScores;
      let forPack = into.get(loaded);
      if (!forPack) into.set(loaded, (forPack = new Map()));
      forPack.set(docNo, Math.max(forPack.get(docNo) ?? 0, score));
      // The coverage goes with the entry's best score only: an entry an earlier variant scored higher keeps its own,
      // so its coverage here (the costliest part of a clause) is not needed.
      if (scratch.bestStamp[docNo] === callStamp && score <= scratch.best[docNo]!) continue;
      const han = coverageOf(loaded, docNo);
      const denominator = informative + han.total;
      const coverage = denominator > 0 ? Math.min(1, (scratch.mass[docNo]! + han.covered) / denominator) : 0;
      keepMax(
        scratch.bestStamp,
        scratch.best,
        scratch.bestCoverage,
        scratch.bestTouched,
        callStamp,
        docNo,
        score,
        coverage,
      );
    }
  });
  for (const [loaded, clauseOf] of clauseScores) {
    const wholeOf = wholeScores.get(loaded);
    if (!wholeOf) continue;
    for (const [docNo, clause] of clauseOf) {
      const whole = wholeOf.get(docNo);
      if (whole !== undefined) {
        loaded.scratch.best[docNo] = wholeAndClause(whole, clause);
      }
    }
  }
  return { query: wholeQuery, questionLeaders };
}
