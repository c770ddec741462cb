/**
 * Pack subscriptions through the background service, with a fake server behind an injected fetch:
 * subscribing imports like a file, "Sync now" and the alarm replace a pack only with a new valid version
 * of the same pack, and every failure keeps the stored pack exactly as it was and says why.
 */
import { describe, expect, it, vi } from 'vitest';
import { BackgroundService, type BackgroundPorts, type Sender } from '../../lib/background/service';
import { importPackText } from '../../lib/background/pack-import';
import { removePack } from '../../lib/db/packs';
import type { FetchLike } from '../../lib/sync/pack-fetch';
import { SYNC_INTERVAL_MS } from '../../lib/sync/schedule';
import { memoryPorts } from '../helpers/background';
import { miniStore } from '../helpers/packs';
import { workbook } from '../helpers/xlsx';

const ORIGIN = 'chrome-extension://ext/';
const options: Sender = { id: 'ext', url: `${ORIGIN}options.html` };
const content: Sender = { id: 'ext', url: 'https://dongdong.jd.com/', tab: { id: 3, active: true }, frameId: 0 };
const URL_ = 'https://packs.example.com/team/mini-store.json';

/** A pack server: what it serves now, with an ETag per body; it answers If-None-Match with 304. */
function packServer() {
  const server = {
    status: 200,
    body: JSON.stringify(miniStore) as string | Uint8Array<ArrayBuffer>,
    etag: '"v1"' as string | null,
    fail: null as Error | null,
    requests: [] as Array<Record<string, string>>,
  };
  const fetch: FetchLike = vi.fn(async (_url, init) => {
    const headers = { ...(init.headers as Record<string, string>) };
    server.requests.push(headers);
    if (server.fail) throw server.fail;
    if (server.status !== 200) return new Response('oops', { status: server.status, statusText: 'Not Found' });
    if (server.etag && headers['If-None-Match'] === server.etag) return new Response(null, { status: 304 });
    return new Response(server.body, { headers: server.etag ? { etag: server.etag } : {} });
  });
  return { server, fetch };
}

function setup(overrides: Partial<BackgroundPorts> = {}) {
  const { server, fetch } = packServer();
  let now = Date.UTC(2026, 10, 30, 10);
  const ports = memoryPorts('sync', {
    fetch,
    fetchOptions: { timeoutMs: 50, maxBytes: 64 * 1024 },
    now: () => now,
    ...overrides,
  });
  return {
    service: new BackgroundService(ports),
    ports,
    server,
    later: (ms: number) => (now += ms),
    stored: () => ports.db.packs.get('mini-store'),
    segment: () => ports.db.segments.get('mini-store'),
  };
}

const v2 = () => JSON.stringify({ ...miniStore, version: '1.1.0', entries: miniStore.entries.slice(0, 3) });

describe('subscribing to a pack URL', () => {
  it('fetches it at once and imports it as a file import would, remembering its ETag', async () => {
    const { service, ports } = setup();
    const result = await service.subscribePack(options, { url: ` ${URL_} ` });
    expect(result).toMatchObject({
      ok: true,
      replaced: null,
      pack: { id: 'mini-store', version: '1.0.0', entries: 8 },
    });
    expect(ports.broadcastPacksChanged).toHaveBeenCalledWith(['mini-store']);
    const [summary] = await service.listPacks(options);
    const t = ports.now();
    expect(summary).toMatchObject({
      source: { kind: 'url', url: URL_ },
      sync: { checkedAt: t, changedAt: t, lastError: null },
    });
    expect(await ports.db.subscriptions.get('mini-store')).toMatchObject({ url: URL_, etag: '"v1"', failures: 0 });
    expect(await ports.db.segments.count()).toBe(1);
  });

  it('lets only extension pages subscribe and sync', async () => {
    const { service, ports } = setup();
    await expect(service.subscribePack(content, { url: URL_ })).rejects.toThrow('only extension pages');
    await expect(service.syncPacks(content, {})).rejects.toThrow('only extension pages');
    expect(ports.fetch).not.toHaveBeenCalled();
  });

  it('refuses a bad URL clearly, without fetching', async () => {
    const { service, ports } = setup();
    expect(await service.subscribePack(options, { url: 'file:///etc/passwd' })).toEqual({
      ok: false,
      errors: [{ path: '', message: 'Only https:// addresses can be subscribed to, not file://' }],
    });
    expect(ports.fetch).not.toHaveBeenCalled();
  });

  it('reports a fetch failure like a broken file, stores nothing, and offers access to the origin', async () => {
    const { service, ports, server } = setup();
    server.fail = new TypeError('Failed to fetch');
    const result = await service.subscribePack(options, { url: URL_ });
    expect(result).toMatchObject({ ok: false, accessOrigin: 'https://packs.example.com' });
    server.fail = null;
    server.status = 404;
    expect(await service.subscribePack(options, { url: URL_ })).toEqual({
      ok: false,
      errors: [{ path: '', message: 'HTTP 404 Not Found' }],
    });
    expect(await ports.db.packs.count()).toBe(0);
    expect(await ports.db.subscriptions.count()).toBe(0);
  });

  it('reports a broken pack with the same places as a file import', async () => {
    const { service, server } = setup();
    server.body = JSON.stringify({ ...miniStore, entries: [{ id: 'x' }] });
    expect(await service.subscribePack(options, { url: URL_ })).toEqual({
      ok: false,
      errors: [
        { path: 'entries[0].title', message: 'required' },
        { path: 'entries[0].replies', message: 'required' },
      ],
    });
  });

  it("converts another tool's export (Zendesk macros), named after the file", async () => {
    const { service, server, ports } = setup();
    server.body = JSON.stringify({
      macros: [
        { title: 'Shipping::Where is my order', actions: [{ field: 'comment_value', value: 'It ships today.' }] },
      ],
    });
    const result = await service.subscribePack(options, { url: 'https://help.example.com/export/macros.json' });
    expect(result).toMatchObject({ ok: true, pack: { id: 'macros', entries: 1 }, converted: { format: 'zendesk' } });
    // The same export again is unchanged; the next one updates the same pack.
    expect((await service.syncPacks(options, {}))[0]!.version).toBe(result.ok && result.pack.version);
    server.body = (server.body as string).replace('today', 'tomorrow');
    server.etag = '"v2"';
    await service.syncPacks(options, {});
    expect((await ports.db.packs.get('macros'))!.pack.entries[0]!.replies[0]!.text).toBe('It ships tomorrow.');
  });
});

describe('subscribing to a spreadsheet URL', () => {
  it('reads an Excel workbook whatever the URL is called, naming its rows as in the sheet', async () => {
    const { service, server, ports } = setup();
    server.body = workbook([
      {
        name: '快捷短语',
        rows: [['千牛快捷短语导出'], ['快捷编码', '快捷短语'], ['fh', '亲，48小时内发货'], ['kong', null]],
      },
    ]);
    const result = await service.subscribePack(options, { url: 'https://sheets.example.com/export?id=7' });
    expect(result).toMatchObject({ ok: true, pack: { id: 'export', entries: 1 }, converted: { format: 'xlsx' } });
    expect(result.ok && result.converted!.notes).toEqual(['skipped row 4 ("kong"): empty 快捷短语']);
    expect((await ports.db.packs.get('export'))!.pack.entries[0]!.shortcut).toBe('/fh');
  });
});

describe('syncing subscribed packs', () => {
  it('asks with If-None-Match; 304 changes nothing but the time it was checked', async () => {
    const { service, ports, server, later, stored } = setup();
    await service.subscribePack(options, { url: URL_ });
    const before = await stored();
    later(60_000);
    const [summary] = await service.syncPacks(options, { ids: ['mini-store'] });
    expect(server.requests.at(-1)).toEqual({ 'If-None-Match': '"v1"' });
    expect(summary!.sync).toEqual({ checkedAt: ports.now(), changedAt: before!.importedAt, lastError: null });
    expect(await stored()).toEqual(before);
    expect(ports.broadcastPacksChanged).toHaveBeenCalledTimes(1);
  });

  it('replaces the pack with a new valid version, keeping it disabled, with a new index', async () => {
    const { service, ports, server, later, stored, segment } = setup();
    await service.subscribePack(options, { url: URL_ });
    await service.setPackEnabled(options, { id: 'mini-store', enabled: false });
    const oldFingerprint = (await segment())!.fingerprint;
    server.body = v2();
    server.etag = '"v2"';
    later(60_000);
    const [summary] = await service.syncPacks(options, {});
    expect(summary).toMatchObject({ version: '1.1.0', entries: 3, enabled: false, sync: { lastError: null } });
    expect(summary!.sync!.changedAt).toBe(ports.now());
    expect((await segment())!.fingerprint).not.toBe(oldFingerprint);
    expect((await segment())!.fingerprint).toBe((await stored())!.fingerprint);
    expect(await ports.db.subscriptions.get('mini-store')).toMatchObject({ etag: '"v2"' });
    expect(ports.broadcastPacksChanged).toHaveBeenLastCalledWith(['mini-store']);
  });

  const failures: Array<[string, (s: ReturnType<typeof setup>['server']) => void, RegExp]> = [
    ['HTTP 404', (s) => (s.status = 404), /^HTTP 404 Not Found$/],
    [
      'a network error',
      (s) => (s.fail = new TypeError('Failed to fetch')),
      /could not reach https:\/\/packs\.example\.com/,
    ],
    ['invalid JSON', (s) => ((s.body = '{"format": "huashu-pack/1", '), (s.etag = '"v2"')), /^the file was refused: /],
    [
      'a schema-invalid pack',
      (s) => ((s.body = JSON.stringify({ ...miniStore, version: 2 })), (s.etag = '"v2"')),
      /^the file was refused: version: must be text, not a number$/,
    ],
    [
      'another pack id',
      (s) => ((s.body = JSON.stringify({ ...miniStore, id: 'someone-else' })), (s.etag = '"v2"')),
      /id: is “someone-else”, but this address was subscribed for pack “mini-store”/,
    ],
    ['an oversize file', (s) => ((s.body = 'x'.repeat(70 * 1024)), (s.etag = '"v2"')), /larger than 64 KB/],
    [
      'a broken workbook',
      (s) => ((s.body = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9])), (s.etag = '"v2"')),
      /^not a readable \.xlsx workbook/,
    ],
  ];

  it.each(failures)('keeps the stored pack exactly as it was on %s, and says why', async (_name, breakIt, message) => {
    const { service, server, later, stored, segment } = setup();
    await service.subscribePack(options, { url: URL_ });
    await service.setPackEnabled(options, { id: 'mini-store', enabled: false });
    const [before, beforeSegment] = [await stored(), await segment()];
    breakIt(server);
    later(60_000);
    const [summary] = await service.syncPacks(options, {});
    expect(summary!.sync!.lastError).toMatch(message);
    expect(summary).toMatchObject({ version: '1.0.0', enabled: false });
    expect(await stored()).toEqual(before);
    expect(await segment()).toEqual(beforeSegment);
  });

  it('takes the same body again as unchanged when the server sends no ETag or Last-Modified', async () => {
    const { service, ports, server, later, stored } = setup();
    server.etag = null;
    await service.subscribePack(options, { url: URL_ });
    const before = await stored();
    later(60_000);
    const [summary] = await service.syncPacks(options, {});
    expect(summary!.sync).toEqual({ checkedAt: ports.now(), changedAt: before!.importedAt, lastError: null });
    expect(await stored()).toEqual(before);
    server.body = v2();
    expect((await service.syncPacks(options, {}))[0]).toMatchObject({ version: '1.1.0' });
  });

  it('keeps the pack on a timeout', async () => {
    const { service, ports, stored } = setup();
    await service.subscribePack(options, { url: URL_ });
    const before = await stored();
    vi.mocked(ports.fetch).mockImplementation(
      (_url, init) =>
        new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    const [summary] = await service.syncPacks(options, {});
    expect(summary!.sync!.lastError).toContain('timed out');
    expect(await stored()).toEqual(before);
  });

  it('fetches a refused file whole next time (its ETag is not kept), and recovers when it is fixed', async () => {
    const { service, ports, server } = setup();
    await service.subscribePack(options, { url: URL_ });
    server.body = '{ broken';
    server.etag = '"v2"';
    await service.syncPacks(options, {});
    await service.syncPacks(options, {});
    expect(server.requests.at(-1)).toEqual({ 'If-None-Match': '"v1"' });
    expect((await ports.db.subscriptions.get('mini-store'))!.failures).toBe(2);
    server.body = v2();
    server.etag = '"v3"';
    const [summary] = await service.syncPacks(options, {});
    expect(summary).toMatchObject({ version: '1.1.0', sync: { lastError: null } });
    expect((await ports.db.subscriptions.get('mini-store'))!.failures).toBe(0);
  });

  it('offers access to the origin after a network error, and forgets it once a check works', async () => {
    const { service, server } = setup();
    await service.subscribePack(options, { url: URL_ });
    server.fail = new TypeError('Failed to fetch');
    expect((await service.syncPacks(options, {}))[0]!.sync!.accessOrigin).toBe('https://packs.example.com');
    server.fail = null;
    expect((await service.syncPacks(options, {}))[0]!.sync).not.toHaveProperty('accessOrigin');
  });

  it('the alarm checks only the subscriptions that are due', async () => {
    const { service, ports, server, later } = setup();
    await service.subscribePack(options, { url: URL_ });
    const fetches = () => vi.mocked(ports.fetch).mock.calls.length;
    expect(await service.syncDuePacks()).toEqual([]);
    expect(fetches()).toBe(1);
    server.body = v2();
    server.etag = '"v2"';
    later(SYNC_INTERVAL_MS);
    expect(await service.syncDuePacks()).toEqual(['mini-store']);
    expect(fetches()).toBe(2);
    expect(ports.broadcastPacksChanged).toHaveBeenLastCalledWith(['mini-store']);
  });

  it('removing a subscribed pack ends the subscription; importing a file over it makes it local', async () => {
    const { service, ports } = setup();
    await service.subscribePack(options, { url: URL_ });
    await service.removePack(options, { id: 'mini-store' });
    expect(await ports.db.subscriptions.count()).toBe(0);
    await service.subscribePack(options, { url: URL_ });
    await importPackText(ports.db, { text: JSON.stringify(miniStore) }, { kind: 'file', fileName: 'mine.json' });
    expect(await ports.db.subscriptions.count()).toBe(0);
    const [summary] = await service.syncPacks(options, {});
    expect(summary).toMatchObject({ source: { kind: 'file' } });
    expect(summary).not.toHaveProperty('sync');
  });

  it('does not bring back a pack removed while it was being fetched', async () => {
    const { service, ports, server } = setup();
    await service.subscribePack(options, { url: URL_ });
    server.body = v2();
    server.etag = '"v2"';
    const real = ports.fetch;
    vi.mocked(ports.fetch).mockImplementationOnce(async (url, init) => {
      await service.removePack(options, { id: 'mini-store' });
      return real(url, init);
    });
    expect(await service.syncPacks(options, {})).toEqual([]);
    expect(await ports.db.packs.count()).toBe(0);
  });

  it('does not bring back a pack removed while its file was being read and stored', async () => {
    const { service, ports, server } = setup();
    await service.subscribePack(options, { url: URL_ });
    server.body = v2();
    server.etag = '"v2"';
    // Removed between the last look at the subscription and the transaction that stores the new version.
    const transaction = ports.db.transaction.bind(ports.db) as (...args: unknown[]) => Promise<unknown>;
    let removed = false;
    vi.spyOn(ports.db, 'transaction').mockImplementation(((...args: unknown[]) => {
      if (removed || !args.includes(ports.db.packs)) return transaction(...args);
      removed = true;
      return removePack(ports.db, 'mini-store').then(() => transaction(...args));
    }) as never);
    await service.syncPacks(options, {});
    expect(await ports.db.packs.count()).toBe(0);
    expect(await ports.db.subscriptions.count()).toBe(0);
  });

  it('records a thrown error as a failed check with back-off, and a check that never finished too', async () => {
    const { service, ports, server, later } = setup();
    await service.subscribePack(options, { url: URL_ });
    server.body = v2();
    server.etag = '"v2"';
    later(SYNC_INTERVAL_MS);
    // An error nobody expected (here the database) escapes the import: it is recorded, with back-off.
    vi.spyOn(ports.db.packs, 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await service.syncDuePacks();
    let subscription = await ports.db.subscriptions.get('mini-store');
    expect(subscription).toMatchObject({ failures: 1, lastError: 'the check failed: QuotaExceededError' });
    expect((await ports.db.packs.get('mini-store'))!.pack.version).toBe('1.0.0');

    // A crash: the record written before parsing is all that is left, and counts as a failure.
    const { INTERRUPTED_CHECK } = await import('../../lib/background/service');
    await ports.db.subscriptions.update('mini-store', { lastError: INTERRUPTED_CHECK, failures: 2 });
    later(SYNC_INTERVAL_MS);
    expect(await service.syncDuePacks()).toEqual([]); // backing off: 2 failures wait two intervals
    later(SYNC_INTERVAL_MS);
    expect(await service.syncDuePacks()).toEqual(['mini-store']);
    subscription = await ports.db.subscriptions.get('mini-store');
    expect(subscription).toMatchObject({ failures: 0, lastError: null });
  });

  it('a URL may not silently take over a pack installed from a file; the team lead may confirm', async () => {
    const { service, ports } = setup();
    await importPackText(ports.db, { text: JSON.stringify(miniStore) }, { kind: 'file', fileName: 'mine.json' });
    const refused = await service.subscribePack(options, { url: URL_ });
    expect(refused).toMatchObject({
      ok: false,
      conflict: { packId: 'mini-store' },
      errors: [{ path: 'id', message: expect.stringContaining('is already installed') }],
    });
    expect((await ports.db.packs.get('mini-store'))!.source).toEqual({ kind: 'file', fileName: 'mine.json' });
    expect(await ports.db.subscriptions.count()).toBe(0);

    expect(await service.subscribePack(options, { url: URL_, expectId: 'other-pack', replace: true })).toMatchObject({
      ok: false,
      errors: [{ path: 'id', message: expect.stringContaining('subscribed for pack “other-pack”') }],
    });
    expect(await service.subscribePack(options, { url: URL_, replace: true })).toMatchObject({ ok: true });
    expect((await ports.db.packs.get('mini-store'))!.source).toEqual({ kind: 'url', url: URL_ });
  });

  it('refuses a subscription request whose URL is not a string or not https', async () => {
    const { service, ports } = setup();
    for (const url of ['javascript:alert(1)', 'http://packs.example.com/p.json', 42 as unknown as string]) {
      expect(await service.subscribePack(options, { url })).toMatchObject({ ok: false });
    }
    expect(ports.fetch).not.toHaveBeenCalled();
  });
});

describe('reviewing updates before they apply', () => {
  it('keeps a fetched update pending, shows what it changes, and applies it only when asked', async () => {
    const { service, ports, server, later, stored } = setup();
    await service.subscribePack(options, { url: URL_ });
    const [listed] = await service.setReviewUpdates(options, { packId: 'mini-store', review: true });
    expect(listed!.sync!.reviewUpdates).toBe(true);
    const before = await stored();
    server.body = v2();
    server.etag = '"v2"';
    later(60_000);
    const [summary] = await service.syncPacks(options, {});
    expect(summary).toMatchObject({ version: '1.0.0', sync: { pending: { version: '1.1.0' }, lastError: null } });
    expect(await stored()).toEqual(before);
    // The server now answers 304: the update keeps waiting, nothing is fetched twice.
    later(60_000);
    await service.syncPacks(options, {});
    expect(server.requests.at(-1)).toEqual({ 'If-None-Match': '"v2"' });

    const review = await service.reviewUpdate(options, { packId: 'mini-store' });
    expect(review).toMatchObject({
      review: { packId: 'mini-store', fromVersion: '1.0.0', toVersion: '1.1.0', source: 'update', from: URL_ },
    });
    expect('review' in review && review.review.diff.removed).toHaveLength(miniStore.entries.length - 3);
    expect(await stored()).toEqual(before);

    const applied = await service.applyUpdate(options, { packId: 'mini-store' });
    expect(applied).toMatchObject({ ok: true, pack: { version: '1.1.0', entries: 3 } });
    const subscription = await ports.db.subscriptions.get('mini-store');
    expect(subscription).toMatchObject({ reviewUpdates: true, etag: '"v2"' });
    expect(subscription!.pending).toBeUndefined();
    expect(ports.broadcastPacksChanged).toHaveBeenLastCalledWith(['mini-store']);
  });

  it('refuses an invalid update as usual, and turning review off drops the pending one', async () => {
    const { service, server, later } = setup();
    await service.subscribePack(options, { url: URL_ });
    await service.setReviewUpdates(options, { packId: 'mini-store', review: true });
    server.body = JSON.stringify({ ...miniStore, id: 'someone-else' });
    server.etag = '"bad"';
    later(60_000);
    let [summary] = await service.syncPacks(options, {});
    expect(summary!.sync!.lastError).toMatch(/someone-else/);
    expect(summary!.sync!.pending).toBeUndefined();
    server.body = v2();
    server.etag = '"v2"';
    [summary] = await service.syncPacks(options, {});
    expect(summary!.sync!.pending).toBeDefined();
    [summary] = await service.setReviewUpdates(options, { packId: 'mini-store', review: false });
    expect(summary!.sync!.pending).toBeUndefined();
    expect(await service.applyUpdate(options, { packId: 'mini-store' })).toMatchObject({ ok: false });
  });
});

describe('importing a file over a stored pack', () => {
  const file = (text: string) => ({ fileName: 'mini.json', base64: Buffer.from(text).toString('base64') });

  it('answers with what it changes and stores nothing; the same file with confirm replaces it', async () => {
    const { service, ports, stored } = setup();
    expect(await service.importPack(options, file(JSON.stringify(miniStore)))).toMatchObject({ ok: true });
    const before = await stored();
    const review = await service.importPack(options, file(v2()));
    expect(review).toMatchObject({ review: { source: 'file', from: 'mini.json', toVersion: '1.1.0' } });
    expect(await stored()).toEqual(before);
    expect(ports.broadcastPacksChanged).toHaveBeenCalledTimes(1);
    expect(await service.importPack(options, { ...file(v2()), confirm: true })).toMatchObject({
      ok: true,
      replaced: '1.0.0',
      pack: { version: '1.1.0' },
    });
  });

  it('imports the very same pack again without asking', async () => {
    const { service } = setup();
    await service.importPack(options, file(JSON.stringify(miniStore)));
    expect(await service.importPack(options, file(JSON.stringify(miniStore)))).toMatchObject({ ok: true });
  });
});
