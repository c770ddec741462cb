/**
 * The loaded packs as one collection: their index segments, the statistics BM25 shares across them
 * (entry count, document frequencies, length normalisers), the lookups built on first need (typo
 * neighbours, homophones, slot fillers) and the scratch arrays a query scores into.
 */
import type { Entry, Pack } from '../../packs/schema';
import { buildSegment, packFingerprint, type Segment } from '../index/segment';
import { HomophoneIndex, TermIndex } from '../index/term-index';
import { TypoIndex } from '../index/typos';
import { indexInSorted } from '../index/sorted';
import { normalizeText } from '../text/normalize';
import { stem } from '../text/stem';
import { chineseWords, keptChineseWords, plainWords, segmentsChineseWords, WordIndex } from '../index/word-index';
import { isChineseLocale } from '../../packs/locale';
import { factValues, type FactValues } from './reply';
import { slotFillers, slotFillerSteps } from './slots';
import type { Steps } from '../../steps';
import { BM25 } from './thresholds';
import { PHRASEBOOK_PACK_PREFIX } from './phrasebook';

/** One loaded pack with what ranking needs of it. */
export interface LoadedPack {
  pack: Pack;
  segment: Segment;
  facts: FactValues;
  /** Per entry: k1 · (1 − b + b · length / average length), the BM25 length normaliser. */
  lengthNorm: Float64Array;
  /** term → its number in the segment (see `Segment.termKeys`). */
  termIndex: TermIndex;
  /** Scratch arrays reused by every query (an engine serves one query at a time). */
  scratch: Scratch;
}

/**
 * The entries a pass touched, in the order it touched them; a stamp lets each in once, so a pack's entry count
 * bounds it. A typed array reused by every query: a plain array emptied with `length = 0` gives its storage back
 * and grows again by copies on the next query — most of what a query allocated at 10k entries, and so most of the
 * garbage collections that made its slow tail (bench: suggest p95).
 */
export class EntryList {
  readonly docs: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.docs = new Int32Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  push(docNo: number): void {
    this.docs[this.length] = docNo;
    this.length += 1;
  }
}

/** Per-entry accumulators; a stamp array says which entries hold values for the current pass. */
interface Scratch {
  raw: Float64Array;
  mass: Float64Array;
  stamp: Uint32Array;
  touched: EntryList;
  termGain: Float64Array;
  termMass: Float64Array;
  termStamp: Uint32Array;
  termTouched: EntryList;
  best: Float64Array;
  bestCoverage: Float64Array;
  bestStamp: Uint32Array;
  bestTouched: EntryList;
}

function newScratch(size: number): Scratch {
  return {
    raw: new Float64Array(size),
    mass: new Float64Array(size),
    stamp: new Uint32Array(size),
    touched: new EntryList(size),
    termGain: new Float64Array(size),
    termMass: new Float64Array(size),
    termStamp: new Uint32Array(size),
    termTouched: new EntryList(size),
    best: new Float64Array(size),
    bestCoverage: new Float64Array(size),
    bestStamp: new Uint32Array(size),
    bestTouched: new EntryList(size),
  };
}

/**
 * Keeps, per entry, the largest value of the current pass and the number that goes with it; `stamps`
 * tell which entries the pass has already seen, so the arrays are never cleared between queries.
 */
export function keepMax(
  stamps: Uint32Array,
  values: Float64Array,
  extras: Float64Array,
  touched: EntryList,
  stamp: number,
  docNo: number,
  value: number,
  extra: number,
): void {
  if (stamps[docNo] !== stamp) {
    stamps[docNo] = stamp;
    values[docNo] = value;
    extras[docNo] = extra;
    touched.push(docNo);
  } else if (value > values[docNo]!) {
    values[docNo] = value;
    extras[docNo] = extra;
  }
}

/** Word indexes per pack object, built on the first Latin-script query (packs are never changed in place). */
const wordIndexByPack = new WeakMap<Pack, WordIndex | null>();

/** Slot fillers per pack object, found on the first query that needs them (packs are never changed in place). */
const slotFillersByPack = new WeakMap<Pack, Set<string>>();

/** Finds a pack's slot fillers before a query needs them, `entriesPerStep` entries a step (`slotFillerSteps`). */
export function* findSlotFillers(pack: Pack, entriesPerStep: number): Steps<void> {
  if (slotFillersByPack.has(pack)) return;
  const fillers = yield* slotFillerSteps(pack, entriesPerStep);
  slotFillersByPack.set(pack, fillers);
}

/** The loaded packs and their shared statistics. */
export class Corpus {
  private packs = new Map<string, LoadedPack>();
  private typos = new TypoIndex();
  /** Words as written in the packs' asked text → their stems (see `typoNeighbours`); built on first need. */
  private surfaceTypos = new TypoIndex();
  private surfaceStems = new Map<string, string>();
  /** Built on first need: a query with an unknown Chinese bigram. */
  private homophones: HomophoneIndex | null = null;
  /** Han trigrams of the team's packs' titles and questions (`spells`), built on first need. */
  private phraseTrigrams: Float64Array | null = null;
  /** Han runs (3+ characters) of the team's packs' entry titles (`isTitle`), built on first need. */
  private titleRuns: Set<string> | null = null;
  private entries = 0;
  private dfCache = new Map<string, number>();
  private stamp = 0;

  /** Entries over all loaded packs. */
  get docCount(): number {
    return this.entries;
  }

  /** Loaded packs with their index, in load order. */
  loaded(): LoadedPack[] {
    return [...this.packs.values()];
  }

  get(packId: string): LoadedPack | undefined {
    return this.packs.get(packId);
  }

  /** A number no pass has used yet, to stamp the scratch arrays with. */
  nextStamp(): number {
    return ++this.stamp;
  }

  /**
   * Replaces the set of packs. Segments of packs whose content did not change are kept; `cached`
   * segments (e.g. from IndexedDB) are used when their fingerprint matches, so only changed packs
   * are indexed again. Returns the segments now in use, for caching.
   */
  setPacks(packs: Pack[], cached: Segment[] = []): Segment[] {
    const next = new Map<string, LoadedPack>();
    let totalLength = 0;
    this.entries = 0;
    for (const pack of packs) {
      const fingerprint = packFingerprint(pack);
      const previous = this.packs.get(pack.id);
      const segment =
        previous?.segment.fingerprint === fingerprint
          ? previous.segment
          : (cached.find((s) => s.packId === pack.id && s.fingerprint === fingerprint) ??
            buildSegment(pack, fingerprint));
      const facts = factValues(pack);
      const size = segment.docs.length;
      const termIndex = previous?.segment === segment ? previous.termIndex : new TermIndex(segment);
      next.set(pack.id, {
        pack,
        segment,
        facts,
        lengthNorm: new Float64Array(size),
        termIndex,
        scratch: newScratch(size),
      });
      this.entries += size;
      totalLength += segment.totalLength;
    }
    const averageLength = this.entries > 0 ? totalLength / this.entries : 1;
    for (const loaded of next.values()) {
      loaded.segment.docs.forEach((doc, i) => {
        loaded.lengthNorm[i] = BM25.k1 * (1 - BM25.b + (BM25.b * doc.length) / averageLength);
      });
    }
    this.packs = next;
    this.typos = new TypoIndex();
    this.surfaceTypos = new TypoIndex();
    this.homophones = null;
    this.phraseTrigrams = null;
    this.titleRuns = null;
    this.dfCache.clear();
    return [...next.values()].map((loaded) => loaded.segment);
  }

  /** How many entries of all loaded packs hold a term. */
  documentFrequency(term: string): number {
    let df = this.dfCache.get(term);
    if (df === undefined) {
      df = 0;
      for (const { segment, termIndex } of this.packs.values()) {
        const t = termIndex.get(term);
        if (t !== undefined) df += segment.offsets[t + 1]! - segment.offsets[t]!;
      }
      if (this.dfCache.size > 50_000) this.dfCache.clear();
      this.dfCache.set(term, df);
    }
    return df;
  }

  idf(df: number): number {
    return Math.log(1 + (this.entries - df + 0.5) / (df + 0.5));
  }

  /** Whether a term is a slot filler (see slots.ts) in a loaded pack. */
  isFiller(term: string): boolean {
    for (const { pack } of this.packs.values()) {
      let fillers = slotFillersByPack.get(pack);
      if (!fillers) slotFillersByPack.set(pack, (fillers = slotFillers(pack)));
      if (fillers.has(term)) return true;
    }
    return false;
  }

  /**
   * A pack's plain word index (see `index/word-index.ts`), built on first need; null for a Chinese pack too
   * large to segment (`MAX_SEGMENTED_CHARS`) or where the platform has no word segmenter.
   */
  wordIndexOf(loaded: LoadedPack): WordIndex | null {
    const { pack } = loaded;
    if (wordIndexByPack.has(pack)) return wordIndexByPack.get(pack)!;
    const chinese = isChineseLocale(pack.locale);
    // Chinese words segmented at import, when the index kept them (`Segment.askedWords`).
    const kept = loaded.segment.askedWords;
    const index =
      chinese && !segmentsChineseWords(pack.entries)
        ? null
        : new WordIndex(
            pack.entries,
            !chinese ? plainWords : kept ? keptChineseWords(pack.entries, kept) : chineseWords,
          );
    wordIndexByPack.set(pack, index);
    return index;
  }

  /** Whether some loaded pack uses a word (as its index term): what the speller keeps and prefers (`text/spelling.ts`). */
  usesWord(word: string): boolean {
    return this.documentFrequency(stem(word)) > 0;
  }

  /** Known Latin words one edit away from an unknown one; the typo index is built on first need. */
  typoNeighbours(word: string): string[] {
    if (!this.typos.ready) this.typos.build(this.stringTerms());
    if (!this.surfaceTypos.ready) this.buildSurfaceTypos();
    // A slip is one edit from the word as written, which its stem may not be: "deliverd" is one edit from
    // "delivered" (stem "deliv") and from the stem "deliveri" (delivery). The written words' stems come first.
    const found = new Set<string>();
    for (const surface of this.surfaceTypos.neighbours(word)) {
      const term = this.surfaceStems.get(surface);
      if (term && term !== word) found.add(term);
    }
    for (const term of this.typos.neighbours(word)) found.add(term);
    return [...found].slice(0, 3);
  }

  /** Latin words (4+ letters) of what entries are asked with, as written, and their stems that are terms. */
  private buildSurfaceTypos(): void {
    this.surfaceStems.clear();
    for (const { pack, termIndex } of this.packs.values()) {
      for (const entry of pack.entries) {
        for (const text of [entry.title, ...entry.questions, ...entry.keywords]) {
          for (const [word] of normalizeText(text).matchAll(/[a-z]{4,}/g)) {
            if (this.surfaceStems.has(word)) continue;
            const term = stem(word);
            if (termIndex.get(term) !== undefined) this.surfaceStems.set(word, term);
          }
        }
      }
    }
    this.surfaceTypos.build(this.surfaceStems.keys());
  }

  /** The loaded vocabularies' terms other than Han ones (typos are for Latin words). */
  private stringTerms(): Iterable<string> {
    const packs = [...this.packs.values()];
    return (function* () {
      for (const { segment } of packs) yield* segment.terms;
    })();
  }

  /** Known Chinese bigrams that sound like an unknown one (发活 → 发货), built on first need. */
  soundsLike(bigram: string): string[] {
    return this.homophoneIndex().soundsLike(bigram);
  }

  /** Known Chinese bigrams a Latin word may be the pinyin of ("fapiao" → 发票). */
  spelledAs(word: string): string[] {
    return this.homophoneIndex().spelledAs(word);
  }

  private homophoneIndex(): HomophoneIndex {
    this.homophones ??= new HomophoneIndex([...this.packs.values()].map(({ segment }) => segment));
    return this.homophones;
  }

  /**
   * Whether some entry of the team's packs is asked with these three Han characters in a row (title or question;
   * see `pack-phrases.ts`). The buyer phrasebook (`phrasebook-…`) is not a team's pack: its thousands of buyer
   * lines spell every common phrase (退吗, 时候), and damping those weakened its nearest-intent ranking. Trigrams
   * are kept as a sorted array of numbers (three UTF-16 code units each): at 50,000 entries a `Set` of strings took
   * 1.2 s to build, a `Set` of numbers 0.8 s, this array 0.3 s.
   */
  spells(trigram: string): boolean {
    if (trigram.length !== 3) return false;
    this.phraseTrigrams ??= this.packTrigrams();
    return indexInSorted(this.phraseTrigrams, trigramKey(trigram, 0)) >= 0;
  }

  /** Whether these Han characters are a whole run of some team pack entry's title (增值税专用发票). */
  isTitle(phrase: string): boolean {
    if (!this.titleRuns) {
      const runs = new Set<string>();
      for (const entry of this.teamEntries())
        for (const match of normalizeText(entry.title).matchAll(HAN_RUN_OF_THREE)) runs.add(match[0]);
      this.titleRuns = runs;
    }
    return this.titleRuns.has(phrase);
  }

  private packTrigrams(): Float64Array {
    const trigrams: number[] = [];
    for (const entry of this.teamEntries()) {
      for (const text of [entry.title, ...entry.questions]) {
        for (const match of normalizeText(text).matchAll(HAN_RUN_OF_THREE)) {
          const run = match[0];
          for (let i = 0; i + 2 < run.length; i += 1) trigrams.push(trigramKey(run, i));
        }
      }
    }
    return Float64Array.from(trigrams).sort();
  }

  /** Entries of the loaded packs other than the buyer phrasebook's (see `spells`). */
  private *teamEntries(): Iterable<Entry> {
    for (const { pack } of this.packs.values()) if (!pack.id.startsWith(PHRASEBOOK_PACK_PREFIX)) yield* pack.entries;
  }
}

const HAN_RUN_OF_THREE = /\p{Script=Han}{3,}/gu;

/** Three UTF-16 code units from `at` as one number (below 2^48, so exact). */
const trigramKey = (text: string, at: number): number =>
  (text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1)) * 0x10000 + text.charCodeAt(at + 2);
