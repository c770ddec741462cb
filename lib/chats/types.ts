/** What content scripts report about the chat they see, and what the background makes of it for the panel. */
import type { Conversation } from '../adapters/types';

/** What a content script saw in one frame. */
export interface ConversationReport {
  url: string;
  /** Null when the adapter found no conversation (empty pane, page still loading). */
  conversation: Conversation | null;
  /** Whether the frame has a composer the reply can be written into. */
  hasComposer: boolean;
  /** Label of the adapter that read it ("京东咚咚", …). */
  siteLabel: string;
  /** The reporting document's random id (lib/content/document-id.ts): its forget removes only its own report. */
  documentId?: string;
}

/** The chat the panel works with: the report of the chat tab the agent used last. */
export interface ActiveChat extends ConversationReport {
  tabId: number;
  frameId: number;
  /** When it was reported (ms since epoch). */
  at: number;
  /** When the oldest buyer message the agent has not answered was written (ms), or null (lib/chats/wait.ts). */
  waitingSince?: number | null;
}

/** A chat tab whose buyer waits, for the panel's list of waiting chats. */
export interface ChatSummary {
  tabId: number;
  siteLabel: string;
  buyerName: string;
  conversationId: string;
  /** When the oldest unanswered buyer message was written (ms since epoch). */
  waitingSince: number;
  /** The chat the panel works with now. */
  active: boolean;
}
