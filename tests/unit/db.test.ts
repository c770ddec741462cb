import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { importPackText as importFile, reindexStoredPacks, seedBuiltinPacks } from '../../lib/background/pack-import';
import { listPacks, loadEnabledPacks, reindexStalePacks, removePack, setPackEnabled } from '../../lib/db/packs';
import { buildSegment } from '../../lib/suggest/index/segment';
import { HuashuDb } from '../../lib/db/schema';
import { miniEnglish, miniStore, pack } from '../helpers/packs';

/** A file's text imported as the background does (the pipeline, then the database). */
const importPackText = (
  db: HuashuDb,
  text: string,
  ...rest: Parameters<typeof importFile> extends [unknown, unknown, ...infer R] ? R : never
) => importFile(db, { text }, ...rest);

let n = 0;
const freshDb = () => new HuashuDb(`test-${(n += 1)}`, { indexedDB: new IDBFactory(), IDBKeyRange });

describe('pack storage', () => {
  it('imports a valid pack with its index segment', async () => {
    const db = freshDb();
    const result = await importPackText(db, JSON.stringify(miniStore), { kind: 'file', fileName: 'mini.json' }, 1000);
    expect(result).toMatchObject({ ok: true, replaced: null, pack: { id: 'mini-store', entries: 8, enabled: true } });
    const loaded = await loadEnabledPacks(db);
    expect(loaded.packs.map((p) => p.id)).toEqual(['mini-store']);
    expect(loaded.segments).toHaveLength(1);
  });

  it('keeps the fingerprint with the pack, and still reads records stored before it was kept', async () => {
    const db = freshDb();
    await importPackText(db, JSON.stringify(miniStore), { kind: 'file', fileName: 'mini.json' });
    const stored = (await db.packs.get('mini-store'))!;
    expect(stored.fingerprint).toBe((await db.segments.get('mini-store'))!.fingerprint);
    await db.packs.update('mini-store', { fingerprint: undefined });
    expect((await loadEnabledPacks(db)).segments).toHaveLength(1);
    // A segment that does not belong to the stored pack is dropped (it gets rebuilt).
    await db.segments.update('mini-store', { fingerprint: 'stale' });
    expect((await loadEnabledPacks(db)).segments).toHaveLength(0);
  });

  it('changes nothing when the file is broken', async () => {
    const db = freshDb();
    await importPackText(db, JSON.stringify(miniStore), { kind: 'file', fileName: 'mini.json' });
    const broken = JSON.stringify({ ...miniStore, entries: [{ id: 'x' }] });
    const result = await importPackText(db, broken, { kind: 'file', fileName: 'mini.json' });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'entries[0].title', message: 'required' },
        { path: 'entries[0].replies', message: 'required' },
      ],
    });
    expect((await loadEnabledPacks(db)).packs[0]!.entries).toHaveLength(8);
  });

  it("converts another tool's export on import, with what was skipped, and changes nothing when it is broken", async () => {
    const db = freshDb();
    const csv = '分组,快捷编码,快捷短语\n物流,fh,亲，付款后48小时内发货哦～\n售后,,\n';
    const result = await importPackText(db, csv, { kind: 'file', fileName: '千牛快捷短语.csv' });
    expect(result).toMatchObject({
      ok: true,
      pack: { id: 'qian-niu-kuai-jie-duan-yu', name: '千牛快捷短语', entries: 1 },
      converted: { format: 'qianniu', notes: ['skipped row 3: empty 快捷短语'] },
    });
    const loaded = await loadEnabledPacks(db);
    expect(loaded.packs[0]!.entries[0]).toMatchObject({ shortcut: '/fh', tags: ['物流'] });
    const broken = await importPackText(db, '分组,编码\n1,2\n', { kind: 'file', fileName: '千牛快捷短语.csv' });
    expect(broken).toMatchObject({ ok: false, errors: [{ path: '', message: expect.stringContaining('快捷短语') }] });
    expect((await loadEnabledPacks(db)).packs).toHaveLength(1);
  });

  it('replaces a pack with the same id and says which version it replaced', async () => {
    const db = freshDb();
    await importPackText(db, JSON.stringify(miniStore), { kind: 'file', fileName: 'a.json' });
    const result = await importPackText(db, JSON.stringify({ ...miniStore, version: '1.1.0' }), {
      kind: 'file',
      fileName: 'b.json',
    });
    expect(result).toMatchObject({ ok: true, replaced: '1.0.0', pack: { version: '1.1.0' } });
    expect(await listPacks(db)).toHaveLength(1);
  });

  it('disables, enables and removes packs', async () => {
    const db = freshDb();
    await importPackText(db, JSON.stringify(miniStore), { kind: 'file', fileName: 'a.json' }, 1);
    await importPackText(db, JSON.stringify(miniEnglish), { kind: 'file', fileName: 'b.json' }, 2);
    await setPackEnabled(db, 'mini-store', false);
    expect((await loadEnabledPacks(db)).packs.map((p) => p.id)).toEqual(['mini-en']);
    await removePack(db, 'mini-en');
    expect(await listPacks(db)).toEqual([expect.objectContaining({ id: 'mini-store', enabled: false })]);
    expect(await db.segments.count()).toBe(1);
  });

  it('seeds shipped packs once, updates older shipped copies, and never overwrites an imported pack', async () => {
    const db = freshDb();
    const v1 = pack(miniStore);
    expect(await seedBuiltinPacks(db, [{ file: 'mini.json', pack: v1 }])).toEqual(['mini-store']);
    expect(await seedBuiltinPacks(db, [{ file: 'mini.json', pack: v1 }])).toEqual([]);
    const v2 = pack({ ...miniStore, version: '1.1.0' });
    expect(await seedBuiltinPacks(db, [{ file: 'mini.json', pack: v2 }])).toEqual(['mini-store']);
    await importPackText(db, JSON.stringify({ ...miniStore, version: '0.5.0' }), {
      kind: 'file',
      fileName: 'mine.json',
    });
    const v3 = pack({ ...miniStore, version: '2.0.0' });
    expect(await seedBuiltinPacks(db, [{ file: 'mini.json', pack: v3 }])).toEqual([]);
    expect((await listPacks(db))[0]).toMatchObject({ version: '0.5.0', source: { kind: 'file' } });
  });

  it('stores an index an update left in an older format again, and the panel never reads such an index', async () => {
    const db = freshDb();
    await importPackText(db, JSON.stringify(miniStore), { kind: 'file', fileName: 'mini.json' });
    await importPackText(db, JSON.stringify(miniEnglish), { kind: 'file', fileName: 'en.json' });
    // The Chinese pack's index keeps its words (index/word-index.ts); the English one has none to keep.
    expect((await db.segments.get('mini-store'))!.segment.askedWords).toHaveLength(miniStore.entries.length);
    expect((await db.segments.get(miniEnglish.id))!.segment.askedWords).toBeUndefined();
    expect(await reindexStoredPacks(db)).toEqual([]);
    // As an update finds the database: an index of the older format, which the checks were last made against.
    await db.segments.update('mini-store', { 'segment.format': 'huashu-index/14' as never });
    await db.segments.delete(miniEnglish.id);
    expect((await loadEnabledPacks(db)).segments).toHaveLength(0);
    await db.settings.put({ key: 'indexFormat', value: 'huashu-index/14' });
    expect((await reindexStoredPacks(db)).sort()).toEqual([miniEnglish.id, 'mini-store'].sort());
    expect((await loadEnabledPacks(db)).segments).toHaveLength(2);
    // Checked once for this build's format: later worker starts read no pack.
    await db.segments.delete(miniEnglish.id);
    expect(await reindexStoredPacks(db)).toEqual([]);
  });

  it('does not store a rebuilt index over a pack that changed while it was built', async () => {
    const db = freshDb();
    await importPackText(db, JSON.stringify(miniStore), { kind: 'file', fileName: 'mini.json' });
    await db.segments.delete('mini-store');
    // As if the team lead imported another version meanwhile: the built index is of other content.
    const other = pack({ ...miniStore, version: '9.0.0' });
    expect(await reindexStalePacks(db, () => buildSegment(other))).toEqual([]);
    expect(await db.segments.get('mini-store')).toBeUndefined();
  });
});
