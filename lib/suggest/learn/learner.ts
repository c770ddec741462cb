/**
 * The learner the panel and the CLI use: redacts the buyer's message, remembers the pick, and re-ranks the
 * engine's candidates for the next message. Storage is the caller's: persist the record `learn` returns
 * and delete the evicted ones, and give every stored record back with `PickLearner.fromRecords` on start.
 */
import { redact } from '../../usage/redact';
import { isCourtesyOnly } from '../text/courtesy';
import { blend, type LearnedFit, type RankedCandidate } from './blend';
import { PickMemory, type PickRecord } from './pick-memory';

/** One agent pick as the caller sees it: raw buyer text, redacted here before anything is kept. */
export interface Pick {
  packId: string;
  packVersion: string;
  entryId: string;
  /** The pending buyer message(s) the entry answered, raw. */
  text: string;
  at: number;
  /** Buyer names the page shows (nickname, receiver), redacted as `[name]`. */
  names?: readonly string[];
  /** The entry was not among the suggestions shown: the agent searched it out (see `PickRecord.searched`). */
  searched?: boolean;
}

/** What `learn` did, for the caller to persist. */
export interface LearnResult {
  /** The record to store, or null when nothing was learned (empty or courtesy-only message). */
  record: PickRecord | null;
  /** Records pushed out by the size bound: delete them from storage. */
  evicted: PickRecord[];
}

/**
 * The record a pick is stored as: its text redacted. Null when it teaches nothing (empty, or greetings and
 * thanks only). Whoever stores picks calls this, whatever the sender already did (the background redacts
 * again what the panel sends).
 */
export function pickRecordOf(pick: Pick): PickRecord | null {
  if (!pick.text.trim() || isCourtesyOnly(pick.text)) return null;
  return {
    packId: pick.packId,
    packVersion: pick.packVersion,
    entryId: pick.entryId,
    text: redact(pick.text, { names: pick.names }),
    at: pick.at,
    ...(pick.searched ? { searched: true } : {}),
  };
}

/** How many suggestions the agent sees (the panel lists 5): a pick of an entry beyond them was searched out. */
export const SHOWN_SUGGESTIONS = 5;

/**
 * Whether a pick of `key` (`entryKey`) was searched out: not among the first `SHOWN_SUGGESTIONS` of `shown`,
 * the list the agent was shown for the message (keys, best first).
 */
export function isSearchedPick(key: string, shown: readonly string[]): boolean {
  return !shown.slice(0, SHOWN_SUGGESTIONS).includes(key);
}

/** What `packOfPickedEntry` needs of a pack. */
interface PickablePack {
  id: string;
  platforms?: readonly string[];
  entries: ReadonlyArray<{ id: string }>;
}

/**
 * The pack an entry named by id alone (`kpack suggest` "picked") belongs to when several loaded packs hold
 * that id (cancel-order, change-address…): the pack the ranking shown for the line had it from, else one
 * made for the chat's platform, else the first loaded. Undefined when no pack holds it.
 */
export function packOfPickedEntry<P extends PickablePack>(
  packs: readonly P[],
  entryId: string,
  ranked: ReadonlyArray<{ packId: string; entryId: string }> = [],
  platform?: string,
): P | undefined {
  const holding = packs.filter((pack) => pack.entries.some((entry) => entry.id === entryId));
  if (holding.length <= 1) return holding[0];
  const shown = ranked.find((s) => s.entryId === entryId && holding.some((pack) => pack.id === s.packId));
  return (
    holding.find((pack) => pack.id === shown?.packId) ??
    holding.find((pack) => !!platform && !!pack.platforms?.includes(platform)) ??
    holding[0]
  );
}

export class PickLearner {
  constructor(readonly memory: PickMemory = new PickMemory()) {}

  /** A learner holding stored records (oldest first). */
  static fromRecords(records: readonly PickRecord[], capacity?: number): PickLearner {
    return new PickLearner(PickMemory.fromRecords(records, capacity));
  }

  /**
   * Learns that the agent answered `pick.text` with `pick.entryId`, effective for the next `rank`.
   * Greetings and thanks teach nothing: they never get a suggestion however often they are answered.
   */
  learn(pick: Pick): LearnResult {
    const record = pickRecordOf(pick);
    if (!record) return { record: null, evicted: [] };
    const evicted = this.memory.learn(record);
    return { record, evicted };
  }

  /**
   * The engine's candidates for `text` (keys from `entryKey`, best first, empty when it abstained)
   * re-ranked with what picks taught; `admit` says which other entries may be added (see `BlendOptions`).
   */
  rank(
    text: string,
    candidates: readonly RankedCandidate[],
    names?: readonly string[],
    admit?: (key: string) => LearnedFit,
  ): RankedCandidate[] {
    if (isCourtesyOnly(text)) return candidates.map((c) => ({ ...c }));
    return blend(candidates, this.memory.votes(redact(text, { names })), { admit });
  }

  /** Forgets every pick. */
  forget(): void {
    this.memory.forget();
  }
}
