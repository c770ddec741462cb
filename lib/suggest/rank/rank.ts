/**
 * From scores to a ranking: the entries whose best score and coverage pass the abstention thresholds,
 * that may answer on this platform and in the active scenarios and match a word of the message, with
 * entry priority and the scenario boost applied, best first.
 */
import type { Entry, Platform } from '../../packs/schema';
import { scoreClauses } from './clauses';
import type { Corpus, LoadedPack } from './corpus';
import { matchesAWord, type QueryTerm } from './query-terms';
import { isEntryEligible } from './scenarios';
import { separateSiblings } from './siblings';
import { SCENARIO_BOOST, THRESHOLDS } from './thresholds';

/** One ranked entry (its score may still be below `THRESHOLDS.score`, down to half of it). */
export interface Ranked {
  loaded: LoadedPack;
  docNo: number;
  entry: Entry;
  score: number;
  coverage: number;
}

/** Ranks the loaded packs' entries for a normalised message; also returns the whole message's query terms. */
export function rankEntries(
  corpus: Corpus,
  normalized: string,
  platform: Platform | undefined,
  active: Set<string>,
): { ranked: Ranked[]; query: QueryTerm[] } {
  const query = scoreClauses(corpus, normalized);
  const ranked: Ranked[] = [];
  for (const loaded of corpus.loaded()) {
    const { scratch } = loaded;
    for (const docNo of scratch.bestTouched) {
      const coverage = scratch.bestCoverage[docNo]!;
      if (coverage < THRESHOLDS.coverage || scratch.best[docNo]! < THRESHOLDS.score / 2) continue;
      const entry = loaded.pack.entries[docNo]!;
      if (!isEntryEligible(loaded.pack, entry, platform, active)) continue;
      // A character or word fragment in common (沙发 and 发货 share 发) is not evidence: an entry must
      // match at least one word of the message.
      if (!matchesAWord(loaded, docNo, query)) continue;
      let final = scratch.best[docNo]! * (1 + 0.02 * entry.priority);
      if (entry.scenarios.some((id) => active.has(id))) final *= SCENARIO_BOOST;
      ranked.push({ loaded, docNo, entry, score: Math.min(1, final), coverage });
    }
  }
  ranked.sort((a, b) => b.score - a.score || b.coverage - a.coverage);
  return { ranked: separateSiblings(corpus, ranked, query), query };
}
