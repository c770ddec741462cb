/**
 * The one typed message protocol, a map per direction (see ../shared/HOUSE.md). Names are verb+noun,
 * every payload is one object. The background checks who sent each message: content scripts may only
 * report what they read and answer insert requests; only extension pages may change packs or settings.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Conversation } from '../adapters/types';
import type { PackProblem } from '../packs/validate';
import type { LintWarning } from '../packs/lint';
import type { UsageReport } from '../usage/report';

/** What a content script saw in one frame. */
export interface ConversationReport {
  url: string;
  /** Null when the adapter found no conversation (empty pane, page still loading). */
  conversation: Conversation | null;
  /** Whether the frame has a composer the reply can be written into. */
  hasComposer: boolean;
  /** Label of the adapter that read it ("京东咚咚", …). */
  siteLabel: string;
}

/** The chat the panel works with: the report of the chat tab the agent used last. */
export interface ActiveChat extends ConversationReport {
  tabId: number;
  frameId: number;
  /** When it was reported (ms since epoch). */
  at: number;
}

export interface InsertRequest {
  text: string;
  /** Caret offset in `text` after insertion, null = end. */
  cursor: number | null;
}

export interface InsertOutcome {
  ok: boolean;
  /** How it went in, e.g. "execCommand" or "paste"; or why not. */
  method: string;
  message?: string;
  /** Which editor family the composer was. */
  editor?: string;
}

export interface PackSummary {
  id: string;
  name: string;
  version: string;
  locale: string;
  entries: number;
  enabled: boolean;
  source: PackSource;
  importedAt: number;
  warnings: number;
  /** For a pack subscribed by URL: when it was checked and changed, and why the last check failed. */
  sync?: PackSyncStatus;
}

/** The sync state of a subscribed pack, as the options page shows it. */
export interface PackSyncStatus {
  checkedAt: number | null;
  changedAt: number | null;
  /** Null when the last check worked; otherwise the stored version was kept. */
  lastError: string | null;
  /** The last check reached no server: the options page offers to grant access to this origin. */
  accessOrigin?: string;
}

/** Where a spreadsheet import's CSV text came from: a workbook sheet whose header is on `headerRow`. */
export interface SheetOrigin {
  headerRow?: number;
}

export type PackSource =
  { kind: 'builtin'; file: string } | { kind: 'file'; fileName: string } | { kind: 'url'; url: string };

export type ImportResult =
  | {
      ok: true;
      pack: PackSummary;
      warnings: LintWarning[];
      replaced: string | null;
      /** Set when the file was another tool's export, converted (see lib/importers). */
      converted?: { format: string; notes: string[] };
    }
  | {
      ok: false;
      errors: PackProblem[];
      /** A pack URL could not be fetched at all: access to this origin may be missing (see `accessOrigin`). */
      accessOrigin?: string;
    };

export interface Settings {
  /** Scenarios (without dates) the agent switched on. */
  scenarios: string[];
  /** Per platform, CSS selector overrides for when a site changes its DOM. */
  selectorOverrides: Record<string, Record<string, string>>;
}

/** Content script → background. */
export interface ContentToBackground {
  reportConversation(data: ConversationReport): void;
  /** Shortcuts of the enabled packs (lower case), for the composer's shortcut expansion. */
  listShortcuts(data: Record<string, never>): string[];
  /** The reply a typed shortcut stands for, filled for this chat; null when none has it. */
  expandShortcut(data: {
    shortcut: string;
    conversation: Conversation | null;
  }): { text: string; cursor: number | null } | null;
  /** Selector overrides the team lead set for this platform (content scripts may read, not change). */
  getSelectorOverrides(data: { platform: string }): Record<string, string>;
}

/** Background → content script (one tab/frame). */
export interface BackgroundToContent {
  insertText(data: InsertRequest): InsertOutcome;
  readConversation(data: Record<string, never>): ConversationReport | null;
}

/** Side panel / options page → background. */
export interface PanelToBackground {
  getActiveChat(data: Record<string, never>): ActiveChat | null;
  insertReply(data: InsertRequest & { packId: string; entryId: string }): InsertOutcome;
  /** `sheet`: the text is the CSV of an Excel sheet (see `readImportFile`), its header on `headerRow`. */
  importPack(data: { text: string; source: PackSource; sheet?: SheetOrigin }): ImportResult;
  listPacks(data: Record<string, never>): PackSummary[];
  setPackEnabled(data: { id: string; enabled: boolean }): PackSummary[];
  removePack(data: { id: string }): PackSummary[];
  /** Fetches a pack URL now and imports it as `importPack` does; the background then keeps it in step. */
  subscribePack(data: { url: string }): ImportResult;
  /** Checks subscribed packs now ("Sync now"): these ids, or all when `ids` is absent. */
  syncPacks(data: { ids?: string[] }): PackSummary[];
  getSettings(data: Record<string, never>): Settings;
  saveSettings(data: Partial<Settings>): Settings;
  /** The panel found no suggestion for a buyer question: the team lead's list of missing answers. */
  logUnanswered(data: { question: string; platform?: string }): void;
  /** The panel flagged a complaint risk: the team lead's report lists it. */
  logComplaint(data: { question: string; level: 'high' | 'watch'; reasons: string[]; platform?: string }): void;
  usageReport(data: { days: number }): UsageReport;
}

/** Background → extension pages (broadcast). */
export interface BackgroundToPages {
  activeChatChanged(data: ActiveChat | null): void;
  packsChanged(data: { ids: string[] }): void;
}

export type Protocol = ContentToBackground & BackgroundToContent & PanelToBackground & BackgroundToPages;

export const DEFAULT_SETTINGS: Settings = { scenarios: [], selectorOverrides: {} };

/** The messenger every context uses; the protocol types which direction may send what. */
export const messenger = defineExtensionMessaging<Protocol>();
export const { sendMessage, onMessage } = messenger;
