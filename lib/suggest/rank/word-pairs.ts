/**
 * Learned word pairs: how much a buyer word beside a team-lead word in a candidate entry's title and questions speaks
 * for that entry or against it ("paypal" with "payment" for, "paypal" with "refund" against). The translation model
 * (`translation.ts`) only learns which words go together; these weights are fitted discriminatively, on which
 * candidate was right against the others the engine put first, so they also learn what tells two close entries apart
 * (refund timing from refund method, cancel from change).
 *
 * Fitted across the tuning sets of all teams (`scripts/train-word-pairs.ts`): pairwise logistic loss of the right
 * candidate against each other one of the re-ordered run, on top of the translation blend's value, by stochastic
 * gradient descent with L2. Only words used by several teams (`WORD_PAIRS.minTeams`) are paired, and only pairs that
 * the messages of several teams moved the same way (`WORD_PAIRS.pairTeams`), so a pair carries to a new team's pack;
 * of those, the strongest are kept (`WORD_PAIRS.kept`). Never adds a candidate, never decides silence: it is one more
 * term of the translation stage's blend.
 *
 * A second table (Chinese packs only, `ID_PAIR_LANGUAGES`) pairs buyer words with the words of the entry's id
 * (`idWords`), fitted the same way on top of the first: team leads name entries with a short label of what they
 * answer ("refund-timing", "shipping-cost"), in English in Chinese packs too, so ids are a vocabulary shared across
 * shops where questions are not ("退款" beside "refund" in one shop's id learns for the next shop's). An id with no
 * such words (opaque numbers, pinyin) gains nothing and loses nothing.
 */
import { translationWords } from './translation';
import type { WordLanguage } from './word-rerank';

export const WORD_PAIRS = {
  /**
   * A word is paired only when the tuning sets of at least this many teams use it (buyer words in messages, team-lead
   * words in the entries). Tuning sets leaving each team out, English recall@1: every word 0.793 → 0.810, 3 teams
   * 0.808, 5 teams 0.808 — with far fewer pairs.
   */
  minTeams: 3,
  /** Pairs kept, the strongest first: all (~250,000 for English) 0.808, 20,000 0.809, 5,000 0.808. */
  kept: 5000,
  epochs: 4,
  rate: 0.05,
  l2: 1e-4,
  /**
   * A pair is kept only when the messages of at least this many teams moved it the way it ended up, each by at least
   * `pairShare` of its final weight: a pair one shop's wording alone taught does not carry to the next shop (nineteenth
   * session, with twelve more shops' data). Each team left out, English recall@1 0.7885 → 0.7900, Chinese 0.847 both;
   * Bitext 0.894 → 0.906 (share 0: 0.894, 0.1: 0.894, 0.125: 0.904, 0.2: 0.906, 0.25: 0.907 but English 0.783).
   */
  pairTeams: 2,
  pairShare: 0.15,
} as const;

/**
 * The languages whose packs get the id table. Chinese only: there an id's English words are a vocabulary the entry's
 * text does not carry (each team left out, zh 0.848 → 0.852). In English packs they mostly repeat the title: the
 * English table gained on the shops' tuning sets (en 0.799 → 0.804) but moved 7 of Bitext's 540 messages to a sibling
 * intent sharing an id word (0.904 → 0.891, below its 0.90 floor), and at a third of its weights still 0.898.
 */
export const ID_PAIR_LANGUAGES: readonly WordLanguage[] = ['zh'];

/** A buyer word with how much the engine reads it (`buyerWordWeights`). */
export type WeightedWord = readonly [word: string, weight: number];

/** One candidate of a training message: the blend's value without the pairs, its words, and whether it is right. */
export interface PairCandidate {
  base: number;
  /** The distinct words of the entry's title and questions (`translationWords`). */
  lead: ReadonlySet<string>;
  right: boolean;
}

/** A training message: its words, and the runs of candidates the translation stage re-orders (one or two). */
export interface PairSample {
  team: string;
  buyer: readonly WeightedWord[];
  parts: ReadonlyArray<readonly PairCandidate[]>;
}

export class WordPairs {
  private constructor(
    /** Per buyer word, the weights of the team-lead words it pairs with. */
    private readonly rows: ReadonlyMap<string, ReadonlyMap<string, number>>,
  ) {}

  /** How many pairs the table holds. */
  get size(): number {
    let n = 0;
    for (const row of this.rows.values()) n += row.size;
    return n;
  }

  /**
   * The pairs' say for an entry (its distinct words): the sum of its pairs' weights, each buyer word weighed as the
   * engine reads it, over the square root of the entry's word count (a long entry holds more words to pair with).
   * A buyer word pairs with a handful of team-lead words, so its row is walked, not the entry's ~30 words.
   */
  score(buyer: readonly WeightedWord[], lead: ReadonlySet<string>): number {
    if (lead.size === 0) return 0;
    let sum = 0;
    // forEach, not `for…of` with [key, value]: that makes an array per pair, rows hold hundreds, and the garbage
    // was a tenth of a query's allocation at 10k entries.
    for (const [word, weight] of buyer) {
      this.rows.get(word)?.forEach((w, other) => {
        if (lead.has(other)) sum += w * weight;
      });
    }
    return sum / Math.sqrt(lead.size);
  }

  /** The table as text: a line per buyer word, `word<TAB>lead weight lead weight …` (weights in thousandths). */
  toTable(): string {
    return [...this.rows]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(
        ([word, row]) =>
          `${word}\t${[...row]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([other, w]) => `${other} ${Math.round(w * 1000)}`)
            .join(' ')}`,
      )
      .join('\n');
  }

  /** Reads `toTable`'s text. */
  static fromTable(table: string): WordPairs {
    const rows = new Map<string, Map<string, number>>();
    for (const line of table.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const parts = line.slice(tab + 1).split(' ');
      const row = new Map<string, number>();
      for (let i = 0; i + 1 < parts.length; i += 2) row.set(parts[i]!, Number(parts[i + 1]) / 1000);
      rows.set(line.slice(0, tab), row);
    }
    return new WordPairs(rows);
  }

  /**
   * Fits the pairs on training messages (see the file's comment). Deterministic: the messages in the order given,
   * the same weights for the same input.
   */
  static train(
    samples: readonly PairSample[],
    options: Partial<Record<keyof typeof WORD_PAIRS, number>> = {},
  ): WordPairs {
    const { minTeams, kept, epochs, rate, l2, pairTeams, pairShare } = { ...WORD_PAIRS, ...options };
    // What each team's messages moved each pair by, summed over the epochs: a pair is kept only where several teams agree.
    const moves = new Map<string, Map<number, number>>();
    const buyerTeams = new Map<string, Set<string>>();
    const leadTeams = new Map<string, Set<string>>();
    const seen = (into: Map<string, Set<string>>, word: string, team: string) => {
      let teams = into.get(word);
      if (!teams) into.set(word, (teams = new Set()));
      teams.add(team);
    };
    for (const { team, buyer, parts } of samples) {
      for (const [word] of buyer) seen(buyerTeams, word, team);
      for (const part of parts) for (const c of part) for (const word of c.lead) seen(leadTeams, word, team);
    }
    // Words by number, only those enough teams use; a pair is one number (buyer × team-lead vocabulary).
    const numbering = (teams: Map<string, Set<string>>) => {
      const ids = new Map<string, number>();
      for (const [word, users] of teams) if (users.size >= minTeams) ids.set(word, ids.size);
      return ids;
    };
    const buyerIds = numbering(buyerTeams);
    const leadIds = numbering(leadTeams);
    const width = leadIds.size;
    interface Candidate {
      base: number;
      leads: number[];
      scale: number;
    }
    const runs: Array<{ team: string; buyer: Array<[number, number]>; right: Candidate; others: Candidate[] }> = [];
    for (const { buyer, parts, team: sampleTeam } of samples) {
      const words: Array<[number, number]> = [];
      for (const [word, weight] of buyer) {
        const id = buyerIds.get(word);
        if (id !== undefined && weight > 0) words.push([id, weight]);
      }
      if (words.length === 0) continue;
      for (const part of parts) {
        if (part.length < 2 || !part.some((c) => c.right)) continue;
        const candidates = part.map((c) => ({
          base: c.base,
          leads: [...c.lead].map((word) => leadIds.get(word)).filter((id): id is number => id !== undefined),
          scale: 1 / Math.sqrt(c.lead.size || 1),
          right: c.right,
        }));
        runs.push({
          team: sampleTeam,
          buyer: words,
          right: candidates.find((c) => c.right)!,
          others: candidates.filter((c) => !c.right),
        });
      }
    }
    const weights = new Map<number, number>();
    const pairScore = (buyer: Array<[number, number]>, c: Candidate) => {
      let sum = 0;
      for (const [word, weight] of buyer)
        for (const other of c.leads) sum += (weights.get(word * width + other) ?? 0) * weight;
      return sum * c.scale;
    };
    const step = (buyer: Array<[number, number]>, c: Candidate, by: number, teamMoves: Map<number, number>) => {
      for (const [word, weight] of buyer)
        for (const other of c.leads) {
          const key = word * width + other;
          weights.set(key, (weights.get(key) ?? 0) + by * c.scale * weight);
          teamMoves.set(key, (teamMoves.get(key) ?? 0) + by * c.scale * weight);
        }
    };
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (const { buyer, right, others, team } of runs) {
        let mine = moves.get(team);
        if (!mine) moves.set(team, (mine = new Map()));
        const rightValue = right.base + pairScore(buyer, right);
        for (const c of others) {
          // Logistic loss of the margin: its gradient is large while the wrong candidate is ahead or close.
          const g = 1 / (1 + Math.exp(rightValue - (c.base + pairScore(buyer, c))));
          if (g < 1e-3) continue;
          step(buyer, right, rate * g, mine);
          step(buyer, c, -rate * g, mine);
        }
      }
      const shrink = 1 - rate * l2 * runs.length;
      for (const [key, w] of weights) {
        if (Math.abs(w * shrink) < 1e-6) weights.delete(key);
        else weights.set(key, w * shrink);
      }
    }
    const buyerWords = [...buyerIds.keys()];
    const leadWords = [...leadIds.keys()];
    for (const [key, w] of weights) {
      let agreeing = 0;
      for (const mine of moves.values()) {
        const moved = mine.get(key) ?? 0;
        if (moved * w > 0 && Math.abs(moved) >= pairShare * Math.abs(w)) agreeing++;
      }
      if (agreeing < pairTeams) weights.delete(key);
    }
    const strongest = [...weights].sort(([, a], [, b]) => Math.abs(b) - Math.abs(a)).slice(0, kept);
    const rows = new Map<string, Map<string, number>>();
    for (const [key, w] of strongest) {
      // Weights are kept in thousandths (the table's text); smaller ones change no order.
      if (Math.round(w * 1000) === 0) continue;
      const word = buyerWords[Math.floor(key / width)]!;
      let row = rows.get(word);
      if (!row) rows.set(word, (row = new Map()));
      row.set(leadWords[key % width]!, Math.round(w * 1000) / 1000);
    }
    return new WordPairs(rows);
  }
}

/**
 * The words of an entry's id as the pairs read them: its Latin words, split at anything else (dashes, underscores,
 * dots, Chinese), and read as English words are (stemmed, stop words out): "delivered-not-received" → deliv, not,
 * receiv. Distinct.
 */
export function idWords(id: string): string[] {
  const latin = id.replace(/[^A-Za-z0-9 ]+/g, ' ');
  return [...new Set(translationWords(latin, 'en'))].filter((word) => /^[a-z][a-z0-9]*$/.test(word));
}

/** The learned pairs of one language: buyer words with an entry's words, and with the words of its id. */
export class EntryPairs {
  constructor(
    readonly words: WordPairs,
    readonly ids: WordPairs,
  ) {}

  /** Both tables' say for an entry: its distinct words, and its id's words (`idWords`). */
  score(buyer: readonly WeightedWord[], words: ReadonlySet<string>, ids: ReadonlySet<string>): number {
    return this.words.score(buyer, words) + this.ids.score(buyer, ids);
  }
}

/** A language's tables as text (`WordPairs.toTable`). */
export interface EntryPairTables {
  words: string;
  ids: string;
}

/** The shipped tables per language, read once on first use. */
export function wordPairsOf(tables: Readonly<Record<WordLanguage, EntryPairTables>>): Record<WordLanguage, EntryPairs> {
  let read = parsed.get(tables);
  if (!read) {
    const of = ({ words, ids }: EntryPairTables) =>
      new EntryPairs(WordPairs.fromTable(words), WordPairs.fromTable(ids));
    parsed.set(tables, (read = { en: of(tables.en), zh: of(tables.zh) }));
  }
  return read;
}
const parsed = new WeakMap<object, Record<WordLanguage, EntryPairs>>();
