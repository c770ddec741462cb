/** The ranking's tuned constants: BM25 parameters, when the engine says nothing, and how clauses compete. */

/** BM25 parameters: k1 saturates repeated terms, b normalises for entry length. */
export const BM25 = { k1: 1.2, b: 0.5 } as const;

/**
 * When the engine says nothing. `score` is the entry's BM25 score divided by the best score any entry
 * could reach for the same message (0…1); `coverage` is the share of the message's informative weight
 * (IDF-weighted) that the entry matched. A suggestion needs both.
 */
export const THRESHOLDS = { score: 0.1, coverage: 0.15 } as const;

/**
 * Score multiplier for an entry of a manual scenario that is off (see `dormantScenarioOf`). Recall@1 at 1 / 0.8
 * / 0.6: dev zh 0.762 / 0.756 / 0.750 (0.719 when such entries were never offered), dev en r@3 0.842 → 0.849,
 * Shopify 0.914 / 0.925 / 0.925 (0.925), Tmall 0.821 at each (0.826).
 */
export const DORMANT_SCENARIO_FACTOR = 0.8;

/** Score multiplier for entries tied to an active scenario. */
export const SCENARIO_BOOST = 1.15;

/** How many of a variant's best-scoring entries get their exact coverage computed. */
export const COVERAGE_CANDIDATES = 40;

/** The smallest share of the whole message's best reachable score a clause is measured against. */
export const CLAUSE_MIN_SHARE = 0.6;

/** Clauses compete with the whole message, slightly discounted: the whole text is the better evidence. */
export const CLAUSE_DISCOUNT = 0.9;

/**
 * Weight of a concept term in a message (a word counts 1; entries carry concept terms at half a word, see
 * index/concept-postings.ts). Recall@1 on the tuning sets, concept terms in messages at 1 / 0.5 vs none:
 * Chinese sets together 0.798 / 0.800 vs 0.786, Bitext 0.926 / 0.924 vs 0.922, Shopify 0.903 either way.
 */
export const CONCEPT_WEIGHT = 1;
