/**
 * Answers the background's insert request in a page: check that the page still shows the conversation the
 * reply was made for, find the composer by its routes (lib/adapters/fallback.ts), write, report.
 */
import type { ChatAdapter, SelectorMap } from '../adapters/types';
import { findComposer, locateComposer } from '../adapters/fallback';
import { insertText } from '../insert';
import type { InsertOutcome, InsertRequest } from '../insert/types';

export interface InsertContext {
  /** The editable the agent last focused or typed in (lib/content/focus.ts). */
  focused?: () => Element | null;
}

/** The open conversation's id as the adapter reads it now; null when it cannot tell. */
function openConversationId(root: Document, adapter: ChatAdapter, selectors: SelectorMap): string | null {
  try {
    if (adapter.readConversationId) return adapter.readConversationId(root, selectors);
    return adapter.readConversation(root, selectors)?.conversationId ?? null;
  } catch {
    return null;
  }
}

export async function answerInsert(
  root: Document,
  adapter: ChatAdapter,
  selectors: SelectorMap,
  request: InsertRequest,
  context: InsertContext = {},
): Promise<InsertOutcome> {
  // A reply made for buyer A must never land in buyer B's box.
  if (request.conversationId) {
    const open = openConversationId(root, adapter, selectors);
    if (open && open !== request.conversationId) {
      return {
        ok: false,
        method: 'none',
        reason: 'conversation-changed',
        message: `The chat now shows another conversation (${open}) than the one these replies were made for (${request.conversationId}). Nothing was inserted: check the suggestions and insert again.`,
      };
    }
  }
  const focused = context.focused?.() ?? null;
  const found =
    adapter.platform === 'generic'
      ? findComposer(root, {
          focused: focused ?? adapter.getComposer(root, selectors),
          bySelectors: () => null,
          // Any other page: only the box the agent chose; guessing one by structure could write into a form.
          messageList: () => null,
          allowInputs: true,
        })
      : locateComposer(root, adapter, selectors, focused);
  if (!found) {
    return {
      ok: false,
      method: 'none',
      reason: 'no-composer',
      message:
        adapter.platform === 'generic'
          ? 'No text box to write into: click into the reply box on the page first.'
          : `Huashu can't find the message box on this ${adapter.label} page: click into it once, or set its selector under Options → Selector overrides (composer).`,
    };
  }
  const result = await insertText(found.element, request.text, { cursor: request.cursor });
  return { ok: result.ok, method: result.method, message: result.message, editor: result.editor, route: found.route };
}
