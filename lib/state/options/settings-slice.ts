import { waitThresholds } from '../../settings';
import type { OptionsSlice, SettingsSlice } from './types';

export const createSettingsSlice: OptionsSlice<SettingsSlice> = (services) => (set, get) => ({
  sites: services.sites,
  overrides: {},
  wait: waitThresholds(undefined),
  async loadSettings() {
    await services.getSettings().then(
      (s) => {
        set({
          overrides: s.selectorOverrides,
          usageLog: s.usageLog !== false,
          learning: s.learning !== false,
          wait: waitThresholds(s),
        });
        get().showLanguage(s.uiLanguage);
      },
      (e: Error) => get().fail(e.message),
    );
  },
  saveOverrides: (platform, value) =>
    get().guard(async () => {
      const next = { ...get().overrides, [platform]: value };
      set({ overrides: (await services.saveSettings({ selectorOverrides: next })).selectorOverrides });
    }),
  saveWaitThresholds: (amberSeconds, redSeconds) =>
    get().guard(async () => {
      const saved = await services.saveSettings({ waitAmberSeconds: amberSeconds, waitRedSeconds: redSeconds });
      set({ wait: waitThresholds(saved) });
    }),
  setUiLanguage: (uiLanguage) =>
    get().guard(async () => get().showLanguage((await services.saveSettings({ uiLanguage })).uiLanguage)),
});
