/**
 * One pack's search index ("segment"): an inverted index of weighted terms per entry, built once per
 * pack version. Segments are immutable: when a pack changes only its segment is rebuilt, the others
 * are reused, and a segment serialises to plain JSON for the IndexedDB cache.
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

export const SEGMENT_FORMAT = 'huashu-index/1';

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
  /** term → [doc numbers…, tf…] flattened: the first half doc numbers, the second their weights. */
  postings: Record<string, number[]>;
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

/** Builds the segment of one validated pack. */
export function buildSegment(pack: Pack): Segment {
  // Terms are interned to numbers and term frequencies kept in one reusable array: with string-keyed
  // maps per entry, building 10k entries spent most of its time hashing and collecting garbage.
  const termIds = new Map<string, number>();
  const hanIds = new Map<number, number>();
  const terms: Array<string | number> = [];
  const postingDocs: number[][] = [];
  const postingWeights: number[][] = [];
  let tf = new Float64Array(1024);
  const touched: number[] = [];
  const docs: SegmentDoc[] = [];
  let totalLength = 0;
  let fieldWeight = 1;
  let length = 0;
  const newTerm = (term: string | number): number => {
    const id = terms.length;
    terms.push(term);
    postingDocs.push([]);
    postingWeights.push([]);
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
    for (const id of touched) {
      postingDocs[id]!.push(docNo);
      postingWeights[id]!.push(Math.round(tf[id]! * 1000) / 1000);
      tf[id] = 0;
    }
    touched.length = 0;
    docs.push({ entryId: entry.id, length });
    totalLength += length;
  });
  const postings: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
  terms.forEach((term, id) => {
    postings[typeof term === 'number' ? termKeyString(term) : term] = postingDocs[id]!.concat(postingWeights[id]!);
  });
  return { format: SEGMENT_FORMAT, packId: pack.id, fingerprint: packFingerprint(pack), docs, totalLength, postings };
}

/** Reads a serialised segment back; returns null when it is of another format (then rebuild). */
export function reviveSegment(value: unknown): Segment | null {
  if (typeof value !== 'object' || value === null) return null;
  const segment = value as Partial<Segment>;
  if (segment.format !== SEGMENT_FORMAT || !Array.isArray(segment.docs) || typeof segment.postings !== 'object') {
    return null;
  }
  const postings = Object.assign(Object.create(null) as Record<string, number[]>, segment.postings);
  return { ...(segment as Segment), postings };
}
