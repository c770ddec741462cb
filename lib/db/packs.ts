/**
 * Pack storage: store a pack the import pipeline produced (with its index segment and subscription),
 * list, enable, remove, and read the enabled packs. Nothing here reads, converts or checks a pack file.
 * Functions take the database so tests pass an in-memory one.
 */
import type { PackSource, PackSummary } from '../packs/types';
import type { Pack } from '../packs/schema';
import { isCurrentSegment, packFingerprint, rememberFingerprint, type Segment } from '../suggest/index/segment';
import type { SyncState } from '../sync/pack-fetch';
import type { HuashuDb, StoredPack, StoredSubscription } from './schema';

export function summarize(stored: StoredPack, subscription?: StoredSubscription): PackSummary {
  return {
    id: stored.id,
    name: stored.pack.name,
    version: stored.pack.version,
    locale: stored.pack.locale,
    entries: stored.pack.entries.length,
    enabled: stored.enabled,
    source: stored.source,
    importedAt: stored.importedAt,
    warnings: stored.warnings,
    ...(subscription
      ? {
          sync: {
            checkedAt: subscription.checkedAt,
            changedAt: subscription.changedAt,
            lastError: subscription.lastError,
            ...(subscription.accessOrigin ? { accessOrigin: subscription.accessOrigin } : {}),
            ...(subscription.reviewUpdates ? { reviewUpdates: true } : {}),
            ...(subscription.publicKey ? { publicKey: subscription.publicKey } : {}),
            ...(subscription.pending
              ? { pending: { version: subscription.pending.version, fetchedAt: subscription.pending.fetchedAt } }
              : {}),
          },
        }
      : {}),
  };
}

export async function listPacks(db: HuashuDb): Promise<PackSummary[]> {
  const all = await db.packs.orderBy('importedAt').toArray();
  const subscriptions = new Map((await db.subscriptions.toArray()).map((s) => [s.packId, s]));
  return all.map((p) => summarize(p, subscriptions.get(p.id)));
}

/** A pack to store, as the import pipeline and its index build left it. */
interface PackToStore {
  pack: Pack;
  /** `buildSegment(pack)`, built before the transaction: IndexedDB transactions close when they wait on anything else. */
  segment: Segment;
  source: PackSource;
  /** How many lint warnings it had, shown in the options page. */
  warnings: number;
  now: number;
  /** For a URL source: the validators and hash of the body, remembered for the next check. */
  sync?: SyncState;
  /**
   * A sync's update: stored only if the pack is still subscribed to this URL when the transaction runs
   * (removed meanwhile, it stays removed).
   */
  onlyIfSubscribedTo?: string;
  /**
   * For a URL source: the team key a new subscription pins (null: none). Absent, as for a sync's or a
   * review's update, the subscription keeps the key it has.
   */
  publicKey?: string | null;
}

/**
 * Stores a pack with its index segment in one transaction, keeping its enabled flag when it replaces one.
 * A pack from a URL is kept in step with it (its subscription row written too); one from a file or
 * shipped is no longer subscribed.
 */
export async function storePack(
  db: HuashuDb,
  { pack, segment, source, warnings, now, sync = {}, onlyIfSubscribedTo, publicKey }: PackToStore,
): Promise<{ pack: StoredPack; replaced: string | null } | null> {
  return db.transaction('rw', db.packs, db.segments, db.subscriptions, async () => {
    if (onlyIfSubscribedTo !== undefined) {
      const subscription = await db.subscriptions.get(pack.id);
      if (subscription?.url !== onlyIfSubscribedTo) return null;
    }
    const previous = await db.packs.get(pack.id);
    const stored: StoredPack = {
      id: pack.id,
      pack,
      source,
      importedAt: now,
      enabled: previous?.enabled ?? true,
      warnings,
      fingerprint: segment.fingerprint,
    };
    await db.packs.put(stored);
    await db.segments.put({ packId: pack.id, fingerprint: segment.fingerprint, segment });
    if (source.kind === 'url') {
      const subscribed = await db.subscriptions.get(pack.id);
      const pinned = publicKey === undefined ? subscribed?.publicKey : publicKey;
      await db.subscriptions.put({
        // The team lead's choice to review updates outlives each update; an applied update is no longer pending.
        ...(subscribed?.reviewUpdates ? { reviewUpdates: true } : {}),
        ...(pinned ? { publicKey: pinned } : {}),
        packId: pack.id,
        url: source.url,
        ...sync,
        checkedAt: now,
        changedAt: now,
        lastError: null,
        failures: 0,
      });
    } else {
      await db.subscriptions.delete(pack.id);
    }
    return { pack: stored, replaced: previous ? previous.pack.version : null };
  });
}

export async function setPackEnabled(db: HuashuDb, id: string, enabled: boolean): Promise<void> {
  await db.packs.update(id, { enabled });
}

/** Removes a pack, its index and its subscription (removing a subscribed pack is unsubscribing). */
export async function removePack(db: HuashuDb, id: string): Promise<void> {
  await db.transaction('rw', db.packs, db.segments, db.subscriptions, async () => {
    await db.packs.delete(id);
    await db.segments.delete(id);
    await db.subscriptions.delete(id);
  });
}

/** The enabled packs' records, in import order. */
async function enabledRecords(db: HuashuDb): Promise<StoredPack[]> {
  return (await db.packs.orderBy('importedAt').toArray()).filter((p) => p.enabled);
}

/** The enabled packs, in import order (what suggestions and shortcuts use). */
export async function loadEnabledPackList(db: HuashuDb): Promise<Pack[]> {
  return (await enabledRecords(db)).map((p) => p.pack);
}

/** Enabled packs with their cached index segments (segments of changed packs are dropped). */
export async function loadEnabledPacks(db: HuashuDb): Promise<{ packs: Pack[]; segments: Segment[] }> {
  const stored = await enabledRecords(db);
  const segments = await db.segments.bulkGet(stored.map((p) => p.id));
  // The fingerprint kept at import spares hashing every pack again on every panel open.
  for (const p of stored) if (p.fingerprint) rememberFingerprint(p.pack, p.fingerprint);
  return {
    packs: stored.map((p) => p.pack),
    // An index of another build's format (stored before an update of the extension) is not read: the panel builds the
    // pack's index itself until the background has stored it again (`reindexStalePacks`).
    segments: segments
      .filter((s, i) => s && isCurrentSegment(s.segment) && s.fingerprint === packFingerprint(stored[i]!.pack))
      .map((s) => s!.segment),
  };
}

/**
 * Stores a new index (`build(pack)`) for every pack whose stored index is missing, of another build's format (an
 * update of the extension changed what an index holds) or of other content; returns their ids. Each is built outside
 * the transaction (see `PackToStore.segment`) and stored only if the pack did not change meanwhile.
 */
export async function reindexStalePacks(db: HuashuDb, build: (pack: Pack) => Segment): Promise<string[]> {
  const reindexed: string[] = [];
  for (const id of await db.packs.toCollection().primaryKeys()) {
    const record = await db.packs.get(id);
    if (!record) continue;
    const fingerprint = record.fingerprint ?? packFingerprint(record.pack);
    const kept = await db.segments.get(id);
    if (kept && isCurrentSegment(kept.segment) && kept.fingerprint === fingerprint) continue;
    const segment = build(record.pack);
    const stored = await db.transaction('rw', db.packs, db.segments, async () => {
      const now = await db.packs.get(id);
      if (!now || (now.fingerprint ?? packFingerprint(now.pack)) !== segment.fingerprint) return false;
      await db.segments.put({ packId: id, fingerprint: segment.fingerprint, segment });
      return true;
    });
    if (stored) reindexed.push(id);
  }
  return reindexed;
}
