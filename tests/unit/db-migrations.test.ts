/**
 * Upgrades from every earlier schema version: a database is opened at each version of `SCHEMA_VERSIONS`
 * (the stores of every version up to it), seeded with the records such a database held, then opened with
 * the current schema; every record must survive, migrated where a migration says so. A new schema version
 * fails the first test until it gets its fixture below (records for its new tables, and what its upgrade
 * does to older records).
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { listPacks, loadEnabledPacks } from '../../lib/db/packs';
import { addPick, dropPicksOfMissingEntries, loadPicks } from '../../lib/db/picks';
import { HuashuDb, SCHEMA_VERSIONS, type StoredPack, type StoredSubscription } from '../../lib/db/schema';
import { buildSegment, packFingerprint } from '../../lib/suggest/index/segment';
import { pack, miniEnglish, miniStore } from '../helpers/packs';

type Version = keyof typeof SCHEMA_VERSIONS;
/** Each table's rows, in primary-key order. */
type Tables = Record<string, unknown[]>;

interface VersionFixture {
  /** Rows a database at this version held in the tables this version added (each with at least one). */
  seed: Tables;
  /** What upgrading to this version does to the rows of a database one version older (omit: nothing). */
  upgrade?(tables: Tables): Tables;
}

const VERSIONS = Object.keys(SCHEMA_VERSIONS)
  .map(Number)
  .sort((a, b) => a - b) as Version[];
const CURRENT = VERSIONS[VERSIONS.length - 1]!;

const storeFromUrl = pack(miniStore);
const english = pack(miniEnglish);
const shipped = pack({ ...miniStore, id: 'shipped-apparel', name: '服饰店' });
const packs: StoredPack[] = [
  {
    id: 'mini-en',
    pack: english,
    source: { kind: 'file', fileName: 'en.json' },
    importedAt: 1_700_000_600_000,
    enabled: true,
    warnings: 1,
    fingerprint: packFingerprint(english),
  },
  // Written before the fingerprint was kept: no `fingerprint`.
  {
    id: 'mini-store',
    pack: storeFromUrl,
    source: { kind: 'url', url: 'https://packs.example.com/mini.json' },
    importedAt: 1_700_000_500_000,
    enabled: false,
    warnings: 0,
  },
  {
    id: 'shipped-apparel',
    pack: shipped,
    source: { kind: 'builtin', file: 'shipped-apparel.json' },
    importedAt: 1_700_000_400_000,
    enabled: true,
    warnings: 0,
    fingerprint: packFingerprint(shipped),
  },
];

const FIXTURES: Record<Version, VersionFixture> = {
  1: {
    seed: {
      packs,
      segments: [english, shipped].map((p) => ({
        packId: p.id,
        fingerprint: packFingerprint(p),
        segment: buildSegment(p),
      })),
      usage: [
        {
          id: 1,
          at: 1_700_001_000_000,
          type: 'suggested',
          platform: 'taobao',
          packId: 'mini-store',
          entryId: 'ship-time',
        },
        {
          id: 2,
          at: 1_700_001_001_000,
          type: 'inserted',
          platform: 'taobao',
          packId: 'mini-store',
          entryId: 'ship-time',
        },
        { id: 3, at: 1_700_001_002_000, type: 'copied', platform: 'jd', packId: 'mini-en', entryId: 'refund-time' },
        { id: 4, at: 1_700_001_003_000, type: 'unanswered', platform: 'jd', question: '我的单号[order]怎么还没到' },
        {
          id: 5,
          at: 1_700_001_004_000,
          type: 'complaint',
          platform: 'pdd',
          question: '再不处理我就打12315投诉',
          level: 'high',
          reasons: ['12315'],
          score: 0.9,
        },
        { id: 6, at: 1_700_001_005_000, type: 'first_reply', platform: 'taobao', chat: 'c0ffee12', waitMs: 42_000 },
      ],
      settings: [
        {
          key: 'settings',
          value: { scenarios: ['presale'], selectorOverrides: { jd: { composer: '#box' } }, learning: true },
        },
      ],
    },
  },
  2: {
    seed: {
      subscriptions: [
        {
          packId: 'mini-store',
          url: 'https://packs.example.com/mini.json',
          etag: '"v7"',
          contentHash: 'abc123',
          checkedAt: 1_700_002_000_000,
          changedAt: 1_700_000_500_000,
          lastError: 'HTTP 503',
          failures: 2,
          reviewUpdates: true,
        } satisfies StoredSubscription,
      ],
    },
    // A pack stored from a URL gets a subscription, not yet checked; packs from files or shipped get none.
    upgrade: (tables) => ({
      ...tables,
      subscriptions: (tables.packs as StoredPack[]).flatMap((p) =>
        p.source.kind === 'url'
          ? [
              {
                packId: p.id,
                url: p.source.url,
                checkedAt: null,
                changedAt: p.importedAt,
                lastError: null,
                failures: 0,
              },
            ]
          : [],
      ),
    }),
  },
  3: {
    seed: {
      picks: [
        {
          id: 1,
          packId: 'mini-store',
          packVersion: '1.0.0',
          entryId: 'ship-time',
          text: '什么时候发货',
          at: 1_700_003_000_000,
        },
        {
          id: 2,
          packId: 'mini-en',
          packVersion: '1.0.0',
          entryId: 'refund-time',
          text: 'refund when',
          at: 1_700_003_100_000,
        },
      ],
    },
    // A new table: nothing older changes, and the table starts empty.
    upgrade: (tables) => ({ ...tables, picks: [] }),
  },
};

/** The rows a database at `version` holds: every fixture up to it, older ones upgraded through each version. */
function contentsAt(version: Version): Tables {
  let tables: Tables = {};
  for (const v of VERSIONS.filter((v) => v <= version)) {
    tables = FIXTURES[v].upgrade?.(tables) ?? tables;
    tables = { ...tables, ...FIXTURES[v].seed };
  }
  return tables;
}

/** What opening the current schema on a database seeded at `version` must find. */
function expectedAfterUpgrade(version: Version): Tables {
  let tables = contentsAt(version);
  for (const v of VERSIONS.filter((v) => v > version)) tables = FIXTURES[v].upgrade?.(tables) ?? tables;
  return tables;
}

/** Opens `name` at `version` only (the stores of every version up to it), writes its rows, closes it. */
async function seedAt(version: Version, name: string, indexedDB: IDBFactory): Promise<void> {
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  for (const v of VERSIONS.filter((v) => v <= version)) old.version(v).stores(SCHEMA_VERSIONS[v]);
  await old.open();
  for (const [table, rows] of Object.entries(contentsAt(version))) await old.table(table).bulkAdd(rows);
  old.close();
}

const byKey = (db: Dexie, table: string) => db.table(table).toCollection().sortBy(':id');

describe('schema versions', () => {
  it('every version has a fixture, every table gets rows, and HuashuDb opens at the newest version', async () => {
    expect(Object.keys(FIXTURES).map(Number)).toEqual(VERSIONS);
    for (const v of VERSIONS) {
      const added = Object.keys(SCHEMA_VERSIONS[v]);
      // Every table a version adds is seeded with rows; a version that only changes indexes seeds none.
      const tablesBefore = new Set(VERSIONS.filter((o) => o < v).flatMap((o) => Object.keys(SCHEMA_VERSIONS[o])));
      for (const table of added.filter((t) => !tablesBefore.has(t))) {
        expect(FIXTURES[v].seed[table]?.length, `version ${v}: rows for ${table}`).toBeGreaterThan(0);
      }
    }
    const db = new HuashuDb('huashu-newest', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [...new Set(VERSIONS.flatMap((v) => Object.keys(SCHEMA_VERSIONS[v])))].sort(),
    );
    db.close();
  });

  it.each(VERSIONS)('upgrades a database from version %i keeping (and migrating) every record', async (version) => {
    const indexedDB = new IDBFactory();
    const name = `huashu-from-${version}`;
    await seedAt(version, name, indexedDB);
    const db = new HuashuDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT);
    const expected = expectedAfterUpgrade(version);
    for (const table of db.tables.map((t) => t.name)) {
      const primaryKey = db.table(table).schema.primKey.keyPath as string;
      const sortKey = (row: unknown) => String((row as Record<string, unknown>)[primaryKey]).padStart(20, '0');
      const want = [...(expected[table] ?? [])].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
      expect(await byKey(db, table), `table ${table}`).toEqual(want);
    }
    // What reads the stores still works on the upgraded data.
    expect((await listPacks(db)).map((p) => [p.id, p.sync !== undefined])).toEqual([
      ['shipped-apparel', false],
      ['mini-store', true],
      ['mini-en', false],
    ]);
    expect((await loadEnabledPacks(db)).segments.map((s) => s.fingerprint).sort()).toEqual(
      [packFingerprint(english), packFingerprint(shipped)].sort(),
    );
    const record = {
      packId: 'mini-store',
      packVersion: '1.0.0',
      entryId: 'ship-time',
      text: '今天能发吗',
      at: 1_800_000_000_000,
    };
    await addPick(db, record);
    expect((await loadPicks(db)).at(-1)).toEqual(record);
    db.close();
  });
});

describe('picks (version 3)', () => {
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
