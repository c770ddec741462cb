import { waitThresholds } from '../../settings';
import type { PanelSlice, WaitSlice } from './types';

/**
 * The wait clock: the open chat's wait (from its report's `waitingSince`) and the other chat tabs whose
 * buyers wait, ticking once a second; the thresholds come from the settings (re-read on each refresh,
 * so a change in the options page shows without reopening the panel). The UI language is taken from the
 * same read: the options page's broadcast can be missed while the worker restarts.
 */
export const createWaitSlice: PanelSlice<WaitSlice> =
  ({ services }) =>
  (set, get) => ({
    clock: services.now().getTime(),
    waiting: [],
    thresholds: waitThresholds(undefined),
    tick() {
      set({ clock: services.now().getTime() });
    },
    async refreshWaiting() {
      const [waiting, settings] = await Promise.all([
        services.listWaitingChats?.() ?? Promise.resolve([]),
        services.getSettings(),
      ]);
      set({ waiting, thresholds: waitThresholds(settings), clock: services.now().getTime() });
      get().showLanguage(settings.uiLanguage);
    },
    async focusChat(tabId) {
      await services.focusChat?.(tabId);
    },
  });
