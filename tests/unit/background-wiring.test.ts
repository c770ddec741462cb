/**
 * What the entrypoints wire together, tested apart from the browser: the panel APIs of Chrome and
 * Firefox, the context menu, the message table, the content script's shortcut list, bytes on the wire,
 * and a chosen workbook travelling as it is from the options page to the import pipeline.
 */
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_REGISTRY, recordActivation, registryIn } from '../../lib/background/chat-registry';
import {
  FIND_REPLIES_MENU,
  injectSelectionReader,
  onMenuClick,
  SELECTION_READER_FILE,
  startContextMenu,
  type ContextMenuApis,
} from '../../lib/background/context-menu';
import { registerHandlers } from '../../lib/background/handlers';
import { BackgroundService, type Sender } from '../../lib/background/service';
import { openPanel, openPanelOnActionClick, panelApisOf } from '../../lib/background/side-panel';
import { shortcutList } from '../../lib/content/shortcut-list';
import { base64ToBytes, bytesToBase64 } from '../../lib/messaging/base64';
import { settingsFrom } from '../../lib/settings';
import type { ContentProtocol } from '../../lib/messaging/content';
import type { PagesProtocol } from '../../lib/messaging/pages';
import { fileMessage } from '../helpers/packs';
import { workbook } from '../helpers/xlsx';
import { memoryPorts } from '../helpers/background';

describe('chat registry in session storage', () => {
  it('starts empty and gives back what was saved', async () => {
    const items: Record<string, unknown> = {};
    const store = registryIn({
      get: async (key) => (key in items ? { [key]: items[key] } : {}),
      set: async (next) => void Object.assign(items, next),
    });
    expect(await store.loadRegistry()).toEqual(EMPTY_REGISTRY);
    await store.saveRegistry(recordActivation(EMPTY_REGISTRY, 5));
    expect(await store.loadRegistry()).toMatchObject({ focusedTabId: 5 });
  });
});

describe('side panel', () => {
  it("uses Chrome's sidePanel when there is one, else Firefox's sidebar", () => {
    const sidePanel = { setPanelBehavior: vi.fn(async () => {}), open: vi.fn(async () => {}) };
    const sidebarAction = { open: vi.fn(async () => {}) };
    const chrome = panelApisOf({ sidePanel }, { sidebarAction: undefined });
    openPanelOnActionClick(chrome);
    openPanel(chrome, 4);
    expect(sidePanel.setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 4 });
    const firefox = panelApisOf(undefined, { sidebarAction });
    openPanelOnActionClick(firefox);
    openPanel(firefox, 4);
    expect(sidebarAction.open).toHaveBeenCalledTimes(1);
    expect(() => openPanel(panelApisOf(undefined, {}), 4)).not.toThrow();
  });
});

describe('context menu', () => {
  const ports = () => ({ openPanel: vi.fn(), readSelectionIn: vi.fn(async () => true) });

  it('opens the panel and reads the selection on a page that is not a chat site', () => {
    const p = ports();
    onMenuClick(p, { menuItemId: FIND_REPLIES_MENU.id, frameId: 2 }, { id: 7, url: 'https://forum.example/t/1' });
    expect(p.openPanel).toHaveBeenCalledWith(7);
    expect(p.readSelectionIn).toHaveBeenCalledWith(7, 2);
  });

  it('only opens the panel on a chat site, and ignores other menus and tabless clicks', () => {
    const p = ports();
    onMenuClick(p, { menuItemId: FIND_REPLIES_MENU.id }, { id: 7, url: 'https://dongdong.jd.com/' });
    expect(p.openPanel).toHaveBeenCalledWith(7);
    expect(p.readSelectionIn).not.toHaveBeenCalled();
    onMenuClick(p, { menuItemId: 'other' }, { id: 8, url: 'https://forum.example/' });
    onMenuClick(p, { menuItemId: FIND_REPLIES_MENU.id }, undefined);
    expect(p.openPanel).toHaveBeenCalledTimes(1);
  });

  it('is created at install in the settings’ language, retitled when they change, and a click reads the page', async () => {
    const installed: Array<() => void> = [];
    const clicked: Array<Parameters<ContextMenuApis['contextMenus']['onClicked']['addListener']>[0]> = [];
    const apis = {
      contextMenus: {
        create: vi.fn(),
        update: vi.fn(async () => {}),
        onClicked: { addListener: (listener: (typeof clicked)[number]) => void clicked.push(listener) },
      },
      i18n: { getUILanguage: () => 'en-US' },
      scripting: { executeScript: vi.fn(async () => []) },
      runtime: { onInstalled: { addListener: (listener: () => void) => void installed.push(listener) } },
    } satisfies ContextMenuApis;
    const openPanel = vi.fn();
    const menu = startContextMenu(apis, { settings: async () => settingsFrom({ uiLanguage: 'zh-CN' }), openPanel });
    expect(apis.contextMenus.create).not.toHaveBeenCalled();
    installed.forEach((listener) => listener());
    await vi.waitFor(() =>
      expect(apis.contextMenus.create).toHaveBeenCalledWith({ ...FIND_REPLIES_MENU, title: '话术：为“%s”查找回复' }),
    );
    menu.retitle(settingsFrom({ uiLanguage: 'auto' }));
    expect(apis.contextMenus.update).toHaveBeenCalledWith(FIND_REPLIES_MENU.id, {
      title: 'Huashu: find replies for “%s”',
    });
    clicked.forEach((listener) =>
      listener({ menuItemId: FIND_REPLIES_MENU.id, frameId: 3 }, { id: 9, url: 'https://forum.example/t/1' }),
    );
    expect(openPanel).toHaveBeenCalledWith(9);
    expect(apis.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 9, frameIds: [3] },
      files: [SELECTION_READER_FILE],
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    apis.scripting.executeScript.mockRejectedValueOnce(new Error('chrome:// page'));
    expect(await menu.readSelectionIn(9, 0)).toBe(false);
    warn.mockRestore();
  });

  it('says false when the page refuses the reader', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await injectSelectionReader(async () => [])).toBe(true);
    expect(await injectSelectionReader(async () => Promise.reject(new Error('chrome:// page')))).toBe(false);
    warn.mockRestore();
  });
});

describe('message handlers', () => {
  it('answers every message of each channel on that channel, passing the sender to the service', async () => {
    const content = new Map<string, (m: { sender: unknown; data: unknown }) => unknown>();
    const pages = new Map<string, (m: { sender: unknown; data: unknown }) => unknown>();
    const service = new Proxy({} as Record<string, unknown>, {
      get: (_target, name) => vi.fn(async (...args: unknown[]) => ({ name, args })),
    }) as unknown as BackgroundService;
    registerHandlers(
      ((type: string, fn: never) => void content.set(type, fn)) as never,
      ((type: string, fn: never) => void pages.set(type, fn)) as never,
      service,
    );
    const contentNames: Array<keyof ContentProtocol> = [
      'reportConversation',
      'forgetFrame',
      'listShortcuts',
      'expandShortcut',
      'getSelectorOverrides',
    ];
    const pageNames: Array<keyof PagesProtocol> = [
      'getActiveChat',
      'insertReply',
      'listWaitingChats',
      'focusChat',
      'importPack',
      'listPacks',
      'setPackEnabled',
      'removePack',
      'subscribePack',
      'syncPacks',
      'setReviewUpdates',
      'reviewUpdate',
      'applyUpdate',
      'getSettings',
      'saveSettings',
      'getPolicy',
      'logUnanswered',
      'logComplaint',
      'usageReport',
      'clearUsage',
      'exportUsage',
      'recordPick',
      'forgetPicks',
      'exportPicks',
      'logSuggested',
    ];
    expect([...content.keys()].sort()).toEqual([...contentNames].sort());
    expect([...pages.keys()].sort()).toEqual([...pageNames].sort());
    const sender = { id: 'ext' };
    expect(await pages.get('removePack')!({ sender, data: { id: 'p' } })).toEqual({
      name: 'removePack',
      args: [sender, { id: 'p' }],
    });
  });

  it('gives content scripts no name for a message that changes packs or settings (a type error)', () => {
    // @ts-expect-error importPack is on the extension pages' channel only
    const importPack: keyof ContentProtocol = 'importPack';
    // @ts-expect-error saveSettings too
    const saveSettings: keyof ContentProtocol = 'saveSettings';
    expect([importPack, saveSettings]).toHaveLength(2);
  });

  it('keeps the two channels apart: no message name is in both', () => {
    type Shared = keyof ContentProtocol & keyof PagesProtocol;
    const none: [Shared] extends [never] ? true : false = true;
    expect(none).toBe(true);
  });
});

describe('shortcut list', () => {
  it('fetches on the first focus and again only after 10 s; a failed fetch keeps the last list', async () => {
    let now = 0;
    const fetchList = vi.fn(async () => ['/fh']);
    const list = shortcutList(fetchList, () => now);
    list.refresh();
    await Promise.resolve();
    expect(list.has('/FH')).toBe(true);
    now = 5_000;
    list.refresh();
    expect(fetchList).toHaveBeenCalledTimes(1);
    now = 10_000;
    fetchList.mockRejectedValueOnce(new Error('worker restarting'));
    list.refresh();
    await Promise.resolve();
    expect(fetchList).toHaveBeenCalledTimes(2);
    expect(list.has('/fh')).toBe(true);
  });
});

describe('a chosen file on the wire', () => {
  it('survives base64 both ways, every byte value and a few megabytes', () => {
    const bytes = new Uint8Array(3 * 1024 * 1024 + 7).map((_, i) => (i * 31) % 256);
    // Compared as a Buffer: a deep equality over megabytes takes vitest minutes.
    expect(Buffer.from(base64ToBytes(bytesToBase64(bytes))).equals(bytes)).toBe(true);
    expect(bytesToBase64(new TextEncoder().encode('亲'))).toBe('5Lqy');
  });

  it('is read by the background: a workbook is converted whatever it is called, a broken one refused', async () => {
    const service = new BackgroundService(memoryPorts('wire', { now: () => 1000 }));
    const options: Sender = { id: 'ext', url: 'chrome-extension://ext/options.html' };
    const book = workbook([
      { name: '快捷短语', rows: [['导出'], ['快捷编码', '快捷短语'], ['fh', '亲'], ['kb', null]] },
    ]);
    const result = await service.importPack(options, fileMessage('千牛快捷短语.dat', book));
    expect(result).toMatchObject({ ok: true, pack: { entries: 1 }, converted: { format: 'xlsx' } });
    expect('ok' in result && result.ok && result.converted!.notes).toEqual(['skipped row 4 ("kb"): empty 快捷短语']);
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]);
    expect(await service.importPack(options, fileMessage('x.xlsx', broken))).toEqual({
      ok: false,
      errors: [{ path: '', message: expect.stringContaining('not a readable .xlsx workbook') }],
    });
  });
});
