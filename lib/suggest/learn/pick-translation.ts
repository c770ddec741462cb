/**
 * The translation model (`rank/translation.ts`) adapted to a team's own picks. Each pick pairs the buyer's message
 * with the words of the entry the agent answered it with; the pair's expected word alignments under the model as it
 * stands (one E-step of IBM Model 1) are added to counts kept on top of the model's own, so P(buyer word | team-lead
 * word) moves toward what this team's buyers say for its entries ("exploded" for a damaged-item entry, 漏液 for
 * 质量问题), in proportion to how little the phrasebook had taught about that team-lead word. The next buyer who
 * uses such a word in other words around it gets the entry higher: what a near-repeat of a picked message cannot
 * give (`blend.ts`).
 *
 * Online, one pass per pick: a pick costs ~0.1 ms, and the counts after N picks depend only on those picks in their
 * order, so a learner rebuilt from stored picks after a restart ranks as before. Measured against refitting EM over
 * phrasebook and picks together (fresh packs' dev lines as picks, their held-out lines scored, English): refitting
 * 0.785 → 0.815, online 0.812.
 */
import { PLACEHOLDER_PATTERN } from '../../usage/redact';
import type { WordLanguage } from '../rank/word-rerank';
import { countsOf, translationWords, type TranslationModel } from '../rank/translation';

export const PICK_TRANSLATION = {
  /**
   * Pseudo-counts of a uniform start in a pick's alignment, over a vocabulary of `vocabulary` buyer words: a word pair
   * neither the model nor earlier picks know still gets a share, as in the first round of EM from a uniform start.
   * Fresh packs' English held-out lines with their dev lines as picks: 1 and 0.1 gave the same (0.8119).
   */
  uniformCounts: 1,
  vocabulary: 1000,
} as const;

/** The empty team-lead word: takes what no word of the entry explains (as in the model's fit). */
const NULL_WORD = '';

/** The words of a picked (redacted) message: a placeholder of buyer data ("[order]") is not the buyer's word. */
export function pickWords(text: string, language: WordLanguage): string[] {
  return translationWords(text.replace(PLACEHOLDER_PATTERN, ' '), language);
}

/** What one pick added: per team-lead word, per buyer word, its expected count. */
export type PickCounts = ReadonlyMap<string, ReadonlyMap<string, number>>;

export class PickTranslation {
  /** Per team-lead word, per buyer word: expected counts the picks added. */
  private readonly counts = new Map<string, Map<string, number>>();
  /** Per team-lead word, the sum of its counts. */
  private readonly mass = new Map<string, number>();
  private picks = 0;

  constructor(readonly base: TranslationModel) {}

  /** How many picks it holds. */
  get size(): number {
    return this.picks;
  }

  /**
   * Learns one pick: the buyer's words (`translationWords`) answered with an entry's words. Returns what it added, for
   * `remove`; null when the message has no words.
   */
  add(buyer: readonly string[], lead: readonly string[]): PickCounts | null {
    if (buyer.length === 0) return null;
    const leadCounts = new Map(countsOf(lead));
    leadCounts.set(NULL_WORD, 1);
    const { uniformCounts, vocabulary } = PICK_TRANSLATION;
    const added = new Map<string, Map<string, number>>();
    for (const [f, uses] of countsOf(buyer)) {
      const shares = new Map<string, number>();
      let sum = 0;
      for (const [e, n] of leadCounts) {
        const prevailing = this.base.leadMass(e);
        const share =
          (n *
            (prevailing * this.base.probability(f, e) +
              (this.counts.get(e)?.get(f) ?? 0) +
              uniformCounts / vocabulary)) /
          (prevailing + (this.mass.get(e) ?? 0) + uniformCounts);
        shares.set(e, share);
        sum += share;
      }
      for (const [e, share] of shares) {
        let row = added.get(e);
        if (!row) added.set(e, (row = new Map()));
        row.set(f, (row.get(f) ?? 0) + (uses * share) / sum);
      }
    }
    this.apply(added, 1);
    this.picks += 1;
    return added;
  }

  /** Forgets a pick `add` learned (the oldest, when a bounded memory lets it go). */
  remove(added: PickCounts): void {
    this.apply(added, -1);
    this.picks -= 1;
  }

  private apply(added: PickCounts, sign: 1 | -1): void {
    for (const [e, row] of added) {
      let counts = this.counts.get(e);
      if (!counts) this.counts.set(e, (counts = new Map()));
      let total = 0;
      for (const [f, c] of row) {
        const next = (counts.get(f) ?? 0) + sign * c;
        if (next > 1e-9) counts.set(f, next);
        else counts.delete(f);
        total += c;
      }
      const mass = (this.mass.get(e) ?? 0) + sign * total;
      if (counts.size > 0 && mass > 1e-9) this.mass.set(e, mass);
      else {
        this.mass.delete(e);
        this.counts.delete(e);
      }
    }
  }

  /** P(buyer word | team-lead word): the model's counts and the picks' together. */
  private probability(f: string, e: string): number {
    const base = this.base.probability(f, e);
    const added = this.mass.get(e);
    if (!added) return base;
    const prevailing = this.base.leadMass(e);
    return (prevailing * base + (this.counts.get(e)?.get(f) ?? 0)) / (prevailing + added);
  }

  /** `TranslationModel.score` with the adapted probabilities. */
  score(buyer: readonly string[], lead: readonly string[], weightOf: (word: string) => number = () => 1): number {
    if (this.picks === 0) return this.base.score(buyer, lead, weightOf);
    if (buyer.length === 0 || lead.length === 0) return 0;
    const leadCounts = countsOf(lead);
    let sum = 0;
    let weights = 0;
    for (const word of buyer) {
      const weight = weightOf(word);
      if (weight <= 0) continue;
      let translated = 0;
      for (const [e, n] of leadCounts) translated += n * this.probability(word, e);
      sum += weight * this.base.wordLogRatio(word, translated, leadCounts.get(word) ?? 0, lead.length);
      weights += weight;
    }
    return weights > 0 ? sum / weights : 0;
  }
}
