/**
 * Signed packs through the background service: a subscription pinned to the team's public key accepts a
 * file only when the signature beside it (`PACK.sig`, signed as `kpack sign` does) verifies over the exact
 * bytes fetched, with Node's WebCrypto standing in for the browser's. Every refusal keeps the stored pack
 * and says why; a first fetch that is refused stores nothing.
 */
import { generateKeyPairSync, sign, webcrypto, type KeyObject } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { BackgroundService } from '../../lib/background/service';
import { checkPublicKey } from '../../lib/packs/signature';
import type { FetchLike } from '../../lib/sync/pack-fetch';
import { nextCheckAt } from '../../lib/sync/schedule';
import { memoryPorts, optionsPage as options } from '../helpers/background';
import { miniStore } from '../helpers/packs';

const URL_ = 'https://packs.example.com/team/mini-store.json';
const SIG_URL = `${URL_}.sig`;

/** A team key: the private half signs as `kpack sign` does, the public half is what a team lead pins. */
function teamKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
  return { privateKey, publicKey: raw.toString('base64') };
}
const signatureOf = (body: string, key: KeyObject) => `${sign(null, Buffer.from(body), key).toString('base64')}\n`;

const TEAM = teamKey();
const v1 = JSON.stringify(miniStore);
const v2 = JSON.stringify({ ...miniStore, version: '1.1.0', entries: miniStore.entries.slice(0, 3) });

/** A pack server with the pack and its signature beside it; the pack answers If-None-Match with 304. */
function signedServer() {
  const server = {
    body: v1,
    etag: '"v1"',
    /** The signature file's text; null: no .sig file (404). */
    sig: signatureOf(v1, TEAM.privateKey) as string | null,
    /** Where the .sig request ends up after redirects (a fake Response has no URL otherwise). */
    sigRedirect: null as string | null,
    urls: [] as string[],
  };
  const fetch: FetchLike = vi.fn(async (url, init) => {
    server.urls.push(url);
    if (url === SIG_URL) {
      if (server.sig === null) return new Response('no such file', { status: 404, statusText: 'Not Found' });
      const response = new Response(server.sig);
      if (server.sigRedirect) Object.defineProperty(response, 'url', { value: server.sigRedirect });
      return response;
    }
    if (url !== URL_) return new Response('no such file', { status: 404, statusText: 'Not Found' });
    if ((init.headers as Record<string, string>)['If-None-Match'] === server.etag) {
      return new Response(null, { status: 304 });
    }
    return new Response(server.body, { headers: { etag: server.etag } });
  });
  return { server, fetch };
}

/** Publishes `body` as the next version, signed with `key` (the team's unless another is given). */
function publish(server: ReturnType<typeof signedServer>['server'], body: string, etag: string, key = TEAM.privateKey) {
  server.body = body;
  server.etag = etag;
  server.sig = signatureOf(body, key);
}

function setup() {
  const { server, fetch } = signedServer();
  let now = Date.UTC(2026, 11, 2, 10);
  const ports = memoryPorts('signed', {
    fetch,
    fetchOptions: { timeoutMs: 200, maxBytes: 64 * 1024 },
    subtle: webcrypto.subtle as unknown as SubtleCrypto,
    now: () => now,
  });
  const service = new BackgroundService(ports);
  return {
    service,
    ports,
    server,
    later: (ms: number) => (now += ms),
    stored: () => ports.db.packs.get('mini-store'),
    subscription: () => ports.db.subscriptions.get('mini-store'),
    subscribe: () => service.subscribePack(options, { url: URL_, publicKey: TEAM.publicKey }),
  };
}

const MISMATCH = 'refused: the signature does not match: the file was changed or signed with another key';

describe('subscribing with a team public key', () => {
  it('imports a file signed with that key, and remembers the key (shown as signed)', async () => {
    const { service, server, subscription, subscribe } = setup();
    expect(await subscribe()).toMatchObject({
      ok: true,
      pack: { id: 'mini-store', version: '1.0.0' },
      signedBy: TEAM.publicKey,
    });
    expect(server.urls).toEqual([URL_, SIG_URL]);
    expect(await subscription()).toMatchObject({ url: URL_, publicKey: TEAM.publicKey, lastError: null });
    const [summary] = await service.listPacks(options);
    expect(summary!.sync).toMatchObject({ publicKey: TEAM.publicKey, lastError: null });
  });

  it('refuses a key that is not an Ed25519 public key, clearly and without fetching', async () => {
    const { service, ports } = setup();
    const notKeys: unknown[] = ['hello', TEAM.publicKey.slice(0, 40), Buffer.alloc(33).toString('base64'), 42];
    for (const bad of notKeys) {
      // A policy's value may be anything: a mistyped key must be refused, never taken as "no key".
      const result = await service.subscribePack(options, { url: URL_, publicKey: bad as string });
      expect(result).toMatchObject({
        ok: false,
        errors: [{ path: '', message: expect.stringContaining('is not an Ed25519 public key') }],
      });
    }
    expect(ports.fetch).not.toHaveBeenCalled();
    expect(await ports.db.packs.count()).toBe(0);
  });

  it('accepts the key pasted with the “public key:” label kpack prints, and an empty key as none', async () => {
    expect(checkPublicKey(`public key: ${TEAM.publicKey}\n`)).toEqual({ ok: true, publicKey: TEAM.publicKey });
    const { service, server, subscription } = setup();
    server.sig = null;
    const unpinned = await service.subscribePack(options, { url: URL_, publicKey: '  ' });
    expect(unpinned).toMatchObject({ ok: true });
    expect(unpinned).not.toHaveProperty('signedBy');
    expect(await subscription()).not.toHaveProperty('publicKey');
    expect(server.urls).toEqual([URL_]);
  });

  it.each([
    [
      'unsigned (no .sig)',
      (s: ReturnType<typeof setup>['server']) => (s.sig = null),
      /^refused: the pack is not signed/,
    ],
    ['signed with another key', (s) => (s.sig = signatureOf(v1, teamKey().privateKey)), new RegExp(`^${MISMATCH}$`)],
    ['tampered after signing', (s) => (s.body = v1.replace('1.0.0', '1.0.1')), new RegExp(`^${MISMATCH}$`)],
  ])('stores nothing when the first file is %s, and says why', async (_name, breakIt, message) => {
    const { ports, server, subscribe } = setup();
    breakIt(server);
    const result = await subscribe();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]!.message).toMatch(message);
    expect(await ports.db.packs.count()).toBe(0);
    expect(await ports.db.subscriptions.count()).toBe(0);
  });
});

describe('syncing a pinned subscription', () => {
  it('applies a new version signed with the team key, and stays pinned', async () => {
    const { service, server, later, subscription, subscribe } = setup();
    await subscribe();
    publish(server, v2, '"v2"');
    later(60_000);
    const [summary] = await service.syncPacks(options, {});
    expect(summary).toMatchObject({ version: '1.1.0', sync: { lastError: null, publicKey: TEAM.publicKey } });
    expect(await subscription()).toMatchObject({ etag: '"v2"', publicKey: TEAM.publicKey, failures: 0 });
  });

  it('does not fetch the signature again when the pack is unchanged (304)', async () => {
    const { service, server, later, subscribe } = setup();
    await subscribe();
    server.urls.length = 0;
    later(60_000);
    const [summary] = await service.syncPacks(options, {});
    expect(server.urls).toEqual([URL_]);
    expect(summary!.sync!.lastError).toBeNull();
  });

  const refusals: Array<[string, (s: ReturnType<typeof setup>['server']) => void, string | RegExp]> = [
    // One byte changed and not signed again: "changed a reply in the served file".
    ['a tampered byte', (s) => ((s.body = v1.replace('"1.0.0"', '"1.0.1"')), (s.etag = '"v2"')), MISMATCH],
    ['a missing .sig', (s) => (publish(s, v2, '"v2"'), (s.sig = null)), /^refused: the pack is not signed/],
    ['a file signed with another key', (s) => publish(s, v2, '"v2"', teamKey().privateKey), MISMATCH],
    [
      'a .sig redirected to http',
      (s) => (publish(s, v2, '"v2"'), (s.sigRedirect = 'http://evil.example/mini-store.json.sig')),
      'refused: the signature mini-store.json.sig could not be fetched (the server redirected to http://evil.example, which is not https: refused)',
    ],
    [
      'a .sig that is not a signature',
      (s) => (publish(s, v2, '"v2"'), (s.sig = 'hello')),
      /^refused: the signature file is not an Ed25519 signature$/,
    ],
    // Refused before it is read: the file is never parsed, so the reason is the signature, not the JSON.
    ['an unsigned broken file', (s) => ((s.body = '{ broken'), (s.etag = '"v2"')), MISMATCH],
  ];

  it.each(refusals)('refuses %s: the stored pack stays, the reason is recorded, back-off', async (_n, breakIt, why) => {
    const { service, server, later, stored, subscription, subscribe } = setup();
    await subscribe();
    const before = await stored();
    breakIt(server);
    later(60_000);
    const [summary] = await service.syncPacks(options, {});
    if (typeof why === 'string') expect(summary!.sync!.lastError).toBe(why);
    else expect(summary!.sync!.lastError).toMatch(why);
    expect(summary).toMatchObject({ version: '1.0.0' });
    expect(await stored()).toEqual(before);
    const after = await subscription();
    // The refused file's ETag is not kept: the next check fetches it whole and checks it again.
    expect(after).toMatchObject({ etag: '"v1"', failures: 1, publicKey: TEAM.publicKey });
    later(60_000);
    await service.syncPacks(options, {});
    expect((await subscription())!.failures).toBe(2);
    expect(nextCheckAt((await subscription())!)).toBeGreaterThan(nextCheckAt(after!));
  });

  it('recovers once the team signs the file again', async () => {
    const { service, server, subscribe } = setup();
    await subscribe();
    server.body = v2;
    server.etag = '"v2"';
    expect((await service.syncPacks(options, {}))[0]!.sync!.lastError).toBe(MISMATCH);
    publish(server, v2, '"v3"');
    expect((await service.syncPacks(options, {}))[0]).toMatchObject({ version: '1.1.0', sync: { lastError: null } });
  });

  it('refuses every file when the browser has no WebCrypto', async () => {
    const { service, ports, server, subscribe } = setup();
    await subscribe();
    delete (ports as { subtle?: SubtleCrypto }).subtle;
    publish(server, v2, '"v2"');
    const [summary] = await service.syncPacks(options, {});
    expect(summary).toMatchObject({ version: '1.0.0', sync: { lastError: expect.stringMatching(/^refused: /) } });
  });

  it('with "review updates", keeps only a signed update waiting, and applying it keeps the key', async () => {
    const { service, server, subscription, subscribe } = setup();
    await subscribe();
    await service.setReviewUpdates(options, { packId: 'mini-store', review: true });
    server.body = v2;
    server.etag = '"v2"';
    const [refused] = await service.syncPacks(options, {});
    expect(refused!.sync).toMatchObject({ lastError: MISMATCH });
    expect(refused!.sync).not.toHaveProperty('pending');
    publish(server, v2, '"v3"');
    const [waiting] = await service.syncPacks(options, {});
    expect(waiting!.sync).toMatchObject({ lastError: null, pending: { version: '1.1.0' } });
    expect(await service.applyUpdate(options, { packId: 'mini-store' })).toMatchObject({ ok: true });
    expect(await subscription()).toMatchObject({ publicKey: TEAM.publicKey, reviewUpdates: true });
    expect(await subscription()).not.toHaveProperty('pending');
  });

  it('an unpinned subscription never asks for a signature', async () => {
    const { service, server, later } = setup();
    await service.subscribePack(options, { url: URL_ });
    server.body = v2;
    server.etag = '"v2"';
    server.sig = null;
    later(60_000);
    expect((await service.syncPacks(options, {}))[0]).toMatchObject({ version: '1.1.0' });
    expect(server.urls).not.toContain(SIG_URL);
  });

  it('subscribing again without the key unpins it; with it, pins it again', async () => {
    const { service, subscription, subscribe } = setup();
    await subscribe();
    await service.subscribePack(options, { url: URL_ });
    expect(await subscription()).not.toHaveProperty('publicKey');
    await subscribe();
    expect(await subscription()).toMatchObject({ publicKey: TEAM.publicKey });
  });
});
