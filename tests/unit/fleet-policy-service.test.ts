/**
 * The fleet policy in the background (lib/background/fleet-policy.ts, the service, the site service):
 * policy subscriptions made without a click through the one subscribe path, kept and locked, a failure
 * shown and tried again; settings the policy sets win and cannot be saved; a browser without a policy.
 */
import { generateKeyPairSync, sign, webcrypto } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { readManaged, watchPolicy } from '../../lib/background/fleet-policy';
import { BackgroundService, type BackgroundPorts, type Sender } from '../../lib/background/service';
import { SiteService, type RegisteredSiteScript, type SiteServicePorts } from '../../lib/background/sites';
import type { FetchLike } from '../../lib/sync/pack-fetch';
import { memoryPorts, optionsPage as options } from '../helpers/background';
import { fileMessage, miniStore, pack } from '../helpers/packs';

const URL_ = 'https://packs.example.com/team/mini-store.json';
const MISSING = 'https://packs.example.com/team/missing.json';
/** The team's key pair: the pack is served signed (`PACK.sig`, as `kpack sign` writes it); the policy pins KEY. */
const team = generateKeyPairSync('ed25519');
const KEY = team.publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64');
const BODY = JSON.stringify(miniStore);
const chat: Sender = { id: 'ext', url: 'https://market.m.taobao.com/', tab: { id: 3, active: true }, frameId: 0 };

function setup(managed: unknown, overrides: Partial<BackgroundPorts> = {}) {
  const policy = { managed };
  const served = new Map<string, string>([
    [URL_, BODY],
    [`${URL_}.sig`, sign(null, Buffer.from(BODY), team.privateKey).toString('base64')],
  ]);
  const fetch: FetchLike = vi.fn(async (url: string) => {
    const body = served.get(url);
    return body === undefined
      ? new Response('no', { status: 404, statusText: 'Not Found' })
      : new Response(body, { headers: { etag: '"v1"' } });
  });
  const ports = memoryPorts('policy', {
    broadcastPicksChanged: vi.fn(),
    fetch,
    subtle: webcrypto.subtle as SubtleCrypto,
    now: () => Date.UTC(2026, 11, 2, 10),
    loadManagedPolicy: async () => policy.managed,
    ...overrides,
  });
  return { service: new BackgroundService(ports), ports, fetch, served, policy };
}

describe('policy subscriptions', () => {
  const managed = {
    packSubscriptions: [{ url: URL_, packId: 'mini-store', publicKey: KEY, reviewUpdates: true }, { url: MISSING }],
  };

  it('are subscribed without a click, with the policy’s key and review choice, and cannot be removed', async () => {
    const { service, ports } = setup(managed);
    expect(await service.applyPolicy()).toEqual(['mini-store']);
    expect(await ports.db.subscriptions.get('mini-store')).toMatchObject({
      url: URL_,
      publicKey: KEY,
      reviewUpdates: true,
    });
    expect(ports.broadcastPacksChanged).toHaveBeenCalledWith(['mini-store']);
    const [listed] = await service.listPacks(options);
    expect(listed).toMatchObject({ id: 'mini-store', managed: { reviewUpdates: true } });
    await expect(service.removePack(options, { id: 'mini-store' })).rejects.toThrow(
      'subscribed by your organisation’s policy',
    );
    await expect(service.setReviewUpdates(options, { packId: 'mini-store', review: false })).rejects.toThrow(
      'policy sets whether',
    );
    expect(await ports.db.packs.get('mini-store')).toBeDefined();
  });

  it('shows why one failed, and tries it again with the hourly check (not the ones that exist)', async () => {
    const { service, fetch, served, ports } = setup(managed);
    await service.applyPolicy();
    const view = await service.getPolicy(options);
    expect(view.subscriptions).toEqual([
      { url: URL_, expectId: 'mini-store', publicKey: KEY, reviewUpdates: true, packId: 'mini-store' },
      { url: MISSING, error: 'HTTP 404 Not Found' },
    ]);
    // The page heard that the section changed (the failure), and hears nothing when a check changes nothing.
    expect(ports.broadcastPacksChanged).toHaveBeenCalledWith([]);
    vi.mocked(ports.broadcastPacksChanged).mockClear();
    await service.applyPolicy();
    expect(ports.broadcastPacksChanged).not.toHaveBeenCalled();
    served.set(MISSING, JSON.stringify({ ...miniStore, id: 'other-store' }));
    vi.mocked(fetch).mockClear();
    await service.syncDuePacks();
    // The existing subscription is not due; the missing one is subscribed now.
    expect(vi.mocked(fetch).mock.calls.map(([url]) => url)).toEqual([MISSING]);
    expect((await service.getPolicy(options)).subscriptions[1]).toMatchObject({ packId: 'other-store' });
    expect((await service.getPolicy(options)).subscriptions[1]).not.toHaveProperty('error');
  });

  it('a pack already subscribed to by hand becomes managed, and takes the policy’s choices', async () => {
    const { service, ports, fetch, policy } = setup(null);
    await service.subscribePack(options, { url: URL_ });
    expect((await service.listPacks(options))[0]).not.toHaveProperty('managed');
    policy.managed = { packSubscriptions: [{ url: URL_, publicKey: KEY, reviewUpdates: true }] };
    vi.mocked(fetch).mockClear();
    expect(await service.applyPolicy()).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
    expect(await ports.db.subscriptions.get('mini-store')).toMatchObject({ publicKey: KEY, reviewUpdates: true });
    expect((await service.listPacks(options))[0]).toMatchObject({ managed: { reviewUpdates: true } });
    // Dropped from the policy: it stays, and the team lead may remove it again.
    policy.managed = {};
    await service.applyPolicy();
    expect((await service.listPacks(options))[0]).not.toHaveProperty('managed');
    await service.removePack(options, { id: 'mini-store' });
    expect(await service.listPacks(options)).toEqual([]);
  });

  it('a policy file with the id of an installed pack takes its place (policy wins)', async () => {
    const { service, ports } = setup({ packSubscriptions: [{ url: URL_ }] });
    await ports.db.packs.put({
      id: 'mini-store',
      pack: pack({ ...miniStore, version: '0.9.0' }),
      source: { kind: 'file', fileName: 'mini.json' },
      importedAt: 1,
      enabled: false,
      warnings: 0,
    });
    expect(await service.applyPolicy()).toEqual(['mini-store']);
    expect(await ports.db.packs.get('mini-store')).toMatchObject({ source: { kind: 'url', url: URL_ } });
  });

  it('a pinned key the file is not signed with: nothing is stored, and the policy section says why', async () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
    const { service, ports } = setup({ packSubscriptions: [{ url: URL_, publicKey: other.toString('base64') }] });
    expect(await service.applyPolicy()).toEqual([]);
    expect(await ports.db.packs.count()).toBe(0);
    expect((await service.getPolicy(options)).subscriptions[0]?.error).toMatch(/signature does not match/);
  });

  it('start-up and a policy change at once subscribe once', async () => {
    const { service, fetch } = setup({ packSubscriptions: [{ url: URL_ }] });
    await Promise.all([service.applyPolicy(), service.applyPolicy()]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('settings under a policy', () => {
  it('the policy’s values are in force and cannot be saved; the rest saves', async () => {
    const { service, ports } = setup({ learnFromPicks: false, usageLog: false, usageLogRetentionDays: 7 });
    await service.saveSettings(options, { scenarios: ['sale'] });
    expect(await service.getSettings()).toMatchObject({
      learning: false,
      usageLog: false,
      usageRetentionDays: 7,
      scenarios: ['sale'],
    });
    await expect(service.saveSettings(options, { learning: true })).rejects.toThrow(
      'learning: set by your organisation’s policy',
    );
    // The agent's own choice is kept under the policy, for when the policy goes.
    expect((await ports.db.settings.get('settings'))?.value).not.toHaveProperty('learning', false);
    // Learning off: a pick is not stored.
    await service.recordPick(options, { packId: 'p', packVersion: '1', entryId: 'e', question: 'hello' });
    expect(await ports.db.picks.count()).toBe(0);
  });

  it('the usage log keeps events for the policy’s days, and records nothing when the policy turns it off', async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = Date.UTC(2026, 11, 2, 10);
    const { service, ports, policy } = setup({ usageLogRetentionDays: 7 });
    await ports.db.usage.bulkAdd([
      { at: now - 8 * day, type: 'unanswered' },
      { at: now - 6 * day, type: 'unanswered' },
    ]);
    expect(await service.pruneUsage()).toBe(1);
    policy.managed = { usageLog: false };
    await service.logUnanswered(options, { question: 'is it waterproof?' });
    expect(await ports.db.usage.count()).toBe(1);
  });

  it('no policy: the browser rejecting (Firefox without one) or answering {} changes nothing', async () => {
    for (const load of [
      async () => Promise.reject(new Error('Managed storage manifest not found')),
      async () => ({}),
    ]) {
      const { service } = setup(undefined, { loadManagedPolicy: load });
      expect(await service.getPolicy(options)).toEqual({ policy: null, problems: [], subscriptions: [], locked: [] });
      expect(await service.applyPolicy()).toEqual([]);
      expect(await service.saveSettings(options, { learning: false })).toMatchObject({ learning: false });
    }
  });

  it('the options page sees what was ignored and what is locked', async () => {
    const { service } = setup({ usageLog: 'off', learnFromPicks: false });
    expect(await service.getPolicy(options)).toMatchObject({
      problems: ['usageLog: expected true or false (ignored)'],
      locked: ['learning'],
    });
  });
});

describe('a managed storage that does not answer', () => {
  it('stands in the last answer, never "no policy", and does not keep settings reads waiting', async () => {
    const { ports } = setup(undefined);
    const locked = { learnFromPicks: false };
    expect(await readManaged(async () => locked, ports.db, { timeoutMs: 50 })).toEqual(locked);
    const pending = () => new Promise<unknown>(() => {});
    const started = Date.now();
    expect(await readManaged(pending, ports.db, { timeoutMs: 50 })).toEqual(locked);
    expect(Date.now() - started).toBeLessThan(1_500);
    // A browser without a policy (rejects) is an answer: it replaces the one kept.
    expect(
      await readManaged(async () => Promise.reject(new Error('no manifest')), ports.db, { timeoutMs: 50 }),
    ).toBeNull();
    expect(await readManaged(pending, ports.db, { timeoutMs: 50 })).toBeNull();
  });

  it('with an answer kept, a read waits only briefly, and an answer that comes late is kept for the next', async () => {
    const { ports } = setup(undefined);
    const locked = { learnFromPicks: false };
    // Nothing kept yet: the read waits for the browser (up to its full time).
    let answer!: (value: unknown) => void;
    const first = readManaged(() => new Promise((resolve) => (answer = resolve)), ports.db, { timeoutMs: 5_000 });
    setTimeout(() => answer(locked), 300);
    expect(await first).toEqual(locked);
    // Kept: a hanging browser costs a settings read `keptTimeoutMs`, not the full wait.
    const started = Date.now();
    let late!: (value: unknown) => void;
    const read = readManaged(() => new Promise((resolve) => (late = resolve)), ports.db, {
      timeoutMs: 5_000,
      keptTimeoutMs: 50,
    });
    expect(await read).toEqual(locked);
    expect(Date.now() - started).toBeLessThan(1_000);
    // The browser's late answer (IT lifted the lock meanwhile) is kept: the next read that gets no answer has it.
    late({ learnFromPicks: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await readManaged(() => new Promise(() => {}), ports.db, { keptTimeoutMs: 50 })).toEqual({
      learnFromPicks: true,
    });
  });

  it('applying the policy waits for the browser’s answer where a settings read stands in the kept one', async () => {
    let managed: unknown = {};
    let delay = 0;
    const { service } = setup(undefined, {
      loadManagedPolicy: () => new Promise((resolve) => setTimeout(() => resolve(managed), delay)),
    });
    expect((await service.getSettings()).learning).not.toBe(false);
    // IT's new policy, answered slowly (a browser just started): settings reads give the kept answer meanwhile.
    managed = { packSubscriptions: [{ url: URL_, packId: 'mini-store', publicKey: KEY }], learnFromPicks: false };
    delay = 500;
    expect((await service.getSettings()).learning).not.toBe(false);
    expect(await service.applyPolicy()).toEqual(['mini-store']);
    delay = 0;
    expect((await service.getSettings()).learning).toBe(false);
  });

  it('the service keeps the policy’s lock while the browser hangs', async () => {
    let hang = false;
    const { service } = setup(undefined, {
      loadManagedPolicy: () => (hang ? new Promise(() => {}) : Promise.resolve({ learnFromPicks: false })),
    });
    expect((await service.getPolicy(options)).locked).toEqual(['learning']);
    hang = true;
    expect((await service.getPolicy(options)).locked).toEqual(['learning']);
  }, 10_000);

  it('the chat’s selector overrides do not wait for it (the policy never sets them)', async () => {
    const { service } = setup(undefined, { loadManagedPolicy: () => new Promise(() => {}) });
    const overrides = { composer: '#reply-box' };
    await service.saveSettings(options, { selectorOverrides: { taobao: overrides } });
    const started = Date.now();
    expect(await service.getSelectorOverrides({ platform: 'taobao' })).toEqual(overrides);
    expect(await service.getSelectorOverrides({ platform: 'jd' })).toEqual({});
    // Waiting for the browser would take MANAGED_READ_MS (2 s) per read.
    expect(Date.now() - started).toBeLessThan(1_000);
  }, 10_000);
  it('a change the policy cannot lock is written at once; the settings in force follow under the policy', async () => {
    const { service, ports } = setup(undefined, { loadManagedPolicy: () => new Promise(() => {}) });
    const started = Date.now();
    const saved = service.saveSettings(options, { selectorOverrides: { jd: { composer: '#moved' } } });
    // A chat page opened right after the save reads the override (it never waits for the policy either).
    await vi.waitFor(
      async () => expect(await service.getSelectorOverrides({ platform: 'jd' })).toEqual({ composer: '#moved' }),
      {
        timeout: 1_000,
        interval: 20,
      },
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await saved).selectorOverrides).toEqual({ jd: { composer: '#moved' } });
    // What the policy can lock still waits for its answer before anything is written.
    const learning = service.saveSettings(options, { learning: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await ports.db.settings.get('settings'))?.value).not.toMatchObject({ learning: false });
    expect((await learning).learning).toBe(false);
  }, 10_000);

  it('a typed shortcut is answered without waiting for it; its log and pick follow under the policy', async () => {
    // A fresh install: nothing kept, and the browser answers the managed storage only after MANAGED_READ_MS.
    const { service, ports } = setup(undefined, { loadManagedPolicy: () => new Promise(() => {}) });
    await service.importPack(options, fileMessage('m.json', BODY));
    const started = Date.now();
    const conversation = {
      platform: 'taobao' as const,
      conversationId: 'c',
      buyerName: '小王',
      messages: [{ id: 'm1', role: 'buyer' as const, kind: 'text' as const, text: '什么时候发货' }],
      orderIds: [],
      productTitles: [],
    };
    expect(await service.expandShortcut(chat, { shortcut: '/fh', conversation })).toMatchObject({
      text: expect.stringContaining('48'),
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    await service.shortcutsRecorded();
    expect(await ports.db.usage.toArray()).toEqual([
      expect.objectContaining({ type: 'inserted', entryId: 'ship-time' }),
    ]);
    expect((await ports.db.picks.toArray()).map((p) => p.entryId)).toEqual(['ship-time']);
  }, 10_000);
});

describe('watching the managed storage', () => {
  it('applies at once and on every change of the managed area, then re-registers and tells pages', async () => {
    let listener: (changes: Record<string, unknown>, area: string) => void = () => {};
    const target = { applyPolicy: vi.fn(async () => []) };
    const after = vi.fn();
    watchPolicy({ addListener: (l) => (listener = l) }, target, after);
    await vi.waitFor(() => expect(after).toHaveBeenCalledTimes(1));
    // The start: nothing changed that an open page shows (workers start often: no broadcast each time).
    expect(after).toHaveBeenLastCalledWith(false);
    listener({ usageLog: {} }, 'local');
    listener({ usageLog: {} }, 'managed');
    await vi.waitFor(() => expect(after).toHaveBeenCalledTimes(2));
    expect(after).toHaveBeenLastCalledWith(true);
    expect(target.applyPolicy).toHaveBeenCalledTimes(2);
  });
});

describe('sites the policy turns on', () => {
  function sites(granted: string[]) {
    const registered = new Map<string, RegisteredSiteScript>();
    let origins = ['https://mine.example.com'];
    const ports: SiteServicePorts = {
      scripting: {
        registerContentScripts: async (scripts) => void scripts.forEach((s) => registered.set(s.id, s)),
        unregisterContentScripts: async ({ ids }) => void ids.forEach((id) => registered.delete(id)),
        getRegisteredContentScripts: async () => [...registered.values()],
      },
      hasAccess: async (patterns) => patterns.every((p) => granted.includes(p)),
      loadOrigins: async () => origins,
      saveOrigins: async (next) => void (origins = next),
      isExtensionPage: (sender) => sender === 'page',
      policyOrigins: async () => ['https://desk.example.com'],
    };
    return { service: new SiteService(ports), registered, stored: () => origins };
  }

  it('are on beside the agent’s, registered where the browser gave access, and cannot be turned off', async () => {
    const { service, registered, stored } = sites(['https://desk.example.com/*', 'https://mine.example.com/*']);
    expect(await service.list('page')).toEqual(['https://desk.example.com', 'https://mine.example.com']);
    expect(await service.sync()).toEqual(['https://desk.example.com', 'https://mine.example.com']);
    expect([...registered.values()].map((s) => s.matches[0])).toEqual([
      'https://desk.example.com/*',
      'https://mine.example.com/*',
    ]);
    expect(await service.disable('page', { origin: 'https://desk.example.com' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('turned on by your organisation’s policy'),
    });
    expect(await service.disable('page', { origin: 'https://mine.example.com' })).toMatchObject({ ok: true });
    expect(stored()).toEqual([]);
    expect(await service.list('page')).toEqual(['https://desk.example.com']);
  });

  it('without access yet, the site is offered to turn on (the browser asks the agent once); not stored when on', async () => {
    const { service, stored } = sites(['https://mine.example.com/*']);
    expect(await service.suggested('page')).toEqual(['https://desk.example.com']);
    expect(await service.sync()).toEqual(['https://mine.example.com']);
    const granted = sites(['https://desk.example.com/*', 'https://mine.example.com/*']);
    expect(await granted.service.suggested('page')).toEqual([]);
    await granted.service.enable('page', { origin: 'https://desk.example.com' });
    expect(granted.stored()).toEqual(['https://mine.example.com']);
    expect(stored()).toEqual(['https://mine.example.com']);
  });
});
