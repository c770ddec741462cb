/**
 * One pack's search index ("segment"): an inverted index of weighted terms per entry, built once per
 * pack version. Segments are immutable: when a pack changes only its segment is rebuilt, the others
 * are reused. Postings live in typed arrays (compact, fast to scan, and IndexedDB stores them as they
 * are); `serializeSegment` / `reviveSegment` convert to and from plain JSON.
 */
import type { Entry, Pack } from '../packs/schema';
import { normalizeText } from './normalize';
import { emitTermKeys, termKeyString } from './tokenize';

/** Weight of each entry field in the entry's term frequencies (BM25F). Tuned on the eval sets. */
export const FIELD_WEIGHTS = {
  title: 1.5,
  questions: 1,
  keywords: 2,
  tags: 0.5,
  replies: 0.3,
  notes: 0.3,
} as const;

export const SEGMENT_FORMAT = 'huashu-index/2';

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
  /** The vocabulary; term i's postings are `postingDocs/postingWeights[offsets[i] … offsets[i + 1])`. */
  terms: string[];
  offsets: Int32Array;
  /** Entry numbers, ascending within each term. */
  postingDocs: Int32Array;
  /** Weighted term frequency of the term in that entry. */
  postingWeights: Float32Array;
}

/** A cheap content hash (FNV-1a, 32-bit, hex) of the pack, for cache keys. */
export function packFingerprint(pack: Pack): string {
  const text = JSON.stringify(pack);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${pack.version}-${(hash >>> 0).toString(16)}-${text.length}`;
}

function entryFields(entry: Entry): Array<[text: string, weight: number]> {
  const fields: Array<[string, number]> = [[entry.title, FIELD_WEIGHTS.title]];
  for (const question of entry.questions) fields.push([question, FIELD_WEIGHTS.questions]);
  for (const keyword of entry.keywords) fields.push([keyword, FIELD_WEIGHTS.keywords]);
  for (const tag of entry.tags) fields.push([tag, FIELD_WEIGHTS.tags]);
  for (const reply of entry.replies) {
    // Variables are not words the buyer types.
    fields.push([reply.text.replace(/\{\{[^}]*\}\}|\{cursor\}/g, ' '), FIELD_WEIGHTS.replies]);
  }
  if (entry.cause) fields.push([entry.cause, FIELD_WEIGHTS.notes]);
  if (entry.resolution) fields.push([entry.resolution, FIELD_WEIGHTS.notes]);
  return fields;
}

/** Builds the segment of one validated pack (`fingerprint` when the caller already has it). */
export function buildSegment(pack: Pack, fingerprint = packFingerprint(pack)): Segment {
  // Terms are interned to numbers (Han terms arrive as numbers already) and every posting goes into
  // flat typed arrays, sorted by term once at the end: per-term growing arrays and short strings made
  // garbage collection the main cost of indexing.
  const termIds = new Map<string, number>();
  const hanIds = new Map<number, number>();
  const terms: Array<string | number> = [];
  let tf = new Float64Array(1024);
  const touched: number[] = [];
  // About 150 distinct terms per entry in real packs: start near the final size.
  const capacity = Math.max(1 << 12, pack.entries.length * 160);
  let tripleTerm = new Int32Array(capacity);
  let tripleDoc = new Int32Array(capacity);
  let tripleWeight = new Float32Array(capacity);
  let triples = 0;
  const docs: SegmentDoc[] = [];
  let totalLength = 0;
  let fieldWeight = 1;
  let length = 0;
  const newTerm = (term: string | number): number => {
    const id = terms.length;
    terms.push(term);
    if (id >= tf.length) {
      const grown = new Float64Array(tf.length * 2);
      grown.set(tf);
      tf = grown;
    }
    return id;
  };
  const add = (id: number, weight: number) => {
    if (tf[id] === 0) touched.push(id);
    const w = weight * fieldWeight;
    tf[id] = tf[id]! + w;
    length += w;
  };
  const onHan = (key: number, weight: number) => {
    let id = hanIds.get(key);
    if (id === undefined) hanIds.set(key, (id = newTerm(key)));
    add(id, weight);
  };
  const onTerm = (term: string, weight: number) => {
    let id = termIds.get(term);
    if (id === undefined) termIds.set(term, (id = newTerm(term)));
    add(id, weight);
  };
  pack.entries.forEach((entry, docNo) => {
    length = 0;
    for (const [text, weight] of entryFields(entry)) {
      fieldWeight = weight;
      emitTermKeys(normalizeText(text), onHan, onTerm);
    }
    if (triples + touched.length > tripleTerm.length) {
      const size = Math.max(tripleTerm.length * 2, triples + touched.length);
      const grow = <T extends Int32Array | Float32Array>(from: T, to: T): T => (to.set(from), to);
      tripleTerm = grow(tripleTerm, new Int32Array(size));
      tripleDoc = grow(tripleDoc, new Int32Array(size));
      tripleWeight = grow(tripleWeight, new Float32Array(size));
    }
    for (const id of touched) {
      tripleTerm[triples] = id;
      tripleDoc[triples] = docNo;
      tripleWeight[triples] = tf[id]!;
      triples += 1;
      tf[id] = 0;
    }
    touched.length = 0;
    docs.push({ entryId: entry.id, length });
    totalLength += length;
  });
  // Counting sort by term; documents stay ascending because they were added in order.
  const offsets = new Int32Array(terms.length + 1);
  for (let i = 0; i < triples; i += 1) offsets[tripleTerm[i]! + 1]! += 1;
  for (let t = 0; t < terms.length; t += 1) offsets[t + 1]! += offsets[t]!;
  const cursor = offsets.slice(0, terms.length);
  const postingDocs = new Int32Array(triples);
  const postingWeights = new Float32Array(triples);
  for (let i = 0; i < triples; i += 1) {
    const at = cursor[tripleTerm[i]!]!;
    cursor[tripleTerm[i]!] = at + 1;
    postingDocs[at] = tripleDoc[i]!;
    postingWeights[at] = tripleWeight[i]!;
  }
  return {
    format: SEGMENT_FORMAT,
    packId: pack.id,
    fingerprint,
    docs,
    totalLength,
    terms: terms.map((term) => (typeof term === 'number' ? termKeyString(term) : term)),
    offsets,
    postingDocs,
    postingWeights,
  };
}

/** A plain-JSON copy of a segment (typed arrays as number lists). */
export function serializeSegment(segment: Segment): Record<string, unknown> {
  return {
    ...segment,
    offsets: Array.from(segment.offsets),
    postingDocs: Array.from(segment.postingDocs),
    postingWeights: Array.from(segment.postingWeights),
  };
}

/**
 * Reads a stored segment back (from IndexedDB with typed arrays, or from JSON with number lists);
 * returns null when it is of another format or inconsistent, and the caller rebuilds it.
 */
export function reviveSegment(value: unknown): Segment | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Record<string, unknown>;
  if (s.format !== SEGMENT_FORMAT || !Array.isArray(s.docs) || !Array.isArray(s.terms)) return null;
  const ints = (v: unknown) => (v instanceof Int32Array ? v : Array.isArray(v) ? Int32Array.from(v as number[]) : null);
  const floats = (v: unknown) =>
    v instanceof Float32Array ? v : Array.isArray(v) ? Float32Array.from(v as number[]) : null;
  const offsets = ints(s.offsets);
  const postingDocs = ints(s.postingDocs);
  const postingWeights = floats(s.postingWeights);
  if (!offsets || !postingDocs || !postingWeights) return null;
  if (offsets.length !== s.terms.length + 1 || postingDocs.length !== postingWeights.length) return null;
  if (offsets[offsets.length - 1] !== postingDocs.length) return null;
  return { ...(s as unknown as Segment), offsets, postingDocs, postingWeights };
}
