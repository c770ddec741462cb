/**
 * The e-commerce concept lexicon at run time (table: concepts.data.ts, made by scripts/gen-concepts.ts
 * from hand-written Chinese and English lists and WordNet 3.1). Buyers and team leads name the same thing
 * with different words (快递费/邮费/运费, "arrived in pieces"/damaged, Klarna/payment); the lexicon puts
 * such words under one concept id.
 *
 * Two ways in:
 * - `conceptTermsIn(text)`: the concept terms (`@shipping-fee`) of the words and phrases found in a
 *   normalised text, longest match first, with the concepts they also belong to (缩水 → `@shrink`,
 *   `@defect`). Phrases of several words or characters ("in pieces", 路上几天) have no single index term,
 *   so both sides of a match, message and entry, carry the concept term instead.
 * - `conceptsOf(term)`: for one index term (a stemmed Latin word, a Chinese bigram), the other one-term
 *   words of its concepts, as stand-ins a query term can also match.
 */
import { stem } from './stem';
import { normalizeText } from './normalize';
import { ENGLISH_STOPWORDS } from './stopwords';
import { termsOfNormalized } from './tokenize';
import { WordTable } from './word-table';
import { CONCEPT_TABLE } from './concepts.data';

/** Concept terms start with this, which no tokenizer term does. */
export const CONCEPT_TERM_PREFIX = '@';

/** A Latin phrase of the table, as matched: its words' key numbers (see `WordKeys`). */
interface LatinPhrase {
  keys: number[];
  /** Concept terms the phrase stands for (its concept and the broader ones). */
  terms: string[];
}

/** A Chinese phrase of two characters or more. */
interface HanPhrase {
  text: string;
  terms: string[];
}

interface Lexicon {
  /**
   * Han phrases by their first two characters (`pairKey`), longest first. Index builds scan every
   * question for phrases: one typed-array test per character and a map lookup only where a phrase may
   * start keep that a small share of a build (string slices and regular expressions were half of it).
   */
  han: Map<number, HanPhrase[]>;
  /** By code unit: 1 where a phrase of two characters or more may start, 2 where a one-character word stands, 3 both. */
  hanStart: Uint8Array;
  /** One-character words (券, 棉): their concept terms. */
  hanSingle: Map<number, string[]>;
  /** Latin phrases by the key number of their first word, longest first. */
  latin: Map<number, LatinPhrase[]>;
  /** Key numbers of the keys phrases are made of. */
  keyIds: Map<string, number>;
  /** Index term → the other one-term words of its concepts. */
  standIns: Map<string, string[]>;
}

/**
 * The matching key of a Latin word: its Porter stem, but short words (ups, ems, vat) as they are, since
 * stemming would fold them into unrelated words (ups → up).
 */
const stems = new Map<string, string>();
function wordKey(word: string): string {
  if (word.length < 4) return word;
  let key = stems.get(word);
  if (key === undefined) {
    // Bounded: a long-lived panel reads endless buyer messages.
    if (stems.size >= 50_000) stems.clear();
    key = stem(word);
    stems.set(word, key);
  }
  return key;
}

const HAN = /\p{Script=Han}/u;
const FIRST_HAN = 0x3400;
const HAN_SPAN = 0xa000 - FIRST_HAN;
/** A number for two Han characters that stays a small integer (V8's fast map keys). */
const pairKey = (a: number, b: number) => (a - FIRST_HAN) * HAN_SPAN + (b - FIRST_HAN);
const isPairable = (code: number) => code >= FIRST_HAN && code < FIRST_HAN + HAN_SPAN;

/** Latin words and numbers of text; apostrophes inside words dropped, as the tokenizer does. */
const latinWordsOf = (text: string) =>
  (text.match(/[a-z0-9\u00c0-\u024f]+(?:['’][a-z]+)*/g) ?? []).map((word) => word.replace(/['’]/g, ''));

/** The one index term a word of the table becomes, as the tokenizer makes it, or null. */
function indexTermOf(word: string): string | null {
  if (HAN.test(word)) return /^\p{Script=Han}{2}$/u.test(word) ? word : null;
  if (!/^[a-z]+$/.test(word) || word.length < 2 || ENGLISH_STOPWORDS.has(word)) return null;
  const term = stem(word);
  // Short words stem into other words (ups → up): only those the stemmer leaves alone.
  return word.length < 4 && term !== word ? null : term;
}

/**
 * How the generator writes one word or phrase of the table (see `formsOfWord`): what messages are matched
 * against, the one index term it is (stand-ins), and the index terms an entry must hold to have it.
 */
export interface WordForms {
  /** Han text as it is, or the Latin words' keys joined by spaces; '' when nothing is left. */
  match: string;
  term: string | null;
  /** Index terms joined by spaces, or null when the tokenizer keeps too little of the phrase. */
  index: string | null;
}

/**
 * The forms of a normalised word of the table, computed by the generator (scripts/gen-concepts.ts) so
 * that opening the panel does not stem and tokenize 1,200 words (30–70 ms cold). A phrase is left out of
 * the index when the tokenizer keeps too little of it to tell it apart — "in pieces" is only `piec`,
 * 不要了 only 不要 — or turns it into a class (numbers): such phrases are found in messages only.
 */
export function formsOfWord(word: string): WordForms {
  const han = HAN.test(word);
  const words = han ? [] : latinWordsOf(word);
  const single = word.length === 1;
  const parts = [
    ...new Set(
      termsOfNormalized(word)
        .filter((t) => t.word || single)
        .map((t) => t.term),
    ),
  ];
  const pieces = han ? Array.from(word).length - 1 : words.length;
  const indexable =
    parts.length > 0 && !parts.some((part) => part.startsWith('#')) && (pieces <= 1 || parts.length >= 2);
  return {
    match: han ? word : words.map(wordKey).join(' '),
    term: indexTermOf(word),
    index: indexable ? parts.join(' ') : null,
  };
}

let lexicon: Lexicon | null = null;

function load(): Lexicon {
  if (lexicon) return lexicon;
  const han = new Map<number, HanPhrase[]>();
  const hanStart = new Uint8Array(0x10000);
  const hanSingle = new Map<number, string[]>();
  const latin = new Map<number, LatinPhrase[]>();
  const keyIds = new Map<string, number>();
  const keyId = (key: string) => {
    let id = keyIds.get(key);
    if (id === undefined) keyIds.set(key, (id = keyIds.size));
    return id;
  };
  const standIns = new Map<string, Set<string>>();
  const merge = (known: string[] | undefined, terms: string[]) => [...new Set([...(known ?? []), ...terms])];
  for (const [id, broader, matches, oneTerms] of CONCEPT_TABLE) {
    const terms = [id, ...(broader ? broader.split(' ') : [])].map((concept) => CONCEPT_TERM_PREFIX + concept);
    for (const match of matches.split('|')) {
      const first = match.charCodeAt(0);
      if (!HAN.test(match[0]!)) {
        const keys = match.split(' ').map(keyId);
        const list = latin.get(keys[0]!) ?? [];
        const same = list.find((p) => p.keys.join(' ') === keys.join(' '));
        if (same) same.terms = merge(same.terms, terms);
        else list.push({ keys, terms });
        latin.set(keys[0]!, list);
      } else if (match.length === 1) {
        hanSingle.set(first, merge(hanSingle.get(first), terms));
        hanStart[first]! |= 2;
      } else if (isPairable(first) && isPairable(match.charCodeAt(1))) {
        const key = pairKey(first, match.charCodeAt(1));
        const list = han.get(key) ?? [];
        const same = list.find((p) => p.text === match);
        if (same) same.terms = merge(same.terms, terms);
        else list.push({ text: match, terms });
        han.set(key, list);
        hanStart[first]! |= 1;
      }
    }
    const members = oneTerms ? oneTerms.split(' ') : [];
    for (const term of members) {
      const others = standIns.get(term) ?? new Set<string>();
      for (const other of members) if (other !== term) others.add(other);
      standIns.set(term, others);
    }
  }
  for (const list of han.values()) list.sort((a, b) => b.text.length - a.text.length);
  for (const list of latin.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  lexicon = {
    han,
    hanStart,
    hanSingle,
    latin,
    keyIds,
    standIns: new Map([...standIns].map(([term, others]) => [term, [...others]])),
  };
  return lexicon;
}

/** Receives each concept term found (a term may come more than once). */
type ConceptSink = (term: string) => void;

/**
 * Emits the concept terms (`@id`) of the words and phrases of an already-normalised text: at each place
 * the longest phrase of the table that stands there, then on past it. Latin phrases do not run across
 * punctuation or Chinese text.
 */
function emitConceptTerms(text: string, sink: ConceptSink): void {
  const lexicon = load();
  const { han, hanStart, hanSingle } = lexicon;
  const length = text.length;
  let words = 0;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isLatinLetterOrDigit(code)) {
      let end = i + 1;
      while (end < length && (isLatinLetterOrDigit(text.charCodeAt(end)) || isApostropheInWord(text, end))) end += 1;
      wordKeys[words] = wordNumbers.get(text, i, end);
      words += 1;
      if (words === wordKeys.length) {
        // A text of more words than the buffer holds: match what came so far.
        matchLatin(wordKeys, words, lexicon.latin, sink);
        words = 0;
      }
      i = end;
      continue;
    }
    // A space keeps a Latin phrase going; anything else ends it.
    if (code !== 32 && words > 0) {
      matchLatin(wordKeys, words, lexicon.latin, sink);
      words = 0;
    }
    const start = hanStart[code]!;
    if (start === 0) {
      i += 1;
      continue;
    }
    let matched = 0;
    if (start & 1 && i + 1 < length) {
      const phrases = han.get(pairKey(code, text.charCodeAt(i + 1)));
      const phrase = phrases?.find((p) => text.startsWith(p.text, i));
      if (phrase) {
        for (const term of phrase.terms) sink(term);
        matched = phrase.text.length;
      }
    }
    if (matched === 0 && start & 2) {
      for (const term of hanSingle.get(code)!) sink(term);
      matched = 1;
    }
    i += Math.max(1, matched);
  }
  if (words > 0) matchLatin(wordKeys, words, lexicon.latin, sink);
}

/** Key numbers of the Latin words of the text being read (-1: a word no phrase has). */
const wordKeys = new Int32Array(1024);

function matchLatin(keys: Int32Array, count: number, latin: Map<number, LatinPhrase[]>, sink: ConceptSink): void {
  for (let i = 0; i < count;) {
    const key = keys[i]!;
    const phrase =
      key < 0
        ? undefined
        : latin.get(key)?.find((p) => i + p.keys.length <= count && p.keys.every((k, j) => keys[i + j] === k));
    if (phrase) {
      for (const term of phrase.terms) sink(term);
      i += phrase.keys.length;
    } else {
      i += 1;
    }
  }
}

/** Latin words seen so far and the key numbers of their keys, -1 for a word no phrase has (see `WordTable`). */
const wordNumbers = new WordTable((word) => load().keyIds.get(wordKey(word.replace(/['’]/g, ''))) ?? -1);

function isLatinLetterOrDigit(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

function isApostropheInWord(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code !== 39 && code !== 0x2019) return false;
  const next = text.charCodeAt(at + 1);
  return next >= 97 && next <= 122;
}

/** The concept terms (`@id`) of an already-normalised text, each once (see `emitConceptTerms`). */
export function conceptTermsIn(text: string): string[] {
  const found = new Set<string>();
  emitConceptTerms(text, (term) => found.add(term));
  return [...found];
}

/** The concept terms of raw text (normalises first). */
export const conceptTermsOfText = (text: string) => conceptTermsIn(normalizeText(text));

/**
 * Stand-ins for one index term: the other one-term words (stemmed Latin words, Chinese bigrams) of the
 * concepts it is a word of, each with its share of the term's weight (1: a word of the same concept).
 * Accepts the term as the tokenizer makes it (`refund`) or a surface word (`Refunds`, 運費).
 */
export function conceptsOf(term: string): Array<{ term: string; share: number }> {
  const { standIns } = load();
  const normalized = normalizeText(term);
  const others = standIns.get(normalized) ?? (/^[a-z]+$/.test(normalized) ? standIns.get(stem(normalized)) : undefined);
  return (others ?? []).map((other) => ({ term: other, share: 1 }));
}

/** A word or phrase of a concept as an entry's index holds it: the index terms it is made of. */
export interface ConceptIndexForm {
  /** Index terms (stemmed Latin words, Chinese bigrams or a single character) that must all be there. */
  parts: string[];
}

let indexForms: Map<string, ConceptIndexForm[]> | null = null;

/**
 * Per concept term (`@id`), the index forms of its words and phrases (those of narrower concepts
 * included). An index holds terms, not text: an entry has a phrase's concept when it has all of the
 * phrase's terms (see `formsOfWord` for the phrases left out).
 */
export function conceptIndexForms(): ReadonlyMap<string, ConceptIndexForm[]> {
  if (indexForms) return indexForms;
  indexForms = new Map();
  for (const [id, broader, , , index] of CONCEPT_TABLE) {
    if (!index) continue;
    const forms = index.split('|').map((form) => ({ parts: form.split(' ') }));
    for (const concept of [id, ...(broader ? broader.split(' ') : [])]) {
      const term = CONCEPT_TERM_PREFIX + concept;
      indexForms.set(term, [...(indexForms.get(term) ?? []), ...forms]);
    }
  }
  return indexForms;
}
