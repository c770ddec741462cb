/**
 * Turns normalised text into weighted terms. One vocabulary serves both languages:
 * - Latin words: stop words dropped, Porter-stemmed (`refunds` → `refund`), plus character 4-grams
 *   (`~reim`) that carry morphology and typos beyond one edit;
 * - Han runs: character bigrams (robust to any segmentation: no word segmenter can be trusted with
 *   buyer Chinese, and it cost more than all the rest of indexing) and single characters (weak);
 *   homophone typos (发活 → 发货) are bridged at query time through `homophoneKey`;
 * - numbers become class tokens (`#num`, `#id`, `#order`), phone numbers and e-mails `#contact`, so an
 *   order number in a message neither matches by accident nor hides the words around it; a country or
 *   city adds `#place`, and a name after Mr/Ms/Dr becomes `#person`.
 *
 * Indexing emits Han terms as numbers (`emitTermKeys`), which avoids creating millions of short strings;
 * `termKeyString` turns a key into the same string the query side produces.
 */
import { pinyin } from 'pinyin-pro';
import { stem } from './stem';
import { normalizeText } from './normalize';
import { mayStartPlace, PLACE_TERM, placeNameEnd } from './places';
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords';
import { WordTable } from './word-table';

export interface WeightedTerm {
  term: string;
  weight: number;
  /**
   * A real word (Latin word or Chinese bigram): it counts toward coverage, "how much of the message an
   * entry explains". Helper terms (sub-word n-grams, single characters, number classes) only help ranking.
   */
  word: boolean;
  /** For a sub-word 4-gram, the word term it was cut from. */
  of?: string;
}

/** Relative weight of each kind of term, tuned on the eval sets (see bench/). */
export const TERM_WEIGHTS = {
  latin: 1,
  bigram: 1,
  unigram: 0.5,
  numberClass: 0.25,
  subword: 0.25,
  /** `#place` (see places.ts), a word. Bitext recall@1 over 5 draws: 0.872 without it, 0.889 at 1, 0.891 at 1.25; 1.5 sent "a store in Seattle" to shipping. */
  place: 1.25,
} as const;

/**
 * Titles before a person's name; the name itself becomes `#person`. Not "miss": buyers miss deliveries
 * far more often than they write to Miss Smith.
 */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'mx', 'dr']);
const PERSON_TERM = '#person';

const MAYBE_SPECIAL = /[@{}]|\d{7}|\d[- ]\d{4}|https?:|www\./;
const PHONE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/g;
// Starts only where a run of address characters starts: otherwise every position of a 100 kB run is tried.
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+/g;

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
  return stem(bare);
}

/** Single-character Chinese stop words, as a table by code unit (a `Set` lookup per character was slow). */
const STOP_CHAR = new Uint8Array(0x10000);
for (const word of CHINESE_STOPWORDS) if (word.length === 1) STOP_CHAR[word.charCodeAt(0)] = 1;
/**
 * Han terms are keyed by small integers so the index builder's maps stay on V8's fast small-integer path
 * (a plain code·65536 + code key exceeds it): characters U+3400–U+9FFF are numbered 0…27647, a bigram is
 * `a · 27648 + b`, a single character `BIGRAM_KEYS + a`. Other characters (rare) travel as strings.
 */
const FIRST_HAN = 0x3400;
const CHAR_SPAN = 0x9fff - FIRST_HAN + 1;
/** Keys below this are bigrams; single characters are `BIGRAM_KEYS + 0 … HAN_CHAR_KEYS − 1`. */
export const BIGRAM_KEYS = CHAR_SPAN * CHAR_SPAN;
export const HAN_CHAR_KEYS = CHAR_SPAN;
const keyable = (code: number) => code >= FIRST_HAN && code < FIRST_HAN + CHAR_SPAN;
const bigramKey = (a: number, b: number) => (a - FIRST_HAN) * CHAR_SPAN + (b - FIRST_HAN);
const firstOfBigram = (key: number) => Math.floor(key / CHAR_SPAN) + FIRST_HAN;
const secondOfBigram = (key: number) => (key % CHAR_SPAN) + FIRST_HAN;

/** Toneless pinyin syllables, numbered from 1; `syllableOfChar` numbers each character's (0: not read yet). */
const syllableNumbers = new Map<string, number>();
const syllableOfChar = new Uint16Array(CHAR_SPAN);

function learnSyllable(code: number, reading: string | undefined): number {
  // A character pinyin-pro cannot read is a syllable of its own.
  const key = reading || String.fromCharCode(code);
  const syllable = syllableNumbers.get(key) ?? syllableNumbers.size + 1;
  syllableNumbers.set(key, syllable);
  syllableOfChar[code - FIRST_HAN] = syllable;
  return syllable;
}

function syllableOf(code: number): number {
  const syllable = syllableOfChar[code - FIRST_HAN]!;
  if (syllable !== 0) return syllable;
  return learnSyllable(code, pinyin(String.fromCharCode(code), { toneType: 'none', type: 'array' })[0]);
}

/**
 * Reads, in one call, the pinyin of the characters of these Han bigram keys not read yet: one call per
 * character cost 24 µs, a batch 5 µs a character (the map of homophones of a 10,000-entry pack reads
 * about 3,000). The characters are read apart (space between), as `syllableOf` reads them.
 */
export function readSyllablesOf(hanKeys: ArrayLike<number>): void {
  const codes = new Set<number>();
  const unread = (code: number) => syllableOfChar[code - FIRST_HAN] === 0;
  for (let i = 0; i < hanKeys.length; i += 1) {
    const key = hanKeys[i]!;
    if (key < 0 || key >= BIGRAM_KEYS) continue;
    const first = firstOfBigram(key);
    const second = secondOfBigram(key);
    if (unread(first)) codes.add(first);
    if (unread(second)) codes.add(second);
  }
  if (codes.size === 0) return;
  const chars = [...codes].map((code) => String.fromCharCode(code));
  const readings = pinyin(chars.join(' '), { toneType: 'none', type: 'array' }).filter((r) => r.trim() !== '');
  // Should pinyin-pro ever join or split items, read them one by one rather than misalign them.
  if (readings.length !== chars.length) return;
  [...codes].forEach((code, i) => learnSyllable(code, readings[i]));
}

/**
 * The key homophone bigrams share, from the toneless pinyin of both characters (发货 and 发活: fa huo),
 * as a number, for a bigram's Han key (see `hanTermKey`); -1 for a single character or no Han key.
 */
export function homophoneKeyOf(hanKey: number): number {
  if (hanKey < 0 || hanKey >= BIGRAM_KEYS) return -1;
  // Fewer than 2^15 syllables (at most one per character), so the key stays a small integer.
  return syllableOf(firstOfBigram(hanKey)) * 0x8000 + syllableOf(secondOfBigram(hanKey));
}

/**
 * The homophone keys (see `homophoneKeyOf`) a Latin word could be as two toneless pinyin syllables typed
 * without the input method's characters ("fapiao" → fa piao, "tuikuan" → tui kuan), each split of it into two
 * syllables some character read so far has. Read the pack's characters first (`readSyllablesOf`).
 */
export function pinyinBigramKeys(word: string): number[] {
  const keys: number[] = [];
  for (let at = 1; at < word.length; at += 1) {
    const first = syllableNumbers.get(word.slice(0, at));
    const second = first && syllableNumbers.get(word.slice(at));
    if (first && second) keys.push(first * 0x8000 + second);
  }
  return keys;
}

/** `homophoneKeyOf` a bigram's text; -1 for anything but two characters U+3400–U+9FFF. */
export const homophoneKey = (bigram: string) => homophoneKeyOf(hanTermKey(bigram));

const STOP_BIGRAMS = new Set(
  [...CHINESE_STOPWORDS]
    .filter((w) => w.length === 2 && keyable(w.charCodeAt(0)) && keyable(w.charCodeAt(1)))
    .map((w) => bigramKey(w.charCodeAt(0), w.charCodeAt(1))),
);
/** First characters of two-character stop words: only bigrams starting with one need the set. */
const STOP_BIGRAM_FIRST = new Uint8Array(0x10000);
for (const word of CHINESE_STOPWORDS) if (word.length === 2) STOP_BIGRAM_FIRST[word.charCodeAt(0)] = 1;

/** Numeric key of a Han unigram (its code unit) or bigram (two code units), as used by the index. */
type HanKey = number;

/** The numeric key of a Han term string (one or two characters U+3400–U+9FFF), or -1: `termKeyString` reversed. */
export function hanTermKey(term: string): number {
  const first = term.charCodeAt(0);
  if (term.length === 1) return keyable(first) ? BIGRAM_KEYS + first - FIRST_HAN : -1;
  if (term.length !== 2) return -1;
  const second = term.charCodeAt(1);
  return keyable(first) && keyable(second) ? bigramKey(first, second) : -1;
}

/** The term string of a numeric Han key: the same string the query side makes. */
export function termKeyString(key: HanKey): string {
  if (key >= BIGRAM_KEYS) return String.fromCharCode(key - BIGRAM_KEYS + FIRST_HAN);
  return String.fromCharCode(firstOfBigram(key), secondOfBigram(key));
}

/**
 * Receives the terms of a text. An object with methods rather than two callbacks, so the index builder
 * and the query side are two stable shapes V8 can inline, not fresh closures per call.
 */
export interface TermKeySink {
  /** A Han term as a number: `key`, weight, whether it is a word (a bigram). */
  han(key: HanKey, weight: number, word: boolean): void;
  /** Any other term, as a string. */
  term(term: string, weight: number, word: boolean): void;
  /** A Latin word that is not a stop word: its stemmed term (weight `latin`) and 4-grams (`subword`). */
  latin(word: LatinTerms & { term: string }): void;
}

/** Characters a verb–object word takes inside it (离合词: 退了款, 发个货, 付过款, 转个人工). */
const SEPARABLE_INFIX = new Uint8Array(0x10000);
for (const char of '了个过') SEPARABLE_INFIX[char.charCodeAt(0)] = 1;

/**
 * Whether three characters (code units) are a verb–object word split by its infix (退了款): the outer two are then
 * the word itself, emitted as a bigram too, and Chinese coverage counts that bigram over both (han-coverage.ts).
 */
export const isSplitWord = (first: number, infix: number, last: number): boolean =>
  SEPARABLE_INFIX[infix] === 1 && STOP_CHAR[first] === 0 && keyable(first) && keyable(last) && STOP_CHAR[last] === 0;

/** Emits the terms of the Han run `text[start…end)` (indices, not a slice: one string fewer per run). */
function emitHan(text: string, start: number, end: number, sink: TermKeySink): void {
  // Han runs are BMP characters in practice; a rare astral character just ends a bigram chain.
  for (let i = start; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (STOP_CHAR[code] === 0) {
      if (keyable(code)) sink.han(BIGRAM_KEYS + code - FIRST_HAN, TERM_WEIGHTS.unigram, false);
      else sink.term(text[i]!, TERM_WEIGHTS.unigram, false);
    }
    if (i + 1 >= end) continue;
    const next = text.charCodeAt(i + 1);
    if (next >= 0xd800 && next <= 0xdfff) continue;
    if (STOP_CHAR[code] === 1 && STOP_CHAR[next] === 1) continue;
    if (keyable(code) && keyable(next)) {
      const key = bigramKey(code, next);
      if (STOP_BIGRAM_FIRST[code] === 0 || !STOP_BIGRAMS.has(key)) sink.han(key, TERM_WEIGHTS.bigram, true);
      const after = i + 2 < end ? text.charCodeAt(i + 2) : 0;
      if (isSplitWord(code, next, after)) sink.han(bigramKey(code, after), TERM_WEIGHTS.bigram, true);
    } else {
      const bigram = text.slice(i, i + 2);
      if (!CHINESE_STOPWORDS.has(bigram)) sink.term(bigram, TERM_WEIGHTS.bigram, true);
    }
  }
}

/** A Latin word's stemmed term (null for stop words) and character 4-grams (`~^rei`, `~reim`, …). */
export interface LatinTerms {
  word: string;
  term: string | null;
  subwords: string[];
  /** Some place name starts with this word (see places.ts). */
  placeStart: boolean;
  /** Mr, Ms, Dr…: the next word is a name. */
  honorific: boolean;
  /**
   * For the index builder: the term numbers of `term` and `subwords` in the build numbered `idsBuild`, so
   * a word seen again in that build skips its string lookups (4-grams were a third of all terms).
   */
  idsBuild: number;
  termId: number;
  /** Where the 4-grams' term numbers start in the builder's list of them, or -1. */
  subwordIdsAt: number;
}

function latinTermsOf(word: string): LatinTerms {
  const term = latinTerm(word);
  const subwords: string[] = [];
  if (term && word.length >= 5) {
    const padded = `^${word}$`;
    for (let i = 0; i + 4 <= padded.length; i += 1) subwords.push(`~${padded.slice(i, i + 4)}`);
  }
  const placeStart = mayStartPlace(word);
  return {
    word,
    term,
    subwords,
    placeStart,
    honorific: HONORIFICS.has(word),
    idsBuild: 0,
    termId: -1,
    subwordIdsAt: -1,
  };
}

/** Latin words seen so far and their terms (see `WordTable`). */
const latinWords = new WordTable(latinTermsOf);

/** Emits the weighted terms of already-normalised text: Han terms as numeric keys, others as strings. */
export function emitTermKeys(text: string, sink: TermKeySink): void {
  let specials = 0;
  // Most texts have no URL, e-mail, phone number or placeholder: skip four string copies for them.
  const cleaned = !MAYBE_SPECIAL.test(text)
    ? text
    : text
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
  for (let i = 0; i < specials; i += 1) sink.term('#contact', TERM_WEIGHTS.numberClass, false);
  // A hand-written scanner: the equivalent regular expression (Han runs | letter runs | numbers) with
  // its look-aheads was a third of indexing time.
  const length = cleaned.length;
  let afterHonorific = false;
  let i = 0;
  while (i < length) {
    const code = cleaned.charCodeAt(i);
    if (isHanAt(cleaned, i)) {
      afterHonorific = false;
      let end = i + 1;
      while (end < length && isHanAt(cleaned, end)) end += 1;
      emitHan(cleaned, i, end, sink);
      i = end;
    } else if (isLetterAt(cleaned, i)) {
      let end = i + 1;
      while (end < length && (isLetterAt(cleaned, end) || isApostrophe(cleaned.charCodeAt(end)))) end += 1;
      const terms = latinWords.get(cleaned, i, end);
      if (terms.placeStart && placeNameEnd(cleaned, i, terms.word) > 0) sink.term(PLACE_TERM, TERM_WEIGHTS.place, true);
      if (afterHonorific) {
        // A name after Mr/Ms/Dr says who, not what the buyer wants: one pack question mentioning
        // "Ms. Hawkings" must not pull every message about her to that entry.
        sink.term(PERSON_TERM, TERM_WEIGHTS.numberClass, false);
      } else if (terms.term !== null) {
        sink.latin(terms as LatinTerms & { term: string });
      }
      afterHonorific = terms.honorific;
      i = end;
    } else if (code >= 48 && code <= 57) {
      let end = i + 1;
      while (end < length) {
        const c = cleaned.charCodeAt(end);
        const digitAfter = cleaned.charCodeAt(end + 1);
        if (c >= 48 && c <= 57) end += 1;
        else if ((c === 46 || c === 44) && digitAfter >= 48 && digitAfter <= 57) end += 2;
        else break;
      }
      sink.term(numberClass(cleaned.slice(i, end)), TERM_WEIGHTS.numberClass, false);
      afterHonorific = false;
      i = end;
    } else {
      i += 1;
    }
  }
}

const HAN_CHAR = /\p{Script=Han}/u;
const LETTER_CHAR = /[\p{L}\p{M}]/u;

function isHanAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x2e80) return false;
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  return HAN_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}

function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return true;
  if (code < 0xc0 || (code >= 0xdc00 && code <= 0xdfff)) return false;
  const char = String.fromCodePoint(text.codePointAt(i)!);
  return LETTER_CHAR.test(char) && !HAN_CHAR.test(char);
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

/** Collects terms as strings (the query side). */
class TermCollector implements TermKeySink {
  readonly terms: WeightedTerm[] = [];

  han(key: HanKey, weight: number, word: boolean): void {
    this.terms.push({ term: termKeyString(key), weight, word });
  }

  term(term: string, weight: number, word: boolean): void {
    this.terms.push({ term, weight, word });
  }

  latin({ term, subwords }: LatinTerms & { term: string }): void {
    this.terms.push({ term, weight: TERM_WEIGHTS.latin, word: true });
    for (const subword of subwords)
      this.terms.push({ term: subword, weight: TERM_WEIGHTS.subword, word: false, of: term });
  }
}

/** Weighted terms of already-normalised text, all as strings (the query side). */
export function termsOfNormalized(text: string): WeightedTerm[] {
  const collector = new TermCollector();
  emitTermKeys(text, collector);
  return collector.terms;
}

/** Weighted terms of raw text (normalises first). */
export function termsOf(text: string): WeightedTerm[] {
  return termsOfNormalized(normalizeText(text));
}

/** Splits a buyer message into clauses, so a message that asks two things can match both. */
export function splitClauses(text: string): string[] {
  return text
    .split(
      /[。！？!?；;\n]+|(?<=[\p{Script=Han}])[，,]|[，,](?=\p{Script=Han})|[.](?=\s|$)|\s{2,}|[，,](?=\s*(?:and|also|btw|还有|另外|顺便|然后))/u,
    )
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
