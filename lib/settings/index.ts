/** The team's settings, kept by the background in one database row. */
import type { UiLanguage } from '../i18n/locale';

/** What the agent and the team lead set. */
export interface Settings {
  /** Scenarios (without dates) the agent switched on. */
  scenarios: string[];
  /**
   * Per chat (`chatKey`), dated or signal-driven scenarios the agent switched off for it: the panel and the
   * composer's shortcuts read them alike (lib/chats/reply-context.ts). Absent: none.
   */
  scenariosOffByChat?: Record<string, string[]>;
  /** Per platform, CSS selector overrides for when a site changes its DOM. */
  selectorOverrides: Record<string, Record<string, string>>;
  /** Origins an agent turned Huashu on for (`https://desk.example.com`): see ./sites.ts. */
  enabledSites?: string[];
  /** Whether the usage log records anything (docs/PRIVACY.md says what it holds); absent means on. */
  usageLog?: boolean;
  /** Days the usage log keeps an event (default `USAGE_RETENTION_DAYS`, 90); only a fleet policy sets it. */
  usageRetentionDays?: number;
  /** Learn from the replies agents pick (lib/suggest/learn; docs/LEARNING.md). */
  learning: boolean;
  /** The wait clock turns amber after this many seconds without an answer (default 60; see `waitThresholds`). */
  waitAmberSeconds?: number;
  /** … and red after this many (default 100: 千牛's slow-reply line). */
  waitRedSeconds?: number;
  /** The language of the panel, the options page and the context menu; absent means the browser's (lib/i18n). */
  uiLanguage?: UiLanguage;
}

const DEFAULT_SETTINGS: Settings = { scenarios: [], selectorOverrides: {}, learning: true };

/** The wait clock's thresholds in seconds: the settings', or 60 and 100; red never before amber. */
export function waitThresholds(settings: Partial<Settings> | undefined): { amberSeconds: number; redSeconds: number } {
  const valid = (n: unknown, fallback: number) =>
    typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : fallback;
  const amberSeconds = valid(settings?.waitAmberSeconds, 60);
  return { amberSeconds, redSeconds: Math.max(amberSeconds, valid(settings?.waitRedSeconds, 100)) };
}

/** The settings from a stored row (absent, or written before a field existed): defaults fill the gaps. */
export function settingsFrom(stored: unknown): Settings {
  return { ...DEFAULT_SETTINGS, ...(stored as Partial<Settings> | undefined) };
}
