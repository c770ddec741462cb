/**
 * Blends what picks taught into the engine's ranking. The engine's candidates stay the base; only a strong
 * vote — a near-repeat of picked messages that agree — changes it: it lifts an entry above anything the
 * engine found, may put an entry the engine did not rank into the list, or answer a message the engine left
 * silent. Weak evidence (loose neighbours, term associations) changes nothing: measured on the replay
 * (bench/replay.ts), every way of letting it reorder the engine's near-ties made new wordings worse
 * somewhere (see `BLEND.nearRepeat`).
 */
import type { LearnedVote } from './pick-memory';

/** An entry the engine ranked: `key` as `entryKey(packId, entryId)`, `score` 0…1 (see engine THRESHOLDS). */
export interface RankedCandidate {
  key: string;
  score: number;
}

/** Constants of the blend, chosen on the replay's tuning and dev streams (bench/replay.ts), never held-out. */
export const BLEND = {
  /**
   * Similarity from which a picked message counts as the same question asked again (0.65 measured the
   * same, 0.75 lost re-asks). A less similar pick changes no ranking. Loose neighbours used to break the
   * engine's near-ties (weight 0.1, two agreeing picks): after the engine's ranking changes of
   * 2 December they only ever turned right answers wrong (new wordings −0.7 en tuning, −0.4 zh and en
   * dev). Term associations did too, even counted only for terms seen in two picks of the entry, most of
   * whose picks went to it, and only lifting one of the engine's first three (new wordings −0.2 zh
   * tuning, −0.7 en tuning, −0.4 en dev at weight 0.2; at 0.5 +0.8 zh dev but −0.5, −1.4 and −1.3).
   */
  nearRepeat: 0.7,
  /**
   * The same for a message the agent searched the entry out for (`PickRecord.searched`): the engine had not
   * offered it, and the agent chose it on purpose, so another buyer's looser wording of that message counts
   * ("运到漠河路上得几天" then "发漠河的话路上几天能到", 0.55; "the teapot arrived in three pieces" then "teapot
   * came smashed into pieces", 0.50). Replay at 0.5 (three seeds, tuning, dev and fresh-dev streams): gains
   * −0.4 to +0.7 points with right picks, −0.7 to +0.8 on new wordings with 10% wrong ones; 0.6 the same.
   */
  searchedRepeat: 0.5,
  /** Share of the neighbours' votes a strong vote needs: more than any contrary picks. */
  strongAgreement: 0.6,
  /**
   * A strong vote resting on one pick, for an entry the engine did not rank at all, goes first only when
   * the engine's best score is below this; otherwise second. A misclick is usually an entry unrelated to
   * the message, which the engine would not rank: with 10% wrong picks, re-asks r@1 rose from +4.8 to
   * +12.2 points (en) and +16.2 to +17.5 (zh), at a cost of 0.7 points on zh re-asks with right picks.
   * A second agreeing pick lifts the doubt. Whatever the engine scores, such a vote also goes second when the
   * entry is `unlikely` for the message (`SuggestEngine.mayAddLearned`): engine scores run low in Chinese, where
   * most misclicks passed this guard (zh tuning stream: 26 of 45 re-asks lost to a wrong pick had the engine's
   * right first below 0.3). Nor does the engine's score doubt a vote for a `likely` entry, one the buyer's words
   * translate to about as well as to the engine's own best: that is an entry the engine ranked too low, seldom a
   * misclick.
   */
  confidentEngine: 0.3,
} as const;

export interface BlendOptions {
  /**
   * The message is greetings/thanks only (`isCourtesyOnly`): votes never answer it. `PickMemory.votes`
   * already finds nothing in such a message; this guards votes that came from elsewhere.
   */
  courtesyOnly?: boolean;
  /**
   * Whether an entry the engine did not rank may be added (`SuggestEngine.mayAddLearned`): not when a
   * scenario rule of the chat excludes it; below the engine's best when its pack is for another platform
   * (a pick on a 拼多多 chat does not outrank a Taobao chat's own answer). Absent: every entry fits.
   */
  admit?: (key: string) => LearnedFit;
}

/**
 * How an entry the engine did not rank fits a chat (see `BlendOptions.admit`): `unlikely` fits, but the engine's word
 * translations find it far less likely for the message than its own candidates; `likely` fits, and they find it
 * about as likely as the engine's best (`SuggestEngine.mayAddLearned`).
 */
export type LearnedFit = 'yes' | 'likely' | 'elsewhere' | 'unlikely' | 'no';

/** Whether a vote is strong enough to add an entry or answer a message the engine did not. */
export function isStrongVote(vote: LearnedVote): boolean {
  return (
    (vote.similarity >= BLEND.nearRepeat || vote.searchedSimilarity >= BLEND.searchedRepeat) &&
    vote.agreement >= BLEND.strongAgreement
  );
}

/**
 * Re-ranks the engine's candidates with learned votes. Pure. Returns candidates best first: the entries of
 * strong votes (scores above 1, above anything the engine found on its own), then the engine's candidates
 * in the engine's own order, which is not always the order of their scores (a message asking two things
 * keeps an answer to each in the first places; an entry of a scenario switched off comes after those that
 * answer now): picks that say nothing about them must not undo it. A doubted entry (see
 * `BLEND.confidentEngine`) goes just below the engine's first.
 */
export function blend(
  candidates: readonly RankedCandidate[],
  votes: readonly LearnedVote[],
  options: BlendOptions = {},
): RankedCandidate[] {
  if (options.courtesyOnly || votes.length === 0) return candidates.map((c) => ({ ...c }));
  const byKey = new Map(votes.map((vote) => [vote.key, vote]));
  const top = candidates.reduce((best, c) => Math.max(best, c.score), 0);
  const strongScore = (vote: LearnedVote) => 1 + vote.agreement * vote.similarity;
  const lifted: RankedCandidate[] = [];
  const kept: RankedCandidate[] = [];
  for (const candidate of candidates) {
    const vote = byKey.get(candidate.key);
    if (vote && isStrongVote(vote)) lifted.push({ key: candidate.key, score: strongScore(vote) });
    else kept.push({ ...candidate });
  }
  const doubted: RankedCandidate[] = [];
  for (const vote of votes) {
    if (!isStrongVote(vote) || candidates.some((c) => c.key === vote.key)) continue;
    const fit = options.admit?.(vote.key) ?? 'yes';
    if (fit === 'no') continue;
    const doubt = fit === 'unlikely' || (fit !== 'likely' && top >= BLEND.confidentEngine);
    if ((vote.support < 2 && doubt && top > 0) || (fit === 'elsewhere' && top > 0)) {
      // Still in view for the agent to pick again.
      doubted.push({ key: vote.key, score: top - 1e-6 });
    } else {
      lifted.push({ key: vote.key, score: strongScore(vote) });
    }
  }
  // Stable: equal strong votes keep the engine's order.
  lifted.sort((a, b) => b.score - a.score);
  const ranked = [...lifted, ...kept];
  if (doubted.length === 0) return ranked;
  const first = candidates[0]!.key;
  const at = ranked.findIndex((c) => c.key === first) + 1;
  return [...ranked.slice(0, at), ...doubted, ...ranked.slice(at)];
}
