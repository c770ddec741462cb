/**
 * BM25F scoring of one variant of a message (the whole text or a clause) over every loaded pack, with
 * shared statistics: per entry, each query term counts once, through the best of its targets.
 */
import { WEIGHT_SCALE } from '../index/segment';
import { keepMax, type Corpus } from './corpus';
import type { QueryTerm } from './query-terms';
import { BM25 } from './thresholds';

/** How much of a never-seen word's IDF counts as unexplained information (coverage denominator). */
const UNSEEN_WORD_WEIGHT = 1;
/** Share of entries above which a helper term (not a word) is skipped at query time. */
const COMMON_HELPER_SHARE = 0.2;
const HAN_START = /^\p{Script=Han}/u;

/**
 * Scores one variant of the message into every pack's `raw`/`mass` scratch; returns the normalisers:
 * `upper`, the best BM25 score any entry could reach, and `informative`, the message's IDF-weighted
 * Latin word mass (Chinese coverage is counted per character, see `hanCoverage`).
 */
export function scoreVariant(corpus: Corpus, query: QueryTerm[]): { upper: number; informative: number } {
  const packs = corpus.loaded();
  const { docCount } = corpus;
  const variantStamp = corpus.nextStamp();
  for (const { scratch } of packs) scratch.touched.clear();
  let upper = 0;
  let informative = 0;
  const unseenIdf = corpus.idf(1);
  const common = docCount * COMMON_HELPER_SHARE;
  for (const q of query) {
    // A helper term (single character, sub-word) found in a large share of entries separates
    // nothing and costs the longest scans: skip it.
    if (!q.word && docCount >= 50 && q.targets.every((t) => corpus.documentFrequency(t.term) > common)) continue;
    // Chinese coverage is counted per character (see `hanCoverage`); Latin words count here.
    const latinWord = q.word && !HAN_START.test(q.term);
    // Per entry, the best of the term's targets counts once.
    const termStamp = corpus.nextStamp();
    let best = 0;
    let bestStandIn = 0;
    for (const { scratch } of packs) scratch.termTouched.clear();
    for (const target of q.targets) {
      const df = corpus.documentFrequency(target.term);
      if (df === 0) continue;
      const mass = corpus.idf(df) * q.weight * target.share;
      if (target.share === 1) best = Math.max(best, mass);
      else bestStandIn = Math.max(bestStandIn, mass);
      const gainScale = mass * (BM25.k1 + 1);
      for (const loaded of packs) {
        const t = loaded.termIndex.get(target.term);
        if (t === undefined) continue;
        const { scratch, lengthNorm } = loaded;
        const { offsets, postingDocs, postingWeights } = loaded.segment;
        for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i += 1) {
          const docNo = postingDocs[i]!;
          const tf = postingWeights[i]! / WEIGHT_SCALE;
          const gain = (gainScale * tf) / (tf + lengthNorm[docNo]!);
          keepMax(
            scratch.termStamp,
            scratch.termGain,
            scratch.termMass,
            scratch.termTouched,
            termStamp,
            docNo,
            gain,
            mass,
          );
        }
      }
    }
    // Unknown as written: its best stand-in (a typo neighbour, homophone or synonym) sets the scale.
    if (best === 0) best = bestStandIn;
    for (const { scratch } of packs) {
      const { docs, length } = scratch.termTouched;
      for (let i = 0; i < length; i += 1) {
        const docNo = docs[i]!;
        if (scratch.stamp[docNo] !== variantStamp) {
          scratch.stamp[docNo] = variantStamp;
          scratch.raw[docNo] = 0;
          scratch.mass[docNo] = 0;
          scratch.touched.push(docNo);
        }
        scratch.raw[docNo] = scratch.raw[docNo]! + scratch.termGain[docNo]!;
        if (latinWord) scratch.mass[docNo] = scratch.mass[docNo]! + scratch.termMass[docNo]!;
      }
    }
    upper += best * (BM25.k1 + 1);
    if (latinWord) informative += best;
    // A Latin word the packs never use is information the message carries and no entry explains.
    if (best === 0 && latinWord) informative += unseenIdf * UNSEEN_WORD_WEIGHT;
  }
  return { upper, informative };
}
