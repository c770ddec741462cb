/**
 * The options page's store: one zustand store composed of one slice per section of the page. It reaches
 * the background only through `OptionsServices`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createErrorSlice } from './error-slice';
import { createImportSlice } from './import-slice';
import { createLearningSlice } from './learning-slice';
import { createPacksSlice } from './packs-slice';
import { createPolicySlice } from './policy-slice';
import { createSettingsSlice } from './settings-slice';
import { createSyncSlice } from './sync-slice';
import { createUsageSlice } from './usage-slice';
import { createLanguageSlice } from '../language';
import { orderSettingsReads } from '../settings-order';
import type { LifecycleSlice, OptionsServices, OptionsSlice, OptionsState } from './types';

/** How long the options page gathers usage-log changes before it reads the report again. */
export const USAGE_RELOAD_MS = 1_000;

const createLifecycleSlice: OptionsSlice<LifecycleSlice> = (services) => (_set, get) => ({
  start() {
    void get().reloadPacks();
    void get().loadSettings();
    void get().loadUsage();
    void get().loadPolicy();
    // The shipped packs are seeded, subscribed packs synced and the policy applied while this page may be
    // open; another options page may change the language.
    const stopPacks = services.onPacksChanged(() => {
      void get().reloadPacks();
      void get().loadPolicy();
      void get().loadSettings();
    });
    const stopSettings = services.onSettingsChanged?.((settings) => get().showLanguage(settings.uiLanguage));
    // Agents keep working while the page is open, and the background writes an event up to seconds after the panel
    // sent it (it waits for the fleet policy): the report is read again, at most once per USAGE_RELOAD_MS.
    let usageReload: ReturnType<typeof setTimeout> | undefined;
    const stopUsage = services.onUsageChanged?.(() => {
      usageReload ??= setTimeout(() => {
        usageReload = undefined;
        void get().loadUsage();
      }, USAGE_RELOAD_MS);
    });
    return () => {
      stopPacks();
      stopSettings?.();
      stopUsage?.();
      clearTimeout(usageReload);
    };
  },
});

export function createOptionsStore(pageServices: OptionsServices): StoreApi<OptionsState> {
  const services = orderSettingsReads(pageServices);
  return createStore<OptionsState>()((...api) => ({
    ...createErrorSlice(services)(...api),
    ...createPacksSlice(services)(...api),
    ...createImportSlice(services)(...api),
    ...createSyncSlice(services)(...api),
    ...createSettingsSlice(services)(...api),
    ...createUsageSlice(services)(...api),
    ...createLearningSlice(services)(...api),
    ...createPolicySlice(services)(...api),
    ...createLifecycleSlice(services)(...api),
    ...createLanguageSlice(services.browserLanguage, api[0]),
  }));
}
