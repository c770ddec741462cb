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
import { factValue } from '../packs/schema';
import { renderTemplate, type PageValues } from '../templates/render';
import { isCourtesyOnly } from './courtesy';
import { detectScript, normalizeText } from './normalize';
import { activeScenarios, chooseReply, isEntryEligible } from './scenarios';
import { buildSegment, packFingerprint, type Segment } from './segment';
import { pinyinKey, splitClauses, termsOfNormalized, type WeightedTerm } from './tokenize';
import { SYNONYM_WEIGHT, synonymsOf } from './synonyms';
import { TypoIndex } from './typos';

/** BM25 parameters: k1 saturates repeated terms, b normalises for entry length. */
export const BM25 = { k1: 1.2, b: 0.5 } as const;

/**
 * When the engine says nothing. `score` is the entry's BM25 score divided by the best score any entry
 * could reach for the same message (0…1); `coverage` is the share of the message's informative weight
 * (IDF-weighted) that the entry matched. A suggestion needs both.
 */
export const THRESHOLDS = { score: 0.15, coverage: 0.25 } as const;

/** Score multiplier for entries tied to an active scenario. */
export const SCENARIO_BOOST = 1.15;

/** How much of a never-seen word's IDF counts as unexplained information (coverage denominator). */
const UNSEEN_WORD_WEIGHT = 1;
/** Weight of a known word one edit away from an unknown one. */
const TYPO_WEIGHT = 0.8;

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
  facts: Record<string, string | number | boolean>;
}

interface QueryTerm {
  term: string;
  weight: number;
  word: boolean;
  /** Terms in the vocabulary this query term is matched against (itself, or typo neighbours). */
  targets: Array<{ term: string; share: number }>;
}

interface Scored {
  loaded: LoadedPack;
  docNo: number;
  raw: number;
  matchedMass: number;
  matched: Set<string>;
}

/** Buyer text to answer: the buyer's messages since the agent last wrote (at most the last three). */
export function questionOf(context: ChatContext): string {
  if (context.messages && context.messages.length > 0) {
    const pending: string[] = [];
    for (let i = context.messages.length - 1; i >= 0 && pending.length < 3; i -= 1) {
      const message = context.messages[i]!;
      if (message.role === 'agent') {
        if (pending.length > 0) break;
        continue;
      }
      if (message.role === 'buyer' && message.text.trim()) pending.unshift(message.text.trim());
    }
    return pending.join('\n');
  }
  return (context.text ?? '').trim();
}

export class SuggestEngine {
  private packs = new Map<string, LoadedPack>();
  private typos = new TypoIndex();
  private docCount = 0;
  private averageLength = 1;

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
    for (const pack of packs) {
      const fingerprint = packFingerprint(pack);
      const previous = this.packs.get(pack.id);
      const segment =
        previous?.segment.fingerprint === fingerprint
          ? previous.segment
          : (cached.find((s) => s.packId === pack.id && s.fingerprint === fingerprint) ?? buildSegment(pack));
      const facts = Object.fromEntries(Object.entries(pack.facts).map(([name, fact]) => [name, factValue(fact)]));
      next.set(pack.id, { pack, segment, facts });
    }
    this.packs = next;
    this.docCount = 0;
    let totalLength = 0;
    for (const { segment } of next.values()) {
      this.docCount += segment.docs.length;
      totalLength += segment.totalLength;
    }
    this.averageLength = this.docCount > 0 ? totalLength / this.docCount : 1;
    this.typos = new TypoIndex();
    return [...next.values()].map((loaded) => loaded.segment);
  }

  private documentFrequency(term: string): number {
    let df = 0;
    for (const { segment } of this.packs.values()) {
      const list = segment.postings[term];
      if (list) df += list.length / 2;
    }
    return df;
  }

  private idf(df: number): number {
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
  }

  private vocabulary(): Iterable<string> {
    const packs = [...this.packs.values()];
    return (function* () {
      for (const { segment } of packs) yield* Object.keys(segment.postings);
    })();
  }

  private queryTerms(terms: WeightedTerm[]): QueryTerm[] {
    const merged = new Map<string, QueryTerm>();
    for (const { term, weight, word } of terms) {
      const existing = merged.get(term);
      if (existing) {
        existing.weight = Math.max(existing.weight, weight);
        existing.word ||= word;
        continue;
      }
      const targets = [{ term, share: 1 }];
      if (weight > 0 && this.documentFrequency(term) === 0) {
        if (/^[a-z]{4,}$/.test(term)) {
          if (!this.typos.ready) this.typos.build(this.vocabulary());
          targets.push(...this.typos.neighbours(term).map((t) => ({ term: t, share: TYPO_WEIGHT })));
        } else if (word && /^\p{Script=Han}{2}$/u.test(term)) {
          // A homophone typo (发活 for 发货) still counts as the word it sounds like.
          targets.push({ term: pinyinKey(term), share: TYPO_WEIGHT });
        }
      }
      for (const synonym of synonymsOf(term)) {
        if (!targets.some((t) => t.term === synonym)) targets.push({ term: synonym, share: SYNONYM_WEIGHT });
      }
      merged.set(term, { term, weight, word, targets });
    }
    return [...merged.values()];
  }

  /** Scores every entry containing a query term; returns scores and the normalisers for this query. */
  private score(query: QueryTerm[]): { scored: Map<string, Scored>; upper: number; informative: number } {
    const scored = new Map<string, Scored>();
    let upper = 0;
    let informative = 0;
    const unseenIdf = this.idf(1);
    for (const q of query) {
      // Per entry, the best of the term's targets (itself, typo neighbours, synonyms) counts once.
      const gains = new Map<string, { loaded: LoadedPack; docNo: number; gain: number; mass: number }>();
      let best = 0;
      for (const target of q.targets) {
        const df = this.documentFrequency(target.term);
        if (df === 0) continue;
        const mass = this.idf(df) * q.weight * target.share;
        if (target.share === 1) best = Math.max(best, mass);
        for (const loaded of this.packs.values()) {
          const list = loaded.segment.postings[target.term];
          if (!list) continue;
          const half = list.length / 2;
          for (let i = 0; i < half; i += 1) {
            const docNo = list[i]!;
            const tf = list[half + i]!;
            const doc = loaded.segment.docs[docNo]!;
            const norm = 1 - BM25.b + (BM25.b * doc.length) / this.averageLength;
            const gain = (mass * (tf * (BM25.k1 + 1))) / (tf + BM25.k1 * norm);
            const key = `${loaded.pack.id}\u0000${docNo}`;
            const previous = gains.get(key);
            if (!previous || gain > previous.gain) gains.set(key, { loaded, docNo, gain, mass });
          }
        }
      }
      if (best === 0) {
        // Unknown as written: its best stand-in (a typo neighbour or synonym) sets the scale.
        for (const { mass } of gains.values()) best = Math.max(best, mass);
      }
      for (const [key, { loaded, docNo, gain, mass }] of gains) {
        let entry = scored.get(key);
        if (!entry) {
          entry = { loaded, docNo, raw: 0, matchedMass: 0, matched: new Set() };
          scored.set(key, entry);
        }
        entry.raw += gain;
        if (q.word) entry.matchedMass += mass;
        entry.matched.add(q.term);
      }
      upper += best * (BM25.k1 + 1);
      if (q.word) informative += best;
      // A Latin word the packs never use is information the message carries and no entry explains.
      // (An unseen Chinese bigram is often just two words side by side: it does not count.)
      if (best === 0 && q.word && /^[a-z]/.test(q.term)) informative += unseenIdf * UNSEEN_WORD_WEIGHT;
    }
    return { scored, upper, informative };
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

    const best = new Map<string, { s: Scored; score: number; coverage: number }>();
    variants.forEach((variant, index) => {
      const { scored, upper, informative } = this.score(this.queryTerms(termsOfNormalized(variant)));
      if (upper === 0) return;
      // Clauses compete with the whole message, slightly discounted: the whole text is the better evidence.
      const discount = index === 0 ? 1 : 0.9;
      for (const [key, s] of scored) {
        const score = (s.raw / upper) * discount;
        const coverage = informative > 0 ? Math.min(1, s.matchedMass / informative) : 0;
        const previous = best.get(key);
        if (!previous || score > previous.score) best.set(key, { s, score, coverage });
      }
    });

    const ranked: Array<{ s: Scored; entry: Entry; score: number; coverage: number }> = [];
    for (const { s, score, coverage } of best.values()) {
      const entry = s.loaded.pack.entries[s.docNo]!;
      if (!isEntryEligible(s.loaded.pack, entry, context.platform, active)) continue;
      let final = score * (1 + 0.02 * entry.priority);
      if (entry.scenarios.some((id) => active.has(id))) final *= SCENARIO_BOOST;
      ranked.push({ s, entry, score: Math.min(1, final), coverage });
    }
    ranked.sort((a, b) => b.score - a.score || b.coverage - a.coverage);

    const confident = ranked.filter((r) => r.score >= THRESHOLDS.score && r.coverage >= THRESHOLDS.coverage);
    const locale = context.locale ?? localeOfText(question);
    const toSuggestion = (r: (typeof ranked)[number]): Suggestion => {
      const { pack } = r.s.loaded;
      const chosen = chooseReply(pack, r.entry, { locale: locale ?? pack.locale, platform: context.platform, active });
      const rendered = renderTemplate({
        template: chosen.reply.text,
        facts: r.s.loaded.facts,
        page: { 'shop.name': pack.name, ...context.page },
        locale: chosen.locale,
        now,
      });
      return {
        packId: pack.id,
        entryId: r.entry.id,
        kind: r.entry.kind,
        title: r.entry.title,
        score: round(r.score),
        coverage: round(r.coverage),
        matchedTerms: [...r.s.matched],
        replyIndex: chosen.index,
        replyLocale: chosen.locale,
        text: rendered.text,
        missing: rendered.missing,
        cursor: rendered.cursor,
        shortcut: r.entry.shortcut,
      };
    };
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

function localeOfText(text: string): string | undefined {
  const script = detectScript(text);
  if (script === 'han') return 'zh-CN';
  if (script === 'latin') return 'en';
  return undefined;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
