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
}

/** How an insert request went. */
export interface InsertOutcome {
  ok: boolean;
  /** How it went in, e.g. "execCommand" or "paste"; or why not. */
  method: string;
  message?: string;
  /** Which editor family the composer was. */
  editor?: string;
}
