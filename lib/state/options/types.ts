/**
 * The options page's state: the ports it reaches the background through, and the shape of each slice.
 * The entrypoint implements `OptionsServices` with messages and the permissions API; tests in memory.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ImportOutcome, ImportResult, ImportReview, PackSummary } from '../../packs/types';
import type { Settings } from '../../settings';
import type { PolicyView } from '../../settings/policy';
import type { UsageReport } from '../../usage/report';
import type { Text } from '../../i18n/translate';
import type { UiLanguage } from '../../i18n/locale';
import type { LanguageSlice } from '../language';

/** A site adapter's built-in selectors, which a team lead may override. */
export interface SiteSelectors {
  platform: string;
  label: string;
  defaults: Record<string, string>;
}

/** Everything the options page needs from outside; every change goes through the background. */
export interface OptionsServices {
  listPacks(): Promise<PackSummary[]>;
  /**
   * Imports a chosen file (a pack, another tool's export, an Excel workbook) from its bytes; one that would
   * replace a stored pack comes back as a review unless `confirm`.
   */
  importFile(fileName: string, bytes: Uint8Array, confirm?: boolean): Promise<ImportOutcome>;
  /** Subscribed updates of this pack wait for review (true) or apply when fetched. */
  setReviewUpdates(packId: string, review: boolean): Promise<PackSummary[]>;
  /** What the update waiting for review would change. */
  reviewUpdate(packId: string): Promise<ImportOutcome>;
  applyUpdate(packId: string): Promise<ImportResult>;
  setPackEnabled(id: string, enabled: boolean): Promise<PackSummary[]>;
  removePack(id: string): Promise<PackSummary[]>;
  /**
   * `replace`: the team lead confirmed it may take the place of a pack with the same id; `publicKey`: the
   * team key to pin (only signed files accepted).
   */
  subscribePack(url: string, options?: { replace?: boolean; publicKey?: string }): Promise<ImportResult>;
  syncPacks(ids: string[]): Promise<PackSummary[]>;
  /** `permissions.request` for the origin's host; only works when called within a click. */
  requestAccess(origin: string): Promise<boolean>;
  /** Calls `listener` when the background changed packs (the hourly sync, another page); returns the unsubscribe. */
  onPacksChanged(listener: () => void): () => void;
  getSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  usageReport(days: number): Promise<UsageReport>;
  /** Deletes the whole usage log (optional: pages that only show the report need not offer it). */
  clearUsage?(): Promise<void>;
  /** The redacted usage log as NDJSON or CSV, each event naming `agent` (lib/usage/ndjson.ts, docs/USAGE-LOG.md). */
  exportUsage?(format: 'ndjson' | 'csv', agent: string): Promise<string>;
  /** Forgets every pick the extension learned from. */
  forgetPicks(): Promise<void>;
  /** The learned picks as NDJSON (docs/LEARNING.md). */
  exportPicks(): Promise<string>;
  /** Saves text as a file in the browser's downloads. */
  download(fileName: string, text: string, type: string): void;
  /** The site adapters' built-in selectors. */
  sites: SiteSelectors[];
  /** The browser's UI language, which "auto" follows. */
  browserLanguage?(): string;
  /** Calls `listener` with the settings another page saved (the background's broadcast); returns the unsubscribe. */
  onSettingsChanged?(listener: (settings: Settings) => void): () => void;
  /** The usage log got an event (the panel logged a question, a shortcut was used). */
  onUsageChanged?(listener: () => void): () => void;
  /** What the organisation's fleet policy sets (absent: the page shows no policy). */
  getPolicy?(): Promise<PolicyView>;
}

/** What the import report shows for a file import or a subscription: the same for both. */
export interface ImportReportView {
  /** The file's name, or the subscribed URL. */
  fileName: Text;
  ok: boolean;
  /** `path: message` lines. */
  errors: string[];
  warnings: string[];
  /** What was imported, for the page to say in its language. */
  summary?: ImportSummary;
  /** A URL could not be fetched at all: offer to grant the extension access to this origin, then retry. */
  accessOrigin?: string;
  /** The URL's pack has the id of an installed pack: offer to replace it (subscribe again with `replace`). */
  conflict?: { packId: string; name: string };
}

/** An import that worked: the pack, and how it came (converted from another tool, replacing a version). */
export interface ImportSummary {
  name: string;
  version: string;
  entries: number;
  /** The foreign format it was converted from. */
  format?: string;
  /** The version it replaced. */
  replaced?: string;
  /** The team public key whose signature was checked. */
  signedBy?: string;
}

/** A file the team lead picked: its name and its bytes (a `File` is one). */
interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The page's one error line, and the guard that fills it. */
export interface ErrorSlice {
  error: Text | null;
  /** Runs `work`, clearing the error first and showing what it throws. `work` starts synchronously. */
  guard(work: () => Promise<void>): Promise<void>;
  fail(message: Text): void;
}

/** The packs table. */
export interface PacksSlice {
  packs: PackSummary[];
  /**
   * Shows the table a request answers, unless a request asked later was shown already: a reload that the
   * background's packs-changed started may answer after an import's newer table.
   */
  showPacks(request: () => Promise<PackSummary[]>): Promise<void>;
  reloadPacks(): Promise<void>;
  setPackEnabled(id: string, enabled: boolean): Promise<void>;
  removePack(id: string): Promise<void>;
}

/** File imports and URL subscriptions, which end the same way: a report, and the table when it worked. */
export interface ImportSlice {
  busy: boolean;
  report: ImportReportView | null;
  /** A file or subscribed update that would replace a stored pack, shown before it applies. */
  review: ImportReview['review'] | null;
  /** Stores what is under review (the file sent again with `confirm`, or the pending update). */
  applyReview(): Promise<void>;
  /** Closes the review; nothing is stored (a pending update keeps waiting). */
  cancelReview(): void;
  /** Opens the review of a subscribed pack's pending update. */
  reviewUpdate(packId: string): Promise<void>;
  /** The address last subscribed to, retried once access to its origin is granted. */
  lastUrl: string;
  /** The team public key given with it ('' when none), sent again with the retry. */
  lastPublicKey: string;
  importFile(file: PickedFile): Promise<void>;
  /** `publicKey`: the team key to pin ('' or absent: none); `replace`: confirmed replacing a pack with its id. */
  subscribe(url: string, options?: { replace?: boolean; publicKey?: string }): Promise<void>;
  /** Subscribes to the last address again, confirmed to replace the installed pack with its id. */
  replaceSubscribed(): Promise<void>;
  /** Asks for access to the origin (within the click), then subscribes to the last address again. */
  allowSubscribeAccess(origin: string): Promise<void>;
}

/** "Sync now" on subscribed packs. */
export interface SyncSlice {
  /** Ids of subscribed packs being checked now. */
  syncing: string[];
  syncPacks(ids: string[]): Promise<void>;
  /** Asks for access to a subscribed pack's origin (within the click), then syncs it. */
  allowSyncAccess(origin: string, id: string): Promise<void>;
  setReviewUpdates(id: string, review: boolean): Promise<void>;
}

/** Selector overrides per site. */
export interface SettingsSlice {
  sites: SiteSelectors[];
  overrides: Settings['selectorOverrides'];
  /** When the panel's wait clock turns amber and red, in seconds. */
  wait: { amberSeconds: number; redSeconds: number };
  loadSettings(): Promise<void>;
  saveOverrides(platform: string, value: Record<string, string>): Promise<void>;
  saveWaitThresholds(amberSeconds: number, redSeconds: number): Promise<void>;
  /** Saves the UI language; every open page of the extension follows. */
  setUiLanguage(uiLanguage: UiLanguage): Promise<void>;
}

/** The usage report over a window of days. */
export interface UsageSlice {
  usageDays: number;
  usage: UsageReport | null;
  setUsageDays(days: number): Promise<void>;
  loadUsage(): Promise<void>;
  /** Whether the usage log records events (a setting). */
  usageLog: boolean;
  setUsageLog(on: boolean): Promise<void>;
  clearUsage(): Promise<void>;
  /** Downloads the redacted usage log (NDJSON for the team report, or CSV), each event naming `agent`. */
  exportUsage(format: 'ndjson' | 'csv', agent?: string): Promise<void>;
  /** Downloads the report's tables as one CSV file. */
  exportUsageCsv(): void;
  /** `exportUsage('ndjson', agent)`: the per-agent export for `kpack report`. */
  exportUsageLog(agent: string): Promise<void>;
}

/** Learning from what agents pick: the switch, forgetting, and the export for review. */
export interface LearningSlice {
  /** `settings.learning`. */
  learning: boolean;
  /** What the last forget or export did. */
  learningNote: Text | null;
  setLearning(on: boolean): Promise<void>;
  forgetLearned(): Promise<void>;
  exportLearned(): Promise<void>;
}

/** What the organisation's fleet policy sets and locks ("Set by your organisation"). */
export interface PolicySlice {
  policy: PolicyView;
  loadPolicy(): Promise<void>;
}

/** Loading everything and following the background's changes while the page is open. */
export interface LifecycleSlice {
  /** Loads packs, settings and usage and listens for pack changes; returns the unsubscribe. */
  start(): () => void;
}

export type OptionsState = ErrorSlice &
  PacksSlice &
  ImportSlice &
  SyncSlice &
  SettingsSlice &
  UsageSlice &
  LearningSlice &
  PolicySlice &
  LifecycleSlice &
  LanguageSlice;

/** A slice of the options store, built with the page's services. */
export type OptionsSlice<T> = (services: OptionsServices) => StateCreator<OptionsState, [], [], T>;
