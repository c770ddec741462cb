/**
 * One pack's search index ("segment"): an inverted index of weighted terms per entry, built once per
 * pack version. Segments are immutable: when a pack changes only its segment is rebuilt, the others
 * are reused. Postings live in typed arrays (compact, fast to scan, and IndexedDB stores them as they
 * are); `serializeSegment` / `reviveSegment` convert to and from plain JSON.
 */
import type { Entry, Pack } from '../../packs/schema';
import { fnv1a } from '../../hash';
import { inSlices, type Steps } from '../../steps';
import { packSynonymForms } from '../text/pack-synonyms';
import { isChineseLocale } from '../../packs/locale';
import { appendConceptTerms } from './concept-postings';
import { askedChineseWords, segmentsChineseWords } from './word-index';
import { HanKeyTable } from './han-key-table';
import { normalizeText } from '../text/normalize';
import {
  BIGRAM_KEYS,
  emitTermKeys,
  HAN_CHAR_KEYS,
  hanTermKey,
  TERM_WEIGHTS,
  termKeyString,
  type LatinTerms,
  type TermKeySink,
} from '../text/tokenize';

/** Weight of each entry field in the entry's term frequencies (BM25F). Tuned on the eval sets. */
export const FIELD_WEIGHTS = {
  title: 1.5,
  questions: 1,
  keywords: 2,
  tags: 0.5,
  replies: 0.3,
  notes: 0.3,
} as const;

/**
 * Fields whose helper terms (single Chinese characters, 4-grams of Latin words) are indexed: only the
 * words buyers' messages are matched against (title, questions, keywords). Single characters of long
 * reply texts and tags matched almost anything and cost Chinese recall@1 3-4 points; 4-grams of replies
 * were a third of all 4-grams and bought nothing (Bitext recall@1 over 8 draws 0.900 without them vs
 * 0.902 with, Shopify the same, Chinese within ±0.4 point), while costing a tenth of build time.
 */
const HELPER_TERM_FIELDS = new Set<keyof typeof FIELD_WEIGHTS>(['title', 'questions', 'keywords']);

/**
 * Changes when what an index holds changes (13: Chinese reply words weigh `HAN_REPLY_WEIGHT`; 14: the concept lexicon's
 * Taiwan and Hong Kong words, whose concept terms the postings hold; 15: the Chinese words of a stored index,
 * `askedWords`, so stored indexes are rebuilt once to hold them).
 */
export const SEGMENT_FORMAT = 'huashu-index/15';

/**
 * Words of a reply in the pack's own language and written without Chinese (an English pack's reply) weigh
 * as much as question words, up to a
 * budget of `budget` words per reply: a short reply that answers the buyer's words is evidence for its entry
 * ("we ship to New Zealand"), a long one is spread over more words (Bitext's replies are 60–120 words of
 * customer-service prose), never below `FIELD_WEIGHTS.replies`. Recall@1 at weight 1, budget 15 / 20 / 25 /
 * 30 / none: dev/en 0.671 / 0.691 / 0.697 / 0.691 / 0.697, Shopify 0.903 / 0.903 / 0.914 / 0.914 / 0.914,
 * Bitext 0.924 / 0.924 / 0.924 / 0.924 / 0.911 (0.924 before: weight 0.3).
 */
const REPLY_WORDS = { weight: 1, budget: 25 } as const;

/**
 * The Chinese words (bigrams) of a reply in the pack's own language weigh this much (other reply terms
 * `FIELD_WEIGHTS.replies`, 0.3): a team lead writes about four questions per entry, and the reply holds the words a
 * buyer's story often uses (印花, 熨烫, 贺卡). Twelfth session, recall@1 at 0.3 → 0.6: JD 0.832 → 0.843, Tmall 0.826 →
 * 0.830, fresh dev guoxian-shop 0.831 → 0.837, lanxi-store 0.851 → 0.863, muye-store 0.885 → 0.888, qingmu-store
 * 0.909 → 0.921, xiaoyu-home 0.891 → 0.897; dev zh 0.806 → 0.794, PDD 0.979 → 0.972 (recall@3 guoxian −1.2, lanxi
 * −0.6); 0.45 / 0.8 / 1.0 gained less; small-talk silence unchanged. The word re-ranker refitted after it gained
 * nothing (weights kept).
 */
export const HAN_REPLY_WEIGHT = 0.6;

/** The language of a locale tag: `zh` of zh-CN, '' for none. */
const languageOf = (locale?: string) => (locale ?? '').toLowerCase().split(/[-_]/)[0]!;

/** Per Latin word of a reply, its weight relative to `FIELD_WEIGHTS.replies` (see `REPLY_WORDS`). */
function replyWordScale(text: string): number {
  let words = 1;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 32) words += 1;
    else if (code >= 0x3400 && code <= 0x9fff) return 1;
  }
  const weight = REPLY_WORDS.weight * Math.min(1, REPLY_WORDS.budget / words);
  // Whole units of 1 / WEIGHT_SCALE, as every other weight.
  const units = Math.round(weight * WEIGHT_SCALE);
  return Math.max(1, units / (FIELD_WEIGHTS.replies * WEIGHT_SCALE));
}

/**
 * Posting weights are stored as whole units of 1 / WEIGHT_SCALE: every field weight × term weight is a
 * multiple of 1/80 (a unit test keeps it so), so a term's weighted frequency in an entry is exact in half
 * the bytes of a float. Entry numbers take 16 bits in packs of up to 65,536 entries. Each byte saved is
 * fresh memory a build does not touch (the posting arrays' page faults were a fifth of a build) and
 * space IndexedDB does not store.
 */
export const WEIGHT_SCALE = 80;
/** A larger weighted frequency is stored as this (BM25 has saturated long before). */
const MAX_WEIGHT_UNITS = 0xffff;
const MAX_16_BIT_DOCS = 0x10000;

/** Entry numbers of postings: 16-bit for packs of up to 65,536 entries. */
export type PostingDocs = Uint16Array | Int32Array;

const postingDocsFor = (entryCount: number, length: number): PostingDocs =>
  entryCount <= MAX_16_BIT_DOCS ? new Uint16Array(length) : new Int32Array(length);

/** What ranking needs to know about an entry without reading the pack. */
export interface SegmentDoc {
  entryId: string;
  /** Sum of the entry's term weights (BM25 document length). */
  length: number;
}

export interface Segment {
  format: typeof SEGMENT_FORMAT;
  packId: string;
  /** Identifies the pack content the segment was built from (see `packFingerprint`). */
  fingerprint: string;
  docs: SegmentDoc[];
  totalLength: number;
  /**
   * The vocabulary. Term i is a Han character or bigram when `termKeys[i]` ≥ 0 (its numeric key, see
   * text/tokenize.ts; `termKeyString` spells it), else the string `terms[-1 - termKeys[i]]`. Han terms are
   * most of a Chinese vocabulary: as numbers they cost a build no strings, IndexedDB nothing to
   * deserialise, and the panel no string hashing (see `TermIndex`). Term i's postings are
   * `postingDocs/postingWeights[offsets[i] … offsets[i + 1])`.
   */
  termKeys: Int32Array;
  terms: string[];
  offsets: Int32Array;
  /** Entry numbers, ascending within each term. */
  postingDocs: PostingDocs;
  /** Weighted term frequency of the term in that entry, in units of 1 / `WEIGHT_SCALE`. */
  postingWeights: Uint16Array;
  /**
   * One bit per posting (bit `i & 7` of byte `i >> 3`): the entry is asked with the term — it is in its title,
   * questions or keywords, or it is a concept term — not only in its replies, tags or notes. See `matchesAWord`.
   */
  postingAsked: Uint8Array;
  /**
   * In an index built to be stored (`buildStoredSegment`) of a Chinese pack the platform can segment: each entry's
   * asked text in words (`askedChineseWords`), so the word index (`index/word-index.ts`) need not segment it again.
   */
  askedWords?: string[];
}

/** Whether posting `i` of a segment is of a term the entry is asked with (see `Segment.postingAsked`). */
export const isAskedPosting = (segment: Pick<Segment, 'postingAsked'>, i: number): boolean =>
  ((segment.postingAsked[i >> 3]! >> (i & 7)) & 1) === 1;

/** A cheap content hash (FNV-1a, 32-bit, hex) of the pack, for cache keys. */
export function packFingerprint(pack: Pack): string {
  const known = fingerprints.get(pack);
  if (known) return known;
  const text = JSON.stringify(pack);
  const fingerprint = `${pack.version}-${(fnv1a(text) >>> 0).toString(16)}-${text.length}`;
  fingerprints.set(pack, fingerprint);
  return fingerprint;
}

/**
 * Fingerprints by pack object: loaded packs are never changed in place (a change is a new import), and
 * hashing a 50k-entry pack costs ~0.4 s, which the panel would otherwise pay twice on every open.
 */
const fingerprints = new WeakMap<Pack, string>();

/** Records a fingerprint computed earlier (stored with the pack at import). */
export function rememberFingerprint(pack: Pack, fingerprint: string): void {
  fingerprints.set(pack, fingerprint);
}

/** Reply text as indexed: variables are not words the buyer types. */
const withoutVariables = (text: string) =>
  text.includes('{') ? text.replace(/\{\{[^{}]*\}\}|\{cursor\}/g, ' ') : text;

/** A build's work space: none of it is part of the segment. */
interface WorkArrays {
  postingTerm: Int32Array;
  postingWeight: Uint16Array;
  /** Bit per posting in entry order: asked (see `Segment.postingAsked`). */
  postingAskedBits: Uint8Array;
  /** All zero between builds. */
  tf: Float64Array;
  bigramSlots: Int32Array;
  charIds: Int32Array;
  termKeys: Int32Array;
  subwordIds: Int32Array;
}

/** `array` when it has room for `needed` items, else a copy with room for twice as many. */
function int32sWithRoom(array: Int32Array, needed: number): Int32Array {
  if (needed <= array.length) return array;
  const grown = new Int32Array(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * The last build's work space (about 14 MB at 10k entries), held weakly: a build that follows soon (the
 * panel builds its packs one after another) reuses it while the garbage collector has not taken it.
 * Fresh memory is costly: page faults were a third of a first build's time. Taken by a build, handed
 * back only when the build succeeds.
 */
let spareWork: WeakRef<WorkArrays> | undefined;

/** Numbers each build, for the term numbers cached on Latin words (`LatinTerms.idsBuild`). */
let builds = 0;

/**
 * Collects one pack's postings. Terms are interned to numbers (Han terms arrive as numbers already) and
 * every posting goes into flat typed arrays, sorted by term once at the end: per-term growing arrays
 * and short strings made garbage collection the main cost of indexing. A class rather than closures:
 * closures made anew for every build kept V8 from reusing its optimised code from one build to the next.
 */
class SegmentBuilder implements TermKeySink {
  private readonly build = (builds += 1);
  private readonly termIds = new Map<string, number>();
  private readonly bigramIds: HanKeyTable;
  /** Single characters (at most 27,648 keys) are looked up directly. */
  private readonly charIds: Int32Array;
  /** The vocabulary, as in `Segment.termKeys` and `Segment.terms`. */
  termCount = 0;
  private termKeys: Int32Array;
  private readonly stringTerms: string[] = [];
  /** Term numbers of Latin words' 4-grams, each word's side by side (see `LatinTerms.subwordIdsAt`). */
  private subwordIds: Int32Array;
  private subwordIdCount = 0;
  /** Weighted term frequencies of the entry being read, by term number; `touched` lists the non-zero. */
  private tf: Float64Array;
  private touched: Int32Array = new Int32Array(1024);
  private touchedCount = 0;
  /** Postings in entry order: entry n's are `[entryStart[n], entryStart[n + 1])` of `postingTerm/Weight`. */
  postingTerm: Int32Array;
  /** In units of 1 / `WEIGHT_SCALE`. */
  postingWeight: Uint16Array;
  /** Bit per posting in entry order: a term of the entry's title, questions or keywords. */
  postingAskedBits: Uint8Array;
  readonly entryStart: Int32Array;
  postings = 0;
  private fieldWeight = 1;
  private fieldHelpers = true;
  private length = 0;

  constructor(entryCount: number) {
    // About 150 distinct terms per entry in real packs: start near the final size.
    const capacity = Math.max(1 << 12, entryCount * 160);
    const spare = spareWork?.deref();
    spareWork = undefined;
    const postingsFit = spare !== undefined && spare.postingTerm.length >= capacity;
    this.postingTerm = postingsFit ? spare.postingTerm : new Int32Array(capacity);
    this.postingWeight = postingsFit ? spare.postingWeight : new Uint16Array(capacity);
    this.postingAskedBits = postingsFit ? spare.postingAskedBits : new Uint8Array((capacity >> 3) + 1);
    // Sized for ~12 terms per entry (the 10k synthetic pack has 12, real packs more): growing by
    // doubling touched twice the fresh memory. Unused room in tf and termKeys is never touched.
    const terms = Math.max(1024, entryCount * 12);
    this.tf = spare !== undefined && spare.tf.length >= terms ? spare.tf : new Float64Array(terms);
    this.termKeys = spare !== undefined && spare.termKeys.length >= terms ? spare.termKeys : new Int32Array(terms);
    const slots = HanKeyTable.lengthFor(terms);
    this.bigramIds = new HanKeyTable(
      spare !== undefined && spare.bigramSlots.length >= slots ? spare.bigramSlots : new Int32Array(slots),
    );
    this.charIds = (spare?.charIds ?? new Int32Array(HAN_CHAR_KEYS)).fill(-1);
    this.subwordIds = spare?.subwordIds ?? new Int32Array(1024);
    this.entryStart = new Int32Array(entryCount + 1);
  }

  /** Hands the work space on to the next build (see `spareWork`). */
  release(): void {
    const { postingTerm, postingWeight, postingAskedBits, tf, charIds, termKeys, subwordIds } = this;
    const bigramSlots = this.bigramIds.array;
    spareWork = new WeakRef({
      postingTerm,
      postingWeight,
      postingAskedBits,
      tf,
      bigramSlots,
      charIds,
      termKeys,
      subwordIds,
    });
  }

  /** The number of a term of this build's vocabulary, or -1 (Han terms by their numeric key). */
  termNumber(term: string): number {
    const key = hanTermKey(term);
    if (key < 0) return this.termIds.get(term) ?? -1;
    return key >= BIGRAM_KEYS ? this.charIds[key - BIGRAM_KEYS]! : this.bigramIds.get(key);
  }

  /** The vocabulary, for the segment. */
  vocabulary(): Pick<Segment, 'termKeys' | 'terms'> {
    return { termKeys: this.termKeys.slice(0, this.termCount), terms: this.stringTerms };
  }

  /** Reads every entry, in order; returns what ranking needs of each. */
  addEntries(entries: Entry[], packLocale?: string): SegmentDoc[] {
    const docs: SegmentDoc[] = [];
    this.startPack(packLocale);
    this.addEntryRange(entries, 0, entries.length, docs);
    return docs;
  }

  /** `addEntries` a slice at a time: entries `[from, to)`, after those before them. */
  addEntryRange(entries: Entry[], from: number, to: number, docs: SegmentDoc[]): void {
    for (let docNo = from; docNo < to; docNo += 1) {
      const entry = entries[docNo]!;
      docs.push({ entryId: entry.id, length: this.addEntry(entry, docNo) });
    }
  }

  /** The pack's language, for `addEntryRange` (set by `addEntries`). */
  startPack(packLocale?: string): void {
    this.packLanguage = languageOf(packLocale);
  }

  /** Reads one entry's fields; returns its length (sum of term weights). */
  addEntry(entry: Entry, docNo: number): number {
    this.length = 0;
    this.addField('title', entry.title);
    for (const question of entry.questions) this.addField('questions', question);
    for (const keyword of entry.keywords) this.addField('keywords', keyword);
    // Terms are listed in the order first met: those met so far are the ones the entry is asked with.
    const asked = this.touchedCount;
    for (const tag of entry.tags) this.addField('tags', tag);
    for (const reply of entry.replies) {
      // Only replies in the pack's own language are evidence (a Chinese pack's English variant for overseas
      // buyers is not, nor a Shopify pack's French one).
      const own = !reply.locale || languageOf(reply.locale) === this.packLanguage;
      this.addField('replies', withoutVariables(reply.text), own);
    }
    if (entry.cause) this.addField('notes', entry.cause);
    if (entry.resolution) this.addField('notes', entry.resolution);
    const count = this.touchedCount;
    if (this.postings + count > this.postingTerm.length) {
      const size = Math.max(this.postingTerm.length * 2, this.postings + count);
      const grow = <T extends Int32Array | Uint16Array>(from: T, to: T): T => (to.set(from), to);
      this.postingTerm = grow(this.postingTerm, new Int32Array(size));
      this.postingWeight = grow(this.postingWeight, new Uint16Array(size));
      const bits = new Uint8Array((size >> 3) + 1);
      bits.set(this.postingAskedBits.subarray(0, Math.min(this.postingAskedBits.length, bits.length)));
      this.postingAskedBits = bits;
    }
    const { tf, touched, postingTerm, postingWeight, postingAskedBits } = this;
    let postings = this.postings;
    for (let t = 0; t < count; t += 1) {
      const id = touched[t]!;
      postingTerm[postings] = id;
      postingWeight[postings] = Math.min(MAX_WEIGHT_UNITS, Math.round(tf[id]! * WEIGHT_SCALE));
      // Set or cleared: the work space is reused from the build before.
      const bit = 1 << (postings & 7);
      if (t < asked) postingAskedBits[postings >> 3]! |= bit;
      else postingAskedBits[postings >> 3]! &= ~bit;
      postings += 1;
      tf[id] = 0;
    }
    this.postings = postings;
    this.entryStart[docNo + 1] = postings;
    this.touchedCount = 0;
    return this.length;
  }

  /** Multiplies Latin word weights in the current field (English replies, see `REPLY_WORDS`). */
  private latinScale = 1;
  /** Multiplies Chinese term weights in the current field (a Chinese reply, see `HAN_REPLY_WEIGHT`). */
  private hanScale = 1;
  /** The language of the pack being read (`zh` of zh-CN), '' when it has no locale. */
  private packLanguage = '';

  private addField(field: keyof typeof FIELD_WEIGHTS, text: string, ownReply = false): void {
    this.fieldWeight = FIELD_WEIGHTS[field];
    this.fieldHelpers = HELPER_TERM_FIELDS.has(field);
    this.latinScale = ownReply ? replyWordScale(text) : 1;
    this.hanScale = field === 'replies' && ownReply ? HAN_REPLY_WEIGHT / FIELD_WEIGHTS.replies : 1;
    emitTermKeys(normalizeText(text), this);
  }

  han(key: number, weight: number): void {
    if (key >= BIGRAM_KEYS && !this.fieldHelpers) return;
    let id: number;
    if (key >= BIGRAM_KEYS) {
      id = this.charIds[key - BIGRAM_KEYS]!;
      if (id < 0) this.charIds[key - BIGRAM_KEYS] = id = this.newTerm(key);
    } else {
      id = this.bigramIds.get(key);
      if (id < 0) this.bigramIds.add(key, (id = this.newTerm(key)));
    }
    this.add(id, weight * this.hanScale);
  }

  term(term: string, weight: number): void {
    this.add(this.idOf(term), weight);
  }

  latin(word: LatinTerms & { term: string }): void {
    if (word.idsBuild !== this.build) {
      word.idsBuild = this.build;
      word.termId = this.idOf(word.term);
      word.subwordIdsAt = -1;
    }
    this.add(word.termId, TERM_WEIGHTS.latin * this.latinScale);
    const count = word.subwords.length;
    if (!this.fieldHelpers || count === 0) return;
    let at = word.subwordIdsAt;
    if (at < 0) {
      // Numbered only once used: a 4-gram seen only in replies is not in the vocabulary at all.
      at = this.subwordIdCount;
      this.subwordIds = int32sWithRoom(this.subwordIds, at + count);
      for (let k = 0; k < count; k += 1) this.subwordIds[at + k] = this.idOf(word.subwords[k]!);
      this.subwordIdCount = at + count;
      word.subwordIdsAt = at;
    }
    const ids = this.subwordIds;
    for (let k = 0; k < count; k += 1) this.add(ids[at + k]!, TERM_WEIGHTS.subword);
  }

  private idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.newTerm(-1 - this.stringTerms.length);
      this.stringTerms.push(term);
      this.termIds.set(term, id);
    }
    return id;
  }

  /** Numbers a new term: `key` as in `termKeys`. */
  private newTerm(key: number): number {
    const id = this.termCount;
    this.termCount = id + 1;
    this.termKeys = int32sWithRoom(this.termKeys, id + 1);
    this.termKeys[id] = key;
    if (id === this.tf.length) {
      const grown = new Float64Array(id * 2);
      grown.set(this.tf);
      this.tf = grown;
    }
    return id;
  }

  private add(id: number, weight: number): void {
    const tf = this.tf;
    if (tf[id] === 0) {
      this.touched = int32sWithRoom(this.touched, this.touchedCount + 1);
      this.touched[this.touchedCount++] = id;
    }
    const w = weight * this.fieldWeight;
    tf[id] = tf[id]! + w;
    this.length += w;
  }
}

/**
 * The postings grouped by term (counting sort); entries stay ascending as they were added in order. The
 * entry of a posting is known from `entryStart` rather than stored with each one: fresh memory is
 * a large share of a cold build's time (page faults), so the builder keeps no more than it needs.
 */
function sortPostings(
  termCount: number,
  { postings, postingTerm, postingWeight, postingAskedBits, entryStart }: SegmentBuilder,
): Pick<Segment, 'offsets' | 'postingDocs' | 'postingWeights' | 'postingAsked'> {
  const offsets = new Int32Array(termCount + 1);
  for (let i = 0; i < postings; i += 1) offsets[postingTerm[i]! + 1]! += 1;
  for (let t = 0; t < termCount; t += 1) offsets[t + 1]! += offsets[t]!;
  const cursor = offsets.slice(0, termCount);
  const postingDocs = postingDocsFor(entryStart.length - 1, postings);
  const postingWeights = new Uint16Array(postings);
  const postingAsked = new Uint8Array((postings + 7) >> 3);
  for (let docNo = 0, i = 0; docNo + 1 < entryStart.length; docNo += 1) {
    for (const end = entryStart[docNo + 1]!; i < end; i += 1) {
      const at = cursor[postingTerm[i]!]!;
      cursor[postingTerm[i]!] = at + 1;
      postingDocs[at] = docNo;
      postingWeights[at] = postingWeight[i]!;
      if ((postingAskedBits[i >> 3]! >> (i & 7)) & 1) postingAsked[at >> 3]! |= 1 << (at & 7);
    }
  }
  return { offsets, postingDocs, postingWeights, postingAsked };
}

/**
 * Builds the segment of one validated pack (`fingerprint` when the caller already has it). Each phase is
 * its own function: V8 optimises a function as a whole, and one long function deoptimised on reaching
 * its later phases, which then ran unoptimised.
 */
export function buildSegment(pack: Pack, fingerprint = packFingerprint(pack)): Segment {
  const builder = new SegmentBuilder(pack.entries.length);
  return finishSegment(builder, pack, fingerprint, builder.addEntries(pack.entries, pack.locale));
}

/**
 * `buildSegment` in steps of `entriesPerStep` entries, for a page that builds a large index after its first list (the
 * buyer phrasebook's: ~1,700–1,800 entries per language, 0.1–0.3 s in Node, most of a 0.8 s task in the panel). The
 * same segment; another build may run between two steps (each takes its own work space).
 */
export function* buildSegmentSteps(
  pack: Pack,
  entriesPerStep: number,
  fingerprint = packFingerprint(pack),
): Steps<Segment> {
  const builder = new SegmentBuilder(pack.entries.length);
  builder.startPack(pack.locale);
  const docs: SegmentDoc[] = [];
  yield* inSlices(pack.entries.length, entriesPerStep, (from, to) =>
    builder.addEntryRange(pack.entries, from, to, docs),
  );
  return finishSegment(builder, pack, fingerprint, docs);
}

/** The segment of a builder that has read every entry of `pack`: postings sorted, concept terms added. */
function finishSegment(builder: SegmentBuilder, pack: Pack, fingerprint: string, docs: SegmentDoc[]): Segment {
  const segment: Segment = {
    format: SEGMENT_FORMAT,
    packId: pack.id,
    fingerprint,
    docs,
    totalLength: docs.reduce((sum, doc) => sum + doc.length, 0),
    // Concept terms of the shared lexicon and of the pack's own synonym groups (concept-postings.ts).
    ...appendConceptTerms(
      { ...builder.vocabulary(), ...sortPostings(builder.termCount, builder) },
      docs.length,
      (term) => builder.termNumber(term),
      packSynonymForms(pack),
    ),
  };
  builder.release();
  return segment;
}

/**
 * The index as the background stores it with the pack (at import, and again after an update changed the format): with
 * the Chinese words of its entries when the platform can segment them (`Segment.askedWords`), which a panel reading it
 * then does not segment again.
 */
export function buildStoredSegment(pack: Pack): Segment {
  const segment = buildSegment(pack);
  if (isChineseLocale(pack.locale) && segmentsChineseWords(pack.entries))
    segment.askedWords = askedChineseWords(pack.entries);
  return segment;
}

/** Whether a stored index can be used as it is: of this build's format (`SEGMENT_FORMAT`). */
export const isCurrentSegment = (segment: Pick<Segment, 'format'> | undefined | null): boolean =>
  segment?.format === SEGMENT_FORMAT;

/** The vocabulary as strings, by term number (for tests and tools: the engine looks terms up by key). */
export function termStrings(segment: Pick<Segment, 'termKeys' | 'terms'>): string[] {
  return Array.from(segment.termKeys, (key) => (key >= 0 ? termKeyString(key) : segment.terms[-1 - key]!));
}

/** A plain-JSON copy of a segment (typed arrays as number lists). */
export function serializeSegment(segment: Segment): Record<string, unknown> {
  return {
    ...segment,
    termKeys: Array.from(segment.termKeys),
    offsets: Array.from(segment.offsets),
    postingDocs: Array.from(segment.postingDocs),
    postingWeights: Array.from(segment.postingWeights),
    postingAsked: Array.from(segment.postingAsked),
  };
}

/** A stored typed array as it was (IndexedDB) or from a number list (JSON); null when it is neither. */
function typedArrayOf<T extends Int32Array | Uint16Array | Uint8Array>(
  value: unknown,
  Kind: { new (length: number): T; from(list: ArrayLike<number>): T },
): T | null {
  if (value instanceof Kind) return value;
  return Array.isArray(value) ? Kind.from(value as number[]) : null;
}

/**
 * Reads a stored segment back (from IndexedDB with typed arrays, or from JSON with number lists);
 * returns null when it is of another format or inconsistent, and the caller rebuilds it.
 */
export function reviveSegment(value: unknown): Segment | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Record<string, unknown>;
  if (s.format !== SEGMENT_FORMAT || !Array.isArray(s.docs) || !Array.isArray(s.terms)) return null;
  const termKeys = typedArrayOf(s.termKeys, Int32Array);
  const offsets = typedArrayOf(s.offsets, Int32Array);
  const postingDocs: PostingDocs | null =
    s.docs.length <= MAX_16_BIT_DOCS
      ? typedArrayOf(s.postingDocs, Uint16Array)
      : typedArrayOf(s.postingDocs, Int32Array);
  const postingWeights = typedArrayOf(s.postingWeights, Uint16Array);
  const postingAsked = typedArrayOf(s.postingAsked, Uint8Array);
  if (!termKeys || !offsets || !postingDocs || !postingWeights || !postingAsked) return null;
  if (offsets.length !== termKeys.length + 1 || postingDocs.length !== postingWeights.length) return null;
  if (postingAsked.length !== (postingDocs.length + 7) >> 3) return null;
  if (offsets[offsets.length - 1] !== postingDocs.length) return null;
  // Every string term is named once by its number.
  let strings = 0;
  for (const key of termKeys) {
    if (key >= 0) continue;
    if (-1 - key >= s.terms.length) return null;
    strings += 1;
  }
  if (strings !== s.terms.length) return null;
  const { askedWords, ...rest } = s;
  const keptWords =
    Array.isArray(askedWords) && askedWords.length === s.docs.length && askedWords.every((w) => typeof w === 'string')
      ? { askedWords: askedWords as string[] }
      : {};
  return {
    ...(rest as unknown as Segment),
    termKeys,
    offsets,
    postingDocs,
    postingWeights,
    postingAsked,
    ...keptWords,
  };
}
