/** Relevance metrics over labelled cases. `expected: []` marks a message that needs no answer. */

/** The date every bench query is asked at: outside the packs' dated promos, so no scenario filters the eval. */
export const BENCH_DATE = new Date(2026, 11, 20);
export interface EvalCase {
  text: string;
  expected: string[];
  platform?: string;
  locale?: string;
  /** Scenarios the agent has switched on for this message. */
  scenarios?: string[];
}

export interface RelevanceReport {
  answerable: number;
  recallAt1: number;
  recallAt3: number;
  mrr: number;
  /** Share of no-answer messages that got no suggestion (null when there were none). */
  abstention: number | null;
  /** Share of answerable messages that got no suggestion at all. */
  silentOnAnswerable: number;
}

/** Scores a ranker: `rank` returns entry ids best first (empty = abstained). */
export function evaluate(cases: EvalCase[], rank: (c: EvalCase) => string[]): RelevanceReport {
  let answerable = 0;
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  let noAnswer = 0;
  let abstained = 0;
  let silent = 0;
  for (const c of cases) {
    const ids = rank(c);
    if (c.expected.length === 0) {
      noAnswer += 1;
      if (ids.length === 0) abstained += 1;
      continue;
    }
    answerable += 1;
    if (ids.length === 0) silent += 1;
    const position = ids.findIndex((id) => c.expected.includes(id));
    if (position === 0) hit1 += 1;
    if (position >= 0 && position < 3) hit3 += 1;
    if (position >= 0) reciprocal += 1 / (position + 1);
  }
  const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
  return {
    answerable,
    recallAt1: share(hit1, answerable),
    recallAt3: share(hit3, answerable),
    mrr: share(reciprocal, answerable),
    abstention: noAnswer === 0 ? null : share(abstained, noAnswer),
    silentOnAnswerable: share(silent, answerable),
  };
}
