/** Each schema version's migration, run on a database seeded at the version before it. */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { listPacks } from '../../lib/db/packs';
import { addPick, dropPicksOfMissingEntries, loadPicks } from '../../lib/db/picks';
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
    expect(db.verno).toBeGreaterThanOrEqual(2);
  });
});

describe('version 3: picks', () => {
  const packRow = (id: string, source: StoredPack['source']): StoredPack => ({
    id,
    pack: pack({ ...miniStore, id }),
    source,
    importedAt: 700,
    enabled: true,
    warnings: 0,
  });
  const usageRow = { id: 1, at: 900, type: 'inserted', packId: 'a', entryId: 'ship-time' };
  const settingsRow = { key: 'settings', value: { scenarios: ['presale'], selectorOverrides: {} } };

  /** Opens the database at `version` only (the schema of every version up to it), seeds it, closes it. */
  async function seedAt(version: 1 | 2, indexedDB: IDBFactory) {
    const old = new Dexie(`huashu-at-${version}`, { indexedDB, IDBKeyRange });
    old.version(1).stores(SCHEMA_VERSIONS[1]);
    if (version >= 2) old.version(2).stores(SCHEMA_VERSIONS[2]);
    await old.table('packs').bulkPut([packRow('a', { kind: 'file', fileName: 'a.json' })]);
    await old.table('usage').add(usageRow);
    await old.table('settings').put(settingsRow);
    if (version === 2) {
      await old.table('subscriptions').put({
        packId: 'a',
        url: 'https://packs.example.com/a.json',
        checkedAt: 800,
        changedAt: 700,
        lastError: null,
        failures: 0,
      });
    }
    old.close();
  }

  it.each([1, 2] as const)('upgrades from version %i keeping every row, with an empty picks table', async (version) => {
    const indexedDB = new IDBFactory();
    await seedAt(version, indexedDB);
    const db = new HuashuDb(`huashu-at-${version}`, { indexedDB, IDBKeyRange });
    expect(await db.packs.toArray()).toEqual([packRow('a', { kind: 'file', fileName: 'a.json' })]);
    expect(await db.usage.toArray()).toEqual([usageRow]);
    expect(await db.settings.toArray()).toEqual([settingsRow]);
    expect((await db.subscriptions.toArray()).map((s) => s.url)).toEqual(
      version === 2 ? ['https://packs.example.com/a.json'] : [],
    );
    expect(await db.picks.count()).toBe(0);
    const record = { packId: 'a', packVersion: '1.0.0', entryId: 'ship-time', text: '什么时候发货', at: 1000 };
    await addPick(db, record);
    expect(await loadPicks(db)).toEqual([record]);
    expect(db.verno).toBeGreaterThanOrEqual(3);
  });

  it('keeps the newest picks beyond the bound, oldest first, and drops those of entries now gone', async () => {
    const db = new HuashuDb('huashu-picks', { indexedDB: new IDBFactory(), IDBKeyRange });
    const at = (n: number, packId = 'a', entryId = 'ship-time') => ({
      packId,
      packVersion: '1.0.0',
      entryId,
      text: `第${n}个问题`,
      at: n,
    });
    for (let n = 1; n <= 5; n += 1) await addPick(db, at(n, n === 5 ? 'b' : 'a', n === 4 ? 'invoice' : 'ship-time'), 3);
    expect((await loadPicks(db)).map((r) => r.at)).toEqual([3, 4, 5]);
    expect(await dropPicksOfMissingEntries(db, 'a', new Set(['invoice']))).toBe(1);
    expect((await loadPicks(db)).map((r) => r.at)).toEqual([4, 5]);
    expect(await dropPicksOfMissingEntries(db, 'b', null)).toBe(1);
    expect((await loadPicks(db)).map((r) => r.at)).toEqual([4]);
  });
});
