/**
 * The side panel's state: the ports it talks to the world through, and the shape of each slice.
 * The entrypoint implements `PanelServices` with messages and IndexedDB; tests implement it in memory.
 */
import type { ComplianceRule } from '../../packs/compliance';
import type { StateCreator } from 'zustand/vanilla';
import type { ActiveChat, ChatSummary } from '../../chats/types';
import type { InsertOutcome } from '../../insert/types';
import type { PanelPick } from '../../messaging/pages';
import type { Settings } from '../../settings';
import type { Pack } from '../../packs/schema';
import type { ComplaintRisk } from '../../suggest/complaint';
import type { SuggestEngine } from '../../suggest/engine';
import type { EntrySearch } from '../../suggest/search';
import type { ScenarioOff } from '../../suggest/rank/reply';
import type { Segment } from '../../suggest/index/segment';
import type { PickRecord } from '../../suggest/learn/pick-memory';
import type { PanelPicks } from './learn-slice';
import type { LanguageSlice } from '../language';
import type { Text } from '../../i18n/translate';

/** Everything the panel needs from outside: the background, the packs database, the clipboard, the clock. */
export interface PanelServices {
  loadPacks(): Promise<{ packs: Pack[]; segments: Segment[] }>;
  getActiveChat(): Promise<ActiveChat | null>;
  insertReply(request: {
    text: string;
    cursor: number | null;
    packId: string;
    entryId: string;
    /** The conversation the list was ranked for: the page refuses the insert if it shows another. */
    conversationId?: string | null;
  }): Promise<InsertOutcome>;
  copyToClipboard(text: string): Promise<boolean>;
  getSettings(): Promise<Settings>;
  /** The chat tabs whose buyers wait, longest first (the background's registry). */
  listWaitingChats?(): Promise<ChatSummary[]>;
  /** Switches the browser to a chat tab. */
  focusChat?(tabId: number): Promise<void>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  /** The background's broadcast after a page saved settings (the options page's language); returns the unsubscribe. */
  onSettingsChanged?(listener: (settings: Settings) => void): () => void;
  /** Records a buyer question nothing answered (the team lead's usage report); fire and forget. */
  logUnanswered?(question: string, platform?: string): void;
  /** Logs the entries shown first for a buyer's question (the top of the reply funnel); fire and forget. */
  logSuggested?(entries: Array<{ packId: string; entryId: string }>, platform?: string): void;
  /** Logs a complaint risk for the team lead's report (once per conversation, question and level). */
  logComplaint?(risk: ComplaintRisk, question: string, platform?: string): void;
  /** The stored picks, oldest first (read from IndexedDB like the packs). */
  loadPicks?(): Promise<PickRecord[]>;
  /** Sends a pick to the background to store (redacted text); fire and forget. */
  recordPick?(pick: PanelPick): void;
  now(): Date;
  /** The browser's UI language, which "auto" follows. */
  browserLanguage?(): string;
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
  /** The scenario, off, the entry answers in: the item says so (with its dates) and offers to switch it on. */
  scenarioOff?: ScenarioOff;
}

/** The outcome of the last insert, for the notice bar. */
interface Notice {
  tone: 'ok' | 'warn' | 'error';
  text: Text;
  /** After an insert: which route found the composer (lib/adapters/fallback.ts). */
  route?: string;
}

/** The enabled knowledge packs, as last loaded. */
export interface PacksSlice {
  packs: Pack[];
  packsError: Text | null;
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
  /**
   * Per chat (`platform:conversationId`), the dated or signal-driven scenarios the agent switched off for
   * that chat only; kept while the panel is open.
   */
  offByChat: Record<string, string[]>;
  toggleScenario(id: string): Promise<void>;
  /** Switches a dated or signal-driven scenario off (or back on) for the open chat. */
  toggleScenarioForChat(id: string): void;
}

/** What the panel lists, derived from packs, chat, query and scenarios by `recompute`. */
export interface ResultsSlice {
  /** Ranked suggestions for the chat, or search hits while the agent searches. */
  items: PanelItem[];
  /** The product the suggestions were ranked for (lib/chats/product.ts), or null when the chat shows none. */
  product: string | null;
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

/** What agents' picks taught (lib/suggest/learn), when the team lead left learning on. */
export interface LearnSlice {
  /** `settings.learning`: rank with picks and learn from inserts. */
  learning: boolean;
  /** Reads the stored picks and the switch again (at start, and when the background says they changed). */
  reloadPicks(): Promise<void>;
  /** Builds the learner from the loaded picks after the list was drawn, then ranks again. */
  buildLearner(): Promise<void>;
  /** The agent inserted `item` while the buyer's message was pending: learned at once, sent to be stored. */
  learnPick(item: PanelItem): void;
}

/** The wait clock: how long buyers have waited for an answer, here and in the other chat tabs. */
export interface WaitSlice {
  /** Now, in ms, advanced by `tick` once a second. */
  clock: number;
  /** The chat tabs whose buyers wait, longest first. */
  waiting: ChatSummary[];
  /** When the clock turns amber and red (settings). */
  thresholds: { amberSeconds: number; redSeconds: number };
  tick(): void;
  refreshWaiting(): Promise<void>;
  focusChat(tabId: number): Promise<void>;
}

export type PanelState = PacksSlice &
  ChatSlice &
  SearchSlice &
  ScenarioSlice &
  ResultsSlice &
  InsertSlice &
  LearnSlice &
  WaitSlice &
  LanguageSlice;

/** What the slices share besides the state: the ports and the ranking machinery of this panel session. */
export interface PanelContext {
  services: PanelServices;
  engine: SuggestEngine;
  /** The agent's search over the loaded packs; replaced on each pack load. */
  search: EntrySearch;
  /** The stored picks and the learner built from them (lib/state/panel/learn-slice.ts). */
  picks: PanelPicks;
  /** The engine's idle finding of phrasebook landings (lib/state/panel/landings.ts): not before the packs' own steps. */
  landings: 'waiting' | 'idle' | 'running';
}

/** A slice of the panel store, built with the session's shared context. */
export type PanelSlice<T> = (context: PanelContext) => StateCreator<PanelState, [], [], T>;
