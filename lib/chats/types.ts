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
}

/** The chat the panel works with: the report of the chat tab the agent used last. */
export interface ActiveChat extends ConversationReport {
  tabId: number;
  frameId: number;
  /** When it was reported (ms since epoch). */
  at: number;
}
