import { browser } from 'wxt/browser';
import { BackgroundService, EMPTY_REGISTRY, type Sender } from '@/lib/background/service';
import type { ChatRegistry } from '@/lib/chats/registry';
import { seedBuiltinPacks } from '@/lib/db/packs';
import { HuashuDb } from '@/lib/db/schema';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import { builtinPacks } from '@/lib/packs/builtin';

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
    now: () => Date.now(),
  });

  const seed = () =>
    seedBuiltinPacks(db, builtinPacks(console.error)).then((ids) => {
      if (ids.length > 0) void sendMessage('packsChanged', { ids }).catch(() => {});
    });
  browser.runtime.onInstalled.addListener(() => void seed());
  browser.runtime.onStartup.addListener(() => void seed());
  void seed();

  // Chrome: the toolbar button opens the side panel (Firefox uses its sidebar_action).
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
    ?.sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

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
  onMessage('getSelectorOverrides', ({ data }) => service.getSelectorOverrides(data));
  onMessage('getSettings', () => service.getSettings());
  onMessage('saveSettings', ({ sender, data }) => service.saveSettings(from(sender), data));
});
