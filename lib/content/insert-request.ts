/** Answers the background's insert request in a page: find the adapter's composer, write, report. */
import type { ChatAdapter, SelectorMap } from '../adapters/types';
import { insertText } from '../insert';
import type { InsertOutcome, InsertRequest } from '../insert/types';

export async function answerInsert(
  root: Document,
  adapter: ChatAdapter,
  selectors: SelectorMap,
  request: InsertRequest,
): Promise<InsertOutcome> {
  const composer = adapter.getComposer(root, selectors);
  if (!composer) {
    return {
      ok: false,
      method: 'none',
      message:
        adapter.platform === 'generic'
          ? 'No text box to write into: click into the reply box on the page first.'
          : `No message box found on this ${adapter.label} page (its layout may have changed).`,
    };
  }
  const result = await insertText(composer, request.text, { cursor: request.cursor });
  return { ok: result.ok, method: result.method, message: result.message, editor: result.editor };
}
