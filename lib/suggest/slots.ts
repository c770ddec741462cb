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
import { stemmer } from 'stemmer';
import type { Pack } from '../packs/schema';
import { ENGLISH_STOPWORDS } from './stopwords';

export const SLOT_RULES = { minFillers: 3, minHeadShare: 0.6 } as const;

const WORD = /[a-z]+(?:['’][a-z]+)*/g;
/** Lower case is enough here (NFKC for every question cost more than the rest; full-width Latin is rare). */
const wordsOf = (text: string) => (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/['’]/g, ''));
const isContentWord = (word: string) => word.length >= 3 && !ENGLISH_STOPWORDS.has(word);

interface Seen {
  /** Entries it stood before the head in (entries are read in order: counting changes of entry is enough). */
  entries: number;
  lastEntry: number;
  count: number;
}

/**
 * The stemmed filler terms of a pack (empty for packs whose questions have no Latin words). It reads
 * every question once: ~2 ms for a real pack, ~0.1 s for a 10,000-entry one, once per pack version.
 */
export function slotFillers(pack: Pack): Set<string> {
  const occurrences = new Map<string, number>();
  // head → word → where it stood right before the head
  const before = new Map<string, Map<string, Seen>>();
  pack.entries.forEach((entry, entryNo) => {
    for (const question of entry.questions) {
      if (!/[a-z]/i.test(question)) continue;
      const words = wordsOf(question);
      words.forEach((word, i) => {
        occurrences.set(word, (occurrences.get(word) ?? 0) + 1);
        const head = words[i + 1];
        if (!head || !isContentWord(word) || !isContentWord(head)) return;
        let fillers = before.get(head);
        if (!fillers) before.set(head, (fillers = new Map()));
        let seen = fillers.get(word);
        if (!seen) fillers.set(word, (seen = { entries: 0, lastEntry: -1, count: 0 }));
        if (seen.lastEntry !== entryNo) {
          seen.entries += 1;
          seen.lastEntry = entryNo;
        }
        seen.count += 1;
      });
    }
  });
  const titleWords = new Set(pack.entries.flatMap((entry) => wordsOf(entry.title)));
  const result = new Set<string>();
  for (const fillers of before.values()) {
    const loyal = [...fillers].filter(([word, seen]) => seen.count / occurrences.get(word)! >= SLOT_RULES.minHeadShare);
    if (loyal.filter(([, seen]) => seen.entries >= 2).length < SLOT_RULES.minFillers) continue;
    for (const [word] of loyal) if (!titleWords.has(word)) result.add(stemmer(word));
  }
  return result;
}
