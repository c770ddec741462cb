/**
 * Chinese coverage, per character: how much of a message's Chinese an entry explains. Word segmentation
 * is unreliable, so unmatched bigrams cannot simply count as unexplained words: characters can.
 */
import { postingHas } from '../index/term-index';
import { CHINESE_STOPWORDS } from '../text/stopwords';
import { isSplitWord } from '../text/tokenize';
import type { Corpus, LoadedPack } from './corpus';
import type { QueryTerm } from './query-terms';

/**
 * How much of a never-seen Chinese character's IDF counts: less than a word, because buyers tell
 * stories around their question (names, places, 咸菜) and a character alone says little.
 */
const UNSEEN_CHAR_WEIGHT = 0.3;
/** How much a character matched only on its own (not within a bigram) counts as covered. */
const SINGLE_CHAR_COVER = 0.5;

/**
 * Each content character of the message (not a particle) weighs its IDF as a single character (an unseen
 * one weighs like an unseen word, scaled down); an entry covers a character when it matches a bigram over
 * it (or that bigram's homophone or synonym). Returns the measure for one entry at a time.
 */
export function hanCoverage(
  corpus: Corpus,
  text: string,
  query: QueryTerm[],
  /** Per Han run of `text`, in order, how much it speaks for the question (see focus.ts); null = all 1. */
  runWeights: readonly number[] | null = null,
): (loaded: LoadedPack, docNo: number) => { covered: number; total: number } {
  const weights: number[] = [];
  const positions = new Map<string, number[]>();
  const unseen = corpus.idf(1) * UNSEEN_CHAR_WEIGHT;
  const at = (term: string, index: number) => {
    const list = positions.get(term) ?? [];
    list.push(index);
    positions.set(term, list);
  };
  const runs = text.match(/\p{Script=Han}+/gu) ?? [];
  const weighted = runWeights !== null && runWeights.length === runs.length;
  for (const [k, run] of runs.entries()) {
    const chars = Array.from(run);
    const base = weights.length;
    const runWeight = weighted ? runWeights[k]! : 1;
    chars.forEach((char, i) => {
      const df = CHINESE_STOPWORDS.has(char) ? -1 : corpus.documentFrequency(char);
      weights.push(runWeight * (df < 0 ? 0 : df === 0 ? unseen : corpus.idf(df)));
      at(char, base + i);
    });
    for (let i = 0; i + 1 < chars.length; i += 1) {
      at(chars[i]! + chars[i + 1]!, base + i);
      at(chars[i]! + chars[i + 1]!, base + i + 1);
      // A verb–object word split by 了/个/过 (tokenize.ts `isSplitWord`) covers its two outer characters.
      const last = chars[i + 2];
      if (last && isSplitWord(chars[i]!.charCodeAt(0), chars[i + 1]!.charCodeAt(0), last.charCodeAt(0))) {
        at(chars[i]! + last, base + i);
        at(chars[i]! + last, base + i + 2);
      }
    }
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  // Bigrams cover their two characters; a single character matched alone covers itself, for less.
  const hanTerms = query.filter((q) => positions.has(q.term) && (q.word || q.term.length === 1));
  // Per pack, each term's targets as term numbers, looked up once rather than once per candidate.
  const resolved = new Map<LoadedPack, Array<{ targets: Array<{ t: number; share: number }>; at: number[] }>>();
  const resolve = (loaded: LoadedPack) => {
    let terms = resolved.get(loaded);
    if (!terms) {
      terms = hanTerms.map((q) => {
        const scale = q.term.length === 1 ? SINGLE_CHAR_COVER : 1;
        const targets: Array<{ t: number; share: number }> = [];
        for (const target of q.targets) {
          const t = loaded.termIndex.get(target.term);
          if (t !== undefined) targets.push({ t, share: target.share * scale });
        }
        return { targets, at: positions.get(q.term)! };
      });
      resolved.set(loaded, terms);
    }
    return terms;
  };
  const covered = new Float64Array(weights.length);
  return (loaded, docNo) => {
    if (total === 0) return { covered: 0, total: 0 };
    covered.fill(0);
    for (const { targets, at } of resolve(loaded)) {
      let share = 0;
      for (const { t, share: targetShare } of targets) {
        if (targetShare > share && postingHas(loaded.segment, t, docNo)) share = targetShare;
      }
      if (share > 0) for (const index of at) covered[index] = Math.max(covered[index]!, share);
    }
    let sum = 0;
    for (let i = 0; i < covered.length; i += 1) sum += covered[i]! * weights[i]!;
    return { covered: sum, total };
  };
}
