/**
 * The buyer phrasebook: how buyers of other shops put a question, tied to the words a team lead wrote for it.
 *
 * Each intent is an entry of another shop's pack (its title and questions, team-lead text) with the buyer messages
 * that entry answered in this repository's tuning sets (`scripts/gen-phrasebook.ts`). A message finds its nearest
 * intents by the buyer messages they hold ("the teapot arrived in three pieces" is near "my mug came in bits"); each
 * intent's own title and questions are then read by the team's pack as if a buyer had asked them, and the entries
 * they reach gain a share of the intent's weight. So buyer wording that the pack never wrote reaches the pack's entry
 * through the clean wording of another shop's entry for the same thing.
 *
 * It only re-orders the candidates the engine already found (never adds one, never decides whether to speak).
 * Measured leaving out each team's pack and its messages from the phrasebook (the gain a new team's pack sees):
 * English tuning 0.786 → 0.807, fresh held-out 0.742 → 0.776; Chinese tuning 0.838 → 0.853, fresh held-out
 * 0.817 → 0.840 (docs/LEXICON.md, fourteenth section).
 */
import type { Pack } from '../../packs/schema';
import type { WordLanguage } from './word-rerank';

/** An intent: a title, the questions a team lead wrote, and buyer messages it answered. */
export type PhrasebookIntent = readonly [title: string, questions: readonly string[], messages: readonly string[]];

/** Intents per language of the packs they came from. */
export type Phrasebook = Readonly<Record<WordLanguage, readonly PhrasebookIntent[]>>;

export const PHRASEBOOK = {
  /** Intents a message's nearest are taken from. */
  neighbours: 3,
  /** The pivot's share, against the engine's score over its best candidate's (1 for the lead). */
  weight: 0.5,
  /** Entries an intent's text reaches in the team's pack. */
  reach: 10,
  /**
   * The share of the message an intent's buyer messages must explain for the intent to count as near: "remove my
   * premium account" is not near an intent about logging in because both say "account" (0.39). Tuning sets leaving
   * each team out, en / zh: none 0.813 / 0.861, 0.4 0.818 / 0.861, 0.5 0.816 / 0.858.
   */
  nearCoverage: 0.4,
} as const;

const INTENT_ID_PREFIX = 'i';
/** The phrasebook's pack id starts with this (`phrasebook-zh`): the corpus tells it from a team's packs by it. */
export const PHRASEBOOK_PACK_PREFIX = 'phrasebook-';

/**
 * The phrasebook of one language as a pack the engine can rank: an intent's buyer messages are questions beside its
 * own (team-lead text weighs as written), so a message is near an intent by either.
 */
export function phrasebookPack(intents: readonly PhrasebookIntent[], language: WordLanguage): Pack {
  // Built as the schema would fill it in (parsing 15,000 questions through it costs ~15 ms on first use).
  return {
    format: 'huashu-pack/1',
    id: `${PHRASEBOOK_PACK_PREFIX}${language}`,
    name: 'Buyer phrasebook',
    version: '1.0.0',
    locale: language === 'zh' ? 'zh-CN' : 'en',
    platforms: [],
    facts: {},
    scenarios: [],
    synonyms: [],
    sites: [],
    entries: intents.map(([title, questions, messages], i) => ({
      id: `${INTENT_ID_PREFIX}${i}`,
      title,
      kind: 'reply',
      questions: [...questions, ...messages],
      keywords: [],
      // Never shown; the engine reads reply text at a low weight, so an intent adds nothing there.
      replies: [{ text: '-' }],
      scenarios: [],
      platforms: [],
      tags: [],
      priority: 0,
    })),
  };
}

/** The intent a phrasebook pack's entry stands for. */
export function intentNumberOf(entryId: string): number {
  return Number(entryId.slice(INTENT_ID_PREFIX.length));
}

/**
 * The text of an intent a team's pack reads to find where the intent lands: its title and first question (all four
 * questions land no better, tuning sets leaving each team out: en 0.815 / zh 0.863 either way, and cost five clauses).
 */
export function intentText([title, questions]: PhrasebookIntent): string {
  return questions.length ? `${title}。 ${questions[0]}` : title;
}

/** A scored candidate of the team's packs, keyed by pack and entry. */
export interface PivotCandidate {
  key: string;
  score: number;
}

/**
 * Candidates re-ordered by the engine's score over the best one's plus the phrasebook's share: `near` are the
 * nearest intents with their scores, `landing(intent)` the entries of the team's packs an intent's text reaches with
 * their score over that ranking's best. Shares are summed over intents weighted by nearness, then scaled so the best
 * candidate's share is 1. Returns the new order as indexes into `candidates`; the same order when no intent lands on
 * any of them.
 */
export function pivotOrder(
  candidates: readonly PivotCandidate[],
  near: readonly { intent: number; score: number }[],
  landing: (intent: number) => ReadonlyMap<string, number>,
  weight: number = PHRASEBOOK.weight,
): number[] {
  const order = candidates.map((_, i) => i);
  const nearest = near[0]?.score ?? 0;
  if (candidates.length < 2 || nearest <= 0) return order;
  const shares = new Map<string, number>();
  for (const { intent, score } of near)
    for (const [key, share] of landing(intent)) shares.set(key, (shares.get(key) ?? 0) + (score / nearest) * share);
  let most = 0;
  for (const { key } of candidates) most = Math.max(most, shares.get(key) ?? 0);
  if (most <= 0) return order;
  const best = Math.max(...candidates.map((c) => c.score));
  const value = candidates.map((c) => c.score / best + (weight * (shares.get(c.key) ?? 0)) / most);
  // Stable: equal values keep the engine's order.
  return order.sort((a, b) => value[b]! - value[a]! || a - b);
}
