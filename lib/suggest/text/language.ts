/**
 * The buyer's language, for choosing a reply variant: zh-CN or zh-TW, ja, ko by script (kana, hangul, and
 * traditional-only characters from `traditional.data.ts`), and Latin-script languages (en, fr, es, de, …) with
 * the `eld` detector (Nito-ELD, its extra-small n-gram database).
 *
 * A short line ("ok", "好的", "merci") says little: such a detection is marked unreliable, and the chat's
 * language is then taken from the buyer's earlier messages, else left to the pack's own locale.
 *
 * The n-gram database is ~1 MB of JavaScript (~0.3 s to parse), so it is loaded on demand
 * (`loadLanguageDetector`, called when packs are set) rather than with the engine: until it is there, Latin
 * text counts as unreliable English. Each text is detected once (results are cached).
 */
import type { ChatMessage } from '../question';
import { TRADITIONAL_CHARS } from './traditional.data';

/** What one text tells of its language. */
export interface Detection {
  /** A locale tag: `zh-CN`, `zh-TW`, `zh` (Chinese, variant unknown), `ja`, `ko`, or an ISO 639-1 code. */
  locale: string;
  /** Enough text to trust the locale over what earlier messages said. */
  reliable: boolean;
  /** Written in Han, kana or hangul (the language is then sure, only the variant may not be) or in Latin letters. */
  script: 'cjk' | 'latin';
}

/** Latin-script languages the detector may answer; others (e.g. Yoruba for "la cremallera se rompió") are ruled out. */
const LATIN_LANGUAGES = 'en fr es de it pt nl ca pl cs sv da no fi ro hu tr vi ms'.split(' ');
/** Earlier buyer messages looked at when the current one says too little. */
const HISTORY = 20;
const CACHE_LIMIT = 2000;

interface LatinDetector {
  detect(text: string): { language: string; isReliable(): boolean; getScores(): Record<string, number> };
}

let latin: LatinDetector | null = null;
let loading: Promise<void> | null = null;

/** Starts loading the Latin-script detector (idempotent); resolves when it can be used. */
export function loadLanguageDetector(): Promise<void> {
  loading ??= import('eld/extrasmall')
    .then(({ eld }) => {
      eld.setLanguageSubset(LATIN_LANGUAGES);
      latin = eld;
    })
    .catch(() => {
      // Without the database, Latin text keeps the pack's locale (or what the chat's CJK lines said).
    });
  return loading;
}

const TRADITIONAL = new Set(TRADITIONAL_CHARS);
const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const LATIN = /\p{Script=Latin}/u;

/** Chinese with at least this many Han characters and no traditional-only one is taken as simplified. */
const SIMPLIFIED_MIN_HAN = 4;

/** The language of one text, or null when it has no letters (emoji, numbers, an order number). */
export function detectLanguage(text: string): Detection | null {
  let han = 0;
  let traditional = 0;
  let kana = 0;
  let hangul = 0;
  let latinLetters = 0;
  for (const char of text) {
    if (char <= '\x7f') {
      if ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z')) latinLetters += 1;
    } else if (HAN.test(char)) {
      han += 1;
      if (TRADITIONAL.has(char)) traditional += 1;
    } else if (KANA.test(char)) kana += 1;
    else if (HANGUL.test(char)) hangul += 1;
    else if (LATIN.test(char)) latinLetters += 1;
  }
  const cjk = han + kana + hangul;
  if (cjk === 0 && latinLetters === 0) return null;
  // One CJK character carries about as much as a short Latin word.
  if (cjk * 3 >= latinLetters) {
    if (hangul > 0 && hangul >= han + kana) return { locale: 'ko', reliable: hangul >= 2, script: 'cjk' };
    // A lone の in Chinese is a borrowing; Japanese writes kana between its kanji.
    if (kana > 0 && kana * 5 >= han) return { locale: 'ja', reliable: kana >= 2, script: 'cjk' };
    // One traditional-only character in a longer simplified line may be a name or a variant form (乾, 著).
    if (traditional >= 2 || (traditional === 1 && han <= 4)) return { locale: 'zh-TW', reliable: true, script: 'cjk' };
    if (han >= SIMPLIFIED_MIN_HAN) return { locale: 'zh-CN', reliable: true, script: 'cjk' };
    return { locale: 'zh', reliable: false, script: 'cjk' };
  }
  if (!latin) return { locale: 'en', reliable: false, script: 'latin' };
  const result = latin.detect(text);
  if (!result.language) return { locale: 'en', reliable: false, script: 'latin' };
  return latinGuess(result.language, result.isReliable(), result.getScores());
}

/**
 * Chat-speak ("r u a bot", "no worries", "do u ship to mexcio") scores nearly alike in several languages and
 * the detector's pick among them is a coin toss: English wins when it is that close, as it is what most
 * cross-border buyers write in. (Close sister languages such as es/pt are left to the detector.)
 */
const CLOSE_TO_ENGLISH = 0.05;

function latinGuess(language: string, reliable: boolean, scores: Record<string, number>): Detection {
  const closeToEnglish = (scores[language] ?? 0) - (scores.en ?? 0) < CLOSE_TO_ENGLISH;
  return { locale: closeToEnglish ? 'en' : language, reliable, script: 'latin' };
}

const cache = new Map<string, Detection | null>();

/** `detectLanguage`, once per text. */
function detectOnce(text: string): Detection | null {
  if (cache.has(text)) return cache.get(text)!;
  const detection = detectLanguage(text);
  // Latin text read before the detector was loaded is read again once it is.
  if (latin || detection?.script !== 'latin') {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, detection);
  }
  return detection;
}

const languageOf = (locale: string) => locale.split('-')[0]!;

/**
 * The locale to answer the buyer in: the question's own language when it is clear; else the language of the
 * buyer's latest earlier message that is clear (a Chinese "好的" only takes zh-CN/zh-TW from earlier Chinese);
 * else `zh` for Chinese (the pack's variant) and undefined (the pack's locale) for anything else.
 */
export function buyerLocale(question: string, messages: ChatMessage[] = []): string | undefined {
  const current = detectOnce(question);
  if (current?.reliable) return current.locale;
  let seen = 0;
  for (let i = messages.length - 1; i >= 0 && seen < HISTORY; i -= 1) {
    const message = messages[i]!;
    if (message.role !== 'buyer') continue;
    seen += 1;
    const earlier = detectOnce(message.text);
    if (!earlier?.reliable) continue;
    // A line in a CJK script is that language whatever was said before; only its variant is open.
    if (current?.script === 'cjk' && languageOf(earlier.locale) !== languageOf(current.locale)) break;
    return earlier.locale;
  }
  return current?.script === 'cjk' ? current.locale : undefined;
}

/** The locale a pack's reply is chosen for: the buyer's, with bare `zh` made the pack's Chinese (else zh-CN). */
export function replyLocale(buyer: string | undefined, packLocale: string): string {
  if (!buyer) return packLocale;
  if (buyer === 'zh') return languageOf(packLocale) === 'zh' ? packLocale : 'zh-CN';
  return buyer;
}
