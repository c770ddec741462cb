/**
 * Spelling slips in an English message ("brkoen", "oredred", "asikng", "recieved"), read as the word one edit away
 * that people use — before anything else reads the message, so the WordNet bridge, the told-complaint patterns and
 * the small-talk model see "broken", "ordered", "asking". The dictionary is SUBTLEXus' everyday English with each
 * word's frequency (`en-words.data.ts`, made by scripts/gen-en-words.ts). The typo index of `index/typos.ts` reached
 * only words written in the packs, so a slip in an inflected form ("asikng" where the pack says "ask") or in a word
 * the packs do not use but WordNet relates to one ("brkoen" for a pack of "damaged") was lost.
 * Messages only (normalised: lower case); a message with Chinese in it is left alone (its Latin words may be pinyin).
 */
import { editsOf } from '../index/typos';
import { BloomFilter } from './bloom';
import { conceptsOf } from './concepts';
import { isEnglishWord } from './en-bridge';
import { searchLine } from './line-table';
import { mayStartPlace } from './places';
import { stem } from './stem';
import { ENGLISH_STOPWORDS } from './stopwords';
import { synonymsOf } from './synonyms';
import { wordTables } from './word-tables';

/** What the loaded packs use, for the speller: a word they hold is never a slip, and is the likelier correction. */
export interface PackWords {
  /** Whether some loaded pack uses this word, as written or as its index term. */
  usesWord(word: string): boolean;
}

/** Shorter words are left as written: one edit from a three- or four-letter word is too many other words. */
const MIN_LETTERS = 5;
/** A word of the message long enough to be spelled right: letters only, not part of a contraction or a number. */
const LONG_WORD = new RegExp(`(?<![a-z'’\\d])[a-z]{${MIN_LETTERS},}(?![a-z'’\\d])`, 'g');
/** A letter three times over is stretched for feeling ("noooo", "sooo"), not slipped: left as written. */
const ELONGATED = /([a-z])\1\1/;
/**
 * Unknown words of a message looked up, at most: a real message has a few slips, a pasted log or a hostile message
 * hundreds of new strings (2,000 characters of them cost 100–150 ms to look up, ~0.3 ms a word).
 */
const MAX_UNKNOWN_WORDS = 12;
/** Answers kept, bounded: a long-lived panel reads endless messages. */
const CACHE_LIMIT = 5_000;
const candidatesByWord = new Map<string, readonly string[]>();
let rare: BloomFilter | null = null;
const rareWords = (): BloomFilter => {
  const { bits, hashes, size } = wordTables().enRareWords;
  return (rare ??= new BloomFilter(bits, hashes, size));
};

/**
 * The message with each slip replaced by the word it most likely is; the same string when it has none. `written`, the
 * message as the buyer typed it, tells names: a word capitalised inside a sentence ("shipping to Perth", "paid with
 * Venmo") is left as written.
 */
export function correctSpelling(normalized: string, packs: PackWords, written = ''): string {
  if (/\p{Script=Han}/u.test(normalized)) return normalized;
  let names: Set<string> | null = null;
  let unknown = 0;
  return normalized.replace(LONG_WORD, (word) => {
    if (unknown >= MAX_UNKNOWN_WORDS || isKnownWord(word, packs)) return word;
    unknown += 1;
    const correction = likeliestWord(word, packs);
    if (!correction) return word;
    names ??= namesIn(written);
    return names.has(word) ? word : correction;
  });
}

/** The words capitalised inside a sentence (not all capitals: that is shouting), lower-cased. */
export function namesIn(written: string): Set<string> {
  const names = new Set<string>();
  for (const match of written.matchAll(/(?<![A-Za-z'’\d])[A-Za-z]*[A-Z][a-z][A-Za-z]*/g)) {
    // The character before the word, spaces skipped: none, or a sentence's end, makes it a sentence's first word.
    let at = match.index - 1;
    while (at >= 0 && /\s/.test(written[at]!)) at -= 1;
    if (at >= 0 && !/[.!?。！？:;]/.test(written[at]!)) names.add(match[0].toLowerCase());
  }
  return names;
}

/** The word a slip most likely is, or null when `word` is no slip (or nothing one edit away is a word). */
export function correctionOf(word: string, packs: PackWords): string | null {
  return word.length < MIN_LETTERS || isKnownWord(word, packs) ? null : likeliestWord(word, packs);
}

/** The word one edit away an unknown word most likely is, or null when none is a word. */
function likeliestWord(word: string, packs: PackWords): string | null {
  const candidates = candidatesOf(word);
  // The packs' word first ("shiping": shipping before shaping and shining; "comuter" in a bicycle shop: commuter, not
  // computer), then the likeliest by frequency and slip (`candidatesOf`). Preferring the packs' word only within 3
  // frequency classes of the most frequent changed 10 of 431 corrections of the tuning lines, 7 for the worse.
  return candidates.find((candidate) => packs.usesWord(candidate)) ?? candidates[0] ?? null;
}

/**
 * A word to leave as written: a stop word, a word stretched for feeling, a word of the dictionary or of its rarer
 * words, of the packs, of a synonym group or concept ("klarna"), of WordNet's common words, or the start of a place
 * name.
 */
function isKnownWord(word: string, packs: PackWords): boolean {
  if (
    ENGLISH_STOPWORDS.has(word) ||
    ELONGATED.test(word) ||
    frequencyClass(word) >= 0 ||
    rareWords().has(word) ||
    packs.usesWord(word)
  )
    return true;
  const term = stem(word);
  return isEnglishWord(term) || synonymsOf(term).length > 0 || conceptsOf(word).length > 0 || mayStartPlace(word);
}

/**
 * Dictionary words one edit (a letter dropped, added, changed, or two neighbours swapped) from `word`, likeliest first:
 * by frequency class less the cost of the slip that would have made `word` from it (`SLIP_COST`; ties in the table's
 * order). Independent of the packs, so kept per word.
 */
export function candidatesOf(word: string): readonly string[] {
  let candidates = candidatesByWord.get(word);
  if (candidates) return candidates;
  const classes = new Map<string, number>();
  for (const edit of editsOf(word)) {
    if (edit.length < MIN_LETTERS - 1 || classes.has(edit)) continue;
    const frequency = frequencyClass(edit);
    if (frequency >= 0) classes.set(edit, frequency - SLIP_COST[slipOf(word, edit)]);
  }
  candidates = [...classes.keys()].sort((a, b) => classes.get(b)! - classes.get(a)! || (a < b ? -1 : 1));
  if (candidatesByWord.size >= CACHE_LIMIT) candidatesByWord.clear();
  candidatesByWord.set(word, candidates);
  return candidates;
}

/** How a word becomes a slip: a letter left out, one typed twice or another added, two swapped, one changed. */
export type Slip = 'drop' | 'addDouble' | 'add' | 'swap' | 'changeVowel' | 'changeNear' | 'change';

/**
 * What each kind of slip costs, in frequency classes (a class is a doubling of the word's count): people leave letters
 * out and swap neighbours far more often than they add one or hit another key, so "realy" is really (not ready),
 * "traking" tracking (not taking), "lable" label (not table). Fitted on half of cspell's list of common English
 * misspellings (`@cspell/dict-en-common-misspellings`, CC BY-SA 4.0; a dev dependency, nothing of it shipped): of
 * 53,801 slips of 5+ letters one edit from a dictionary word, on the half not fitted on the right word comes first for
 * 98.0%, 94.1% by frequency alone (`npm run fit:slips`, scripts/fit-slip-costs.ts).
 */
export const SLIP_COST: Readonly<Record<Slip, number>> = {
  drop: 0,
  swap: 0,
  addDouble: 2,
  changeVowel: 4,
  changeNear: 6,
  add: 7,
  change: 8,
};

const VOWELS = 'aeiouy';
/** Letters of a QWERTY keyboard by row; a key's neighbours are within one row and one column (rows offset by half). */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function keysAdjacent(a: string, b: string): boolean {
  const rowA = KEY_ROWS.findIndex((row) => row.includes(a));
  const rowB = KEY_ROWS.findIndex((row) => row.includes(b));
  if (rowA < 0 || rowB < 0 || Math.abs(rowA - rowB) > 1) return false;
  return Math.abs(KEY_ROWS[rowA]!.indexOf(a) + rowA / 2 - (KEY_ROWS[rowB]!.indexOf(b) + rowB / 2)) <= 1;
}

/** The slip that turns `word` into `typed` (the two are one edit apart). */
export function slipOf(typed: string, word: string): Slip {
  let at = 0;
  while (at < typed.length && typed[at] === word[at]) at += 1;
  if (typed.length < word.length) return 'drop';
  if (typed.length > word.length) {
    const added = typed[at]!;
    return added === typed[at - 1] || added === typed[at + 1] ? 'addDouble' : 'add';
  }
  if (typed[at] === word[at + 1] && typed[at + 1] === word[at] && typed.slice(at + 2) === word.slice(at + 2))
    return 'swap';
  const [hit, meant] = [typed[at]!, word[at]!];
  if (VOWELS.includes(hit) && VOWELS.includes(meant)) return 'changeVowel';
  return keysAdjacent(hit, meant) ? 'changeNear' : 'change';
}

/** The word's frequency class in the dictionary (⌊log2 count⌋), or -1 when the dictionary does not hold it. */
export function frequencyClass(word: string): number {
  const line = searchLine(wordTables().enWords, word);
  return line ? line.charCodeAt(0) - 97 : -1;
}
