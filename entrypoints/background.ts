import { browser } from 'wxt/browser';
import { onAlarm, startAlarms } from '@/lib/background/alarms';
import { registryIn } from '@/lib/background/chat-registry';
import { startContextMenu } from '@/lib/background/context-menu';
import { watchPolicy } from '@/lib/background/fleet-policy';
import { registerHandlers } from '@/lib/background/handlers';
import { reindexStoredPacks, seedBuiltinPacks } from '@/lib/background/pack-import';
import { BackgroundService } from '@/lib/background/service';
import { focusTab, openPanel, openPanelOnActionClick, panelApisOf } from '@/lib/background/side-panel';
import { startSites } from '@/lib/background/sites';
import { TEST_HOSTS } from '@/lib/adapters/hosts';
import { HuashuDb } from '@/lib/db/schema';
import * as content from '@/lib/messaging/content';
import * as pages from '@/lib/messaging/pages';
import { builtinPacks } from '@/lib/packs/builtin';

// Wiring only: behaviour lives in lib/background/.
export default defineBackground(() => {
  const db = new HuashuDb();
  const packsChanged = (ids: string[]) => void pages.sendMessage('packsChanged', { ids }).catch(() => {});
  const panel = panelApisOf((globalThis as { chrome?: unknown }).chrome, browser);
  openPanelOnActionClick(panel);
  const menu = startContextMenu(browser, {
    settings: () => service.getSettings(),
    openPanel: (tabId) => openPanel(panel, tabId),
  });
  const extension = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  const service = new BackgroundService({
    db,
    ...extension,
    ...registryIn(browser.storage.session),
    sendInsert: (tabId, frameId, request) => content.sendMessage('insertText', request, { tabId, frameId }),
    broadcastActiveChat: (chat) => void pages.sendMessage('activeChatChanged', chat).catch(() => {}),
    broadcastPacksChanged: (ids) => packsChanged(ids),
    broadcastPicksChanged: () => void pages.sendMessage('picksChanged', {}).catch(() => {}),
    broadcastUsageChanged: () => void pages.sendMessage('usageChanged', {}).catch(() => {}),
    broadcastSettingsChanged: (settings) => {
      menu.retitle(settings);
      void pages.sendMessage('settingsChanged', settings).catch(() => {});
    },
    focusTab: (tabId) => focusTab(browser, tabId),
    fetch: (url, init) => fetch(url, init),
    subtle: crypto.subtle,
    now: () => Date.now(),
    loadManagedPolicy: () => browser.storage.managed.get(),
  });
  registerHandlers(content.onMessage, pages.onMessage, service);
  const e2eHosts = import.meta.env.HUASHU_E2E ? TEST_HOSTS : [];
  const sites = startSites(browser, db, extension, pages.onMessage, e2eHosts, () => service.policySites());
  // IT's policy, at every start and change, without a click; pages are told when it changed.
  watchPolicy(browser.storage.onChanged, service, (changed) => sites.sync().then(() => changed && packsChanged([])));
  // Shipped packs, enabled sites, and the alarms of the pack sync and the usage log's retention. Once per
  // worker start: the worker runs this script at install, update and browser start alike (listening to
  // onInstalled / onStartup as well built every shipped pack's index twice at once, and kept the worker
  // from answering the pages meanwhile).
  // Then the indexes an update left in an older format (`reindexStoredPacks`).
  void seedBuiltinPacks(db, builtinPacks(console.error))
    .then(async (seeded) => [...seeded, ...(await reindexStoredPacks(db))])
    .then((ids) => ids.length > 0 && packsChanged(ids))
    .catch(console.error);
  void startAlarms(browser.alarms, service).catch(console.error);
  void sites.sync().catch(console.error);
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm.name, service)?.catch(console.error));
  // The test build lets the end-to-end tests do what the menu click does (Chromium cannot click it).
  if (import.meta.env.HUASHU_E2E) Object.assign(globalThis, { huashuReadSelectionIn: menu.readSelectionIn });
  browser.tabs.onActivated.addListener(({ tabId }) => void service.tabActivated(tabId));
  browser.tabs.onRemoved.addListener((tabId) => void service.tabGone(tabId));
});
