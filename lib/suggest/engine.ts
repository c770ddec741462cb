/**
 * The suggestion engine: ranks a pack's entries for a chat context. Pure TypeScript (Node and browser).
 *
 * Ranking is BM25F over the weighted terms of `tokenize.ts` (questions, title, keywords, reply text),
 * computed over every segment with shared statistics, with:
 * - typo tolerance: an unknown Latin word is matched to known words one edit away (deletion index);
 * - clauses: a message is scored whole and clause by clause, so "在吗？什么时候发货，能开发票吗" ranks
 *   both 发货 and 发票 and a greeting clause adds nothing;
 * - scenario boost and filters, entry priority;
 * - abstention: a message of greetings/thanks only, or whose best match explains too little of it, gets
 *   no suggestion (see `THRESHOLDS`).
 */
import type { Entry, Pack, Platform } from '../packs/schema';
import type { PageValues } from '../templates/render';
import { isCourtesyOnly } from './courtesy';
import { CHINESE_STOPWORDS } from './stopwords';
import { detectScript, normalizeText } from './normalize';
import { factValues, renderReply, type FactValues } from './reply';
import { activeScenarios, isEntryEligible } from './scenarios';
import { buildSegment, packFingerprint, WEIGHT_SCALE, type Segment } from './segment';
import { HomophoneIndex, TermIndex } from './term-index';
import { splitClauses, termsOfNormalized, type WeightedTerm } from './tokenize';
import { SYNONYM_WEIGHT, synonymsOf } from './synonyms';
import { slotFillers } from './slots';
import { TopK } from './top-k';
import { TypoIndex } from './typos';

/** BM25 parameters: k1 saturates repeated terms, b normalises for entry length. */
export const BM25 = { k1: 1.2, b: 0.5 } as const;

/**
 * When the engine says nothing. `score` is the entry's BM25 score divided by the best score any entry
 * could reach for the same message (0…1); `coverage` is the share of the message's informative weight
 * (IDF-weighted) that the entry matched. A suggestion needs both.
 */
export const THRESHOLDS = { score: 0.1, coverage: 0.15 } as const;

/** Score multiplier for entries tied to an active scenario. */
export const SCENARIO_BOOST = 1.15;

/** How much of a never-seen word's IDF counts as unexplained information (coverage denominator). */
const UNSEEN_WORD_WEIGHT = 1;
/**
 * How much of a never-seen Chinese character's IDF counts: less than a word, because buyers tell
 * stories around their question (names, places, 咸菜) and a character alone says little.
 */
const UNSEEN_CHAR_WEIGHT = 0.3;
/** How much a character matched only on its own (not within a bigram) counts as covered. */
const SINGLE_CHAR_COVER = 0.5;
const HAN_START = /^\p{Script=Han}/u;
/** How many of a variant's best-scoring entries get their exact coverage computed. */
const COVERAGE_CANDIDATES = 40;

/** The smallest share of the whole message's best reachable score a clause is measured against. */
const CLAUSE_MIN_SHARE = 0.6;

/** Share of entries above which a helper term (not a word) is skipped at query time. */
const COMMON_HELPER_SHARE = 0.2;
/** Weight of a known word one edit away from an unknown one. */
const TYPO_WEIGHT = 0.8;
/**
 * Weight of a slot filler of the pack (the platinum of "platinum account", see slots.ts). Bitext recall@1
 * over 5 question draws: 0.891 without, 0.904 at 0.3, 0.906 at 0 (but more messages left silent).
 */
const FILLER_WEIGHT = 0.3;

export interface ChatMessage {
  role: 'buyer' | 'agent' | 'system';
  text: string;
}

export interface ChatContext {
  /** The conversation, oldest first. The buyer's messages since the agent last wrote are the question. */
  messages?: ChatMessage[];
  /** Or just the buyer's text. */
  text?: string;
  platform?: Platform;
  /** Buyer locale; detected from the text when absent. */
  locale?: string;
  /** Scenarios the agent switched on (dated ones switch on by themselves). */
  scenarios?: string[];
  /** Values for page variables (buyer name, order number, …). */
  page?: PageValues;
  now?: Date;
}

export interface Suggestion {
  packId: string;
  entryId: string;
  kind: Entry['kind'];
  title: string;
  /** 0…1, see `THRESHOLDS`. */
  score: number;
  coverage: number;
  /** Terms of the message the entry matched (normalised form). */
  matchedTerms: string[];
  replyIndex: number;
  replyLocale: string;
  /** The reply with facts, page variables and dates filled in. */
  text: string;
  /** Variables without value or fallback: the agent must fill them. */
  missing: string[];
  /** Caret offset in `text` after insertion, or null for the end. */
  cursor: number | null;
  shortcut?: string;
}

export interface SuggestResult {
  suggestions: Suggestion[];
  cards: Suggestion[];
  /** Why nothing is suggested, when nothing is. */
  abstained: 'empty' | 'courtesy' | 'no-match' | null;
  /** The buyer text that was read as the question. */
  query: string;
}

interface LoadedPack {
  pack: Pack;
  segment: Segment;
  facts: FactValues;
  /** Per entry: k1 · (1 − b + b · length / average length), the BM25 length normaliser. */
  lengthNorm: Float64Array;
  /** term → its number in the segment (see `Segment.termKeys`). */
  termIndex: TermIndex;
  /** Scratch arrays reused by every query (an engine serves one query at a time). */
  scratch: Scratch;
}

/** Per-entry accumulators; a stamp array says which entries hold values for the current pass. */
interface Scratch {
  raw: Float64Array;
  mass: Float64Array;
  stamp: Uint32Array;
  touched: number[];
  termGain: Float64Array;
  termMass: Float64Array;
  termStamp: Uint32Array;
  termTouched: number[];
  best: Float64Array;
  bestCoverage: Float64Array;
  bestStamp: Uint32Array;
  bestTouched: number[];
}

function newScratch(size: number): Scratch {
  return {
    raw: new Float64Array(size),
    mass: new Float64Array(size),
    stamp: new Uint32Array(size),
    touched: [],
    termGain: new Float64Array(size),
    termMass: new Float64Array(size),
    termStamp: new Uint32Array(size),
    termTouched: [],
    best: new Float64Array(size),
    bestCoverage: new Float64Array(size),
    bestStamp: new Uint32Array(size),
    bestTouched: [],
  };
}

interface QueryTerm {
  term: string;
  weight: number;
  word: boolean;
  /** Terms in the vocabulary this query term is matched against: itself, typo neighbours, synonyms. */
  targets: Array<{ term: string; share: number }>;
}

interface Candidate {
  loaded: LoadedPack;
  docNo: number;
  score: number;
  coverage: number;
}

/** Buyer text to answer: the buyer's messages since the agent last wrote (at most the last three). */
export function questionOf(context: ChatContext): string {
  if (context.messages && context.messages.length > 0) return pendingBuyerTexts(context.messages, 3).join('\n');
  return (context.text ?? '').trim();
}

/**
 * The buyer's latest messages (trimmed, non-empty), oldest first: those since the agent last wrote, or, when
 * the agent wrote last, the ones before that reply — at most `max`.
 */
export function pendingBuyerTexts(messages: ChatMessage[], max: number): string[] {
  const pending: string[] = [];
  for (let i = messages.length - 1; i >= 0 && pending.length < max; i -= 1) {
    const message = messages[i]!;
    if (message.role === 'agent') {
      if (pending.length > 0) break;
      continue;
    }
    if (message.role === 'buyer' && message.text.trim()) pending.unshift(message.text.trim());
  }
  return pending;
}

/**
 * Keeps, per entry, the largest value of the current pass and the number that goes with it; `stamps`
 * tell which entries the pass has already seen, so the arrays are never cleared between queries.
 */
function keepMax(
  stamps: Uint32Array,
  values: Float64Array,
  extras: Float64Array,
  touched: number[],
  stamp: number,
  docNo: number,
  value: number,
  extra: number,
): void {
  if (stamps[docNo] !== stamp) {
    stamps[docNo] = stamp;
    values[docNo] = value;
    extras[docNo] = extra;
    touched.push(docNo);
  } else if (value > values[docNo]!) {
    values[docNo] = value;
    extras[docNo] = extra;
  }
}

/** Whether term `t` of a segment occurs in an entry (postings are sorted: binary search). */
function postingHas(segment: Segment, t: number, docNo: number): boolean {
  let low = segment.offsets[t]!;
  let high = segment.offsets[t + 1]! - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = segment.postingDocs[middle]!;
    if (value === docNo) return true;
    if (value < docNo) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Slot fillers per pack object, found on the first query that needs them (packs are never changed in place). */
const slotFillersByPack = new WeakMap<Pack, Set<string>>();

export class SuggestEngine {
  private packs = new Map<string, LoadedPack>();
  private typos = new TypoIndex();
  /** Built on first need: a query with an unknown Chinese bigram. */
  private homophones: HomophoneIndex | null = null;
  private docCount = 0;
  private dfCache = new Map<string, number>();
  private stamp = 0;

  /** Loaded packs, in load order. */
  get loadedPacks(): Pack[] {
    return [...this.packs.values()].map((loaded) => loaded.pack);
  }

  /**
   * Replaces the set of packs. Segments of packs whose content did not change are kept; `cached`
   * segments (e.g. from IndexedDB) are used when their fingerprint matches, so only changed packs
   * are indexed again. Returns the segments now in use, for caching.
   */
  setPacks(packs: Pack[], cached: Segment[] = []): Segment[] {
    const next = new Map<string, LoadedPack>();
    let totalLength = 0;
    this.docCount = 0;
    for (const pack of packs) {
      const fingerprint = packFingerprint(pack);
      const previous = this.packs.get(pack.id);
      const segment =
        previous?.segment.fingerprint === fingerprint
          ? previous.segment
          : (cached.find((s) => s.packId === pack.id && s.fingerprint === fingerprint) ??
            buildSegment(pack, fingerprint));
      const facts = factValues(pack);
      const size = segment.docs.length;
      const termIndex = previous?.segment === segment ? previous.termIndex : new TermIndex(segment);
      next.set(pack.id, {
        pack,
        segment,
        facts,
        lengthNorm: new Float64Array(size),
        termIndex,
        scratch: newScratch(size),
      });
      this.docCount += size;
      totalLength += segment.totalLength;
    }
    const averageLength = this.docCount > 0 ? totalLength / this.docCount : 1;
    for (const loaded of next.values()) {
      loaded.segment.docs.forEach((doc, i) => {
        loaded.lengthNorm[i] = BM25.k1 * (1 - BM25.b + (BM25.b * doc.length) / averageLength);
      });
    }
    this.packs = next;
    this.typos = new TypoIndex();
    this.homophones = null;
    this.dfCache.clear();
    return [...next.values()].map((loaded) => loaded.segment);
  }

  private documentFrequency(term: string): number {
    let df = this.dfCache.get(term);
    if (df === undefined) {
      df = 0;
      for (const { segment, termIndex } of this.packs.values()) {
        const t = termIndex.get(term);
        if (t !== undefined) df += segment.offsets[t + 1]! - segment.offsets[t]!;
      }
      if (this.dfCache.size > 50_000) this.dfCache.clear();
      this.dfCache.set(term, df);
    }
    return df;
  }

  private idf(df: number): number {
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
  }

  /** Whether a term is a slot filler (see slots.ts) in a loaded pack. */
  private isFiller(term: string): boolean {
    for (const { pack } of this.packs.values()) {
      let fillers = slotFillersByPack.get(pack);
      if (!fillers) slotFillersByPack.set(pack, (fillers = slotFillers(pack)));
      if (fillers.has(term)) return true;
    }
    return false;
  }

  /** The loaded vocabularies' terms other than Han ones (typos are for Latin words). */
  private stringTerms(): Iterable<string> {
    const packs = [...this.packs.values()];
    return (function* () {
      for (const { segment } of packs) yield* segment.terms;
    })();
  }

  /** Known Chinese bigrams that sound like an unknown one (发活 → 发货), built on first need. */
  private soundsLike(bigram: string): string[] {
    this.homophones ??= new HomophoneIndex([...this.packs.values()].map(({ segment }) => segment));
    return this.homophones.soundsLike(bigram);
  }

  private queryTerms(terms: WeightedTerm[]): QueryTerm[] {
    const merged = new Map<string, QueryTerm>();
    for (const { term, weight, word, of } of terms) {
      const existing = merged.get(term);
      if (existing) {
        existing.weight = Math.max(existing.weight, weight);
        existing.word ||= word;
        continue;
      }
      const targets = [{ term, share: 1 }];
      if (weight > 0 && this.documentFrequency(term) === 0) {
        if (/^[a-z]{4,}$/.test(term)) {
          if (!this.typos.ready) this.typos.build(this.stringTerms());
          targets.push(...this.typos.neighbours(term).map((t) => ({ term: t, share: TYPO_WEIGHT })));
        } else if (
          word &&
          /^\p{Script=Han}{2}$/u.test(term) &&
          !Array.from(term).some((c) => CHINESE_STOPWORDS.has(c))
        ) {
          // A homophone typo (发活 for 发货) still counts as the word it sounds like; not through a
          // particle (聘吗 sounds like 品吗, and the 赠品 entry has nothing to do with hiring).
          targets.push(...this.soundsLike(term).map((t) => ({ term: t, share: TYPO_WEIGHT })));
        }
      }
      for (const synonym of synonymsOf(term)) {
        if (!targets.some((t) => t.term === synonym)) targets.push({ term: synonym, share: SYNONYM_WEIGHT });
      }
      // A filler's character 4-grams are the filler too.
      const filler = this.isFiller(of ?? term);
      merged.set(term, { term, weight: filler ? weight * FILLER_WEIGHT : weight, word, targets });
    }
    return [...merged.values()];
  }

  /**
   * Scores one variant of the message (whole or a clause) into every pack's `raw`/`mass` scratch;
   * returns the normalisers: `upper`, the best BM25 score any entry could reach, and `informative`,
   * the message's IDF-weighted word mass.
   */
  private scoreVariant(query: QueryTerm[]): { upper: number; informative: number } {
    const packs = [...this.packs.values()];
    const variantStamp = ++this.stamp;
    for (const { scratch } of packs) scratch.touched.length = 0;
    let upper = 0;
    let informative = 0;
    const unseenIdf = this.idf(1);
    const common = this.docCount * COMMON_HELPER_SHARE;
    for (const q of query) {
      // A helper term (single character, sub-word) found in a large share of entries separates
      // nothing and costs the longest scans: skip it.
      if (!q.word && this.docCount >= 50 && q.targets.every((t) => this.documentFrequency(t.term) > common)) continue;
      // Chinese coverage is counted per character (see `hanCoverage`); Latin words count here.
      const latinWord = q.word && !HAN_START.test(q.term);
      // Per entry, the best of the term's targets counts once.
      const termStamp = ++this.stamp;
      let best = 0;
      let bestStandIn = 0;
      for (const { scratch } of packs) scratch.termTouched.length = 0;
      for (const target of q.targets) {
        const df = this.documentFrequency(target.term);
        if (df === 0) continue;
        const mass = this.idf(df) * q.weight * target.share;
        if (target.share === 1) best = Math.max(best, mass);
        else bestStandIn = Math.max(bestStandIn, mass);
        const gainScale = mass * (BM25.k1 + 1);
        for (const loaded of packs) {
          const t = loaded.termIndex.get(target.term);
          if (t === undefined) continue;
          const { scratch, lengthNorm } = loaded;
          const { offsets, postingDocs, postingWeights } = loaded.segment;
          for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i += 1) {
            const docNo = postingDocs[i]!;
            const tf = postingWeights[i]! / WEIGHT_SCALE;
            const gain = (gainScale * tf) / (tf + lengthNorm[docNo]!);
            keepMax(
              scratch.termStamp,
              scratch.termGain,
              scratch.termMass,
              scratch.termTouched,
              termStamp,
              docNo,
              gain,
              mass,
            );
          }
        }
      }
      // Unknown as written: its best stand-in (a typo neighbour, homophone or synonym) sets the scale.
      if (best === 0) best = bestStandIn;
      for (const { scratch } of packs) {
        for (const docNo of scratch.termTouched) {
          if (scratch.stamp[docNo] !== variantStamp) {
            scratch.stamp[docNo] = variantStamp;
            scratch.raw[docNo] = 0;
            scratch.mass[docNo] = 0;
            scratch.touched.push(docNo);
          }
          scratch.raw[docNo] = scratch.raw[docNo]! + scratch.termGain[docNo]!;
          if (latinWord) scratch.mass[docNo] = scratch.mass[docNo]! + scratch.termMass[docNo]!;
        }
      }
      upper += best * (BM25.k1 + 1);
      if (latinWord) informative += best;
      // A Latin word the packs never use is information the message carries and no entry explains.
      if (best === 0 && latinWord) informative += unseenIdf * UNSEEN_WORD_WEIGHT;
    }
    return { upper, informative };
  }

  /**
   * Chinese coverage, per character: each content character of the message (not a particle) weighs
   * its IDF as a single character (an unseen one weighs like an unseen word); an entry covers a character
   * when it matches a bigram over it (or that bigram's homophone or synonym). Word segmentation is
   * unreliable, so unmatched bigrams cannot simply count as unexplained words: characters can.
   */
  private hanCoverage(
    text: string,
    query: QueryTerm[],
  ): (loaded: LoadedPack, docNo: number) => { covered: number; total: number } {
    const weights: number[] = [];
    const positions = new Map<string, number[]>();
    const unseen = this.idf(1) * UNSEEN_CHAR_WEIGHT;
    const at = (term: string, index: number) => {
      const list = positions.get(term) ?? [];
      list.push(index);
      positions.set(term, list);
    };
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
      const chars = Array.from(run);
      const base = weights.length;
      chars.forEach((char, i) => {
        const df = CHINESE_STOPWORDS.has(char) ? -1 : this.documentFrequency(char);
        weights.push(df < 0 ? 0 : df === 0 ? unseen : this.idf(df));
        at(char, base + i);
      });
      for (let i = 0; i + 1 < chars.length; i += 1) {
        at(chars[i]! + chars[i + 1]!, base + i);
        at(chars[i]! + chars[i + 1]!, base + i + 1);
      }
    }
    const total = weights.reduce((sum, w) => sum + w, 0);
    // Bigrams cover their two characters; a single character matched alone covers itself, for less.
    const hanTerms = query.filter((q) => positions.has(q.term) && (q.word || q.term.length === 1));
    // Per pack, each term's targets as term numbers, looked up once rather than once per candidate.
    const resolved = new Map<LoadedPack, Array<{ targets: Array<{ t: number; share: number }>; at: number[] }>>();
    const resolve = (loaded: LoadedPack) => {
      let terms = resolved.get(loaded);
      if (!terms) {
        terms = hanTerms.map((q) => {
          const scale = q.term.length === 1 ? SINGLE_CHAR_COVER : 1;
          const targets: Array<{ t: number; share: number }> = [];
          for (const target of q.targets) {
            const t = loaded.termIndex.get(target.term);
            if (t !== undefined) targets.push({ t, share: target.share * scale });
          }
          return { targets, at: positions.get(q.term)! };
        });
        resolved.set(loaded, terms);
      }
      return terms;
    };
    const covered = new Float64Array(weights.length);
    return (loaded, docNo) => {
      if (total === 0) return { covered: 0, total: 0 };
      covered.fill(0);
      for (const { targets, at } of resolve(loaded)) {
        let share = 0;
        for (const { t, share: targetShare } of targets) {
          if (targetShare > share && postingHas(loaded.segment, t, docNo)) share = targetShare;
        }
        if (share > 0) for (const index of at) covered[index] = Math.max(covered[index]!, share);
      }
      let sum = 0;
      for (let i = 0; i < covered.length; i += 1) sum += covered[i]! * weights[i]!;
      return { covered: sum, total };
    };
  }

  /** Whether an entry holds a query term or one of its stand-ins (typo neighbour, homophone, synonym). */
  private entryHas(loaded: LoadedPack, docNo: number, q: QueryTerm): boolean {
    return q.targets.some((target) => {
      const t = loaded.termIndex.get(target.term);
      return t !== undefined && postingHas(loaded.segment, t, docNo);
    });
  }

  /** Whether an entry matches at least one word (not a helper term) of the message. */
  private matchesAWord(loaded: LoadedPack, docNo: number, query: QueryTerm[]): boolean {
    return query.some((q) => q.word && this.entryHas(loaded, docNo, q));
  }

  /** Which of the message's terms an entry matched (for display), checked only for shown entries. */
  private matchedTerms(loaded: LoadedPack, docNo: number, query: QueryTerm[]): string[] {
    return query.filter((q) => this.entryHas(loaded, docNo, q)).map((q) => q.term);
  }

  /** The reply of one entry, chosen and filled for a chat context (the panel's search hits use it). */
  render(packId: string, entryId: string, context: ChatContext, score = 0): Suggestion | null {
    const loaded = this.packs.get(packId);
    const entry = loaded?.pack.entries.find((e) => e.id === entryId);
    if (!loaded || !entry) return null;
    const now = context.now ?? new Date();
    const active = activeScenarios(this.loadedPacks, now, context.scenarios);
    const locale = context.locale ?? localeOfText(questionOf(context));
    return { ...this.renderEntry(loaded, entry, { ...context, locale, now }, active), score };
  }

  private renderEntry(
    loaded: LoadedPack,
    entry: Entry,
    context: ChatContext & { now: Date },
    active: Set<string>,
  ): Suggestion {
    const { pack } = loaded;
    const rendered = renderReply(pack, entry, context, active, loaded.facts);
    return {
      packId: pack.id,
      entryId: entry.id,
      kind: entry.kind,
      title: entry.title,
      score: 0,
      coverage: 0,
      matchedTerms: [],
      replyIndex: rendered.index,
      replyLocale: rendered.locale,
      text: rendered.text,
      missing: rendered.missing,
      cursor: rendered.cursor,
      shortcut: entry.shortcut,
    };
  }

  /** Ranks entries for a chat context. */
  suggest(context: ChatContext, limit = 5): SuggestResult {
    const question = questionOf(context);
    const empty = (abstained: SuggestResult['abstained']): SuggestResult => ({
      suggestions: [],
      cards: [],
      abstained,
      query: question,
    });
    if (!question) return empty('empty');
    if (isCourtesyOnly(question)) return empty('courtesy');

    const now = context.now ?? new Date();
    const packs = [...this.packs.values()];
    const active = activeScenarios(
      packs.map((p) => p.pack),
      now,
      context.scenarios,
    );
    const normalized = normalizeText(question);
    const variants = [normalized];
    const clauses = splitClauses(normalized).filter((clause) => !isCourtesyOnly(clause));
    if (clauses.length > 1) variants.push(...clauses);

    const callStamp = ++this.stamp;
    for (const { scratch } of packs) scratch.bestTouched.length = 0;
    const wholeQuery = this.queryTerms(junctionAware(normalized, termsOfNormalized(normalized)));
    let wholeUpper = 0;
    variants.forEach((variant, index) => {
      const query = index === 0 ? wholeQuery : this.queryTerms(junctionAware(variant, termsOfNormalized(variant)));
      const { upper: variantUpper, informative } = this.scoreVariant(query);
      if (variantUpper === 0) return;
      if (index === 0) wholeUpper = variantUpper;
      // A clause is scored against at least a share of the whole message's reach: a clause that carries
      // little of the message ("订单 2987…") must not answer for all of it.
      const upper = index === 0 ? variantUpper : Math.max(variantUpper, CLAUSE_MIN_SHARE * wholeUpper);
      // Clauses compete with the whole message, slightly discounted: the whole text is the better evidence.
      const discount = index === 0 ? 1 : 0.9;
      const coverageOf = this.hanCoverage(variant, query);
      const candidates = new TopK<{ loaded: LoadedPack; docNo: number }>(COVERAGE_CANDIDATES);
      for (const loaded of packs) {
        const { raw } = loaded.scratch;
        for (const docNo of loaded.scratch.touched) {
          if (candidates.accepts(raw[docNo]!)) candidates.offer(raw[docNo]!, { loaded, docNo });
        }
      }
      for (const {
        score: raw,
        item: { loaded, docNo },
      } of candidates.entries()) {
        const { scratch } = loaded;
        const score = (raw / upper) * discount;
        const han = coverageOf(loaded, docNo);
        const denominator = informative + han.total;
        const coverage = denominator > 0 ? Math.min(1, (scratch.mass[docNo]! + han.covered) / denominator) : 0;
        keepMax(
          scratch.bestStamp,
          scratch.best,
          scratch.bestCoverage,
          scratch.bestTouched,
          callStamp,
          docNo,
          score,
          coverage,
        );
      }
    });

    const ranked: Array<Candidate & { entry: Entry }> = [];
    for (const loaded of packs) {
      const { scratch } = loaded;
      for (const docNo of scratch.bestTouched) {
        const coverage = scratch.bestCoverage[docNo]!;
        if (coverage < THRESHOLDS.coverage || scratch.best[docNo]! < THRESHOLDS.score / 2) continue;
        const entry = loaded.pack.entries[docNo]!;
        if (!isEntryEligible(loaded.pack, entry, context.platform, active)) continue;
        // A character or word fragment in common (沙发 and 发货 share 发) is not evidence: an entry must
        // match at least one word of the message.
        if (!this.matchesAWord(loaded, docNo, wholeQuery)) continue;
        let final = scratch.best[docNo]! * (1 + 0.02 * entry.priority);
        if (entry.scenarios.some((id) => active.has(id))) final *= SCENARIO_BOOST;
        ranked.push({ loaded, docNo, entry, score: Math.min(1, final), coverage });
      }
    }
    ranked.sort((a, b) => b.score - a.score || b.coverage - a.coverage);

    const confident = ranked.filter((r) => r.score >= THRESHOLDS.score);
    const locale = context.locale ?? localeOfText(question);
    const toSuggestion = (r: (typeof ranked)[number]): Suggestion => ({
      ...this.renderEntry(r.loaded, r.entry, { ...context, locale, now }, active),
      score: round(r.score),
      coverage: round(r.coverage),
      matchedTerms: this.matchedTerms(r.loaded, r.docNo, wholeQuery),
    });
    const suggestions = confident
      .filter((r) => r.entry.kind === 'reply')
      .slice(0, limit)
      .map(toSuggestion);
    const cards = confident
      .filter((r) => r.entry.kind === 'card')
      .slice(0, 2)
      .map(toSuggestion);
    return {
      suggestions,
      cards,
      abstained: suggestions.length === 0 && cards.length === 0 ? 'no-match' : null,
      query: question,
    };
  }
}

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const JUNCTION_WEIGHT = 0.6;

/**
 * Lowers the weight of Chinese bigrams that straddle two words of the buyer's message (衣服|是 → 服是):
 * such bigrams are accidents of adjacency, yet rare, so they would match unrelated entries strongly.
 * A bigram whose characters the segmenter left as single-character words (发|货) keeps its weight:
 * the segmenter often splits real words that way.
 */
function junctionAware(text: string, terms: WeightedTerm[]): WeightedTerm[] {
  if (!/\p{Script=Han}/u.test(text)) return terms;
  const junctions = new Set<string>();
  let previous = '';
  for (const { segment } of wordSegmenter.segment(text)) {
    if (previous && /\p{Script=Han}$/u.test(previous) && /^\p{Script=Han}/u.test(segment)) {
      const left = Array.from(previous);
      const right = Array.from(segment);
      if (left.length > 1 || right.length > 1) junctions.add(left[left.length - 1]! + right[0]!);
    }
    previous = segment;
  }
  if (junctions.size === 0) return terms;
  return terms.map((t) => (junctions.has(t.term) ? { ...t, weight: t.weight * JUNCTION_WEIGHT } : t));
}

function localeOfText(text: string): string | undefined {
  const script = detectScript(text);
  if (script === 'han') return 'zh-CN';
  if (script === 'latin') return 'en';
  return undefined;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
