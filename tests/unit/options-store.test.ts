import { describe, expect, it, vi } from 'vitest';
import type { ImportResult, PackSummary } from '../../lib/packs/types';
import { translator } from '../../lib/i18n/translate';
import { reportOf } from '../../lib/state/options/import-report';
import { createOptionsStore, USAGE_RELOAD_MS } from '../../lib/state/options/store';
import type { OptionsServices } from '../../lib/state/options/types';
import { optionsServices, teamSummary } from '../helpers/options';

const en = translator('en');

const summary = teamSummary;

/** The page's services with one subscribed pack and saved overrides for JD. */
function services(overrides: Partial<OptionsServices> = {}): OptionsServices {
  return optionsServices({
    listPacks: vi.fn(async () => [summary]),
    setPackEnabled: vi.fn(async () => [{ ...summary, enabled: false }]),
    removePack: vi.fn(async () => []),
    getSettings: vi.fn(async () => ({ scenarios: [], selectorOverrides: { jd: { composer: '.a' } }, learning: true })),
    saveSettings: vi.fn(async (patch) => ({ scenarios: [], selectorOverrides: {}, learning: true, ...patch })),
    ...overrides,
  });
}

describe('reportOf', () => {
  it('lists errors with their path, and keeps the origin to ask access for', () => {
    const failed: ImportResult = {
      ok: false,
      errors: [
        { path: 'entries[1].title', message: 'required' },
        { path: '', message: 'could not reach https://packs.example.com' },
      ],
      accessOrigin: 'https://packs.example.com',
    };
    expect(reportOf('team.json', failed)).toEqual({
      fileName: 'team.json',
      ok: false,
      errors: ['entries[1].title: required', 'could not reach https://packs.example.com'],
      warnings: [],
      accessOrigin: 'https://packs.example.com',
    });
  });

  it('says that a pinned subscription’s signature was checked, naming the key', () => {
    const ok: ImportResult = {
      ok: true,
      pack: summary,
      replaced: null,
      warnings: [],
      signedBy: 'uR0Hn1m4m6Rk8bqWQ1m0n8X3cX5q3P0r4kq9yFQe1ZQ=',
    };
    // The page says it: "imported “Team pack” 1.0.0, 2 entries; signature checked (key uR0Hn1m4…)".
    expect(reportOf('https://packs.example.com/team.json', ok).summary).toEqual({
      name: 'Team pack',
      version: '1.0.0',
      entries: 2,
      signedBy: 'uR0Hn1m4m6Rk8bqWQ1m0n8X3cX5q3P0r4kq9yFQe1ZQ=',
    });
  });

  it('sums up an import, with the conversion notes before the lint warnings', () => {
    const ok: ImportResult = {
      ok: true,
      pack: summary,
      replaced: '0.9.0',
      converted: { format: 'espanso', notes: ['2 triggers became shortcuts'] },
      warnings: [{ path: '', message: 'never matched', rule: 'unreachable-entry' }],
    };
    expect(reportOf('base.yml', ok)).toMatchObject({
      ok: true,
      warnings: ['2 triggers became shortcuts', 'never matched [unreachable-entry]'],
      summary: { name: 'Team pack', version: '1.0.0', entries: 2, format: 'espanso', replaced: '0.9.0' },
    });
  });
});

describe('options store', () => {
  it('loads packs, settings and usage on start, and follows pack changes until stopped', async () => {
    let changed = () => {};
    const stop = vi.fn();
    const s = services({
      onPacksChanged: vi.fn((listener: () => void) => {
        changed = listener;
        return stop;
      }),
    });
    const store = createOptionsStore(s);
    const unsubscribe = store.getState().start();
    await vi.waitFor(() => expect(store.getState().usage?.days).toBe(7));
    expect(store.getState().packs).toEqual([summary]);
    expect(store.getState().overrides).toEqual({ jd: { composer: '.a' } });
    changed();
    expect(s.listPacks).toHaveBeenCalledTimes(2);
    unsubscribe();
    expect(stop).toHaveBeenCalled();
  });

  it('shows a load error without throwing', async () => {
    const store = createOptionsStore(services({ listPacks: vi.fn(async () => Promise.reject(new Error('closed'))) }));
    await store.getState().reloadPacks();
    expect(store.getState().error).toBe('closed');
  });

  it('marks packs as syncing while their check runs', async () => {
    let finish: (packs: PackSummary[]) => void = () => {};
    const s = services({ syncPacks: vi.fn(() => new Promise<PackSummary[]>((resolve) => (finish = resolve))) });
    const store = createOptionsStore(s);
    const running = store.getState().syncPacks(['team']);
    expect(store.getState().syncing).toEqual(['team']);
    finish([summary]);
    await running;
    expect(store.getState().syncing).toEqual([]);
    expect(store.getState().packs).toEqual([summary]);
  });

  it('asks for access synchronously, then syncs; says so and stops when refused', async () => {
    const s = services({ requestAccess: vi.fn(async () => false) });
    const store = createOptionsStore(s);
    const asking = store.getState().allowSyncAccess('https://packs.example.com', 'team');
    expect(s.requestAccess).toHaveBeenCalledWith('https://packs.example.com');
    await asking;
    expect(en.text(store.getState().error!)).toContain('was not granted');
    expect(s.syncPacks).not.toHaveBeenCalled();
    vi.mocked(s.requestAccess).mockResolvedValue(true);
    await store.getState().allowSyncAccess('https://packs.example.com', 'team');
    expect(store.getState().error).toBeNull();
    await vi.waitFor(() => expect(s.syncPacks).toHaveBeenCalledWith(['team']));
  });

  it('confirming a replace subscribes to the same address again with the same team key', async () => {
    const KEY = 'uR0Hn1m4m6Rk8bqWQ1m0n8X3cX5q3P0r4kq9yFQe1ZQ=';
    const conflict: ImportResult = {
      ok: false,
      errors: [{ path: 'id', message: '“team” is already installed' }],
      conflict: { packId: 'team', name: 'Team pack' },
    };
    const s = services({ subscribePack: vi.fn(async () => conflict) });
    const store = createOptionsStore(s);
    await store.getState().subscribe(summary.source.kind === 'url' ? summary.source.url : '', { publicKey: KEY });
    expect(store.getState().report?.conflict).toEqual({ packId: 'team', name: 'Team pack' });
    await store.getState().replaceSubscribed();
    expect(vi.mocked(s.subscribePack).mock.calls).toEqual([
      ['https://packs.example.com/team.json', { publicKey: KEY }],
      ['https://packs.example.com/team.json', { replace: true, publicKey: KEY }],
    ]);
    // Without a key, none is sent.
    await store.getState().subscribe('https://packs.example.com/other.json');
    expect(vi.mocked(s.subscribePack).mock.calls.at(-1)).toEqual(['https://packs.example.com/other.json']);
  });

  it('imports a picked file from its bytes, reports it and reloads the table', async () => {
    const ok: ImportResult = { ok: true, pack: summary, replaced: null, warnings: [] };
    const s = services({ importFile: vi.fn(async () => ok) });
    const store = createOptionsStore(s);
    await store
      .getState()
      .importFile({ name: 'p.json', arrayBuffer: async () => new TextEncoder().encode('{}').buffer });
    expect(s.importFile).toHaveBeenCalledWith('p.json', new Uint8Array([123, 125]));
    expect(store.getState().report?.summary).toMatchObject({ name: 'Team pack' });
    expect(store.getState().packs).toEqual([summary]);
    expect(store.getState().busy).toBe(false);
  });

  it('keeps the imported pack in the table when an older reload answers after the import', async () => {
    const ok: ImportResult = { ok: true, pack: summary, replaced: null, warnings: [] };
    let answerOldReload: (packs: PackSummary[]) => void = () => {};
    const listPacks = vi
      .fn<() => Promise<PackSummary[]>>()
      .mockImplementationOnce(() => new Promise((resolve) => (answerOldReload = resolve)))
      .mockImplementation(async () => [summary]);
    const store = createOptionsStore(services({ importFile: vi.fn(async () => ok), listPacks }));
    const reloading = store.getState().reloadPacks(); // started by packs-changed, answers late
    await store
      .getState()
      .importFile({ name: 'p.json', arrayBuffer: async () => new TextEncoder().encode('{}').buffer });
    expect(store.getState().packs).toEqual([summary]);
    answerOldReload([]);
    await reloading;
    expect(store.getState().packs).toEqual([summary]);
  });

  it('saves one site’s overrides beside the others', async () => {
    const s = services();
    const store = createOptionsStore(s);
    await store.getState().loadSettings();
    await store.getState().saveOverrides('pdd', { composer: '#x' });
    expect(s.saveSettings).toHaveBeenCalledWith({
      selectorOverrides: { jd: { composer: '.a' }, pdd: { composer: '#x' } },
    });
    expect(store.getState().overrides.pdd).toEqual({ composer: '#x' });
  });

  it('reloads the usage report for another window of days', async () => {
    const s = services();
    const store = createOptionsStore(s);
    await store.getState().setUsageDays(30);
    expect(s.usageReport).toHaveBeenCalledWith(30);
    expect(store.getState().usage?.days).toBe(30);
  });

  it('reads the usage report again when the log changes, once for a burst of events, until stopped', async () => {
    vi.useFakeTimers();
    try {
      let changed = () => {};
      const s = services({ onUsageChanged: (listener) => ((changed = listener), () => (changed = () => {})) });
      const store = createOptionsStore(s);
      const stop = store.getState().start();
      await vi.advanceTimersByTimeAsync(0);
      expect(s.usageReport).toHaveBeenCalledTimes(1);
      changed();
      changed();
      changed();
      await vi.advanceTimersByTimeAsync(USAGE_RELOAD_MS - 1);
      expect(s.usageReport).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(s.usageReport).toHaveBeenCalledTimes(2);
      changed();
      stop();
      await vi.advanceTimersByTimeAsync(USAGE_RELOAD_MS);
      expect(s.usageReport).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
