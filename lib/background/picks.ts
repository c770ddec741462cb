/**
 * The background's side of learning from picks (lib/suggest/learn): it alone stores them. Whatever a page
 * sends is checked against the stored packs and redacted again here; the pack's stored version is used,
 * not the sender's.
 */
import { addPick, dropPicksOfMissingEntries } from '../db/picks';
import type { HuashuDb } from '../db/schema';
import { pickRecordOf } from '../suggest/learn/learner';
import type { PickRecord } from '../suggest/learn/pick-memory';

/** Longest buyer text kept for one pick (the pending messages, at most three, as the panel reads them). */
const MAX_QUESTION = 1000;

/** A pick as a page or the shortcut expansion reports it. */
export interface ReportedPick {
  packId: string;
  entryId: string;
  /** The buyer message(s) pending when the agent picked. */
  question: string;
  /** Buyer names the page shows, redacted as `[name]`. */
  names?: readonly string[];
  /** The agent searched the entry out (`PickRecord.searched`); a shortcut typed in the composer does not say. */
  searched?: boolean;
}

/**
 * Stores a pick of an entry of a stored pack, redacted. Returns the record, or null when nothing was
 * stored (unknown pack or entry, a message that teaches nothing, malformed data).
 */
export async function storePick(db: HuashuDb, pick: ReportedPick, at: number): Promise<PickRecord | null> {
  if (typeof pick.packId !== 'string' || typeof pick.entryId !== 'string' || typeof pick.question !== 'string') {
    return null;
  }
  const stored = await db.packs.get(pick.packId);
  if (!stored || !stored.pack.entries.some((e) => e.id === pick.entryId && e.kind === 'reply')) return null;
  const names = Array.isArray(pick.names) ? pick.names.filter((n): n is string => typeof n === 'string') : [];
  const record = pickRecordOf({
    packId: pick.packId,
    packVersion: stored.pack.version,
    entryId: pick.entryId,
    text: pick.question.slice(0, MAX_QUESTION),
    at,
    names,
    searched: pick.searched === true,
  });
  if (record) await addPick(db, record);
  return record;
}

/** After packs changed (updated, removed): drops the picks of entries they no longer have. */
export async function prunePicks(db: HuashuDb, packIds: readonly string[]): Promise<number> {
  let dropped = 0;
  for (const packId of packIds) {
    const stored = await db.packs.get(packId);
    dropped += await dropPicksOfMissingEntries(
      db,
      packId,
      stored ? new Set(stored.pack.entries.map((e) => e.id)) : null,
    );
  }
  return dropped;
}
