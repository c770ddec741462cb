/**
 * Concept terms on the entry side of the index. An entry has concept `@shipping-fee` when it holds all
 * the index terms of one of the concept's words or phrases (运费; 邮费; "shipping cost" → ship + cost), so a
 * buyer's 掏邮费 or "postage" meets an entry that says 运费 (see concepts.ts). Found from the postings
 * the build already made, not by reading the text again (a pack's own synonym groups work the same way): scanning every question for phrases cost a
 * fifth of a 10k-entry build, intersecting posting lists costs a few milliseconds.
 */
import type { Segment } from './segment';
import { conceptIndexForms, type ConceptIndexForm } from '../text/concepts';
import { indexInSorted } from './sorted';

/**
 * Weight of a concept term in an entry, as in the index's other posting weights (units of 1/80, see
 * `WEIGHT_SCALE`): half a word, since an entry's own words are better evidence than a concept it was
 * found to share. Measured with the query side at weight 1 (see the engine's `CONCEPT_WEIGHT`).
 */
export const CONCEPT_POSTING_UNITS = 40;

type Postings = Pick<Segment, 'termKeys' | 'terms' | 'offsets' | 'postingDocs' | 'postingWeights' | 'postingAsked'>;

function has({ offsets, postingDocs }: Postings, t: number, docNo: number): boolean {
  return indexInSorted(postingDocs, docNo, offsets[t]!, offsets[t + 1]!) >= 0;
}

/**
 * The postings of a build of `docCount` entries with the concept terms of the entries appended as string
 * terms at the end of the vocabulary. `termNumber` gives a term's number in the vocabulary, or -1.
 */
export function appendConceptTerms(
  postings: Postings,
  docCount: number,
  termNumber: (term: string) => number,
  /** Concepts of this pack only (its `synonyms` groups), beside the shared lexicon's. */
  packConcepts: ReadonlyMap<string, ConceptIndexForm[]> = new Map(),
): Postings {
  const { offsets, postingDocs } = postings;
  const length = (t: number) => offsets[t + 1]! - offsets[t]!;
  const added: Array<{ term: string; docs: Int32Array }> = [];
  let count = 0;
  const marked = new Uint8Array(docCount);
  // The entries of the concept being read, in the order found; only they are unmarked after it (a pass
  // over every entry per concept was most of the cost of a first build, run before the JIT warms up).
  const found: number[] = [];
  for (const [term, forms] of [...conceptIndexForms(), ...packConcepts]) {
    for (const { parts } of forms) {
      const numbers = parts.map(termNumber);
      if (numbers.some((n) => n < 0)) continue;
      // Walk the shortest list, look the others up.
      numbers.sort((a, b) => length(a) - length(b));
      const [first, ...others] = numbers;
      for (let i = offsets[first!]!, end = offsets[first! + 1]!; i < end; i += 1) {
        const docNo = postingDocs[i]!;
        if (marked[docNo] === 1) continue;
        let all = true;
        for (const other of others) {
          if (!has(postings, other, docNo)) {
            all = false;
            break;
          }
        }
        if (all) {
          marked[docNo] = 1;
          found.push(docNo);
        }
      }
    }
    if (found.length === 0) continue;
    const docs = Int32Array.from(found).sort();
    for (const docNo of found) marked[docNo] = 0;
    found.length = 0;
    added.push({ term, docs });
    count += docs.length;
  }
  if (added.length === 0) return postings;
  const { termKeys, terms, postingWeights } = postings;
  const termCount = termKeys.length;
  const total = postingDocs.length;
  const nextKeys = new Int32Array(termCount + added.length);
  nextKeys.set(termKeys);
  const nextOffsets = new Int32Array(termCount + added.length + 1);
  nextOffsets.set(offsets);
  const nextDocs = new (postingDocs.constructor as Int32ArrayConstructor | Uint16ArrayConstructor)(total + count);
  nextDocs.set(postingDocs);
  const nextWeights = new Uint16Array(total + count);
  nextWeights.set(postingWeights);
  // A concept term stands for whole words and phrases of the entry: asked, as its words are.
  const nextAsked = new Uint8Array((total + count + 7) >> 3);
  nextAsked.set(postings.postingAsked);
  const nextTerms = [...terms];
  let at = total;
  added.forEach(({ term, docs }, i) => {
    nextKeys[termCount + i] = -1 - nextTerms.length;
    nextTerms.push(term);
    for (const docNo of docs) {
      nextDocs[at] = docNo;
      nextWeights[at] = CONCEPT_POSTING_UNITS;
      nextAsked[at >> 3]! |= 1 << (at & 7);
      at += 1;
    }
    nextOffsets[termCount + i + 1] = at;
  });
  return {
    termKeys: nextKeys,
    terms: nextTerms,
    offsets: nextOffsets,
    postingDocs: nextDocs,
    postingWeights: nextWeights,
    postingAsked: nextAsked,
  };
}
