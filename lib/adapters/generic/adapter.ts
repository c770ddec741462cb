/** The last resort: the agent's selected text is the question, the last focused editable the composer. */
import { matches, query, withOverrides } from '../dom';
import { findOrderIds } from '../orders';
import type { ChatAdapter, Conversation, SelectorMap } from '../types';
import { genericSelectors } from './selectors';

const s = (overrides?: SelectorMap) => withOverrides(genericSelectors, overrides);

export const genericAdapter = {
  platform: 'generic',
  label: 'This page',
  selectors: genericSelectors,
  matchesUrl: (url: string) => /^https?:\/\//.test(url),
  matchesDom: () => true,
  readConversation(root: Document): Conversation | null {
    try {
      const selected = root.getSelection?.()?.toString().trim();
      if (!selected) return null;
      return {
        platform: 'generic',
        conversationId: root.location?.href ?? 'page',
        messages: [{ id: 'selection', role: 'buyer', text: selected, kind: 'text' }],
        orderIds: findOrderIds(selected, 'generic'),
        productTitles: [],
      };
    } catch {
      return null;
    }
  },
  getComposer(root: Document, overrides?: SelectorMap): HTMLElement | null {
    const sel = s(overrides);
    const marked = query(root, sel.lastFocused);
    if (marked) return marked as HTMLElement;
    const active = root.activeElement;
    return active && matches(active, sel.editable) ? (active as HTMLElement) : null;
  },
  getMessageList: () => null,
} satisfies ChatAdapter;
