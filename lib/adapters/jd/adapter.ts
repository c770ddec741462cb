/** 京东咚咚: bubbles by role class, pell composer, buyer pin from the active contact. */
import { productTitlesIn, readBubble, readBubbles } from '../bubbles';
import { elementsIn, hostIs, query, textOf, withOverrides } from '../dom';
import { findOrderIds } from '../orders';
import type { ChatAdapter, Conversation, SelectorMap } from '../types';
import { jdSelectors } from './selectors';

const s = (overrides?: SelectorMap) => withOverrides(jdSelectors, overrides) as typeof jdSelectors;

function conversationId(root: Document, sel: typeof jdSelectors): string | null {
  const contact = query(root, sel.activeContact);
  return contact?.getAttribute('title') || textOf(contact) || textOf(query(root, sel.buyerName)) || null;
}

export const jdAdapter = {
  platform: 'jd',
  label: '京东咚咚',
  selectors: jdSelectors,
  matchesUrl: (url: string) => hostIs(url, 'dongdong.jd.com') || /^https?:\/\/shop\.jd\.com\/jdm\/kefu\//.test(url),
  matchesDom: (root: Document, overrides?: SelectorMap) => query(root, s(overrides).signature) !== null,
  readConversation(root: Document, overrides?: SelectorMap): Conversation | null {
    try {
      const sel = s(overrides);
      const list = query(root, sel.messageList);
      if (!list) return null;
      const messages = readBubbles(list, sel);
      const id = conversationId(root, sel);
      if (!id && messages.length === 0) return null;
      const productTitles = [textOf(query(root, sel.productBar)), ...productTitlesIn(list, sel)].filter(Boolean);
      return {
        platform: 'jd',
        conversationId: id ?? 'unknown',
        buyerName: textOf(query(root, sel.buyerName)) || undefined,
        messages,
        orderIds: [...messages].reverse().flatMap((m) => findOrderIds(m.text, 'jd')),
        productTitles: [...new Set(productTitles)],
      };
    } catch {
      return null;
    }
  },
  getComposer: (root: Document, overrides?: SelectorMap) => query(root, s(overrides).composer) as HTMLElement | null,
  getMessageList: (root: Document, overrides?: SelectorMap) => query(root, s(overrides).messageList),
  messageElementsIn: (node: Element, overrides?: SelectorMap) => elementsIn(node, s(overrides).message),
  readMessage: (element: Element, overrides?: SelectorMap) => readBubble(element, s(overrides)),
  readConversationId: (root: Document, overrides?: SelectorMap) => conversationId(root, s(overrides)),
} satisfies ChatAdapter;
