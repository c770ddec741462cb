/**
 * Slot fillers: words a pack's questions use as interchangeable values before the same word — "the
 * platinum / gold / pro / free account" — across entries. They say which account, not what the buyer
 * wants done with it, so in a message they must not outweigh the verb: "edit my platinum account" is
 * about editing, whichever entry happens to mention platinum. Found from the pack alone, per pack.
 *
 * A head word (account) is a slot when at least `SLOT_RULES.minFillers` words stand right before it in questions
 * of two or more entries and are loyal to it (most of their uses are before it). Then every loyal word
 * before it is a filler, also one seen in a single entry, except words of entry titles (titles name
 * intents: "create account" makes "create" an intent, not a value).
 */
import { stem } from '../text/stem';
import type { Pack } from '../../packs/schema';
import { inSlices, type Steps } from '../../steps';
import { ENGLISH_STOPWORDS } from '../text/stopwords';

const SLOT_RULES = { minFillers: 3, minHeadShare: 0.6 } as const;

const isAsciiLower = (code: number) => code >= 97 && code <= 122;
const isApostrophe = (code: number) => code === 39 || code === 0x2019;

/**
 * Appends to `words` the words of `text` (runs of a–z, with apostrophes inside dropped: don't → dont),
 * lower-cased. Lower case is enough here (NFKC for every question cost more than the rest; full-width
 * Latin is rare). A scanner rather than `match` and `map`: their arrays and strings were most of the
 * time on a 10,000-entry pack, in garbage collection.
 */
function addWords(text: string, words: string[]): void {
  const lower = text.toLowerCase();
  const length = lower.length;
  let i = 0;
  while (i < length) {
    if (!isAsciiLower(lower.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    let apostrophes = false;
    for (;;) {
      while (i < length && isAsciiLower(lower.charCodeAt(i))) i += 1;
      if (i + 1 < length && isApostrophe(lower.charCodeAt(i)) && isAsciiLower(lower.charCodeAt(i + 1))) {
        apostrophes = true;
        i += 1;
      } else break;
    }
    const word = lower.slice(start, i);
    words.push(apostrophes ? word.replace(/['’]/g, '') : word);
  }
}

const wordsOf = (text: string) => {
  const words: string[] = [];
  addWords(text, words);
  return words;
};
const isContentWord = (word: string) => word.length >= 3 && !ENGLISH_STOPWORDS.has(word);

interface Seen {
  /** Entries it stood before the head in (entries are read in order: counting changes of entry is enough). */
  entries: number;
  lastEntry: number;
  count: number;
}

/** Where each content word stood right before a head word, and how often every word occurs: read question by question. */
class FillerCounts {
  readonly occurrences = new Map<string, number>();
  /** head → word → where it stood right before the head */
  readonly before = new Map<string, Map<string, Seen>>();
  private readonly words: string[] = [];

  /** Reads the questions of entries `[from, to)` (entries are read in order). */
  read(entries: Pack['entries'], from: number, to: number): void {
    const { occurrences, before, words } = this;
    for (let entryNo = from; entryNo < to; entryNo += 1) {
      for (const question of entries[entryNo]!.questions) {
        words.length = 0;
        addWords(question, words);
        for (let i = 0; i < words.length; i += 1) {
          const word = words[i]!;
          occurrences.set(word, (occurrences.get(word) ?? 0) + 1);
          const head = words[i + 1];
          if (!head || !isContentWord(word) || !isContentWord(head)) continue;
          let fillers = before.get(head);
          if (!fillers) before.set(head, (fillers = new Map()));
          let seen = fillers.get(word);
          if (!seen) fillers.set(word, (seen = { entries: 0, lastEntry: -1, count: 0 }));
          if (seen.lastEntry !== entryNo) {
            seen.entries += 1;
            seen.lastEntry = entryNo;
          }
          seen.count += 1;
        }
      }
    }
  }

  /** The fillers of what was read. */
  fillers(pack: Pack): Set<string> {
    const titleWords = new Set(pack.entries.flatMap((entry) => wordsOf(entry.title)));
    const result = new Set<string>();
    for (const fillers of this.before.values()) {
      const loyal = [...fillers].filter(
        ([word, seen]) => seen.count / this.occurrences.get(word)! >= SLOT_RULES.minHeadShare,
      );
      if (loyal.filter(([, seen]) => seen.entries >= 2).length < SLOT_RULES.minFillers) continue;
      for (const [word] of loyal) if (!titleWords.has(word)) result.add(stem(word));
    }
    return result;
  }
}

/**
 * The stemmed filler terms of a pack (empty for packs whose questions have no Latin words). It reads
 * every question once: ~2 ms for a real pack, ~0.1 s for a 10,000-entry one, once per pack version.
 */
export function slotFillers(pack: Pack): Set<string> {
  const counts = new FillerCounts();
  counts.read(pack.entries, 0, pack.entries.length);
  return counts.fillers(pack);
}

/**
 * `slotFillers` reading `entriesPerStep` entries a step, for a page that finds them after its first list (the English
 * phrasebook's ~1,600 intents: ~85 ms in Node, one task of ~150 ms in the panel before).
 */
export function* slotFillerSteps(pack: Pack, entriesPerStep: number): Steps<Set<string>> {
  const counts = new FillerCounts();
  yield* inSlices(pack.entries.length, entriesPerStep, (from, to) => counts.read(pack.entries, from, to));
  return counts.fillers(pack);
}
