/**
 * Agents' picks (lib/suggest/learn): stored, bounded, read back, forgotten. The background is the only
 * writer and redacts before it calls `addPick`; the side panel reads them with the packs to start fast.
 * Functions take the database so tests pass an in-memory one.
 */
import { LEARN, type PickRecord } from '../suggest/learn/pick-memory';
import type { HuashuDb, StoredPick } from './schema';

const plain = ({ id: _id, ...record }: StoredPick): PickRecord => record;

/** Stores a pick and drops the oldest beyond `capacity` (the newest are kept, as `PickMemory` keeps them). */
export async function addPick(db: HuashuDb, record: PickRecord, capacity: number = LEARN.capacity): Promise<void> {
  await db.transaction('rw', db.picks, async () => {
    await db.picks.add({ ...record });
    const extra = (await db.picks.count()) - capacity;
    if (extra > 0) await db.picks.bulkDelete((await db.picks.limit(extra).primaryKeys()) as number[]);
  });
}

/** Every stored pick, oldest first (the order `PickLearner.fromRecords` expects). */
export async function loadPicks(db: HuashuDb): Promise<PickRecord[]> {
  return (await db.picks.toArray()).map(plain);
}

/** Forgets every pick. */
export async function clearPicks(db: HuashuDb): Promise<void> {
  await db.picks.clear();
}

/**
 * Drops the picks of a pack's entries that no longer exist (the pack was updated or removed: `entryIds`
 * null). Returns how many were dropped.
 */
export async function dropPicksOfMissingEntries(
  db: HuashuDb,
  packId: string,
  entryIds: ReadonlySet<string> | null,
): Promise<number> {
  return db.picks
    .where('packId')
    .equals(packId)
    .filter((pick) => !entryIds || !entryIds.has(pick.entryId))
    .delete();
}
