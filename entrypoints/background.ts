import { browser } from 'wxt/browser';
import { isChatSiteUrl } from '@/lib/adapters/registry';
import { BackgroundService, EMPTY_REGISTRY, type Sender } from '@/lib/background/service';
import type { ChatRegistry } from '@/lib/chats/registry';
import { seedBuiltinPacks } from '@/lib/db/packs';
import { HuashuDb } from '@/lib/db/schema';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import { builtinPacks } from '@/lib/packs/builtin';
import { ensureSyncAlarm, SYNC_ALARM } from '@/lib/sync/subscriptions';

// Wiring only: behaviour lives in lib/background/service.ts.
export default defineBackground(() => {
  const db = new HuashuDb();
  const REGISTRY_KEY = 'chatRegistry';
  const service = new BackgroundService({
    db,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    loadRegistry: async () =>
      ((await browser.storage.session.get(REGISTRY_KEY))[REGISTRY_KEY] as ChatRegistry | undefined) ?? EMPTY_REGISTRY,
    saveRegistry: (registry) => browser.storage.session.set({ [REGISTRY_KEY]: registry }),
    sendInsert: (tabId, frameId, request) => sendMessage('insertText', request, { tabId, frameId }),
    broadcastActiveChat: (chat) => void sendMessage('activeChatChanged', chat).catch(() => {}),
    broadcastPacksChanged: (ids) => void sendMessage('packsChanged', { ids }).catch(() => {}),
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
  });

  const seed = () =>
    seedBuiltinPacks(db, builtinPacks(console.error)).then((ids) => {
      if (ids.length > 0) void sendMessage('packsChanged', { ids }).catch(() => {});
    });
  browser.runtime.onInstalled.addListener(() => void seed());
  browser.runtime.onStartup.addListener(() => void seed());
  void seed();

  // Subscribed packs: the alarm wakes the worker; what is due and what was fetched lives in the database.
  const ensureAlarm = () => void ensureSyncAlarm(browser.alarms).catch(console.error);
  browser.runtime.onInstalled.addListener(ensureAlarm);
  browser.runtime.onStartup.addListener(ensureAlarm);
  ensureAlarm();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void service.syncDuePacks().catch(console.error);
  });

  // Chrome: the toolbar button opens the side panel (Firefox uses its sidebar_action).
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
    ?.sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

  // Any other page: the agent selects the buyer's words and asks for replies from the context menu. The
  // page reader is injected only then (activeTab), so Huashu needs no access to sites that are not chats.
  const FIND_REPLIES = 'huashu-find-replies';
  const readSelectionIn = (tabId: number, frameId: number) =>
    browser.scripting
      .executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/content-scripts/generic.js'] })
      .then(() => true)
      .catch((error: unknown) => {
        console.warn('Huashu cannot read this page:', error);
        return false;
      });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: FIND_REPLIES, title: 'Huashu: find replies for “%s”', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== FIND_REPLIES || tab?.id === undefined) return;
    // Opening the panel must happen within the click, before any await.
    const chrome = (globalThis as { chrome?: { sidePanel?: { open(o: { tabId: number }): Promise<void> } } }).chrome;
    if (chrome?.sidePanel) void chrome.sidePanel.open({ tabId: tab.id }).catch(() => {});
    else
      void (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction?.open().catch(() => {});
    // Chat sites have their own reader already.
    if (isChatSiteUrl(tab.url ?? '')) return;
    void readSelectionIn(tab.id, info.frameId ?? 0);
  });
  // The test build lets the end-to-end tests do what the menu click does (Chromium cannot click it).
  if (import.meta.env.HUASHU_E2E) Object.assign(globalThis, { huashuReadSelectionIn: readSelectionIn });

  browser.tabs.onActivated.addListener(({ tabId }) => void service.tabActivated(tabId));
  browser.tabs.onRemoved.addListener((tabId) => void service.tabGone(tabId));

  const from = (sender: unknown) => sender as Sender;
  onMessage('reportConversation', ({ sender, data }) => service.reportConversation(from(sender), data));
  onMessage('getActiveChat', ({ sender }) => service.getActiveChat(from(sender)));
  onMessage('insertReply', ({ sender, data }) => service.insertReply(from(sender), data));
  onMessage('importPack', ({ sender, data }) => service.importPack(from(sender), data));
  onMessage('listPacks', ({ sender }) => service.listPacks(from(sender)));
  onMessage('setPackEnabled', ({ sender, data }) => service.setPackEnabled(from(sender), data));
  onMessage('removePack', ({ sender, data }) => service.removePack(from(sender), data));
  onMessage('subscribePack', ({ sender, data }) => service.subscribePack(from(sender), data));
  onMessage('syncPacks', ({ sender, data }) => service.syncPacks(from(sender), data));
  onMessage('getSelectorOverrides', ({ data }) => service.getSelectorOverrides(data));
  onMessage('getSettings', () => service.getSettings());
  onMessage('saveSettings', ({ sender, data }) => service.saveSettings(from(sender), data));
  onMessage('logUnanswered', ({ sender, data }) => service.logUnanswered(from(sender), data));
  onMessage('logComplaint', ({ sender, data }) => service.logComplaint(from(sender), data));
  onMessage('listShortcuts', ({ sender }) => service.listShortcuts(from(sender)));
  onMessage('expandShortcut', ({ sender, data }) => service.expandShortcut(from(sender), data));
  onMessage('usageReport', ({ sender, data }) => service.usageReport(from(sender), data));
});
