/**
 * Turns normalised text into weighted terms. One vocabulary serves both languages:
 * - Latin words: stop words dropped, Porter-stemmed (`refunds` → `refund`);
 * - Han runs: character bigrams (robust to any segmentation), `Intl.Segmenter` words of 3+ characters,
 *   single characters (weak), and toneless pinyin bigrams (`fa_huo`) so homophone typos (发活 → 发货) still meet;
 * - numbers become class tokens (`#num`, `#id`, `#order`, `#phone`) so an order number in a message
 *   neither matches by accident nor hides the words around it.
 */
import { pinyin } from 'pinyin-pro';
import { stemmer } from 'stemmer';
import { normalizeText } from './normalize';
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords';

export interface WeightedTerm {
  term: string;
  weight: number;
  /**
   * A real word (Latin word, Chinese word or character bigram): it counts toward coverage, "how much of
   * the message an entry explains". Helper terms (sub-word n-grams, pinyin, single characters, number
   * classes) only help ranking.
   */
  word: boolean;
}

/** Relative weight of each kind of term, tuned on the eval sets (see bench/). */
export const TERM_WEIGHTS = {
  latin: 1,
  bigram: 1,
  longWord: 0.6,
  unigram: 0.2,
  pinyin: 0.45,
  numberClass: 0.25,
  subword: 0.25,
} as const;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const pinyinCache = new Map<string, string>();

function pinyinOf(char: string): string {
  let syllable = pinyinCache.get(char);
  if (syllable === undefined) {
    syllable = pinyin(char, { toneType: 'none', type: 'array' })[0] ?? char;
    pinyinCache.set(char, syllable);
  }
  return syllable;
}

/** Toneless pinyin of a Han bigram (`发货` → `fa_huo`): the term homophones share. */
export function pinyinKey(bigram: string): string {
  const [first, second] = Array.from(bigram);
  return `${pinyinOf(first!)}_${pinyinOf(second!)}`;
}

const PHONE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/g;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/g;
const PIECE = /(\p{Script=Han}+)|([\p{L}\p{M}][\p{L}\p{M}'’]*)|(\d+(?:[.,]\d+)?)/gu;

function numberClass(digits: string): string {
  const length = digits.replace(/\D/g, '').length;
  if (length >= 10) return '#order';
  if (length >= 5) return '#id';
  return '#num';
}

function latinTerm(word: string): string | null {
  const bare = word.replace(/['’]/g, '');
  if (bare.length < 2 && bare !== 'x') return null;
  if (ENGLISH_STOPWORDS.has(bare)) return null;
  return stemmer(bare);
}

function pushHan(run: string, emit: TermSink): void {
  const chars = Array.from(run);
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i]!;
    if (!CHINESE_STOPWORDS.has(char)) emit(char, TERM_WEIGHTS.unigram, false);
    const next = chars[i + 1];
    if (next === undefined) continue;
    const bigram = char + next;
    if (CHINESE_STOPWORDS.has(bigram) || (CHINESE_STOPWORDS.has(char) && CHINESE_STOPWORDS.has(next))) continue;
    emit(bigram, TERM_WEIGHTS.bigram, true);
    emit(pinyinKey(bigram), TERM_WEIGHTS.pinyin, false);
  }
  if (chars.length === 1) return;
  for (const { segment } of segmenter.segment(run)) {
    const length = Array.from(segment).length;
    if (CHINESE_STOPWORDS.has(segment)) continue;
    // 2-character words are already bigrams.
    if (length > 2) emit(segment, TERM_WEIGHTS.longWord, true);
  }
}

/** Character 4-grams of a Latin word (`^rei`, `reim`, …): morphology and typos beyond one edit. */
function pushSubwords(word: string, emit: TermSink): void {
  if (word.length < 5) return;
  const padded = `^${word}$`;
  for (let i = 0; i + 4 <= padded.length; i += 1) {
    emit(`~${padded.slice(i, i + 4)}`, TERM_WEIGHTS.subword, false);
  }
}

/** Receives each term as it is found (no allocation per term: indexing calls this millions of times). */
export type TermSink = (term: string, weight: number, word: boolean) => void;

/** Weighted terms of already-normalised text. */
export function termsOfNormalized(text: string): WeightedTerm[] {
  const out: WeightedTerm[] = [];
  emitTerms(text, (term, weight, word) => out.push({ term, weight, word }));
  return out;
}

/** Emits the weighted terms of already-normalised text, in order. */
export function emitTerms(text: string, emit: TermSink): void {
  let specials = 0;
  const cleaned = text
    .replace(URL, ' ')
    .replace(EMAIL, () => {
      specials += 1;
      return ' ';
    })
    .replace(PHONE, () => {
      specials += 1;
      return ' ';
    })
    // Template placeholders in questions (`{{Order Number}}`) read as their words.
    .replace(/\{\{|\}\}/g, ' ');
  for (let i = 0; i < specials; i += 1) emit('#contact', TERM_WEIGHTS.numberClass, false);
  for (const match of cleaned.matchAll(PIECE)) {
    const [, han, latin, digits] = match;
    if (han) pushHan(han, emit);
    else if (latin) {
      // Letters glued to digits (`nw10562`, `iphone17`) are ids or models: keep the letters.
      const term = latinTerm(latin);
      if (term) {
        emit(term, TERM_WEIGHTS.latin, true);
        pushSubwords(latin, emit);
      }
    } else if (digits) {
      emit(numberClass(digits), TERM_WEIGHTS.numberClass, false);
    }
  }
}

/** Weighted terms of raw text (normalises first). */
export function termsOf(text: string): WeightedTerm[] {
  return termsOfNormalized(normalizeText(text));
}

/** Splits a buyer message into clauses, so a message that asks two things can match both. */
export function splitClauses(text: string): string[] {
  return text
    .split(
      /[。！？!?；;\n]+|(?<=[\p{Script=Han}])[，,]|[.](?=\s|$)|\s{2,}|[，,](?=\s*(?:and|also|btw|还有|另外|顺便|然后))/u,
    )
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
