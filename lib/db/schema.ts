/**
 * The extension's IndexedDB, in one place. Every schema change is a new `this.version(n)` below, and a
 * change to stored data gets a numbered migration in `migrations/` with its own test.
 * Only the background writes; extension pages may read.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { PackSource } from '../messaging/protocol';
import type { Pack } from '../packs/schema';
import type { Segment } from '../suggest/segment';
import type { UsageLogEvent } from '../usage/report';

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

export interface StoredSegment {
  packId: string;
  fingerprint: string;
  segment: Segment;
}

/** One line of the local usage log (see lib/usage/report.ts); `question` is not indexed, so no new version. */
export interface UsageEvent extends UsageLogEvent {
  id?: number;
  score?: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'huashu';

export class HuashuDb extends Dexie {
  packs!: EntityTable<StoredPack, 'id'>;
  segments!: EntityTable<StoredSegment, 'packId'>;
  usage!: EntityTable<UsageEvent, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      packs: 'id, enabled, importedAt',
      segments: 'packId',
      usage: '++id, at, type, [packId+entryId]',
      settings: 'key',
    });
  }
}
