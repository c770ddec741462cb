/**
 * What agents' picks teach, kept apart from what the team lead wrote. When an agent inserts entry E while
 * buyer message M is pending, (M, E) is a labelled example. The memory keeps the last `capacity` of them
 * (redacted text, never raw) and answers two questions about a new message:
 * - which picked messages it resembles (IDF-weighted cosine over the engine's terms): a near-repeat of a
 *   picked message is strong evidence, several consistent neighbours stronger, contrary ones cancel;
 * - which entries its terms have been picked for (term → entry associations, counted only for terms seen
 *   in at least two picks and weighted by how specific they are to one entry): a weaker signal, reported
 *   with the votes but ranking nothing (`blend`: it made new wordings worse).
 * Measured on buyer chats (see bench/replay.ts): appending picked messages to an entry's questions brings
 * the noise of long messages along, so examples stay separate and only vote.
 */
import { learnTermsOf, repeatKeyOf, repeatSimilarity, type RepeatKey, type TermVector } from './terms';

/** One stored pick, as persisted (plain, serialisable). */
export interface PickRecord {
  packId: string;
  /** The pack's version when the pick was made: a later version may keep or drop it (see `retain`). */
  packVersion: string;
  entryId: string;
  /** The buyer's message, redacted (lib/usage/redact.ts) before it reached the memory. */
  text: string;
  /** When the agent picked (ms since epoch). */
  at: number;
  /**
   * The entry was not among the suggestions shown for the message (`PICK_SHOWN`): the agent searched it out.
   * A deliberate answer the engine missed, so a looser re-ask of the message counts (`BLEND.searchedRepeat`).
   */
  searched?: boolean;
}

/** The key of an entry across packs, as `blend` expects it: `packId/entryId` (ids never contain "/"). */
export function entryKey(packId: string, entryId: string): string {
  return `${packId}/${entryId}`;
}

/** The inverse of `entryKey`. */
export function parseEntryKey(key: string): { packId: string; entryId: string } {
  const slash = key.indexOf('/');
  return { packId: key.slice(0, slash), entryId: key.slice(slash + 1) };
}

/** What the memory says about one entry for one message. */
export interface LearnedVote {
  /** `packId/entryId`. */
  key: string;
  /** Similarity (0…1) of the message to the most similar message picked for this entry. */
  similarity: number;
  /** This entry's share of the neighbours' similarity-weighted votes (0…1): contrary picks lower it. */
  agreement: number;
  /** How many neighbouring picks voted for it. */
  support: number;
  /** Share of the message's informative term weight whose picks point to this entry (0…1). */
  association: number;
  /** Similarity of the message to the most similar message this entry was searched out for (0 if none). */
  searchedSimilarity: number;
}

/** Constants of the vote, chosen on the replay's tuning and dev streams (bench/replay.ts). */
export const LEARN = {
  /** Picks kept; the oldest go first. */
  capacity: 2000,
  /** Neighbours that vote. */
  neighbours: 7,
  /** Below this similarity a picked message does not vote. */
  minSimilarity: 0.25,
  /** Neighbour votes weigh similarity to this power: a near-repeat outweighs several loose neighbours. */
  sharpness: 3,
  /** A term must occur in this many picks before its associations count. */
  minTermPicks: 2,
  /** Additive smoothing of P(entry | term): one pick of a term says little. */
  termSmoothing: 1,
  /** Picks without any term assumed beside the stored ones when computing IDF (see `idf`). */
  priorPicks: 10,
  /**
   * From this term similarity on, a picked message is also compared by its content tokens
   * (`repeatSimilarity`, recall-weighted, typo-tolerant): re-asks with a clause added or a slip reached
   * 0.7 this way where the cosine stayed near 0.4 (re-asks +0.3 to +1.4 points on tuning and dev).
   */
  repeatFloor: 0.15,
  /** How many of the closest picked messages are compared as re-asks (the comparison costs more). */
  repeatCandidates: 32,
} as const;

interface Example {
  record: PickRecord;
  key: string;
  terms: TermVector;
  repeat: RepeatKey;
}

/**
 * A bounded store of picks with the indexes the votes need. Not persisted by itself: the caller saves
 * `toRecords()` (or each new record) and gives them back with `fromRecords` after a restart.
 */
export class PickMemory {
  /** Live examples by id, oldest first. Ids grow; an id's slot in the typed arrays is `id % capacity`. */
  private examples = new Map<number, Example>();
  private nextId = 0;
  /** term → (example id → the term's weight in it). */
  private postings = new Map<string, Map<number, number>>();
  /** term → entry key → number of examples. */
  private termEntries = new Map<string, Map<string, number>>();
  /**
   * Example norms under the current IDF, by slot, and the memory version each was computed at: every
   * pick changes IDF, so a norm is recomputed when its example is next compared, not all at each pick.
   */
  private norms: Float64Array;
  private normVersions: Uint32Array;
  private version = 1;
  /** Per-slot dot products of the current vote, and which slots hold one. */
  private dots: Float64Array;
  private touched: number[] = [];

  constructor(readonly capacity: number = LEARN.capacity) {
    this.norms = new Float64Array(capacity);
    this.normVersions = new Uint32Array(capacity);
    this.dots = new Float64Array(capacity);
  }

  /** Number of stored picks. */
  get size(): number {
    return this.examples.size;
  }

  /** Remembers a pick. `record.text` must already be redacted. Returns the records evicted to make room. */
  learn(record: PickRecord): PickRecord[] {
    const terms = learnTermsOf(record.text);
    if (terms.size === 0) return [];
    const evicted: PickRecord[] = [];
    // Oldest first out, so the slot of the new id (id % capacity) is free.
    for (const [oldest, example] of this.examples) {
      if (this.examples.size < this.capacity) break;
      evicted.push(example.record);
      this.remove(oldest);
    }
    const id = this.nextId++;
    const key = entryKey(record.packId, record.entryId);
    this.examples.set(id, { record, key, terms, repeat: repeatKeyOf(record.text, terms) });
    this.slots[id % this.capacity] = this.examples.get(id);
    for (const [term, weight] of terms) {
      let ids = this.postings.get(term);
      if (!ids) this.postings.set(term, (ids = new Map()));
      ids.set(id, weight);
      let entries = this.termEntries.get(term);
      if (!entries) this.termEntries.set(term, (entries = new Map()));
      entries.set(key, (entries.get(key) ?? 0) + 1);
    }
    this.version += 1;
    return evicted;
  }

  /** Forgets every pick (the options page's "forget" button). */
  forget(): void {
    this.examples.clear();
    this.slots = [];
    this.postings.clear();
    this.termEntries.clear();
    this.version += 1;
  }

  /**
   * Keeps only the picks `keep` accepts, e.g. after a pack update: drop picks of entries the new version
   * no longer has, or of other pack versions. Returns how many were dropped.
   */
  retain(keep: (record: PickRecord) => boolean): number {
    let dropped = 0;
    for (const [id, example] of [...this.examples]) {
      if (keep(example.record)) continue;
      this.remove(id);
      dropped += 1;
    }
    return dropped;
  }

  /** Every stored pick, oldest first, for persistence or export. */
  toRecords(): PickRecord[] {
    return [...this.examples.values()].map((example) => ({ ...example.record }));
  }

  /** A memory holding `records` (oldest first); beyond `capacity`, the newest are kept. */
  static fromRecords(records: readonly PickRecord[], capacity: number = LEARN.capacity): PickMemory {
    const memory = new PickMemory(capacity);
    for (const record of records.slice(-capacity)) memory.learn({ ...record });
    return memory;
  }

  /** What the stored picks say about a message (redacted the same way as the stored ones), best first. */
  votes(redactedText: string): LearnedVote[] {
    if (this.examples.size === 0) return [];
    const query = learnTermsOf(redactedText);
    if (query.size === 0) return [];
    const { dots, touched, capacity } = this;
    touched.length = 0;

    let queryNorm = 0;
    let informative = 0;
    const association = new Map<string, number>();
    for (const [term, weight] of query) {
      const ids = this.postings.get(term);
      const termIdf = this.idf(ids?.size ?? 0);
      const q = weight * termIdf;
      queryNorm += q * q;
      informative += q;
      if (!ids) continue;
      const qIdf = q * termIdf;
      for (const [id, exampleWeight] of ids) {
        const slot = id % capacity;
        if (dots[slot] === 0) touched.push(slot);
        dots[slot] = dots[slot]! + qIdf * exampleWeight;
      }
      if (ids.size < LEARN.minTermPicks) continue;
      for (const [key, count] of this.termEntries.get(term)!) {
        association.set(key, (association.get(key) ?? 0) + q * (count / (ids.size + LEARN.termSmoothing)));
      }
    }
    queryNorm = Math.sqrt(queryNorm);

    // Term similarity of every picked message sharing a term; the closest are compared as re-asks too
    // (a re-ask only raises a similarity, so the nearest neighbours are among them).
    const scored: Array<{ slot: number; similarity: number }> = [];
    for (const slot of touched) {
      const similarity = dots[slot]! / (queryNorm * this.normOf(slot));
      dots[slot] = 0;
      if (similarity >= LEARN.repeatFloor) scored.push({ slot, similarity });
    }
    scored.sort((a, b) => b.similarity - a.similarity);
    const closest = scored.slice(0, Math.max(LEARN.repeatCandidates, LEARN.neighbours));
    if (closest.length > 0) {
      const queryRepeat = repeatKeyOf(redactedText, query);
      for (const found of closest) {
        found.similarity = Math.max(found.similarity, repeatSimilarity(this.slots[found.slot]!.repeat, queryRepeat));
      }
    }
    const nearest = closest
      .filter((found) => found.similarity >= LEARN.minSimilarity)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, LEARN.neighbours);

    const byEntry = new Map<string, LearnedVote>();
    const vote = (key: string) => {
      let found = byEntry.get(key);
      if (!found)
        byEntry.set(
          key,
          (found = { key, similarity: 0, agreement: 0, support: 0, association: 0, searchedSimilarity: 0 }),
        );
      return found;
    };
    let mass = 0;
    for (const { slot, similarity } of nearest) {
      const entry = vote(this.slots[slot]!.key);
      const weight = similarity ** LEARN.sharpness;
      entry.agreement += weight;
      entry.support += 1;
      entry.similarity = Math.max(entry.similarity, similarity);
      if (this.slots[slot]!.record.searched) entry.searchedSimilarity = Math.max(entry.searchedSimilarity, similarity);
      mass += weight;
    }
    for (const entry of byEntry.values()) entry.agreement = mass > 0 ? entry.agreement / mass : 0;
    for (const [key, value] of association) vote(key).association = informative > 0 ? value / informative : 0;
    return [...byEntry.values()].sort(
      (a, b) => b.agreement * b.similarity - a.agreement * a.similarity || b.association - a.association,
    );
  }

  /**
   * Inverse document frequency over the stored picks, smoothed by `LEARN.priorPicks` picks that have no
   * term: with few picks every term would be equally rare, and a never-seen word of the new message
   * would outweigh everything it shares with a picked one.
   */
  private idf(picks: number): number {
    return Math.log(1 + (this.examples.size + LEARN.priorPicks) / (picks + 1));
  }

  private remove(id: number): void {
    const example = this.examples.get(id);
    if (!example) return;
    this.examples.delete(id);
    this.slots[id % this.capacity] = undefined;
    for (const term of example.terms.keys()) {
      const ids = this.postings.get(term)!;
      ids.delete(id);
      if (ids.size === 0) this.postings.delete(term);
      const entries = this.termEntries.get(term)!;
      const count = entries.get(example.key)! - 1;
      if (count > 0) entries.set(example.key, count);
      else entries.delete(example.key);
      if (entries.size === 0) this.termEntries.delete(term);
    }
    this.version += 1;
  }

  /** The live example of each slot (`id % capacity`). */
  private slots: Array<Example | undefined> = [];

  /** The norm of the example in `slot` under the current IDF. */
  private normOf(slot: number): number {
    if (this.normVersions[slot] === this.version) return this.norms[slot]!;
    const example = this.slots[slot]!;
    let sum = 0;
    for (const [term, weight] of example.terms) {
      const value = weight * this.idf(this.postings.get(term)!.size);
      sum += value * value;
    }
    this.norms[slot] = Math.sqrt(sum) || 1;
    this.normVersions[slot] = this.version;
    return this.norms[slot]!;
  }
}
