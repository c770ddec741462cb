/** The options page's services in memory, and a subscribed pack to list, for the options tests. */
import { vi } from 'vitest';
import type { PackSummary } from '../../lib/packs/types';
import type { OptionsServices } from '../../lib/state/options/types';
import type { UsageReport } from '../../lib/usage/report';

export const TEAM_URL = 'https://packs.example.com/team.json';

/** A pack subscribed at `TEAM_URL`, checked without an error. */
export const teamSummary: PackSummary = {
  id: 'team',
  name: 'Team pack',
  version: '1.0.0',
  locale: 'en',
  entries: 2,
  enabled: true,
  source: { kind: 'url', url: TEAM_URL },
  importedAt: 0,
  warnings: 0,
  sync: { checkedAt: 0, changedAt: 0, lastError: null },
};

/** An empty usage report over `days`. */
export const emptyUsage = (days = 7): UsageReport => ({
  since: 0,
  days,
  totals: { inserted: 0, copied: 0, unanswered: 0, complaints: 0 },
  replies: [],
  unanswered: [],
  complaints: [],
});

/** Services with no packs, no settings and an empty report; each a `vi.fn` to assert on or override. */
export function optionsServices(overrides: Partial<OptionsServices> = {}): OptionsServices {
  return {
    listPacks: vi.fn(async () => []),
    importFile: vi.fn(),
    setPackEnabled: vi.fn(),
    removePack: vi.fn(),
    subscribePack: vi.fn(),
    syncPacks: vi.fn(async () => [teamSummary]),
    setReviewUpdates: vi.fn(async () => [teamSummary]),
    reviewUpdate: vi.fn(),
    applyUpdate: vi.fn(),
    requestAccess: vi.fn(async () => true),
    onPacksChanged: vi.fn(() => () => {}),
    getSettings: vi.fn(async () => ({ scenarios: [], selectorOverrides: {}, learning: true })),
    saveSettings: vi.fn(),
    usageReport: vi.fn(async (days: number) => emptyUsage(days)),
    forgetPicks: vi.fn(async () => {}),
    exportPicks: vi.fn(async () => ''),
    download: vi.fn(),
    sites: [],
    ...overrides,
  };
}
