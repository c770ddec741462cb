/**
 * A plain word index of one pack: BM25+ over the words of what an entry is asked with, as written —
 * lower-cased, split at spaces and punctuation, nothing dropped, nothing stemmed — field by field (title,
 * questions, keywords), the way a stock search library ranks (MiniSearch's scoring: k1 1.2, b 0.7, δ 0.5,
 * the sum over fields times the number of the message's words an entry holds). Replies are left out:
 * measured, they added noise (English tuning packs, each scored with weights fitted on the others: +1.4
 * points with replies, +1.8 without) and they are most of a pack's text.
 *
 * It is a second opinion beside the engine's own index (`rank/word-rerank.ts`), not a ranker on its own:
 * in a team lead's short pack the small words the engine leaves out ("instead", "again", "back", "in 4")
 * often tell two close entries apart. Latin-script packs are split at spaces and punctuation; Chinese packs
 * into words by the platform's `Intl.Segmenter` (a dictionary segmenter, ~3.6 µs a character: 20–25 ms for
 * the shipped Tmall pack's titles and questions, which is why replies are not read and why a Chinese pack
 * of more than `MAX_SEGMENTED_CHARS` gets no word index). Built on first need.
 */
import type { Entry } from '../../packs/schema';
import { chineseWordSegmenter } from '../text/word-segmenter';

const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

/** The fields scored apart; `questions` is also reported on its own (see `WordScores`). */
const FIELDS = ['title', 'questions', 'keywords'] as const;
type Field = (typeof FIELDS)[number];

/** How a word index splits text into words. */
export type WordSplitter = (text: string) => string[];

/** The words of a Latin-script text: lower-cased, split at spaces and punctuation. */
export const plainWords: WordSplitter = (text) =>
  text
    .toLowerCase()
    .split(SPACE_OR_PUNCTUATION)
    .filter((word) => word.length > 0);

/**
 * The words of a Chinese text, by the platform's dictionary segmenter (Latin words among them lower-cased);
 * none where the platform has no segmenter (`hasChineseWords`).
 */
export const chineseWords: WordSplitter = (text) => {
  const words: string[] = [];
  for (const part of chineseWordSegmenter?.segment(text.toLowerCase()) ?? [])
    if (part.isWordLike) words.push(part.segment);
  return words;
};

/** Whether Chinese text can be split into words here (see `text/word-segmenter.ts`). */
export const hasChineseWords = (): boolean => chineseWordSegmenter !== null;

/**
 * The most characters of asked text (titles, questions, keywords) a Chinese pack may have for a word index:
 * ~0.2 s of segmenting, about 1,000 entries as team leads write them. Larger packs keep the engine's order.
 */
export const MAX_SEGMENTED_CHARS = 60_000;

/** Characters of what a pack's entries are asked with. */
export const askedTextLength = (entries: readonly Entry[]): number =>
  entries.reduce(
    (sum, e) =>
      sum +
      e.title.length +
      e.questions.reduce((n, q) => n + q.length, 0) +
      e.keywords.reduce((n, k) => n + k.length, 0),
    0,
  );

/**
 * Chinese words of what each entry is asked with, kept with the pack's index (`Segment.askedWords`, built at import):
 * segmenting is nearly all of a Chinese word index's build (17–23 ms for the shipped Tmall pack in Chromium), which the
 * panel's first suggestion otherwise waits for. One string per entry: its title, questions and keywords in that order,
 * parts apart by `PART_SEPARATOR`, words by `WORD_SEPARATOR`.
 */
const WORD_SEPARATOR = '\u0001';
const PART_SEPARATOR = '\u0002';

const askedParts = (entry: Entry): string[] => [entry.title, ...entry.questions, ...entry.keywords];

/** Whether a pack in this locale gets a word index of Chinese words here (see `MAX_SEGMENTED_CHARS`). */
export const segmentsChineseWords = (entries: readonly Entry[]): boolean =>
  hasChineseWords() && askedTextLength(entries) <= MAX_SEGMENTED_CHARS;

/** The Chinese words of every entry's asked parts, to keep with the index (see `WORD_SEPARATOR`). */
export function askedChineseWords(entries: readonly Entry[]): string[] {
  return entries.map((entry) =>
    askedParts(entry)
      .map((part) => chineseWords(part).join(WORD_SEPARATOR))
      .join(PART_SEPARATOR),
  );
}

/**
 * A Chinese splitter that reads the kept words of the entries' parts (`askedChineseWords`, in entry order) and
 * segments any other text; an entry whose kept line does not match its parts is segmented again.
 */
export function keptChineseWords(entries: readonly Entry[], kept: readonly string[]): WordSplitter {
  const known = new Map<string, string[]>();
  entries.forEach((entry, i) => {
    const parts = askedParts(entry);
    const words = kept[i]?.split(PART_SEPARATOR);
    if (words?.length !== parts.length) return;
    parts.forEach((part, k) => known.set(part, words[k] ? words[k].split(WORD_SEPARATOR) : []));
  });
  return (text) => known.get(text) ?? chineseWords(text);
}

const fieldTexts = (entry: Entry): Record<Field, string[]> => ({
  title: [entry.title],
  questions: entry.questions,
  keywords: entry.keywords,
});

/** One field's postings, grouped by word (word i's are `docs/counts[offsets[i] … offsets[i + 1])`). */
interface FieldIndex {
  offsets: Int32Array;
  docs: Int32Array;
  counts: Uint16Array;
  lengths: Uint16Array;
  averageLength: number;
}

/** Per entry number: BM25+ over all fields, and over the questions alone. */
export interface WordScores {
  all: Map<number, number>;
  questions: Map<number, number>;
}

export class WordIndex {
  private readonly words = new Map<string, number>();
  private readonly fields: Record<Field, FieldIndex>;
  private readonly count: number;

  /** `entries` in entry-number order (the pack's order, as the engine's segment numbers them). */
  constructor(
    entries: readonly Entry[],
    private readonly split: WordSplitter = plainWords,
  ) {
    this.count = entries.length;
    const texts = entries.map(fieldTexts);
    this.fields = Object.fromEntries(
      FIELDS.map((field) => [field, this.buildField(texts.map((t) => t[field]))]),
    ) as Record<Field, FieldIndex>;
  }

  /** Postings of one field, built as flat arrays (a map per word cost 250 ms at 10,000 entries). */
  private buildField(texts: readonly string[][]): FieldIndex {
    const lengths = new Uint16Array(texts.length);
    const wordIds: number[] = [];
    const docs: number[] = [];
    const counts: number[] = [];
    let total = 0;
    texts.forEach((parts, docNo) => {
      const tf = new Map<number, number>();
      let length = 0;
      for (const part of parts) {
        for (const word of this.split(part)) {
          let id = this.words.get(word);
          if (id === undefined) this.words.set(word, (id = this.words.size));
          tf.set(id, (tf.get(id) ?? 0) + 1);
          length++;
        }
      }
      lengths[docNo] = Math.min(length, 0xffff);
      total += length;
      for (const [id, n] of tf) {
        wordIds.push(id);
        docs.push(docNo);
        counts.push(n);
      }
    });
    // Counting sort by word: offsets[i] … offsets[i + 1] are word i's postings.
    const offsets = new Int32Array(this.words.size + 1);
    for (const id of wordIds) offsets[id + 1]!++;
    for (let i = 0; i < this.words.size; i++) offsets[i + 1]! += offsets[i]!;
    const next = offsets.slice(0, this.words.size);
    const sortedDocs = new Int32Array(wordIds.length);
    const sortedCounts = new Uint16Array(wordIds.length);
    wordIds.forEach((id, i) => {
      const at = next[id]!++;
      sortedDocs[at] = docs[i]!;
      sortedCounts[at] = Math.min(counts[i]!, 0xffff);
    });
    return {
      offsets,
      docs: sortedDocs,
      counts: sortedCounts,
      lengths,
      averageLength: total / Math.max(1, texts.length) || 1,
    };
  }

  /** Scores every entry that holds a word of `text`. */
  score(text: string): WordScores {
    const ids = [...new Set(this.split(text))].map((word) => this.words.get(word)).filter((id) => id !== undefined);
    return { all: this.scoreFields(ids, FIELDS), questions: this.scoreFields(ids, ['questions']) };
  }

  private scoreFields(wordIds: readonly number[], fields: readonly Field[]): Map<number, number> {
    const sums = new Map<number, number>();
    const matched = new Map<number, number>();
    for (const id of wordIds) {
      const holders = new Set<number>();
      for (const field of fields) {
        const index = this.fields[field];
        // Fields are built one after another, so a word first seen in a later field has no postings here.
        if (id + 1 >= index.offsets.length) continue;
        const from = index.offsets[id]!;
        const to = index.offsets[id + 1]!;
        if (from === to) continue;
        const idf = Math.log(1 + (this.count - (to - from) + 0.5) / (to - from + 0.5));
        for (let p = from; p < to; p++) {
          const docNo = index.docs[p]!;
          const tf = index.counts[p]!;
          const norm = K1 * (1 - B + (B * index.lengths[docNo]!) / index.averageLength);
          sums.set(docNo, (sums.get(docNo) ?? 0) + idf * (DELTA + (tf * (K1 + 1)) / (tf + norm)));
          holders.add(docNo);
        }
      }
      for (const docNo of holders) matched.set(docNo, (matched.get(docNo) ?? 0) + 1);
    }
    for (const [docNo, sum] of sums) sums.set(docNo, sum * matched.get(docNo)!);
    return sums;
  }
}
