/**
 * Sync state of subscribed packs (the pack itself is written by `storePack` in ./packs.ts, in the same
 * transaction as its subscription). Functions take the database so tests pass an in-memory one.
 */
import type { HuashuDb, StoredSubscription } from './schema';

export function listSubscriptions(db: HuashuDb): Promise<StoredSubscription[]> {
  return db.subscriptions.toArray();
}

/** Records a check that brought nothing new (unchanged, or failed): the stored pack is not touched. */
export async function recordSyncCheck(
  db: HuashuDb,
  packId: string,
  patch: Partial<Omit<StoredSubscription, 'packId' | 'url'>>,
): Promise<void> {
  await db.transaction('rw', db.subscriptions, async () => {
    const current = await db.subscriptions.get(packId);
    // Removed while it was being fetched: do not bring the subscription back.
    if (!current) return;
    const next: StoredSubscription = { ...current, ...patch };
    if (!patch.accessOrigin) delete next.accessOrigin;
    await db.subscriptions.put(next);
  });
}
