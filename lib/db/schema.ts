/**
 * The extension's IndexedDB, in one place. Every schema change is a new `this.version(n)` below, and a
 * change to stored data gets a numbered migration in `migrations/` with its own test.
 * Only the background writes; extension pages may read.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { PackSource } from '../packs/types';
import type { Pack } from '../packs/schema';
import type { Segment } from '../suggest/index/segment';
import type { PickRecord } from '../suggest/learn/pick-memory';
import type { SyncState } from '../sync/pack-fetch';
import type { SyncSchedule } from '../sync/schedule';
import type { UsageLogEvent } from '../usage/report';
import { migrateSubscriptions } from './migrations/002-subscriptions';

export interface StoredPack {
  id: string;
  pack: Pack;
  source: PackSource;
  importedAt: number;
  enabled: boolean;
  /** Lint warnings when imported, shown in the options page. */
  warnings: number;
  /** `packFingerprint(pack)` when stored (absent in records written before it was kept). */
  fingerprint?: string;
}

interface StoredSegment {
  packId: string;
  fingerprint: string;
  segment: Segment;
}

/** One line of the local usage log (see lib/usage/report.ts); `question` is not indexed, so no new version. */
interface UsageEvent extends UsageLogEvent {
  id?: number;
  score?: number;
}

/**
 * A pack the background keeps in step with a URL (lib/sync/). Kept apart from the pack
 * record so an hourly check does not rewrite a pack of thousands of entries.
 */
export interface StoredSubscription extends SyncState, SyncSchedule {
  /** The pack it feeds: the file at `url` must keep this id. */
  packId: string;
  url: string;
  /** When the stored version was fetched (a new body arrived and was imported). */
  changedAt: number | null;
  /** Why the last check failed; null when it worked. The stored pack is then the one from `changedAt`. */
  lastError: string | null;
  /** Set when the last check could not reach the server at all: access to this origin may be missing. */
  accessOrigin?: string;
  /** Updates wait for the team lead's review instead of applying (not indexed: no new version). */
  reviewUpdates?: boolean;
  /** A fetched, valid update waiting for review: applied by `applyUpdate`, replaced by a newer one. */
  pending?: PendingUpdate;
  /**
   * The team's Ed25519 public key (base64 of the raw 32 bytes, as `kpack sign` prints it), pinned when
   * subscribing: every fetched file must come with its signature (`PACK.sig`) or is refused. Not indexed:
   * no new version.
   */
  publicKey?: string;
}

/** A subscribed pack's update as fetched, kept until the team lead applies it. */
export interface PendingUpdate {
  /** The file's text as the import pipeline reads it (`PackText` in lib/packs/import.ts). */
  file: { text: string; headerRow?: number; workbook?: boolean };
  version: string;
  fetchedAt: number;
  /** The body's validators and hash, stored with the pack when it is applied. */
  sync: SyncState;
}

/** One agent pick (lib/suggest/learn): buyer text redacted before it is stored; the newest `LEARN.capacity` kept. */
export interface StoredPick extends PickRecord {
  id?: number;
}

interface SettingRow {
  key: string;
  value: unknown;
}

const DB_NAME = 'huashu';

/** The tables and indexes of each version, in order (tests open an old version to test its migration). */
export const SCHEMA_VERSIONS = {
  1: {
    packs: 'id, enabled, importedAt',
    segments: 'packId',
    usage: '++id, at, type, [packId+entryId]',
    settings: 'key',
  },
  /** Pack subscriptions by URL. */
  2: { subscriptions: 'packId' },
  /** What agents picked for which buyer message (lib/db/picks.ts); a new table, no data to migrate. */
  3: { picks: '++id, at, packId' },
} as const;

export class HuashuDb extends Dexie {
  packs!: EntityTable<StoredPack, 'id'>;
  segments!: EntityTable<StoredSegment, 'packId'>;
  usage!: EntityTable<UsageEvent, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  subscriptions!: EntityTable<StoredSubscription, 'packId'>;
  picks!: EntityTable<StoredPick, 'id'>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_VERSIONS[1]);
    this.version(2).stores(SCHEMA_VERSIONS[2]).upgrade(migrateSubscriptions);
    this.version(3).stores(SCHEMA_VERSIONS[3]);
  }
}
