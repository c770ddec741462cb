/**
 * Version 2 adds the `subscriptions` table. A pack stored from a URL before it (PackSource `url`) gets a
 * subscription, so the background keeps it in step from now on; it has not been checked yet.
 */
import type { Transaction } from 'dexie';
import type { StoredPack, StoredSubscription } from '../schema';

export async function migrateSubscriptions(tx: Transaction): Promise<void> {
  const packs = (await tx.table('packs').toArray()) as StoredPack[];
  const rows: StoredSubscription[] = packs.flatMap((p) =>
    p.source.kind === 'url'
      ? [{ packId: p.id, url: p.source.url, checkedAt: null, changedAt: p.importedAt, lastError: null, failures: 0 }]
      : [],
  );
  if (rows.length > 0) await tx.table('subscriptions').bulkPut(rows);
}
