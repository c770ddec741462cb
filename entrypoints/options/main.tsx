import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { SITE_ADAPTERS } from '@/lib/adapters/registry';
import { onMessage, sendMessage } from '@/lib/messaging/pages';
import { bytesToBase64 } from '@/lib/messaging/base64';
import { createOptionsStore } from '@/lib/state/options/store';
import { accessPattern } from '@/lib/sync/pack-fetch';
import { App } from './App';
import { EnabledSitesSection } from './enabled-sites';
import './style.css';

// Wiring only: every change goes through the background, the one writer of the database.
const store = createOptionsStore({
  listPacks: () => sendMessage('listPacks', {}),
  // The file as it is: the background's import pipeline reads it (a workbook's sheet, GB18030 CSV, …).
  importFile: (fileName, bytes, confirm) =>
    sendMessage('importPack', { fileName, base64: bytesToBase64(bytes), ...(confirm ? { confirm } : {}) }),
  setReviewUpdates: (packId, review) => sendMessage('setReviewUpdates', { packId, review }),
  reviewUpdate: (packId) => sendMessage('reviewUpdate', { packId }),
  applyUpdate: (packId) => sendMessage('applyUpdate', { packId }),
  setPackEnabled: (id, enabled) => sendMessage('setPackEnabled', { id, enabled }),
  removePack: (id) => sendMessage('removePack', { id }),
  subscribePack: (url, options) => sendMessage('subscribePack', { url, ...options }),
  syncPacks: (ids) => sendMessage('syncPacks', { ids }),
  requestAccess: (origin) => browser.permissions.request({ origins: [accessPattern(origin)] }),
  onPacksChanged: (listener) => onMessage('packsChanged', () => listener()),
  getSettings: () => sendMessage('getSettings', {}),
  getPolicy: () => sendMessage('getPolicy', {}),
  saveSettings: (patch) => sendMessage('saveSettings', patch),
  usageReport: (days) => sendMessage('usageReport', { days }),
  clearUsage: () => sendMessage('clearUsage', {}),
  exportUsage: (format, agent) => sendMessage('exportUsage', { format, agent }),
  forgetPicks: () => sendMessage('forgetPicks', {}),
  exportPicks: () => sendMessage('exportPicks', {}),
  download: (fileName, text, type) => {
    const link = Object.assign(document.createElement('a'), { download: fileName });
    link.href = URL.createObjectURL(new Blob([text], { type }));
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  },
  sites: SITE_ADAPTERS.map((a) => ({ platform: a.platform, label: a.label, defaults: { ...a.selectors } })),
  browserLanguage: () => browser.i18n.getUILanguage(),
  onSettingsChanged: (listener) => onMessage('settingsChanged', ({ data }) => listener(data)),
  onUsageChanged: (listener) => onMessage('usageChanged', () => listener()),
});

createRoot(document.getElementById('root')!).render(
  <App store={store}>
    <EnabledSitesSection />
  </App>,
);
