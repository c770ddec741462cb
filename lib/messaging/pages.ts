/**
 * The channel between the extension's own pages (side panel, options page) and the background. Only
 * extension pages may send these (the background checks the sender): they change packs and settings.
 * Names are verb+noun, every payload is one object, and no name is shared with ./content.ts (both
 * messengers listen on the same runtime port and answer only the names they know).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ActiveChat, ChatSummary } from '../chats/types';
import type { InsertOutcome, InsertRequest } from '../insert/types';
import type { ImportOutcome, ImportResult, PackSummary, SubscribeRequest } from '../packs/types';
import type { Settings } from '../settings';
import type { PolicyView } from '../settings/policy';
import type { SiteResult } from '../settings/sites';
import type { UsageReport } from '../usage/report';

/** An entry the agent inserted from the side panel, and the buyer text it answered (docs/LEARNING.md). */
export interface PanelPick {
  packId: string;
  packVersion: string;
  entryId: string;
  question: string;
  /** The agent searched the entry out: it was not among the suggestions listed (`PickRecord.searched`). */
  searched?: boolean;
}

/** Side panel / options page → background. */
interface PanelToBackground {
  getActiveChat(data: Record<string, never>): ActiveChat | null;
  insertReply(data: InsertRequest & { packId: string; entryId: string }): InsertOutcome;
  /** The open chat tabs whose buyer waits for an answer, the longest wait first. */
  listWaitingChats(data: Record<string, never>): ChatSummary[];
  /** Brings a chat tab (one the background knows) to the front, in its window. */
  focusChat(data: { tabId: number }): void;
  /**
   * Imports a chosen file as it is: its bytes in base64 (runtime messages are JSON, which has no bytes)
   * and its name. The background recognises the format (a pack, another tool's export, an Excel workbook).
   * A file that would replace a stored pack comes back as a review (nothing stored) unless `confirm`.
   */
  importPack(data: { fileName: string; base64: string; confirm?: boolean }): ImportOutcome;
  listPacks(data: Record<string, never>): PackSummary[];
  setPackEnabled(data: { id: string; enabled: boolean }): PackSummary[];
  removePack(data: { id: string }): PackSummary[];
  /**
   * Fetches a pack URL now and imports it as `importPack` does; the background then keeps it in step
   * (with `publicKey`, only files signed with the team's key: see `SubscribeRequest`).
   */
  subscribePack(data: SubscribeRequest): ImportResult;
  /** Checks subscribed packs now ("Sync now"): these ids, or all when `ids` is absent. */
  syncPacks(data: { ids?: string[] }): PackSummary[];
  /** Subscribed updates apply when fetched (false) or wait for review (true). */
  setReviewUpdates(data: { packId: string; review: boolean }): PackSummary[];
  /** What the update waiting for review would change. */
  reviewUpdate(data: { packId: string }): ImportOutcome;
  /** Applies the update waiting for review. */
  applyUpdate(data: { packId: string }): ImportResult;
  getSettings(data: Record<string, never>): Settings;
  /** Settings the fleet policy locks are refused (the policy's values are in force). */
  saveSettings(data: Partial<Settings>): Settings;
  /** What the organisation's fleet policy sets (managed storage), for the options page's section. */
  getPolicy(data: Record<string, never>): PolicyView;
  /** The panel found no suggestion for a buyer question: the team lead's list of missing answers. */
  logUnanswered(data: { question: string; platform?: string }): void;
  /** The entries the panel shows first for a buyer's question (the top of the reply funnel). */
  logSuggested(data: { entries: Array<{ packId: string; entryId: string }>; platform?: string }): void;
  /** The panel flagged a complaint risk: the team lead's report lists it. */
  logComplaint(data: { question: string; level: 'high' | 'watch'; reasons: string[]; platform?: string }): void;
  usageReport(data: { days: number }): UsageReport;
  /** Turns Huashu on for a site whose access the page was just granted (lib/background/sites.ts). */
  enableSite(data: { origin: string }): SiteResult;
  disableSite(data: { origin: string }): SiteResult;
  listSites(data: Record<string, never>): string[];
  /** Sites the enabled packs list (`sites`) that are not on yet. */
  listPackSites(data: Record<string, never>): string[];
  /** Deletes every usage event. */
  clearUsage(data: Record<string, never>): void;
  /** The usage log, redacted, as NDJSON or CSV, each event naming `agent` (default `agent`; docs/USAGE-LOG.md). */
  exportUsage(data: { format: 'ndjson' | 'csv'; agent?: string }): string;
  /** The agent inserted this entry while `question` (the buyer's pending text) was asked: a label to learn from. */
  recordPick(data: PanelPick): void;
  /** Forgets every pick ("Forget what was learned"). */
  forgetPicks(data: Record<string, never>): void;
  /** Every stored pick as NDJSON, one `PickRecord` per line (docs/LEARNING.md). */
  exportPicks(data: Record<string, never>): string;
}

/** Background → extension pages (broadcast). */
interface BackgroundToPages {
  activeChatChanged(data: ActiveChat | null): void;
  packsChanged(data: { ids: string[] }): void;
  /** Stored picks changed (a typed shortcut was a pick, picks were forgotten): reload the learner. */
  picksChanged(data: Record<string, never>): void;
  /** An extension page saved settings (the UI language, …): open pages follow. */
  settingsChanged(data: Settings): void;
  /** An event was written to the usage log: an open options page reads its report again. */
  usageChanged(data: Record<string, never>): void;
}

export type PagesProtocol = PanelToBackground & BackgroundToPages;

export const { sendMessage, onMessage } = defineExtensionMessaging<PagesProtocol>();
