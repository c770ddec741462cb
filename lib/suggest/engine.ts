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
import type { Entry, Pack, Platform } from '../packs/schema';
import { buildSegmentSteps, type Segment } from './index/segment';
import type { LearnedFit } from './learn/blend';
import { chatLocale, questionOf, type ChatContext } from './question';
import { Corpus, findSlotFillers } from './rank/corpus';
import { matchedTermKinds, matchedTerms, type QueryTerm } from './rank/query-terms';
import { QUESTION_PLACES, rankEntries, type Ranked } from './rank/rank';
import { scoreClauses } from './rank/clauses';
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
  type WordLanguage,
  type WordRerankCandidate,
} from './rank/word-rerank';
import { WORD_RERANK_WEIGHTS } from './rank/word-rerank.data';
import {
  intentNumberOf,
  intentText,
  PHRASEBOOK,
  phrasebookPack,
  pivotOrder,
  type Phrasebook,
  type PhrasebookIntent,
} from './rank/phrasebook';
import { shippedPhrasebook } from './rank/shipped-phrasebook';
import { finish, follow, type Steps } from '../steps';
import { pickWords, PickTranslation, type PickCounts } from './learn/pick-translation';
import { LEARN, parseEntryKey } from './learn/pick-memory';
import {
  buyerWordWeights,
  leadText,
  TRANSLATION,
  type TranslationModel,
  translationModelSteps,
  translationModelOf,
  translationFeatures,
  translationOrder,
  translationWords,
} from './rank/translation';
import { TRANSLATION_WEIGHTS } from './rank/translation.data';
import { idWords, wordPairsOf, type EntryPairs } from './rank/word-pairs';
import { WORD_PAIR_TABLES } from './rank/word-pairs.data';
import { isCourtesyOnly, withoutOpeners } from './text/courtesy';
import { needsNoAnswer, questionClauses } from './rank/focus';
import { readPinyinMessage } from './rank/pinyin-message';
import { loadLanguageDetector } from './text/language';
import { expandInformal } from './text/en-informal';
import { correctSpelling } from './text/spelling';
import { nameToldComplaints } from './text/told-complaints';
import { normalizeText } from './text/normalize';

export { questionOf, type ChatContext, type ChatMessage } from './question';
export { THRESHOLDS } from './rank/thresholds';
export type { Suggestion } from './rank/reply';

/** Picks adapted between two yields of `learnedPickSteps` (~10–20 ms). */
const PICKS_PER_STEP = 100;

/**
 * Below this translation support (`SuggestEngine.translationSupport`: log-likelihood under the phrasebook's word
 * translations, against the best of the engine's candidates) a learned entry is `unlikely` for the message: one pick
 * of it does not outrank the engine's first (`blend`). An entry the agent searched out that the engine had missed is
 * usually still a plausible translation of the buyer's words; a misclick, an entry picked at random, seldom is.
 * Replay (bench/replay.ts), searched picks of the zh tuning, zh dev and en dev streams: right ones all at −2 or
 * above, wrong ones 57–67% below (en tuning, two messages: 4 of 6 right picks below). With 10% wrong picks, all
 * lines: zh tuning +3.8 → +4.8 points, zh dev +7.3 → +7.9, fresh dev zh +5.9 → +6.6, en +8.4 → +9.3 (−3: +4.2,
 * +7.7, +6.2; −4: +3.9, +7.3); right picks unchanged but for one en tuning re-ask (+5.4 → +5.0). docs/LEARNING.md.
 */
const UNLIKELY_PICK_SUPPORT = -2;

/**
 * From this translation support up a learned entry is `likely` for the message: about as plausible a translation of
 * the buyer's words as the engine's own best, so one pick of it leads even where the engine is confident in another
 * entry (`BLEND.confidentEngine` doubts a single pick only below it). Replay, tuning and dev streams (three seeds):
 * right picks zh dev +10.0 → +10.4, en dev +11.2 → +11.8 points; 10% wrong picks zh dev +7.7 → +8.1, en dev
 * +9.0 → +9.4, zh tuning +5.1 → +4.8; 0 changed nothing, dropping the score guard cost wrong picks on three of four
 * streams. docs/LEARNING.md (thirty-first session).
 */
const LIKELY_PICK_SUPPORT = -1;

/** What a learned entry is weighed against for a message (`SuggestEngine.mayAddLearned`). */
export interface LearnedAgainst {
  /** The buyer's message. */
  question: string;
  /** The engine's candidates for it, best first, as `entryKey`s. */
  candidates: readonly string[];
}

/** Milliseconds of intents' landings found between two yields of `landingSteps`. */
const LANDING_SLICE_MS = 12;

/** An agent's pick the engine learns from: the buyer's message (redacted) answered with an entry of a loaded pack. */
export interface LearnedPick {
  packId: string;
  entryId: string;
  text: string;
}

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

/** What a phrasebook intent's landing depends on besides the packs: the chat's platform and active scenarios. */
interface PhrasebookChat {
  platform: Platform | undefined;
  active: Set<string>;
}

function phrasebookChatKey(chat: PhrasebookChat): string {
  return `${chat.platform ?? ''}\n${[...chat.active].sort().join(',')}`;
}

/** Phrasebook intents indexed per step of `SuggestEngine.phrasebookSteps` (~5–30 ms a step in Node). */
const PHRASEBOOK_ENTRIES_PER_STEP = 150;

/** Ranks the loaded packs' entries for a chat; serves one query at a time (queries share scratch arrays). */
export class SuggestEngine {
  private corpus = new Corpus();

  /**
   * `wordRerank: false` leaves the engine's own order (see `rank/word-rerank.ts`): for measuring it and for
   * fitting its weights. `smallTalkModel: false` leaves small talk to the phrase rules (see `rank/small-talk.ts`):
   * for fitting the model. `phrasebook`: the buyer phrasebook that re-orders candidates (`rank/phrasebook.ts`);
   * `false` for none, another one to estimate what a pack gains from a phrasebook without its own messages; without
   * it, the shipped one once `loadShippedPhrasebook` (`rank/shipped-phrasebook.ts`) has loaded it.
   * `phrasebookOnFirstUse: false`: the phrasebook is used only once `preparePhrasebook` has built it, and its
   * translation model once `prepareTranslation` has fitted it (the panel, so its first list is not kept waiting); by
   * default the first message that needs them builds them (and, without a `phrasebook`, ranking before the shipped
   * one is loaded throws). `translation: false` leaves out the last re-ordering, by
   * the word translation model learned from the phrasebook (`rank/translation.ts`): for fitting its blend.
   * `wordPairs`: the learned word pairs (an entry's words; in Chinese packs its id's words too) added to that stage's
   * blend (`rank/word-pairs.ts`); `false` for none (for fitting them), other ones to estimate what a pack gains from
   * pairs fitted without its own messages.
   */
  constructor(
    private readonly options: {
      wordRerank?: boolean;
      smallTalkModel?: boolean;
      phrasebook?: Phrasebook | false;
      phrasebookOnFirstUse?: boolean;
      translation?: boolean;
      wordPairs?: Readonly<Record<WordLanguage, EntryPairs>> | false;
    } = {},
  ) {}

  /** Per language, an engine over the phrasebook's intents; built on first use. */
  private readonly phrasebookEngines = new Map<WordLanguage, SuggestEngine>();
  /** A phrasebook engine's build under way in steps: a second caller (a reload of the packs) carries on with it. */
  private readonly phrasebookBuilds = new Map<WordLanguage, Steps<SuggestEngine>>();
  /** Per language, intent and chat, where the intent's text lands in the loaded packs; emptied when the packs change. */
  private readonly landings = new Map<string, ReadonlyMap<string, number>>();
  /** The chat of the last message ranked: the one `landingSteps` finds landings for. */
  private lastChat: PhrasebookChat | null = null;
  /** Counts the times the packs were replaced, so stepped work for packs no longer loaded stops. */
  private packsGeneration = 0;
  /** The packs' generation and the chat `landingSteps` last finished for. */
  private preparedLandings = '';
  /** Per language, the word translation model learned from the phrasebook; built with the phrasebook's engine. */
  private readonly translationModels = new Map<WordLanguage, TranslationModel>();
  /** An entry's words for the translation model, per entry object (a pack's entries are not changed in place). */
  private readonly entryWords = new WeakMap<object, string[]>();
  /** The same words once each, for the word pairs. */
  private readonly entryDistinctWords = new WeakMap<object, ReadonlySet<string>>();
  /** The words of an entry's id, for the word pairs' second table. */
  private readonly entryIdWords = new WeakMap<object, ReadonlySet<string>>();
  /** Picks learned from, oldest first (at most `LEARN.capacity`, as the learner keeps). */
  private learnedPicks: LearnedPick[] = [];
  /**
   * Per language, the translation model adapted to the picks (`learn/pick-translation.ts`) with what each pick added;
   * built from `learnedPicks` when the translation stage first needs it, dropped when picks or packs are replaced.
   */
  private readonly pickTranslations = new Map<
    WordLanguage,
    { model: PickTranslation; added: Map<LearnedPick, PickCounts> }
  >();

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
    this.landings.clear();
    this.packsGeneration += 1;
    // A pick's entry may have new words, or be gone: the adapted models are built again when next needed.
    this.pickTranslations.clear();
    return this.corpus.setPacks(packs, cached);
  }

  /**
   * Replaces the picks the engine learns from (`learnPick`), oldest first: the stored ones when a panel opens, none
   * when learning is switched off or forgotten. Only the last `LEARN.capacity` are kept.
   */
  setLearnedPicks(picks: readonly LearnedPick[]): void {
    const kept = picks.slice(-LEARN.capacity);
    // The same picks with newer ones after (the panel reloads them after each typed shortcut): learned one by one,
    // not all again.
    const same = (a: LearnedPick, b: LearnedPick) =>
      a.packId === b.packId && a.entryId === b.entryId && a.text === b.text;
    const old = this.learnedPicks;
    /** Whether the new list is the old one without its first `at` picks, then newer ones. */
    const continuesFrom = (at: number) => {
      if (old.length - at > kept.length) return false;
      for (let i = at; i < old.length; i++) if (!same(old[i]!, kept[i - at]!)) return false;
      return true;
    };
    const dropped = old.findIndex((_, at) => continuesFrom(at));
    if (old.length > 0 && dropped >= 0) {
      for (const pick of old.slice(0, dropped)) this.forgetPick(pick);
      this.learnedPicks = old.slice(dropped);
      for (const pick of kept.slice(old.length - dropped)) this.learnPick(pick);
      return;
    }
    this.learnedPicks = kept.map(({ packId, entryId, text }) => ({ packId, entryId, text }));
    this.pickTranslations.clear();
  }

  /**
   * Learns that the agent answered a buyer's message with an entry: the last re-ordering's word translations move
   * toward this team's wording (`learn/pick-translation.ts`), for the next message. The oldest pick goes beyond
   * `LEARN.capacity`.
   */
  learnPick(pick: LearnedPick): void {
    const learned = { packId: pick.packId, entryId: pick.entryId, text: pick.text };
    this.learnedPicks.push(learned);
    if (this.learnedPicks.length > LEARN.capacity) this.forgetPick(this.learnedPicks.shift()!);
    for (const adapted of this.pickTranslations.values()) this.adaptTo(adapted, learned);
  }

  /** Takes what a pick taught out of the adapted models (it left `learnedPicks`). */
  private forgetPick(pick: LearnedPick): void {
    for (const adapted of this.pickTranslations.values()) {
      const added = adapted.added.get(pick);
      if (!added) continue;
      adapted.model.remove(added);
      adapted.added.delete(pick);
    }
  }

  /**
   * Adapts the translation models of the loaded packs' languages to the picks now (~0.1 ms a pick), for an engine
   * made with `phrasebookOnFirstUse: false`, in steps of `PICKS_PER_STEP` picks: the panel runs each in a task of its
   * own after `translationSteps`, then ranks again. Until then it ranks as if nothing was learned, as before the
   * model is fitted. True when something was adapted.
   */
  *learnedPickSteps(): Steps<boolean> {
    let adapted = false;
    for (const language of new Set(this.loadedPacks.map((pack) => wordLanguageOf(pack.locale)))) {
      const fitted = this.translationModels.get(language);
      if (!fitted || this.learnedPicks.length === 0 || this.pickTranslations.get(language)?.model.base === fitted)
        continue;
      if (!(yield* this.adaptedSteps(language, fitted))) return false;
      adapted = true;
    }
    return adapted;
  }

  /** How many picks the engine learns from. */
  get learnedPickCount(): number {
    return this.learnedPicks.length;
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
   * such a chat, so it is offered, below the engine's own answer; `unlikely` when `against` (the message and
   * the engine's candidates for it) is given and the entry's translation support is below
   * `UNLIKELY_PICK_SUPPORT`; else `yes`. Scenarios that page signals or the agent switch on are not held
   * against a pick: the agent who picked saw the chat, and callers such as `kpack suggest` often pass no signals.
   */
  mayAddLearned(
    packId: string,
    entryId: string,
    context: Omit<ChatContext, 'text'>,
    against?: LearnedAgainst,
  ): LearnedFit {
    const loaded = this.corpus.get(packId);
    const entry = loaded?.pack.entries.find((e) => e.id === entryId);
    if (!loaded || !entry || entry.kind !== 'reply') return 'no';
    const off = new Set(context.scenariosOff ?? []);
    const open = entry.scenarios.filter((id) => !off.has(id));
    if (!isEntryEligible(loaded.pack, entry, undefined, new Set(open))) return 'no';
    if (!isEntryEligible(loaded.pack, entry, context.platform, new Set(open))) return 'elsewhere';
    const support = against && this.translationSupport(against, entry, wordLanguageOf(loaded.pack.locale));
    if (support === null || support === undefined) return 'yes';
    if (support < UNLIKELY_PICK_SUPPORT) return 'unlikely';
    return support >= LIKELY_PICK_SUPPORT ? 'likely' : 'yes';
  }

  /**
   * How much less likely the buyer's words are as a translation of `entry`'s title and questions than of the best of
   * the engine's own candidates for the message (0 or more when the entry does as well), by the translation model as
   * fitted on the phrasebook — not as picks adapted it, or a wrong pick would vouch for itself. Null without a fitted
   * model for the language, a word of the message, or a candidate of that language to compare with.
   */
  private translationSupport({ question, candidates }: LearnedAgainst, entry: Entry, language: WordLanguage) {
    const model = this.options.translation === false ? null : this.translationModel(language);
    const buyer = model && translationWords(question, language);
    if (!model || !buyer?.length) return null;
    const everyWord = () => 1;
    let best = -Infinity;
    for (const key of candidates.slice(0, TRANSLATION.candidates)) {
      const { packId, entryId } = parseEntryKey(key);
      const loaded = this.corpus.get(packId);
      if (!loaded || wordLanguageOf(loaded.pack.locale) !== language) continue;
      const candidate = loaded.pack.entries.find((e) => e.id === entryId);
      if (candidate) best = Math.max(best, model.score(buyer, this.wordsOfEntry(candidate, language), everyWord));
    }
    return best === -Infinity ? null : model.score(buyer, this.wordsOfEntry(entry, language), everyWord) - best;
  }

  /**
   * The word terms of a message as the engine reads it (`reading` of a `SuggestResult`), with the weights its focus
   * gives them: what the translation re-ordering weighs buyer words by. For the generators, which fit it.
   */
  wordTermsOf(reading: string): QueryTerm[] {
    return scoreClauses(this.corpus, reading).query.filter((term) => term.word);
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
    const normalized = readMessage(question, this.corpus);
    if (needsNoAnswer(normalized) && everyLineNeedsNoAnswer(question, this.corpus)) return empty('courtesy');

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
    // The phrasebook re-orders before the word re-ranker: after it, it undid the re-ranker's gains (en 0.813 → 0.801).
    // A several-question message ("什么时候发货？能开发票吗？") keeps each question's best entry among its first places:
    // the re-ordering stages move those among themselves and the rest apart. Read once, by the first stage that needs it.
    let places: number | undefined;
    const questionPlaces = () => (places ??= questionClauses(normalized).length > 1 ? QUESTION_PLACES : 0);
    const replies = this.reorderByPhrasebook(
      question,
      questionPlaces,
      confident.filter((r) => r.entry.kind === 'reply'),
      { platform: context.platform, active },
    );
    const byWords = this.options.wordRerank === false ? replies : this.reorderByWords(normalized, replies, query);
    const suggestions = this.reorderByTranslation(question, questionPlaces, byWords, query)
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
   * A message's first candidates re-ordered by the buyer phrasebook (`rank/phrasebook.ts`): its nearest intents, by
   * the buyer messages they hold, and where each intent's own title and questions land in the loaded packs (for this
   * chat's platform and scenarios, so a scenario's own entry keeps its lead over the generic one). Only the leading
   * run of generic entries moves (an item's own entry and one of a scenario that is off stay where the engine put
   * them; a weak answer may move up, on this second evidence: tuning en 0.810 → 0.813 against keeping it last). In a
   * several-question message ("什么时候发货？能开发票吗？") the first three, where the engine placed each question's
   * best entry, are re-ordered among themselves and the rest apart. Only candidates of one language's packs; a message
   * whose language no phrasebook holds keeps the engine's order.
   */
  private reorderByPhrasebook(
    question: string,
    questionPlaces: () => number,
    ranked: Ranked[],
    chat: PhrasebookChat,
  ): Ranked[] {
    this.lastChat = chat;
    const book = this.phrasebook();
    if (!book) return ranked;
    const head = movableHead(ranked, WORD_RERANK_CANDIDATES);
    const language = languageOf(head);
    if (head.length < 2 || !language || !book[language]?.length) return ranked;
    const nearEngine =
      this.phrasebookEngines.get(language) ??
      (this.options.phrasebookOnFirstUse === false ? null : this.buildPhrasebookEngine(book, language));
    if (!nearEngine) return ranked;
    const near = nearEngine
      .rankText(question, PHRASEBOOK.neighbours)
      .filter((r) => r.coverage >= PHRASEBOOK.nearCoverage)
      .map((r) => ({ intent: intentNumberOf(r.entry.id), score: r.score }));
    const chatKey = phrasebookChatKey(chat);
    const landing = (intent: number) => this.landing(book[language]!, language, intent, chat, chatKey);
    // Several questions: the engine has put each one's best entry among the first three; the phrasebook may choose
    // which of them leads, not push one out.
    // Tuning sets leaving each team out, en / zh: 0.818 / 0.861 when such a message kept the engine's order.
    return reorderHead(ranked, head, questionPlaces(), (part) =>
      pivotOrder(
        part.map((r) => ({ key: candidateKey(r.loaded.pack.id, r.entry.id), score: r.score })),
        near,
        landing,
      ),
    );
  }

  /**
   * The last re-ordering: the first candidates by a learned blend of their place and score with how likely the
   * buyer's words are as a translation of each entry's title and questions (`rank/translation.ts`). The same guards
   * as the phrasebook's: only the leading run of generic entries moves, and a several-question message re-orders its
   * first three apart from the rest.
   */
  private reorderByTranslation(
    question: string,
    questionPlaces: () => number,
    ranked: Ranked[],
    query: QueryTerm[],
  ): Ranked[] {
    if (this.options.translation === false) return ranked;
    const head = movableHead(ranked, TRANSLATION.candidates);
    const language = languageOf(head);
    const fitted = language && this.translationModel(language);
    if (head.length < 2 || !fitted) return ranked;
    const model = this.pickTranslation(language, fitted) ?? fitted;
    const buyer = translationWords(question, language);
    if (buyer.length === 0) return ranked;
    const weightOf = buyerWordWeights(
      query.filter((term) => term.word),
      language,
    );
    const pairs = this.options.wordPairs === false ? null : (this.options.wordPairs ?? wordPairsOf(WORD_PAIR_TABLES));
    const weighted = pairs ? [...new Set(buyer)].map((word) => [word, weightOf(word)] as const) : [];
    return reorderHead(ranked, head, questionPlaces(), (part) =>
      translationOrder(
        translationFeatures(
          part.map((r) => r.score),
          part.map((r) => model.score(buyer, this.wordsOfEntry(r.entry, language), weightOf)),
        ),
        TRANSLATION_WEIGHTS[language],
        pairs
          ? part.map((r) =>
              pairs[language].score(weighted, this.distinctWordsOfEntry(r, language), this.idWordsOfEntry(r)),
            )
          : undefined,
      ),
    );
  }

  /** The translation model of a language adapted to the picks of its packs' entries; null with no such pick. */
  private pickTranslation(language: WordLanguage, fitted: TranslationModel): PickTranslation | null {
    if (this.learnedPicks.length === 0) return null;
    let adapted = this.pickTranslations.get(language);
    if (!adapted || adapted.model.base !== fitted) {
      // The panel adapts in steps (`learnedPickSteps`); until then, the model as fitted.
      if (this.options.phrasebookOnFirstUse === false) return null;
      adapted = finish(this.adaptedSteps(language, fitted))!;
    }
    return adapted.model.size > 0 ? adapted.model : null;
  }

  /**
   * A language's fitted model adapted to every pick, `PICKS_PER_STEP` picks between two yields, kept once done. Null
   * when the picks were replaced meanwhile (forgotten, switched off) or the oldest let go: the next call builds again.
   */
  private *adaptedSteps(
    language: WordLanguage,
    fitted: TranslationModel,
  ): Steps<{ model: PickTranslation; added: Map<LearnedPick, PickCounts> } | null> {
    const building = { model: new PickTranslation(fitted), added: new Map<LearnedPick, PickCounts>() };
    const picks = this.learnedPicks;
    const first = picks[0];
    for (let from = 0; from < picks.length; from += PICKS_PER_STEP) {
      for (const pick of picks.slice(from, from + PICKS_PER_STEP)) this.adaptTo(building, pick, language);
      yield;
      if (this.learnedPicks !== picks || picks[0] !== first) return null;
    }
    this.pickTranslations.set(language, building);
    return building;
  }

  /** Adds a pick to a language's adapted model when its entry is in a loaded pack of that language. */
  private adaptTo(
    adapted: { model: PickTranslation; added: Map<LearnedPick, PickCounts> },
    pick: LearnedPick,
    language = [...this.pickTranslations].find(([, a]) => a === adapted)?.[0],
  ): void {
    const loaded = this.corpus.get(pick.packId);
    const entry = loaded?.pack.entries.find((e) => e.id === pick.entryId);
    if (!loaded || !entry || entry.kind !== 'reply' || wordLanguageOf(loaded.pack.locale) !== language) return;
    const added = adapted.model.add(pickWords(pick.text, language), this.wordsOfEntry(entry, language));
    if (added) adapted.added.set(pick, added);
  }

  private distinctWordsOfEntry(r: Ranked, language: WordLanguage): ReadonlySet<string> {
    let words = this.entryDistinctWords.get(r.entry);
    if (!words) this.entryDistinctWords.set(r.entry, (words = new Set(this.wordsOfEntry(r.entry, language))));
    return words;
  }

  private idWordsOfEntry(r: Ranked): ReadonlySet<string> {
    let words = this.entryIdWords.get(r.entry);
    if (!words) this.entryIdWords.set(r.entry, (words = new Set(idWords(r.entry.id))));
    return words;
  }

  private wordsOfEntry(entry: Entry, language: WordLanguage): string[] {
    let words = this.entryWords.get(entry);
    if (!words) {
      words = translationWords(leadText(entry.title, entry.questions), language);
      this.entryWords.set(entry, words);
    }
    return words;
  }

  private phrasebook(): Phrasebook | null {
    if (this.options.phrasebook === false) return null;
    if (this.options.phrasebook) return this.options.phrasebook;
    const shipped = shippedPhrasebook();
    // An engine that builds the phrasebook on first use ranks without it only by mistake: say so, not rank worse.
    if (!shipped && this.options.phrasebookOnFirstUse !== false)
      throw new Error('The shipped phrasebook is not loaded: await loadShippedPhrasebook() before ranking.');
    return shipped;
  }

  private buildPhrasebookEngine(book: Phrasebook, language: WordLanguage): SuggestEngine | undefined {
    finish(this.phrasebookBuild(book, language));
    return this.phrasebookEngines.get(language);
  }

  /** The build of a language's phrasebook engine: the one under way, or a new one. */
  private phrasebookBuild(book: Phrasebook, language: WordLanguage): Steps<SuggestEngine> {
    let build = this.phrasebookBuilds.get(language);
    if (!build) this.phrasebookBuilds.set(language, (build = this.phrasebookEngineSteps(book, language)));
    return build;
  }

  /** The phrasebook's engine of one language, its index built `PHRASEBOOK_ENTRIES_PER_STEP` intents a step. */
  private *phrasebookEngineSteps(book: Phrasebook, language: WordLanguage): Steps<SuggestEngine> {
    try {
      const pack = phrasebookPack(book[language], language);
      const segment = yield* buildSegmentSteps(pack, PHRASEBOOK_ENTRIES_PER_STEP);
      const nearEngine = new SuggestEngine({ phrasebook: false, smallTalkModel: false, wordRerank: false });
      nearEngine.setPacks([pack], [segment]);
      yield;
      yield* findSlotFillers(pack, PHRASEBOOK_ENTRIES_PER_STEP);
      // One message builds what the engine builds on first need (typo and homophone lookups), off the next message's
      // time.
      const [first] = book[language];
      if (first) nearEngine.rankText(first[2][0] ?? first[0], 1);
      this.phrasebookEngines.set(language, nearEngine);
      return nearEngine;
    } finally {
      this.phrasebookBuilds.delete(language);
    }
  }

  /**
   * Builds the phrasebook's engines for the loaded packs' languages now, for an engine made with
   * `phrasebookOnFirstUse: false`: the panel draws its first list without waiting, then calls this when idle and ranks
   * again. True when something was built.
   */
  preparePhrasebook(): boolean {
    return finish(this.phrasebookSteps());
  }

  /**
   * `preparePhrasebook` in steps: the index of each language's phrasebook (~1,700–1,800 intents, 0.1–0.3 s in Node; in
   * the panel one task of 0.6–1.3 s before it was cut) a slice of intents at a time, for the panel to run each in a
   * task of its own. A message ranked meanwhile goes without that language's phrasebook, as before it is prepared.
   */
  *phrasebookSteps(): Steps<boolean> {
    const book = this.phrasebook();
    if (!book) return false;
    let built = false;
    for (const language of new Set(this.loadedPacks.map((pack) => wordLanguageOf(pack.locale)))) {
      if (this.phrasebookEngines.has(language) || !book[language]?.length) continue;
      // Two callers share one build (the other may finish it meanwhile).
      yield* follow(this.phrasebookBuild(book, language));
      built = true;
    }
    return built;
  }

  /**
   * Fits the translation model of the phrasebook for the loaded packs' languages now (~0.1 s for English, ~0.3–0.4 s
   * for Chinese the first time in a page; shared by every engine after), for an engine made with
   * `phrasebookOnFirstUse: false`. True when something was fitted.
   */
  prepareTranslation(): boolean {
    return finish(this.translationSteps());
  }

  /**
   * `prepareTranslation` in steps of at most a few tens of milliseconds: the panel runs each in a task of its own
   * after `preparePhrasebook`, so keys and paints go on while the model is fitted, then ranks again.
   */
  *translationSteps(): Steps<boolean> {
    const book = this.phrasebook();
    if (!book || this.options.translation === false) return false;
    let fitted = false;
    for (const language of new Set(this.loadedPacks.map((pack) => wordLanguageOf(pack.locale)))) {
      if (this.translationModels.has(language) || !book[language]?.length) continue;
      const model = yield* translationModelSteps(book[language], language);
      this.translationModels.set(language, model);
      fitted = true;
    }
    return fitted;
  }

  /** The translation model of a language: fitted on first need unless the caller fits it (`prepareTranslation`). */
  private translationModel(language: WordLanguage): TranslationModel | null {
    const book = this.phrasebook();
    if (!book?.[language]?.length) return null;
    let model = this.translationModels.get(language);
    if (!model && this.options.phrasebookOnFirstUse !== false) {
      model = translationModelOf(book[language], language);
      this.translationModels.set(language, model);
    }
    return model ?? null;
  }

  /** Where an intent of the phrasebook lands in the loaded packs for a chat, found on first need. */
  private landing(
    intents: readonly PhrasebookIntent[],
    language: WordLanguage,
    intent: number,
    chat: PhrasebookChat,
    chatKey: string,
  ): ReadonlyMap<string, number> {
    const key = `${language}\n${intent}\n${chatKey}`;
    let lands = this.landings.get(key);
    if (!lands) {
      lands = this.landingOf(intentText(intents[intent]!), chat);
      this.landings.set(key, lands);
    }
    return lands;
  }

  /**
   * Finds where every intent of the phrasebook lands in the loaded packs, for the chat of the last message ranked, in
   * slices of about `LANDING_SLICE_MS`. A message's nearest intents otherwise find theirs on first need, each a
   * ranking of its own (~0.4 ms in the Tmall pack, ~1.3 ms at 10,000 entries): up to three per message while the
   * panel is new. Only speed changes, never an order. The panel runs this when idle, after the translation model, and
   * again while `landingsPrepared` is false (another chat's platform or scenarios); it stops early when the packs
   * are replaced meanwhile.
   */
  *landingSteps(clock: () => number = () => performance.now()): Steps<void> {
    const book = this.phrasebook();
    const chat = this.lastChat;
    if (!book || !chat) return;
    const generation = this.packsGeneration;
    const chatKey = phrasebookChatKey(chat);
    let sliceStart = clock();
    for (const language of new Set(this.loadedPacks.map((pack) => wordLanguageOf(pack.locale)))) {
      const intents = book[language] ?? [];
      for (let intent = 0; intent < intents.length; intent += 1) {
        this.landing(intents, language, intent, chat, chatKey);
        if (clock() - sliceStart < LANDING_SLICE_MS) continue;
        yield;
        if (generation !== this.packsGeneration) return;
        sliceStart = clock();
      }
    }
    this.preparedLandings = this.landingsKey(generation, chatKey);
  }

  /** Whether every intent's landing is known for the chat of the last message ranked (`landingSteps`). */
  get landingsPrepared(): boolean {
    const chat = this.lastChat;
    return (
      !chat ||
      !this.phrasebook() ||
      this.preparedLandings === this.landingsKey(this.packsGeneration, phrasebookChatKey(chat))
    );
  }

  /** What `preparedLandings` holds once every landing is known: the packs' generation and the chat's key. */
  private landingsKey(generation: number, chatKey: string): string {
    return `${generation}\n${chatKey}`;
  }

  /** The entries a text reaches in the loaded packs for a chat, each with its score over the best one's. */
  private landingOf(text: string, chat: PhrasebookChat): ReadonlyMap<string, number> {
    const ranked = this.rankText(text, PHRASEBOOK.reach, chat.platform, chat.active);
    const lands = new Map<string, number>();
    const best = ranked[0]?.score ?? 0;
    if (best <= 0) return lands;
    for (const r of ranked) lands.set(candidateKey(r.loaded.pack.id, r.entry.id), r.score / best);
    return lands;
  }

  /** The first entries for a text read as a message is read (by default with no chat around it). */
  protected rankText(text: string, limit: number, platform?: Platform, active = new Set<string>()): Ranked[] {
    return rankEntries(this.corpus, readMessage(text, this.corpus), platform, active).ranked.slice(0, limit);
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

/**
 * The leading candidates (at most `limit`) that later stages may re-order: up to the first item's own entry (placed
 * by the item the buyer looks at) or entry of a scenario that is off.
 */
function movableHead(ranked: Ranked[], limit: number): Ranked[] {
  let movable = 0;
  while (
    movable < Math.min(ranked.length, limit) &&
    !ranked[movable]!.dormant &&
    !ranked[movable]!.entry.products?.length
  )
    movable++;
  return ranked.slice(0, movable);
}

/**
 * `ranked` with its movable `head` re-ordered by `order` (indexes into the part it is given): a several-question
 * message's first `kept` places among themselves and the rest of the head apart; after the head, the engine's order.
 */
function reorderHead(ranked: Ranked[], head: Ranked[], kept: number, order: (part: Ranked[]) => number[]): Ranked[] {
  const reorder = (part: Ranked[]) => order(part).map((i) => part[i]!);
  const moved = kept ? [...reorder(head.slice(0, kept)), ...reorder(head.slice(kept))] : reorder(head);
  return [...moved, ...ranked.slice(head.length)];
}

/** The word language of candidates all of one language's packs; null for a mix (or none). */
function languageOf(candidates: Ranked[]): WordLanguage | null {
  const languages = new Set(candidates.map((r) => wordLanguageOf(r.loaded.pack.locale)));
  return languages.size === 1 ? [...languages][0]! : null;
}

/**
 * Whether each of the buyer's pending messages (`questionOf` joins them with line breaks), read alone, needs no
 * answer. The rules read a single message: "好的 我先看看" then "这件卫衣洗了一次就缩水了" read as one text is a
 * holding phrase with a statement after it, yet the second message is a complaint to answer.
 */
function everyLineNeedsNoAnswer(question: string, corpus: Corpus): boolean {
  const lines = question.split('\n').filter((line) => line.trim());
  return lines.length < 2 || lines.every((line) => isCourtesyOnly(line) || needsNoAnswer(readMessage(line, corpus)));
}

/**
 * A message as the engine reads it: normalised, chat openers dropped, shorthand written out; then a message all in
 * pinyin ("zhuan ren gong") as the packs' Chinese words it spells, any other with its slips spelled right and its
 * told complaints named.
 */
function readMessage(text: string, corpus: Corpus): string {
  const read = expandInformal(withoutOpeners(normalizeText(text)));
  return readPinyinMessage(corpus, read) ?? nameToldComplaints(correctSpelling(read, corpus, text));
}

function candidateKey(packId: string, entryId: string): string {
  return `${packId}\n${entryId}`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
