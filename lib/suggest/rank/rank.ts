/**
 * From scores to a ranking: the entries whose best score and coverage pass the abstention thresholds,
 * that may answer on this platform and in the active scenarios and match a word of the message, with
 * entry priority and the scenario boost applied, best first.
 */
import type { Entry, Pack, Platform } from '../../packs/schema';
import { scoreClauses, type ClauseScores } from './clauses';
import type { Corpus, LoadedPack } from './corpus';
import { matchesAWord, type QueryTerm } from './query-terms';
import { isPlainStatement, tellsOnly } from './focus';
import { CONCEPT_TERM_PREFIX } from '../text/concepts';
import { dormantScenarioOf, isEntryEligible } from './scenarios';
import { separateSiblings } from './siblings';
import {
  CANDIDATE_MIN_SCORE,
  DORMANT_LEAD_MARGIN,
  DORMANT_SCENARIO_FACTOR,
  SCENARIO_BOOST,
  STATEMENT_COVERAGE,
  STATEMENT_SCORE,
  isWeakAnswer,
  WEAK_COVERAGE,
  THRESHOLDS,
} from './thresholds';

/** One ranked entry (its score may still be below `THRESHOLDS.score`, down to `CANDIDATE_MIN_SCORE`). */
export interface Ranked {
  loaded: LoadedPack;
  docNo: number;
  entry: Entry;
  score: number;
  coverage: number;
  /** The scenario, off (manual, or dated and out of its window), the entry answers in (see `dormantScenarioOf`). */
  dormant?: Pack['scenarios'][number];
}

/**
 * Ranks the loaded packs' entries for a normalised message; also returns the whole message's query terms.
 * `switchedOff`: scenarios the agent switched off for this chat (their entries are not offered at all).
 */
export function rankEntries(
  corpus: Corpus,
  normalized: string,
  platform: Platform | undefined,
  active: Set<string>,
  switchedOff: Iterable<string> = [],
): { ranked: Ranked[]; query: QueryTerm[] } {
  const off = new Set(switchedOff);
  const { query, questionLeaders } = scoreClauses(corpus, normalized);
  const ranked: Ranked[] = [];
  for (const loaded of corpus.loaded()) {
    const { scratch } = loaded;
    const { docs, length } = scratch.bestTouched;
    for (let i = 0; i < length; i += 1) {
      const docNo = docs[i]!;
      const coverage = scratch.bestCoverage[docNo]!;
      if (coverage < WEAK_COVERAGE || scratch.best[docNo]! < CANDIDATE_MIN_SCORE) continue;
      const entry = loaded.pack.entries[docNo]!;
      const eligible = isEntryEligible(loaded.pack, entry, platform, active);
      const dormant = eligible ? null : dormantScenarioOf(loaded.pack, entry, platform, active, off);
      if (!eligible && !dormant) continue;
      // A character or word fragment in common (沙发 and 发货 share 发) is not evidence: an entry must
      // match at least one word of the message.
      if (!matchesAWord(loaded, docNo, query)) continue;
      let final = scratch.best[docNo]! * (1 + 0.02 * entry.priority);
      if (entry.scenarios.some((id) => active.has(id))) final *= SCENARIO_BOOST;
      if (dormant) final *= DORMANT_SCENARIO_FACTOR;
      ranked.push({ loaded, docNo, entry, score: Math.min(1, final), coverage, ...(dormant ? { dormant } : {}) });
    }
  }
  // Whether anything is said is decided at the coverage threshold; below it, entries only join a list. A
  // message that only tells something needs an entry that explains more of it (`STATEMENT_COVERAGE`).
  const tells = tellsOnly(normalized);
  const floor = isPlainStatement(normalized, tells) ? STATEMENT_COVERAGE : THRESHOLDS.coverage;
  if (!ranked.some((r) => r.coverage >= floor)) return { ranked: [], query };
  // A message that only tells, with no word of the shop's concept lexicon ("上班好累啊", "finally friday!"), needs
  // an entry that also scores clearly (`STATEMENT_SCORE`).
  const tellsOfLife = tells && !query.some((q) => q.term.startsWith(CONCEPT_TERM_PREFIX));
  if (tellsOfLife && !ranked.some((r) => r.coverage >= floor && r.score >= STATEMENT_SCORE))
    return { ranked: [], query };
  ranked.sort((a, b) => b.score - a.score || b.coverage - a.coverage);
  const ordered = withEachQuestionAnswered(separateSiblings(corpus, ranked, query), questionLeaders);
  // An entry of a scenario that is off comes after the entries that answer now unless it fits the message
  // clearly better: "when will my order ship" must not lead with the pre-order reply because its question is
  // worded closest, "国补能用吗" should lead with the 国补 reply.
  const bestNow = Math.max(0, ...ordered.filter((r) => !r.dormant).map((r) => r.score));
  const leads = (r: Ranked) => !r.dormant || r.score >= bestNow * DORMANT_LEAD_MARGIN;
  // Weak answers (`isWeakAnswer`) come last, in their order: listed so that the right one is on the list
  // when nothing better is, never in front of an answer that is.
  const strong = ordered.filter((r) => !isWeakAnswer(r));
  const weak = ordered.filter(isWeakAnswer);
  return { ranked: [...strong.filter(leads), ...strong.filter((r) => !leads(r)), ...weak], query };
}

/** How many leading places the best entries of a several-question message's questions are kept in. */
export const QUESTION_PLACES = 3;

/**
 * "屏幕透光，保修多久": the best entry of each question among the first places, after the overall best,
 * so a message with two questions shows an answer to both.
 */
function withEachQuestionAnswered(ranked: Ranked[], leaders: ClauseScores['questionLeaders']): Ranked[] {
  if (leaders.length === 0 || ranked.length <= QUESTION_PLACES) return ranked;
  const result = [...ranked];
  let next = 1;
  for (const clauseLeaders of leaders) {
    // The clause's best entry that is ranked at all (eligible here, above the thresholds).
    let at = -1;
    for (const l of clauseLeaders) {
      at = result.findIndex((r) => r.loaded === l.loaded && r.docNo === l.docNo);
      if (at >= 0) break;
    }
    // A weak leader answers its question too faintly to move ahead of stronger answers to the whole message.
    if (at < 0 || isWeakAnswer(result[at]!)) continue;
    if (at < next || at < QUESTION_PLACES) {
      next = Math.max(next, at + 1);
      continue;
    }
    if (next >= QUESTION_PLACES) break;
    const [leader] = result.splice(at, 1);
    result.splice(next, 0, leader!);
    next += 1;
  }
  return result;
}
