/** Each schema version's migration, run on a database seeded at the version before it. */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { listPacks } from '../../lib/db/packs';
import { HuashuDb, SCHEMA_VERSIONS, type StoredPack } from '../../lib/db/schema';
import { pack, miniEnglish, miniStore } from '../helpers/packs';

describe('version 2: subscriptions', () => {
  it('gives a pack stored from a URL a subscription, not yet checked, and leaves the others alone', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('huashu-v1', { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_VERSIONS[1]);
    const rows: StoredPack[] = [
      {
        id: 'mini-store',
        pack: pack(miniStore),
        source: { kind: 'url', url: 'https://packs.example.com/mini.json' },
        importedAt: 500,
        enabled: false,
        warnings: 0,
      },
      {
        id: 'mini-en',
        pack: pack(miniEnglish),
        source: { kind: 'file', fileName: 'en.json' },
        importedAt: 600,
        enabled: true,
        warnings: 1,
      },
    ];
    await v1.table('packs').bulkPut(rows);
    v1.close();

    const db = new HuashuDb('huashu-v1', { indexedDB, IDBKeyRange });
    expect(await db.subscriptions.toArray()).toEqual([
      {
        packId: 'mini-store',
        url: 'https://packs.example.com/mini.json',
        checkedAt: null,
        changedAt: 500,
        lastError: null,
        failures: 0,
      },
    ]);
    expect(await db.packs.orderBy('importedAt').toArray()).toEqual(rows);
    expect((await listPacks(db)).map((p) => [p.id, p.sync?.changedAt])).toEqual([
      ['mini-store', 500],
      ['mini-en', undefined],
    ]);
    expect(db.verno).toBe(2);
  });
});
