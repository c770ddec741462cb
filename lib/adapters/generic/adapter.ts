/**
 * The last resort, and the adapter of the sites an agent turned Huashu on for: the question is the selected
 * text or, when the page has a recognisable message list (./messages.ts), its last incoming message; the
 * composer is the editable the agent focused last.
 */
import { matches, query, withOverrides } from '../dom';
import { genericMessageList, messagesOf } from './messages';
import { findLayoutList, readLayoutConversation } from '../layout';
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
      if (!selected) return readMessageList(root);
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
  getMessageList: (root: Document) => genericMessageList(root) ?? findLayoutList(root),
  readConversationId: (root: Document) => root.location?.href ?? 'page',
} satisfies ChatAdapter;

/**
 * The page's messages when it has a recognisable list with a customer message — by the words of its classes, else by
 * its layout (customer left, agent right); else null.
 */
function readMessageList(root: Document): Conversation | null {
  const list = genericMessageList(root);
  if (!list) {
    const laidOut = readLayoutConversation(root, 'generic', '[image]');
    // One conversation per page address, as everywhere on enabled sites (the insert check compares it).
    return laidOut && { ...laidOut, conversationId: root.location?.href ?? 'page' };
  }
  const messages = messagesOf(list);
  const last = [...messages].reverse().find((m) => m.role === 'buyer');
  if (!last) return null;
  return {
    platform: 'generic',
    conversationId: root.location?.href ?? 'page',
    messages,
    orderIds: findOrderIds(last.text, 'generic'),
    productTitles: [],
  };
}
