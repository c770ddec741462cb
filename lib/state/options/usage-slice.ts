import type { OptionsSlice, UsageSlice } from './types';

export const createUsageSlice: OptionsSlice<UsageSlice> = (services) => (set, get) => ({
  usageDays: 7,
  usage: null,
  async setUsageDays(days) {
    set({ usageDays: days });
    await get().loadUsage();
  },
  async loadUsage() {
    await services.usageReport(get().usageDays).then(
      (usage) => set({ usage }),
      (e: Error) => get().fail(e.message),
    );
  },
  usageLog: true,
  setUsageLog: (on) =>
    get().guard(async () => {
      const saved = await services.saveSettings({ usageLog: on });
      set({ usageLog: saved.usageLog !== false });
    }),
  clearUsage: () =>
    get().guard(async () => {
      await services.clearUsage?.();
      await get().loadUsage();
    }),
  exportUsage: (format) => get().guard(async () => services.exportUsage?.(format)),
});
