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
