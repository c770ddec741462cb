import type { ComposerRoute } from '../adapters/fallback';

export interface InsertOptions {
  /** Caret offset in the text after insertion; null/undefined = end. */
  cursor?: number | null;
  /** Replace the selection inside the composer when there is one (default), or always append. */
  mode?: 'replace-selection' | 'append';
}

export interface StrategyResult {
  method: string;
  readBack: string;
  /** What was actually inserted (maxlength may cut it). */
  inserted: string;
  message?: string;
}

/** A reply to write into the chat's composer (the background asks the chat tab's content script). */
export interface InsertRequest {
  text: string;
  /** Caret offset in `text` after insertion, null = end. */
  cursor: number | null;
  /**
   * The conversation the panel rendered this reply for: the page refuses when it shows another one (the
   * agent switched buyers between render and click). Absent: no check (no conversation was read).
   */
  conversationId?: string | null;
}

/** How an insert request went. */
export interface InsertOutcome {
  ok: boolean;
  /** How it went in, e.g. "execCommand" or "paste"; or why not. */
  method: string;
  message?: string;
  /** Which editor family the composer was. */
  editor?: string;
  /** Which route found the composer (the box the agent used, the adapter's selectors, the page structure). */
  route?: ComposerRoute;
  /** Why nothing was written, when the panel must say more than the message (and must not copy). */
  reason?: 'conversation-changed' | 'no-composer';
}
