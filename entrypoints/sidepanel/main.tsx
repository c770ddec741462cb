import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { loadEnabledPacks } from '@/lib/db/packs';
import { loadPicks } from '@/lib/db/picks';
import { HuashuDb } from '@/lib/db/schema';
import { onMessage, sendMessage } from '@/lib/messaging/pages';
import { createPanelStore } from '@/lib/state/panel/store';
import { App } from './App';
import './style.css';

// Wiring only: the store's services are messages to the background and reads of the packs database.
const db = new HuashuDb();
const store = createPanelStore({
  loadPacks: () => loadEnabledPacks(db),
  getActiveChat: () => sendMessage('getActiveChat', {}),
  insertReply: (request) => sendMessage('insertReply', request),
  copyToClipboard: (text) =>
    navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    ),
  getSettings: () => sendMessage('getSettings', {}),
  saveSettings: (patch) => sendMessage('saveSettings', patch),
  listWaitingChats: () => sendMessage('listWaitingChats', {}),
  focusChat: (tabId) => sendMessage('focusChat', { tabId }),
  logUnanswered: (question, platform) => void sendMessage('logUnanswered', { question, platform }).catch(() => {}),
  logSuggested: (entries, platform) => void sendMessage('logSuggested', { entries, platform }).catch(() => {}),
  logComplaint: (risk, question, platform) =>
    void sendMessage('logComplaint', { question, level: risk.level, reasons: risk.reasons, platform }).catch(() => {}),
  loadPicks: () => loadPicks(db),
  recordPick: (pick) => void sendMessage('recordPick', pick).catch(() => {}),
  now: () => new Date(),
  browserLanguage: () => browser.i18n.getUILanguage(),
  onSettingsChanged: (listener) => onMessage('settingsChanged', ({ data }) => listener(data)),
});

onMessage('activeChatChanged', ({ data }) => store.getState().setChat(data));
onMessage('packsChanged', () => void store.getState().reloadPacks());
onMessage('picksChanged', () => void store.getState().reloadPicks());
void store.getState().reloadPacks();
void store.getState().refreshChat();
// A broadcast can be missed while this page loads or the worker restarts: ask again now and then.
// The other chats' waits and the thresholds are asked for as often; the wait clock ticks each second.
setInterval(() => {
  void store
    .getState()
    .refreshChat()
    .catch(() => {});
  void store
    .getState()
    .refreshWaiting()
    .catch(() => {});
}, 2000);
setInterval(() => store.getState().tick(), 1000);

createRoot(document.getElementById('root')!).render(<App store={store} />);
