/**
 * The suggestion engine: ranks a pack's entries for a chat context. Pure TypeScript (Node and browser).
 *
 * Ranking is BM25F over the weighted terms of `text/tokenize.ts` (questions, title, keywords, reply text),
 * computed over every segment with shared statistics (`rank/corpus.ts`, `rank/score.ts`), with:
 * - typo tolerance: an unknown Latin word is matched to known words one edit away (deletion index), an
 *   unknown Chinese bigram to known ones that sound the same (`rank/query-terms.ts`);
 * - clauses: a message is scored whole and clause by clause (`rank/clauses.ts`);
 * - scenario boost and filters, entry priority (`rank/rank.ts`);
 * - the product in question: an item's own entry before the generic one (`rank/products.ts`);
 * - abstention: a message of greetings/thanks only, or whose best match explains too little of it, gets
 *   no suggestion (see `THRESHOLDS`, and `rank/han-coverage.ts` for Chinese).
 * This file is the façade callers import; the work is done in `text/`, `index/` and `rank/`.
 */
import type { Pack } from '../packs/schema';
import type { Segment } from './index/segment';
import type { LearnedFit } from './learn/blend';
import { chatLocale, questionOf, type ChatContext } from './question';
import { Corpus } from './rank/corpus';
import { matchedTermKinds, matchedTerms, type QueryTerm } from './rank/query-terms';
import { rankEntries, type Ranked } from './rank/rank';
import { scenarioOffOf, suggestionOf, type Suggestion } from './rank/reply';
import { rankForProduct } from './rank/products';
import { activeScenarios, dormantScenarioOf, isEntryEligible } from './rank/scenarios';
import { THRESHOLDS } from './rank/thresholds';
import { isSmallTalk, SMALL_TALK } from './rank/small-talk';
import {
  isWordRerankable,
  mayLeadByWords,
  WORD_RERANK_CANDIDATES,
  wordLanguageOf,
  wordRerankFeatures,
  wordRerankLeader,
  type WordRerankCandidate,
} from './rank/word-rerank';
import { WORD_RERANK_WEIGHTS } from './rank/word-rerank.data';
import { isCourtesyOnly, withoutOpeners } from './text/courtesy';
import { needsNoAnswer } from './rank/focus';
import { readPinyinMessage } from './rank/pinyin-message';
import { loadLanguageDetector } from './text/language';
import { expandInformal } from './text/en-informal';
import { nameToldComplaints } from './text/told-complaints';
import { normalizeText } from './text/normalize';

export { questionOf, type ChatContext, type ChatMessage } from './question';
export { THRESHOLDS } from './rank/thresholds';
export type { Suggestion } from './rank/reply';

/** What the engine answers for a chat. */
export interface SuggestResult {
  suggestions: Suggestion[];
  cards: Suggestion[];
  /** Why nothing is suggested, when nothing is. */
  abstained: 'empty' | 'courtesy' | 'no-match' | null;
  /** The buyer text that was read as the question. */
  query: string;
  /**
   * The question as the engine read it — normalised, chat shorthand written out, told complaints named, pinyin read
   * (see `suggest`): the word re-ranker's features are computed on it. Absent when nothing was ranked.
   */
  reading?: string;
}

/** Ranks the loaded packs' entries for a chat; serves one query at a time (queries share scratch arrays). */
export class SuggestEngine {
  private corpus = new Corpus();

  /**
   * `wordRerank: false` leaves the engine's own order (see `rank/word-rerank.ts`): for measuring it and for
   * fitting its weights. `smallTalkModel: false` leaves small talk to the phrase rules (see `rank/small-talk.ts`):
   * for fitting the model.
   */
  constructor(private readonly options: { wordRerank?: boolean; smallTalkModel?: boolean } = {}) {}

  /** Loaded packs, in load order. */
  get loadedPacks(): Pack[] {
    return this.corpus.loaded().map((loaded) => loaded.pack);
  }

  /**
   * Replaces the set of packs. Segments of packs whose content did not change are kept; `cached`
   * segments (e.g. from IndexedDB) are used when their fingerprint matches, so only changed packs
   * are indexed again. Returns the segments now in use, for caching.
   */
  setPacks(packs: Pack[], cached: Segment[] = []): Segment[] {
    void loadLanguageDetector();
    return this.corpus.setPacks(packs, cached);
  }

  /** The reply of one entry, chosen and filled for a chat context (the panel's search hits use it). */
  render(packId: string, entryId: string, context: ChatContext, score = 0): Suggestion | null {
    const loaded = this.corpus.get(packId);
    const entry = loaded?.pack.entries.find((e) => e.id === entryId);
    if (!loaded || !entry) return null;
    const now = context.now ?? new Date();
    const active = activeScenarios(this.loadedPacks, now, context.scenarios, context.scenariosOff);
    const locale = chatLocale(context);
    // A learned entry whose scenario is off is shown the way the engine shows one: marked, in that scenario's reply.
    const off = new Set(context.scenariosOff);
    const dormant = dormantScenarioOf(loaded.pack, entry, context.platform, active, off);
    const scenarios = dormant ? new Set([...active, dormant.id]) : active;
    return {
      ...suggestionOf(loaded.pack, entry, { ...context, locale, now }, scenarios, loaded.facts),
      score,
      ...(dormant ? { scenarioOff: scenarioOffOf(dormant) } : {}),
    };
  }

  /**
   * Whether a learned pick may bring an entry into this chat's suggestions: `no` for a card, an unknown
   * entry, or one gated only by scenarios switched off for the chat (one whose dates exclude `now` is
   * offered marked, as the engine offers it, see `dormantScenarioOf`);
   * `elsewhere` for a pack (or entry) made for another platform — the agent may have searched it out for
   * such a chat, so it is offered, below the engine's own answer; else `yes`. Scenarios that page signals
   * or the agent switch on are not held against a pick: the agent who picked saw the chat, and callers
   * such as `kpack suggest` often pass no signals.
   */
  mayAddLearned(packId: string, entryId: string, context: Omit<ChatContext, 'text'>): LearnedFit {
    const loaded = this.corpus.get(packId);
    const entry = loaded?.pack.entries.find((e) => e.id === entryId);
    if (!loaded || !entry || entry.kind !== 'reply') return 'no';
    const off = new Set(context.scenariosOff ?? []);
    const open = entry.scenarios.filter((id) => !off.has(id));
    if (!isEntryEligible(loaded.pack, entry, undefined, new Set(open))) return 'no';
    return isEntryEligible(loaded.pack, entry, context.platform, new Set(open)) ? 'yes' : 'elsewhere';
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
    const read = nameToldComplaints(expandInformal(withoutOpeners(normalizeText(question))));
    // All pinyin ("zhuan ren gong"): the packs' Chinese words it spells.
    const normalized = readPinyinMessage(this.corpus, read) ?? read;
    if (needsNoAnswer(normalized)) return empty('courtesy');

    const now = context.now ?? new Date();
    const active = activeScenarios(this.loadedPacks, now, context.scenarios, context.scenariosOff);
    const ranking = rankEntries(this.corpus, normalized, context.platform, active, context.scenariosOff);
    const { query } = ranking;
    const ranked = rankForProduct(ranking.ranked, context.product);

    const confident = ranked.filter((r) => r.score >= THRESHOLDS.score);
    // Small talk by the learned model, where the engine has only weak answers (`rank/small-talk.ts`). Said as 'no-match',
    // not 'courtesy': the model judges, the phrase rules know, and a request it mistakes for chat ("我们公司要走账")
    // must still reach the team lead's report of unanswered questions.
    if (
      this.options.smallTalkModel !== false &&
      (confident[0]?.score ?? 0) < SMALL_TALK.maxScore &&
      isSmallTalk(question)
    )
      return empty('no-match');
    const locale = chatLocale(context, question);
    const toSuggestion = (r: Ranked): Suggestion => ({
      // An entry of a scenario that is off answers with that scenario's reply variant.
      ...suggestionOf(
        r.loaded.pack,
        r.entry,
        { ...context, locale, now },
        r.dormant ? new Set([...active, r.dormant.id]) : active,
        r.loaded.facts,
      ),
      score: round(r.score),
      coverage: round(r.coverage),
      matchedTerms: matchedTerms(r.loaded, r.docNo, query),
      ...(r.dormant ? { scenarioOff: scenarioOffOf(r.dormant) } : {}),
    });
    const replies = confident.filter((r) => r.entry.kind === 'reply');
    const suggestions = (this.options.wordRerank === false ? replies : this.reorderByWords(normalized, replies, query))
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
      reading: normalized,
    };
  }

  /**
   * A message's candidates led by the word re-ranker's choice (`rank/word-rerank.ts`), read from the message as the
   * engine reads it (`reading`): the words a told complaint names ("where is my order?") and shorthand written out
   * count. Recall@1 against the raw message, weights of the tenth session: stride-co +1.3, voltnest-tech +1.3, qingmu
   * +0.6, xiaoyu +0.6, yunshan +0.6, hearth +0.3, oakline −0.7; the others unchanged.
   */
  private reorderByWords(reading: string, ranked: Ranked[], query: QueryTerm[]): Ranked[] {
    if (ranked.length < 2) return ranked;
    const head = ranked.slice(0, WORD_RERANK_CANDIDATES);
    // One language's weights: candidates of English and Chinese packs together keep the engine's order.
    const languages = new Set(head.map((r) => wordLanguageOf(r.loaded.pack.locale)));
    const [language] = languages;
    if (languages.size !== 1 || !isWordRerankable(reading, language)) return ranked;
    const candidates: WordRerankCandidate[] = [];
    for (const r of head) {
      const index = this.corpus.wordIndexOf(r.loaded);
      if (!index) return ranked;
      candidates.push({
        score: r.score,
        index,
        docNo: r.docNo,
        ...matchedTermKinds(matchedTerms(r.loaded, r.docNo, query)),
      });
    }
    const leader = wordRerankLeader(wordRerankFeatures(reading, candidates), WORD_RERANK_WEIGHTS[language!], (i) =>
      mayLeadByWords(head[i]!.entry, head[i]!),
    );
    return leader === 0 ? ranked : [ranked[leader]!, ...ranked.filter((_, i) => i !== leader)];
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
