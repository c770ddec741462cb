/**
 * A message's terms as the ranker looks them up: merged, each with the vocabulary terms it may match
 * (itself, a typo neighbour or homophone when unknown as written, its synonyms), slot fillers weighed
 * down.
 */
import type { Entry } from '../../packs/schema';
import { isAskedPosting } from '../index/segment';
import { postingIndex } from '../index/term-index';
import { normalizeText } from '../text/normalize';
import { CHINESE_STOPWORDS, COURTESY_TERMS } from '../text/stopwords';
import { CONCEPT_TERM_PREFIX, conceptsOf } from '../text/concepts';
import { bridgeOf, isEnglishWord } from '../text/en-bridge';
import { EN_GENERAL_TERMS } from '../text/en-general.data';
import { stem } from '../text/stem';
import { chineseWordsOf } from '../text/zh-english';
import { SYNONYM_WEIGHT, synonymsOf } from '../text/synonyms';
import type { WeightedTerm } from '../text/tokenize';
import type { Corpus, LoadedPack } from './corpus';

/** Weight of a known word one edit away from an unknown one. */
const TYPO_WEIGHT = 0.8;
/**
 * Weight of a slot filler of the pack (the platinum of "platinum account", see slots.ts). Bitext recall@1
 * over 5 question draws: 0.891 without, 0.904 at 0.3, 0.906 at 0 (but more messages left silent).
 */
const FILLER_WEIGHT = 0.3;
/**
 * Weight of a pack word WordNet relates to an English word no pack uses (text/en-bridge.ts): near (synonym,
 * derived form) and broader (direct hypernym). dev/en recall@1 at 0.5/0.3: 0.664, 0.7/0.4: 0.671, 1/0.5:
 * 0.684 but Shopify 0.903 → 0.892. Relating known words too (at 0.3–1 of these) never helped.
 * Defining (a word of its gloss): dev/en 0.717 → 0.724 / 0.737 / 0.743 at 0.15 / 0.3 / 0.5, Shopify recall@3
 * 0.968 → 0.957 at 0.5; no other set moved.
 */
export const BRIDGE_WEIGHT = { near: 0.7, broader: 0.4, defining: 0.3 } as const;

/**
 * Weight of a pack's Chinese word that CC-CEDICT translates an English word of a Chinese message with, when neither a
 * pack nor the glossary of `mixed-english.ts` knows that word (`text/zh-english.ts`). A translation the dictionary
 * gives is the word itself, so it may put an entry on the list as the glossary's words do (not `bridged`). Fresh packs'
 * dev sets (zh, 5,442 answerable lines, each pack left out of the phrasebook and pairs): recall@1 0.8431 → 0.8449 at
 * 0.7, mixed-English messages 0.81 → 0.84.
 */
const CHINESE_TRANSLATION_WEIGHT = 0.7;

/** One term of the message, ready to be looked up. */
export interface QueryTerm {
  term: string;
  weight: number;
  word: boolean;
  /**
   * Terms in the vocabulary this query term is matched against: itself, typo neighbours, synonyms, words
   * WordNet relates to it (`bridged`).
   */
  targets: Array<{ term: string; share: number; bridged?: boolean }>;
  /**
   * Whether this term alone can make an entry a candidate (`matchesAWord`): not a question word, a word that
   * places the message in time, an English courtesy word or one of the most frequent English words. Decided
   * once per message rather than for every entry it touches.
   */
  alone: boolean;
}

/** The query terms of a message's weighted terms, against the loaded vocabularies. */
export function queryTerms(
  corpus: Corpus,
  terms: WeightedTerm[],
  /** Whether the message holds Chinese: only then is a Latin word read as pinyin (an English buyer's "dian" is not 店). */
  chinese = terms.some(({ term }) => /\p{Script=Han}/u.test(term)),
): QueryTerm[] {
  const merged = new Map<string, QueryTerm>();
  for (const { term, weight, word, of } of terms) {
    const existing = merged.get(term);
    if (existing) {
      existing.weight = Math.max(existing.weight, weight);
      existing.word ||= word;
      continue;
    }
    const targets: QueryTerm['targets'] = [{ term, share: 1 }];
    const synonyms = synonymsOf(term);
    const latin = word && /^[a-z]{3,}$/.test(term);
    if (weight > 0 && corpus.documentFrequency(term) === 0) {
      // A common English word the packs do not use is that word, not a typo of one ("game" is not "came"); so
      // is a word of the synonym groups ("goods" is not "good").
      if (/^[a-z]{4,}$/.test(term) && !isEnglishWord(term) && synonyms.length === 0) {
        targets.push(...corpus.typoNeighbours(term).map((t) => ({ term: t, share: TYPO_WEIGHT })));
      }
      if (latin) {
        addBridge(corpus, term, targets);
        if (chinese) addChineseTranslations(corpus, term, targets);
        // A Chinese word typed in pinyin ("能开fapiao吗"): the bigrams of the packs it spells.
        if (chinese && !isEnglishWord(term)) {
          for (const bigram of corpus.spelledAs(term))
            if (!targets.some((t) => t.term === bigram)) targets.push({ term: bigram, share: TYPO_WEIGHT });
        }
      } else if (word && /^\p{Script=Han}{2}$/u.test(term) && !Array.from(term).some((c) => CHINESE_STOPWORDS.has(c))) {
        // A homophone typo (发活 for 发货) still counts as the word it sounds like; not through a
        // particle (聘吗 sounds like 品吗, and the 赠品 entry has nothing to do with hiring).
        targets.push(...corpus.soundsLike(term).map((t) => ({ term: t, share: TYPO_WEIGHT })));
      }
    }
    for (const synonym of synonyms) {
      if (!targets.some((t) => t.term === synonym)) targets.push({ term: synonym, share: SYNONYM_WEIGHT });
    }
    // A filler's character 4-grams are the filler too.
    const filler = corpus.isFiller(of ?? term);
    merged.set(term, {
      term,
      weight: filler ? weight * FILLER_WEIGHT : weight,
      word,
      targets,
      alone: !QUESTION_WORDS.has(term) && !TIME_WORDS.has(term) && !isEnglishCourtesy(term) && !isGeneralWord(term),
    });
  }
  return [...merged.values()];
}

/** Adds the pack words WordNet relates to an unknown English word, as bridged targets. */
function addBridge(corpus: Corpus, term: string, targets: QueryTerm['targets']): void {
  const { near, broader, defining } = bridgeOf(term);
  for (const [list, share] of [
    [near, BRIDGE_WEIGHT.near],
    [broader, BRIDGE_WEIGHT.broader],
    [defining, BRIDGE_WEIGHT.defining],
  ] as const) {
    addPackWords(corpus, list, share, targets, true);
  }
}

/** Adds the pack words CC-CEDICT translates an English word of a Chinese message with. */
function addChineseTranslations(corpus: Corpus, term: string, targets: QueryTerm['targets']): void {
  addPackWords(corpus, chineseWordsOf(term), CHINESE_TRANSLATION_WEIGHT, targets);
}

/** Adds the words of a general table that some loaded pack uses, each once, as targets of one share. */
function addPackWords(
  corpus: Corpus,
  words: readonly string[],
  share: number,
  targets: QueryTerm['targets'],
  bridged?: true,
): void {
  for (const t of words) {
    if (corpus.documentFrequency(t) > 0 && !targets.some((x) => x.term === t))
      targets.push(bridged ? { term: t, share, bridged } : { term: t, share });
  }
}

/** Whether an entry holds a query term or one of its stand-ins (typo neighbour, homophone, synonym, WordNet). */
function entryHas(loaded: LoadedPack, docNo: number, q: QueryTerm): boolean {
  return q.targets.some((target) => postingOf(loaded, docNo, target.term) >= 0);
}

/** Where an entry's posting of a vocabulary term is in its pack's segment, or -1. */
function postingOf(loaded: LoadedPack, docNo: number, term: string): number {
  const t = loaded.termIndex.get(term);
  return t === undefined ? -1 : postingIndex(loaded.segment, t, docNo);
}

/**
 * Whether the message gives a reason to suggest an entry: one of its words (not a helper term) is among the
 * words the entry is asked with (title, questions, keywords), itself or through a typo neighbour or
 * synonym, or two of its words are in the entry's replies. A WordNet relation alone is too loose ("weather"
 * is a kind of condition): Bitext no-answer silence 0.724 without that rule, 0.793 with it (first 3
 * senses). One reply word alone is chance: replies carry the agent's small talk ("Sorry about that!",
 * "Tell me your height") and small talk met it ("sorry to bother", "tell me a joke"). Reply words alone
 * need two: Shopify no-answer silence 0.850 → 0.900, variations of the English tuning and dev no-answer
 * lines (bench/replay.ts `vary`, 4 each) 0.682 → 0.765; recall@1 of every tuning and dev set unchanged
 * (one reply word alone: dev/en 0.717 → 0.711, "the sight wont take my zip cdoe").
 */
export function matchesAWord(loaded: LoadedPack, docNo: number, query: QueryTerm[]): boolean {
  const entry = loaded.pack.entries[docNo]!;
  let inReplies = 0;
  for (const q of query) {
    // A one-character keyword is a word of its entry (透, 券), although the tokenizer makes a helper term of it.
    const word = q.word || (q.term.length === 1 && keywordCharsOf(entry).has(q.term));
    if (!word || !q.alone) continue;
    const found = directMatch(loaded, docNo, q);
    if (found === 'asked') return true;
    if (found === 'replies') {
      inReplies += 1;
      if (inReplies === 2) return true;
    }
  }
  return false;
}

/**
 * How an entry holds a query term itself or through a typo neighbour, homophone or synonym (not through a
 * WordNet relation): among the words it is asked with (`Segment.postingAsked`), only in its replies, tags or
 * notes, or not at all.
 */
function directMatch(loaded: LoadedPack, docNo: number, q: QueryTerm): 'asked' | 'replies' | null {
  let found: 'replies' | null = null;
  for (const target of q.targets) {
    if (target.bridged) continue;
    const at = postingOf(loaded, docNo, target.term);
    if (at < 0) continue;
    if (isAskedPosting(loaded.segment, at)) return 'asked';
    found = 'replies';
  }
  return found;
}

/** Per entry object, filled on first use: the Chinese characters a team lead gave as keywords on their own. */
const keywordChars = new WeakMap<Entry, Set<string>>();

/**
 * An entry's one-character keywords (透 for see-through, 券, 皱): the team lead wrote each as a word of the
 * entry, so a message's lone character equal to one counts as a word for it.
 */
function keywordCharsOf(entry: Entry): Set<string> {
  let chars = keywordChars.get(entry);
  if (!chars) {
    chars = new Set(entry.keywords.map(normalizeText).filter((k) => /^\p{Script=Han}$/u.test(k)));
    keywordChars.set(entry, chars);
  }
  return chars;
}

/**
 * Question words say how the buyer asks, not what about, and English courtesy words (stopwords.ts) ask nothing:
 * "how old are you" shared "how" with "how do i start a return", "can you recommend a good restaurant" shared
 * "good" with "all good now" (a closing entry). They still score; alone they do not put an entry on the list.
 * English courtesy words: Bitext no-answer silence 0.862 → 0.897, Shopify 0.900 → 0.950, dev en recall@3 0.836 →
 * 0.842, recall@1 unchanged. Not the Chinese ones: they include forms of address that can be the topic (客服 in
 * 人工客服); with them dev zh recall@3 rose 0.863 → 0.869 but held-out zh lost a message (0.772 → 0.769).
 */
const QUESTION_WORDS = new Set(['how', 'where', 'when', 'why']);

/**
 * Words that place the message in time (today, 今天, 明天…) say when, not what about: "今天好热啊" met the
 * shipping entry asked "今天下单今天能发吗". As index terms (todai, yesterdai). Silence on small talk: PDD 0.909 →
 * 1.000, Tmall 0.848 → 0.879, fresh-dev muye-store 0.828 → 0.897, lanxi-store 0.857 → 0.929; zh replay silence
 * 0.795 → 0.829 (tuning), 0.798 → 0.868 (fresh dev); no recall figure of any tuning set moved.
 */
const TIME_WORDS = new Set([
  '今天',
  '明天',
  '昨天',
  '后天',
  '前天',
  '今晚',
  '刚才',
  '待会',
  'todai',
  'tomorrow',
  'yesterdai',
  'tonight',
]);

/**
 * The most frequent English words (en-general.data.ts: say, make, go, take, now, only…) say as little about the
 * buyer's question: "bye now" shared "now" with "buy now, pay later", "how's your day going" shared "go". Words of
 * the synonym groups and the concept lexicon (time, location, person) are not among them. Silence on small talk:
 * fresh-dev hearth-home 0.852 → 0.926, Bitext 0.897 → 0.931; no recall figure of any tuning set moved except
 * fresh-dev glow-lab 0.776 / 0.859 → 0.782 / 0.853.
 */
let generalWords: Set<string> | null = null;
function isGeneralWord(term: string): boolean {
  generalWords ??= new Set(EN_GENERAL_TERMS.filter((t) => synonymsOf(t).length === 0 && conceptsOf(t).length === 0));
  return generalWords.has(term);
}
/** The English courtesy words as the tokenizer stems them (morning → morn, cheers → cheer, guys → gui). */
const ENGLISH_COURTESY_STEMS = new Set(
  [...COURTESY_TERMS].filter((word) => /^[a-z]/.test(word)).map((word) => stem(word)),
);
const isEnglishCourtesy = (term: string) => ENGLISH_COURTESY_STEMS.has(term);

/** Which of the message's terms an entry matched (for display), checked only for shown entries. */
export function matchedTerms(loaded: LoadedPack, docNo: number, query: QueryTerm[]): string[] {
  return query.filter((q) => entryHas(loaded, docNo, q)).map((q) => q.term);
}

/**
 * How many of the terms an entry matched (`matchedTerms`) are meaning classes (concept terms, `@shipping-fee`)
 * and how many are the rest (words, characters, bigrams). The engine and the re-ranker's training script count
 * with this one function, so the learned weights read the features the engine computes.
 */
export function matchedTermKinds(matched: readonly string[]): { concepts: number; terms: number } {
  let concepts = 0;
  for (const term of matched) if (term.startsWith(CONCEPT_TERM_PREFIX)) concepts++;
  return { concepts, terms: matched.length - concepts };
}
