import { usageReportCsv } from '../../usage/csv';
import type { OptionsSlice, UsageSlice } from './types';

const stamp = () => new Date().toISOString().slice(0, 10);

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
  exportUsage: (format, agent = 'agent') =>
    get().guard(async () => {
      const text = (await services.exportUsage?.(format, agent)) ?? '';
      const safe = agent.replace(/[^\p{L}\p{N}_-]+/gu, '_') || 'agent';
      const type = format === 'csv' ? 'text/csv' : 'application/x-ndjson';
      services.download?.(`huashu-usage-${safe}-${stamp()}.${format}`, text, type);
    }),
  exportUsageCsv() {
    const usage = get().usage;
    if (usage) services.download?.(`huashu-usage-${usage.days}d-${stamp()}.csv`, usageReportCsv(usage), 'text/csv');
  },
  exportUsageLog: (agent) => get().exportUsage('ndjson', agent),
});
