/**
 * A word translation model between buyers and team leads, learned from the buyer phrasebook: which words buyers
 * use for the words a team lead writes ("charge" for "cost", "scrap" for "cancel", "bars" for "charging", 不出声 for
 * 没声音). IBM Model 1 (Brown et al. 1993), fitted by EM on every phrasebook intent's buyer messages against its
 * title and questions; a candidate entry is scored by how likely the message is as a translation of the entry's
 * title and questions (the translation language model of Xue, Jeon & Croft 2008), against how common each word is
 * among buyers.
 *
 * It learns from all shops together, so a pairing seen in two other shops carries to a new team's pack: it fills
 * the gap the phrasebook leaves when no other shop's buyer asked a near enough message. It only re-orders the
 * engine's first candidates by a learned blend (`translationOrder`), never adds one, never decides silence.
 * Measured leaving each team out of the model and of the blend's fit (`scripts/train-translation.ts`).
 */
import { finish, follow, inSlices, type Steps } from '../../steps';
import { indexInSorted } from '../index/sorted';
import { plainWords } from '../index/word-index';
import { normalizeText } from '../text/normalize';
import { stem } from '../text/stem';
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from '../text/stopwords';
import type { PhrasebookIntent } from './phrasebook';
import { blendValue, type WordLanguage } from './word-rerank';

export const TRANSLATION = {
  /**
   * EM rounds. Tuning sets leaving each team out, en / zh: 4 +2.0 / +1.4, 8 +2.1 / +0.8 (15 as 8); but at 4 Bitext
   * fell to 0.900 from 0.904, its floor.
   */
  iterations: 8,
  /**
   * The translation's share against a word's frequency among buyers; the rest of each word's probability. Tuning
   * sets leaving each team out, recall@1 gained en / zh: 0.5 +0.7 / +0.3, 0.7 +1.2 / +0.5, 0.9 +2.1 / +0.9.
   */
  smoothing: 0.9,
  /** A word's share for itself ("refund" for "refund"): 0.1 +2.1 / +0.9 as above, 0 +1.7, 0.3 +0.7 / +0.3. */
  identity: 0.1,
  /** Translations kept after fitting: less likely ones change no order and cost memory. */
  minProbability: 0.002,
  /** The engine's leading candidates the blend re-orders. */
  candidates: 10,
  /**
   * The weight of a buyer word the engine does not read (a stop word, a courtesy word, a number) against its read
   * words' own weights. Tuning sets leaving each team out, en / zh, with Bitext: every word at 1: +2.1 / +0.9,
   * Bitext 0.889; 0.5: +2.1 / +1.0, Bitext 0.904 (unchanged).
   */
  unread: 0.5,
} as const;

/** The words a message or an entry is read as for the model: content words, English ones stemmed. */
export function translationWords(text: string, language: WordLanguage): string[] {
  const normalized = normalizeText(text);
  if (language === 'zh') {
    // Character pairs, as the engine reads Chinese, not the platform's word segmenter: +1.2 instead of +0.8 on the
    // tuning sets leaving each team out, and ~30 µs less per entry (a 10,000-entry pack misses its cache often).
    const words: string[] = [];
    for (const run of normalized.match(/\p{Script=Han}+|[a-z][a-z0-9]*/gu) ?? []) {
      if (!/\p{Script=Han}/u.test(run)) words.push(run);
      else if (run.length === 1) {
        if (!CHINESE_STOPWORDS.has(run)) words.push(run);
      } else
        for (let i = 0; i + 1 < run.length; i++) {
          const pair = run.slice(i, i + 2);
          // A pair of function words (我的, 了吗, 什么) tells no entry apart, and costs the fit most of its time.
          if (!CHINESE_STOPWORDS.has(pair) && !(CHINESE_STOPWORDS.has(run[i]!) && CHINESE_STOPWORDS.has(run[i + 1]!)))
            words.push(pair);
        }
    }
    return words;
  }
  return plainWords(normalized)
    .filter((word) => /\p{L}/u.test(word) && !ENGLISH_STOPWORDS.has(word))
    .map(stem);
}

/**
 * The text of an entry the model reads: its title and all its questions (title and first question only: tuning sets
 * leaving each team out, en +1.8 instead of +2.3, and Bitext lower).
 */
export function leadText(title: string, questions: readonly string[]): string {
  return [title, ...questions].join('。 ');
}

/** A buyer message with the words of the entry that answered it. */
export interface TranslationPair {
  buyer: readonly string[];
  lead: readonly string[];
}

/** The pairs of a phrasebook: each intent's buyer messages against its title and questions. */
export function phrasebookPairs(intents: readonly PhrasebookIntent[], language: WordLanguage): TranslationPair[] {
  return intents.flatMap(([title, questions, messages]) => {
    const lead = translationWords(leadText(title, questions), language);
    return messages.map((message) => ({ buyer: translationWords(message, language), lead }));
  });
}

const NULL_WORD = '';

const modelsOf = new WeakMap<readonly PhrasebookIntent[], TranslationModel>();

/**
 * The model of a phrasebook's intents, fitted once per phrasebook (the shipped one is shared by every engine of the
 * page, the CLI and the tests): 1.6 s for English, 2.2 s for Chinese (Node on the 2-core test machine, 2026-12-08).
 */
export function translationModelOf(intents: readonly PhrasebookIntent[], language: WordLanguage): TranslationModel {
  return finish(translationModelSteps(intents, language));
}

/** Words or instances `TranslationModel.fitInSteps` reads between two of its yields. */
const FIT_WORK_PER_STEP = 100_000;
/** Cells (buyer word, team-lead word) `TranslationModel.fitInSteps` reads between two yields when it keeps the rows. */
const CELLS_PER_STEP = 100_000;

/** Intents read into pairs between two yields of `translationModelSteps` (~10 ms of stemming). */
const INTENTS_PER_STEP = 200;

/** A phrasebook's fit under way in steps: a second caller (the packs reloaded meanwhile) carries on with it. */
const fitsUnderWay = new WeakMap<readonly PhrasebookIntent[], Steps<TranslationModel>>();

/**
 * `translationModelOf` in steps of at most a few tens of milliseconds (reading the pairs, then `fitInSteps`), for a
 * page that fits the model between its own tasks. Returns at once when the phrasebook's model is already fitted; two
 * callers share one fit, driven a step at a time by whichever calls.
 */
export function* translationModelSteps(
  intents: readonly PhrasebookIntent[],
  language: WordLanguage,
): Steps<TranslationModel> {
  const cached = modelsOf.get(intents);
  if (cached) return cached;
  let fit = fitsUnderWay.get(intents);
  if (!fit) fitsUnderWay.set(intents, (fit = fitSteps(intents, language)));
  yield* follow(fit);
  // A fit that failed in another caller's step is started again here (and fails here).
  return modelsOf.get(intents) ?? (yield* translationModelSteps(intents, language));
}

function* fitSteps(intents: readonly PhrasebookIntent[], language: WordLanguage): Steps<TranslationModel> {
  try {
    const pairs: TranslationPair[] = [];
    yield* inSlices(intents.length, INTENTS_PER_STEP, (from, to) =>
      pairs.push(...phrasebookPairs(intents.slice(from, to), language)),
    );
    const model = yield* TranslationModel.fitInSteps(pairs);
    modelsOf.set(intents, model);
    return model;
  } finally {
    fitsUnderWay.delete(intents);
  }
}

export class TranslationModel {
  /** Per entry's words, their counts by team-lead word number (words the model never saw left out). */
  private readonly leadIdCounts = new WeakMap<readonly string[], Map<number, number>>();

  private constructor(
    /** Team-lead words by number. */
    private readonly leadIds: ReadonlyMap<string, number>,
    /** Per buyer word, its row: `leads` and `probabilities` from `rowStarts[row]` to `rowStarts[row + 1]`. */
    private readonly rowOf: ReadonlyMap<string, number>,
    private readonly rowStarts: Int32Array,
    /**
     * The rows one after another: the team-lead words a buyer word translates (numbers, ascending) with P(buyer word |
     * team-lead word). Flat typed arrays: ~3 MB for the Chinese phrasebook's 300,000 pairs, where maps of maps took 22 MB.
     */
    private readonly leads: Int32Array,
    private readonly probabilities: Float32Array,
    private readonly buyerCounts: ReadonlyMap<string, number>,
    private readonly buyerTotal: number,
    /** Per team-lead word number, the count mass the last EM round gave it: how much evidence its row rests on. */
    private readonly leadTotals: Float32Array,
  ) {}

  /** A buyer word's row (for `probabilityIn`); -1 for a word the model never saw. */
  rowOfWord(buyerWord: string): number {
    return this.rowOf.get(buyerWord) ?? -1;
  }

  /** A team-lead word's number (for `probabilityIn`); -1 for a word the model never saw. */
  leadIdOf(leadWord: string): number {
    return this.leadIds.get(leadWord) ?? -1;
  }

  /** P(buyer word | team-lead word) as fitted, by row and number; 0 for a pair the model never saw. */
  probabilityIn(row: number, leadId: number): number {
    if (row < 0 || leadId < 0) return 0;
    const k = indexInSorted(this.leads, leadId, this.rowStarts[row]!, this.rowStarts[row + 1]!);
    return k >= 0 ? this.probabilities[k]! : 0;
  }

  /** How much evidence a team-lead word's translations rest on, by number (0 for a word the model never saw). */
  leadMassOf(leadId: number): number {
    return leadId < 0 ? 0 : this.leadTotals[leadId]!;
  }

  /**
   * Fits the model by EM. Pairs that share their team-lead words (one intent's messages) are fitted as one: in Model 1
   * a buyer word's alignment depends only on the team-lead words beside it, so their counts add up. Each distinct
   * buyer word of such a group, with each distinct team-lead word (or the empty word, which takes what no team-lead
   * word explains), is one cell of flat arrays; cells are numbered team-lead word by team-lead word through a dense
   * table, without a hash map over the co-occurrences (that alone took ~300 ms for the Chinese phrasebook).
   */
  static train(pairs: readonly TranslationPair[], iterations: number = TRANSLATION.iterations): TranslationModel {
    return finish(TranslationModel.fitInSteps(pairs, iterations));
  }

  /**
   * `train` in steps of a few tens of milliseconds: the generator yields after counting the pairs, after numbering the
   * cells and after each EM round, and returns the model, so a page can fit it between its own tasks.
   */
  static *fitInSteps(
    pairs: readonly TranslationPair[],
    iterations: number = TRANSLATION.iterations,
  ): Steps<TranslationModel> {
    const leadIds = new Map<string, number>([[NULL_WORD, 0]]);
    const buyerIds = new Map<string, number>();
    const idOf = (ids: Map<string, number>, word: string) => {
      let id = ids.get(word);
      if (id === undefined) ids.set(word, (id = ids.size));
      return id;
    };
    const buyerCounts = new Map<string, number>();
    let buyerTotal = 0;
    const groups = new Map<string, { lead: Map<number, number>; buyer: Map<number, number> }>();
    // Work done since the last yield, in words or instances read: a pause every `FIT_WORK_PER_STEP` keeps each slice
    // short (the Chinese phrasebook's cell numbering took ~140 ms in one slice, an EM round ~55 ms).
    let work = 0;
    const due = (done: number) => (work += done) >= FIT_WORK_PER_STEP && ((work = 0), true);
    for (const { buyer, lead } of pairs) {
      if (due(4 * (buyer.length + lead.length))) yield;
      const key = lead.join(' ');
      let group = groups.get(key);
      if (!group) {
        const leadCounts = new Map<number, number>([[0, 1]]);
        for (const word of lead) {
          const id = idOf(leadIds, word);
          leadCounts.set(id, (leadCounts.get(id) ?? 0) + 1);
        }
        groups.set(key, (group = { lead: leadCounts, buyer: new Map() }));
      }
      for (const word of buyer) {
        buyerCounts.set(word, (buyerCounts.get(word) ?? 0) + 1);
        buyerTotal++;
        const id = idOf(buyerIds, word);
        group.buyer.set(id, (group.buyer.get(id) ?? 0) + 1);
      }
    }
    yield;
    // Instances: (buyer word of a group, team-lead word of that group), with the team-lead word's count; a row of
    // instances per buyer word of a group, weighed by how often the group's messages use it.
    let instances = 0;
    for (const { lead, buyer } of groups.values()) instances += lead.size * buyer.size;
    const instanceLead = new Int32Array(instances);
    const instanceBuyer = new Int32Array(instances);
    const instanceCount = new Float64Array(instances);
    const rowEnds: number[] = [];
    const rowWeights: number[] = [];
    let filled = 0;
    for (const { lead, buyer } of groups.values()) {
      const sources = [...lead.keys()];
      const repeats = [...lead.values()];
      if (due(sources.length * buyer.size)) yield;
      for (const [w, uses] of buyer) {
        for (let k = 0; k < sources.length; k++) {
          instanceLead[filled] = sources[k]!;
          instanceBuyer[filled] = w;
          instanceCount[filled++] = repeats[k]!;
        }
        rowEnds.push(filled);
        rowWeights.push(uses);
      }
    }
    yield;
    const byLead = new Int32Array(leadIds.size + 1);
    for (let i = 0; i < instances; i++) byLead[instanceLead[i]! + 1]!++;
    yield;
    for (let s = 0; s < leadIds.size; s++) byLead[s + 1]! += byLead[s]!;
    const next = byLead.slice(0, leadIds.size);
    const order = new Int32Array(instances);
    for (let i = 0; i < instances; i++) order[next[instanceLead[i]!]!++] = i;
    yield;
    const instanceCell = new Int32Array(instances);
    const cellLead: number[] = [];
    const cellBuyer: number[] = [];
    const cellOfBuyer = new Int32Array(buyerIds.size).fill(-1);
    for (let s = 0; s < leadIds.size; s++) {
      if (due(byLead[s + 1]! - byLead[s]!)) yield;
      // The empty word is in every group: its run alone is a tenth of all instances, read a step at a time.
      for (let k = byLead[s]!; k < byLead[s + 1]!; k++) {
        if ((k & 0xffff) === 0xffff && due(0x10000)) yield;
        const w = instanceBuyer[order[k]!]!;
        if (cellOfBuyer[w] === -1) {
          cellOfBuyer[w] = cellLead.length;
          cellLead.push(s);
          cellBuyer.push(w);
        }
        instanceCell[order[k]!] = cellOfBuyer[w]!;
      }
      for (let k = byLead[s]!; k < byLead[s + 1]!; k++) cellOfBuyer[instanceBuyer[order[k]!]!] = -1;
    }
    const cells = cellLead.length;
    yield;
    // Typed copies for the rounds below (plain arrays of numbers were ~30% slower here).
    const ends = Int32Array.from(rowEnds);
    const uses = Float64Array.from(rowWeights);
    const leadOfCell = Int32Array.from(cellLead);
    yield;
    // Start uniform over the buyer words each team-lead word was seen with.
    const seen = new Float64Array(leadIds.size);
    for (let c = 0; c < cells; c++) seen[cellLead[c]!]!++;
    const t = new Float64Array(cells);
    for (let c = 0; c < cells; c++) t[c] = 1 / seen[cellLead[c]!]!;
    yield;
    const counts = new Float64Array(cells);
    const totals = new Float64Array(leadIds.size);
    for (let round = 0; round < iterations; round++) {
      counts.fill(0);
      let start = 0;
      for (let row = 0; row < ends.length; row++) {
        const end = ends[row]!;
        if (due(end - start)) yield;
        let sum = 0;
        for (let i = start; i < end; i++) sum += instanceCount[i]! * t[instanceCell[i]!]!;
        if (sum > 0) {
          const share = uses[row]! / sum;
          for (let i = start; i < end; i++)
            counts[instanceCell[i]!]! += share * instanceCount[i]! * t[instanceCell[i]!]!;
        }
        start = end;
      }
      totals.fill(0);
      for (let c = 0; c < cells; c++) totals[leadOfCell[c]!]! += counts[c]!;
      for (let c = 0; c < cells; c++) t[c] = totals[leadOfCell[c]!]! > 0 ? counts[c]! / totals[leadOfCell[c]!]! : 0;
      yield;
    }
    const buyerWords = [...buyerIds.keys()];
    // Cells are numbered team-lead word by team-lead word, so each buyer word's row comes out in ascending order.
    const kept = new Int32Array(buyerIds.size);
    for (let from = 0; from < cells; from += CELLS_PER_STEP) {
      for (let c = from; c < Math.min(cells, from + CELLS_PER_STEP); c++)
        // The empty word's row is left out: it only takes, while fitting, what no team-lead word explains.
        if (cellLead[c] !== 0 && t[c]! >= TRANSLATION.minProbability) kept[cellBuyer[c]!]!++;
      yield;
    }
    const rowStarts = new Int32Array(buyerIds.size + 1);
    for (let w = 0; w < buyerIds.size; w++) rowStarts[w + 1] = rowStarts[w]! + kept[w]!;
    const leads = new Int32Array(rowStarts[buyerIds.size]!);
    const probabilities = new Float32Array(leads.length);
    const nextInRow = rowStarts.slice(0, buyerIds.size);
    for (let from = 0; from < cells; from += CELLS_PER_STEP) {
      for (let c = from; c < Math.min(cells, from + CELLS_PER_STEP); c++) {
        if (cellLead[c] === 0 || t[c]! < TRANSLATION.minProbability) continue;
        const at = nextInRow[cellBuyer[c]!]!++;
        leads[at] = cellLead[c]!;
        probabilities[at] = t[c]!;
      }
      yield;
    }
    const rowOf = new Map<string, number>();
    buyerWords.forEach((word, w) => {
      if (kept[w]) rowOf.set(word, w);
    });
    return new TranslationModel(
      leadIds,
      rowOf,
      rowStarts,
      leads,
      probabilities,
      buyerCounts,
      buyerTotal,
      Float32Array.from(totals),
    );
  }

  /**
   * How much likelier the buyer's words are as a translation of an entry's words than by their frequency among
   * buyers: the weighted mean of log(P(word | entry) / P(word)) over the message's words (`weightOf`: how much the
   * engine reads each word, see `buyerWordWeights`); 0 for no words.
   */
  score(buyer: readonly string[], lead: readonly string[], weightOf: (word: string) => number = () => 1): number {
    if (buyer.length === 0 || lead.length === 0) return 0;
    const byId = this.countsById(lead);
    return this.meanLogRatio(buyer, lead, weightOf, (word) => {
      const row = this.rowOf.get(word);
      if (row === undefined) return 0;
      const from = this.rowStarts[row]!;
      const to = this.rowStarts[row + 1]!;
      let translated = 0;
      // Over the shorter side: a frequent buyer word translates hundreds of team-lead words, an entry holds ~30.
      if (to - from < byId.size) {
        for (let k = from; k < to; k++) translated += (byId.get(this.leads[k]!) ?? 0) * this.probabilities[k]!;
      } else {
        byId.forEach((n, id) => {
          const k = indexInSorted(this.leads, id, from, to);
          if (k >= 0) translated += n * this.probabilities[k]!;
        });
      }
      return translated;
    });
  }

  /**
   * `score` for any way of translating: the weighted mean of `wordLogRatio` over the buyer's words, with `translated`
   * giving each word's sum of P(word | team-lead word) over the entry's words (an adapted model has its own,
   * `learn/pick-translation.ts`).
   */
  meanLogRatio(
    buyer: readonly string[],
    lead: readonly string[],
    weightOf: (word: string) => number,
    translated: (word: string) => number,
  ): number {
    if (buyer.length === 0 || lead.length === 0) return 0;
    const leadCounts = countsOf(lead);
    let sum = 0;
    let weights = 0;
    for (const word of buyer) {
      const weight = weightOf(word);
      if (weight <= 0) continue;
      sum += weight * this.wordLogRatio(word, translated(word), leadCounts.get(word) ?? 0, lead.length);
      weights += weight;
    }
    return weights > 0 ? sum / weights : 0;
  }

  /**
   * One buyer word's term of `score`: how much likelier it is as a translation of the entry (`translated`: the sum of
   * P(word | team-lead word) over the entry's words, `own`: how often the entry holds the word itself) than by its
   * frequency among buyers.
   */
  wordLogRatio(word: string, translated: number, own: number, leadLength: number): number {
    const probability = ((1 - TRANSLATION.identity) * translated + TRANSLATION.identity * own) / leadLength;
    // Add-half counts over a vocabulary of ~1,000 unseen words: a word no buyer used still has a probability.
    const background = ((this.buyerCounts.get(word) ?? 0) + 0.5) / (this.buyerTotal + 1000);
    return (
      Math.log(TRANSLATION.smoothing * probability + (1 - TRANSLATION.smoothing) * background) - Math.log(background)
    );
  }

  private countsById(lead: readonly string[]): Map<number, number> {
    let counts = this.leadIdCounts.get(lead);
    if (!counts) {
      counts = new Map();
      for (const [word, n] of countsOf(lead)) {
        const id = this.leadIds.get(word);
        if (id !== undefined) counts.set(id, n);
      }
      this.leadIdCounts.set(lead, counts);
    }
    return counts;
  }
}

const leadCountsOf = new WeakMap<readonly string[], Map<string, number>>();

/** How often each word is in an entry's words, kept per words array (the engine keeps one per entry). */
export function countsOf(lead: readonly string[]): Map<string, number> {
  let counts = leadCountsOf.get(lead);
  if (!counts) {
    counts = new Map();
    for (const word of lead) counts.set(word, (counts.get(word) ?? 0) + 1);
    leadCountsOf.set(lead, counts);
  }
  return counts;
}

/**
 * How much each buyer word counts: as much as the engine reads it — a word of a story told before the question or
 * of a negated clause ("I don't want a refund", "不是要退款") weighs less (`rank/focus.ts`) — and `TRANSLATION.unread`
 * for a word the engine does not read at all. `terms` are the engine's word terms of the message with their weights:
 * English stems, the model's words too; Chinese character pairs, so a Chinese word weighs as the most a pair
 * inside it, or holding it, does (退款 as 退款, 退 as 能退).
 */
export function buyerWordWeights(
  terms: Iterable<{ term: string; weight: number }>,
  language: WordLanguage,
): (word: string) => number {
  const weights = new Map<string, number>();
  for (const { term, weight } of terms) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  if (language === 'en') return (word) => weights.get(word) ?? TRANSLATION.unread;
  const pairs = [...weights].filter(([term]) => /^\p{Script=Han}{2}$/u.test(term));
  // Asked once per word and candidate entry: the scan over the pairs is done once per word.
  const known = new Map<string, number>();
  return (word) => {
    let most = known.get(word);
    if (most !== undefined) return most;
    most = weights.get(word) ?? 0;
    for (const [pair, weight] of pairs)
      if (weight > most && (word.includes(pair) || pair.includes(word))) most = weight;
    most ||= TRANSLATION.unread;
    known.set(word, most);
    return most;
  };
}

/** The features of the blend, in this order (`TRANSLATION_WEIGHTS` follows it). */
export const TRANSLATION_FEATURES = [
  'engine score / first candidate score',
  'reciprocal rank',
  'first',
  'tanh(translation score − best translation score)',
  'best translation score',
] as const;

/** Feature vectors of candidates (in the engine's order) with their translation scores. */
export function translationFeatures(scores: readonly number[], translation: readonly number[]): number[][] {
  const first = scores[0] || 1;
  const best = Math.max(...translation);
  return scores.map((score, i) => [
    score / first,
    1 / (i + 1),
    i === 0 ? 1 : 0,
    // Bounded: a rare word the entry holds as written would otherwise outweigh the engine (Bitext 0.904 → 0.872).
    Math.tanh(translation[i]! - best),
    translation[i] === best ? 1 : 0,
  ]);
}

/**
 * The candidates' new order by the learned blend, as indexes, plus each one's `extra` value (the learned word pairs,
 * `word-pairs.ts`); ties keep the engine's order.
 */
export function translationOrder(
  features: readonly number[][],
  weights: readonly number[],
  extra?: readonly number[],
): number[] {
  const value = features.map((x, i) => blendValue(x, weights, extra?.[i] ?? 0));
  return features.map((_, i) => i).sort((a, b) => value[b]! - value[a]! || a - b);
}
