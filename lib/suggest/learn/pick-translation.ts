/**
 * The translation model (`rank/translation.ts`) adapted to a team's own picks. Each pick pairs the buyer's message
 * with the words of the entry the agent answered it with; the pair's expected word alignments under the model as it
 * stands (one E-step of IBM Model 1) are added to counts kept on top of the model's own, so P(buyer word | team-lead
 * word) moves toward what this team's buyers say for its entries ("ripped" for a damaged-item entry, 漏液 for
 * 质量问题), in proportion to how little the phrasebook had taught about that team-lead word. The next buyer who
 * uses such a word in other words around it gets the entry higher: what a near-repeat of a picked message cannot
 * give (`blend.ts`).
 *
 * Online, one pass per pick: the counts after N picks depend only on those picks in their order, so a learner
 * rebuilt from stored picks after a restart ranks as before. Measured against refitting EM over phrasebook and picks
 * together (fresh packs' dev lines as picks, their held-out lines scored, English): refitting 0.785 → 0.815, online
 * 0.812.
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

/** The words of a picked (redacted) message: a placeholder of buyer data ("[order]") is not the buyer's word. */
export function pickWords(text: string, language: WordLanguage): string[] {
  return translationWords(text.replace(PLACEHOLDER_PATTERN, ' '), language);
}

/** The empty team-lead word: takes what no word of the entry explains (as in the model's fit). */
const NULL_WORD = '';

/** A pair of word numbers as one map key (numbers below 2^22 each). */
const SHIFT = 2 ** 22;

/** What one pick added: cell keys (team-lead word × buyer word) with their expected counts. */
export interface PickCounts {
  readonly keys: readonly number[];
  readonly counts: readonly number[];
}

/** An entry's words as numbers, read once per words array. */
interface LeadWords {
  /** Distinct words (and the empty word), numbered in this adaptation. */
  numbers: number[];
  /** Their numbers in the fitted model (-1 unseen) and the evidence its rows rest on. */
  modelIds: number[];
  modelMass: number[];
  /** How often the entry holds each. */
  repeats: number[];
}

export class PickTranslation {
  private readonly wordNumbers = new Map<string, number>();
  /** Expected counts the picks added, per cell (`SHIFT` × team-lead word number + buyer word number). */
  private readonly counts = new Map<number, number>();
  /** Per team-lead word number, the sum of its counts. */
  private readonly mass = new Map<number, number>();
  private readonly leadWords = new WeakMap<readonly string[], LeadWords>();
  private picks = 0;

  constructor(readonly base: TranslationModel) {}

  /** How many picks it holds. */
  get size(): number {
    return this.picks;
  }

  private numberOf(word: string): number {
    let n = this.wordNumbers.get(word);
    if (n === undefined) this.wordNumbers.set(word, (n = this.wordNumbers.size));
    return n;
  }

  private leadWordsOf(lead: readonly string[]): LeadWords {
    let words = this.leadWords.get(lead);
    if (!words) {
      words = { numbers: [], modelIds: [], modelMass: [], repeats: [] };
      for (const [word, n] of [...countsOf(lead), [NULL_WORD, 1] as const]) {
        const id = this.base.leadIdOf(word);
        words.numbers.push(this.numberOf(word));
        words.modelIds.push(id);
        words.modelMass.push(this.base.leadMassOf(id));
        words.repeats.push(n);
      }
      this.leadWords.set(lead, words);
    }
    return words;
  }

  /**
   * Learns one pick: the buyer's words (`pickWords`) answered with an entry's words (`translationWords` of its title
   * and questions, the same array for the same entry). Returns what it added, for `remove`; null for no words.
   */
  add(buyer: readonly string[], lead: readonly string[]): PickCounts | null {
    if (buyer.length === 0) return null;
    const { numbers, modelIds, modelMass, repeats } = this.leadWordsOf(lead);
    const { uniformCounts, vocabulary } = PICK_TRANSLATION;
    const keys: number[] = [];
    const counts: number[] = [];
    const shares = new Float64Array(numbers.length);
    for (const [f, uses] of countsOf(buyer)) {
      const row = this.base.rowOfWord(f);
      const fNo = this.numberOf(f);
      let sum = 0;
      for (let k = 0; k < numbers.length; k++) {
        const e = numbers[k]!;
        shares[k] =
          (repeats[k]! *
            (modelMass[k]! * this.base.probabilityIn(row, modelIds[k]!) +
              (this.counts.get(e * SHIFT + fNo) ?? 0) +
              uniformCounts / vocabulary)) /
          (modelMass[k]! + (this.mass.get(e) ?? 0) + uniformCounts);
        sum += shares[k]!;
      }
      for (let k = 0; k < numbers.length; k++) {
        keys.push(numbers[k]! * SHIFT + fNo);
        counts.push((uses * shares[k]!) / sum);
      }
    }
    const added = { keys, counts };
    this.apply(added, 1);
    this.picks += 1;
    return added;
  }

  /** Forgets a pick `add` learned (the oldest, when a bounded memory lets it go). */
  remove(added: PickCounts): void {
    this.apply(added, -1);
    this.picks -= 1;
  }

  private apply({ keys, counts }: PickCounts, sign: 1 | -1): void {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const e = Math.floor(key / SHIFT);
      const count = (this.counts.get(key) ?? 0) + sign * counts[i]!;
      if (count > 1e-9) this.counts.set(key, count);
      else this.counts.delete(key);
      const mass = (this.mass.get(e) ?? 0) + sign * counts[i]!;
      if (mass > 1e-9) this.mass.set(e, mass);
      else this.mass.delete(e);
    }
  }

  /** `TranslationModel.score` with the adapted probabilities. */
  score(buyer: readonly string[], lead: readonly string[], weightOf: (word: string) => number = () => 1): number {
    if (this.picks === 0) return this.base.score(buyer, lead, weightOf);
    if (buyer.length === 0 || lead.length === 0) return 0;
    const { numbers, modelIds, modelMass, repeats } = this.leadWordsOf(lead);
    // The last of an entry's words is the empty word: not one of the entry's own.
    const words = numbers.length - 1;
    return this.base.meanLogRatio(buyer, lead, weightOf, (word) => {
      const row = this.base.rowOfWord(word);
      const fNo = this.wordNumbers.get(word);
      let translated = 0;
      for (let k = 0; k < words; k++) {
        const base = this.base.probabilityIn(row, modelIds[k]!);
        const added = this.mass.get(numbers[k]!);
        const picked = added && fNo !== undefined ? (this.counts.get(numbers[k]! * SHIFT + fNo) ?? 0) : 0;
        translated += repeats[k]! * (added ? (modelMass[k]! * base + picked) / (modelMass[k]! + added) : base);
      }
      return translated;
    });
  }
}
