/**
 * The side panel's state: the ports it talks to the world through, and the shape of each slice.
 * The entrypoint implements `PanelServices` with messages and IndexedDB; tests implement it in memory.
 */
import type { ComplianceRule } from '../../packs/compliance';
import type { StateCreator } from 'zustand/vanilla';
import type { ActiveChat } from '../../chats/types';
import type { InsertOutcome } from '../../insert/types';
import type { Settings } from '../../settings';
import type { Pack } from '../../packs/schema';
import type { ComplaintRisk } from '../../suggest/complaint';
import type { SuggestEngine } from '../../suggest/engine';
import type { EntrySearch } from '../../suggest/search';
import type { Segment } from '../../suggest/index/segment';

/** Everything the panel needs from outside: the background, the packs database, the clipboard, the clock. */
export interface PanelServices {
  loadPacks(): Promise<{ packs: Pack[]; segments: Segment[] }>;
  getActiveChat(): Promise<ActiveChat | null>;
  insertReply(request: {
    text: string;
    cursor: number | null;
    packId: string;
    entryId: string;
  }): Promise<InsertOutcome>;
  copyToClipboard(text: string): Promise<boolean>;
  getSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Records a buyer question nothing answered (the team lead's usage report); fire and forget. */
  logUnanswered?(question: string, platform?: string): void;
  /** Logs the entries shown first for a buyer's question (the top of the reply funnel); fire and forget. */
  logSuggested?(entries: Array<{ packId: string; entryId: string }>, platform?: string): void;
  /** Logs a complaint risk for the team lead's report (once per conversation, question and level). */
  logComplaint?(risk: ComplaintRisk, question: string, platform?: string): void;
  now(): Date;
}

/** One row of the panel list: a ranked suggestion or a search hit, ready to insert. */
export interface PanelItem {
  packId: string;
  entryId: string;
  title: string;
  text: string;
  cursor: number | null;
  missing: string[];
  score: number;
  shortcut?: string;
  kind: 'reply' | 'card';
  /** Compliance rules the filled reply breaks: Insert asks once more before writing it. */
  compliance: ComplianceRule[];
}

/** The outcome of the last insert, for the notice bar. */
interface Notice {
  tone: 'ok' | 'warn' | 'error';
  text: string;
}

/** The enabled knowledge packs, as last loaded. */
export interface PacksSlice {
  packs: Pack[];
  packsError: string | null;
  loadingPacks: boolean;
  reloadPacks(): Promise<void>;
}

/** The chat the content script last reported. */
export interface ChatSlice {
  chat: ActiveChat | null;
  setChat(chat: ActiveChat | null): void;
  refreshChat(): Promise<void>;
}

/** The agent's own search box. */
export interface SearchSlice {
  query: string;
  setQuery(query: string): void;
}

/** The scenarios (promo modes) the agent switched on; saved in the settings. */
export interface ScenarioSlice {
  switchedOn: string[];
  toggleScenario(id: string): Promise<void>;
}

/** What the panel lists, derived from packs, chat, query and scenarios by `recompute`. */
export interface ResultsSlice {
  /** Ranked suggestions for the chat, or search hits while the agent searches. */
  items: PanelItem[];
  /** Whether the buyer's recent messages point to a complaint, a bad review or a dispute. */
  risk: ComplaintRisk | null;
  cards: PanelItem[];
  /** Why the list is empty, for the panel to say. */
  emptyReason: 'no-packs' | 'no-chat' | 'courtesy' | 'no-match' | 'no-hits' | null;
  selected: number;
  select(index: number): void;
  moveSelection(delta: number): void;
  /** Recomputes the list; every slice whose state feeds it calls this after a change. */
  recompute(): void;
}

/** Writing a reply into the chat, and telling the agent how it went. */
export interface InsertSlice {
  notice: Notice | null;
  inserting: boolean;
  /**
   * The item whose Insert was pressed once although its reply breaks a compliance rule (its key
   * `packId\u0000entryId`): the next Insert on it writes the reply, anything else starts over.
   */
  confirming: string | null;
  insert(index: number): Promise<void>;
  dismissNotice(): void;
}

export type PanelState = PacksSlice & ChatSlice & SearchSlice & ScenarioSlice & ResultsSlice & InsertSlice;

/** What the slices share besides the state: the ports and the ranking machinery of this panel session. */
export interface PanelContext {
  services: PanelServices;
  engine: SuggestEngine;
  /** The agent's search over the loaded packs; replaced on each pack load. */
  search: EntrySearch;
}

/** A slice of the panel store, built with the session's shared context. */
export type PanelSlice<T> = (context: PanelContext) => StateCreator<PanelState, [], [], T>;
