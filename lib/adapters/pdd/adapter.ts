/** 拼多多 merchant chat: `li.onemsg` bubbles, buyer uid from `[currentuid]`, Vue-controlled textarea. */
import { productTitlesIn, readBubble, readBubbles } from '../bubbles';
import { elementsIn, hostIs, query, textOf, withOverrides } from '../dom';
import { findOrderIds } from '../orders';
import type { ChatAdapter, Conversation, SelectorMap } from '../types';
import { pddSelectors } from './selectors';

const s = (overrides?: SelectorMap) => withOverrides(pddSelectors, overrides) as typeof pddSelectors;

function buyerUid(root: Document, sel: typeof pddSelectors): string | null {
  return query(root, sel.buyerUid)?.getAttribute('currentuid') || textOf(query(root, sel.buyerName)) || null;
}

export const pddAdapter = {
  platform: 'pdd',
  label: '拼多多',
  selectors: pddSelectors,
  matchesUrl: (url: string) => hostIs(url, 'mms.pinduoduo.com'),
  matchesDom: (root: Document, overrides?: SelectorMap) => query(root, s(overrides).signature) !== null,
  readConversation(root: Document, overrides?: SelectorMap): Conversation | null {
    try {
      const sel = s(overrides);
      const list = query(root, sel.messageList);
      if (!list) return null;
      const messages = readBubbles(list, sel);
      const uid = buyerUid(root, sel);
      if (!uid && messages.length === 0) return null;
      return {
        platform: 'pdd',
        conversationId: uid ?? 'unknown',
        buyerName: textOf(query(root, sel.buyerName)) || undefined,
        messages,
        orderIds: [...messages].reverse().flatMap((m) => findOrderIds(m.text, 'pdd')),
        productTitles: productTitlesIn(list, sel),
      };
    } catch {
      return null;
    }
  },
  getComposer: (root: Document, overrides?: SelectorMap) => query(root, s(overrides).composer) as HTMLElement | null,
  getMessageList: (root: Document, overrides?: SelectorMap) => query(root, s(overrides).messageList),
  messageElementsIn: (node: Element, overrides?: SelectorMap) => elementsIn(node, s(overrides).message),
  readMessage: (element: Element, overrides?: SelectorMap) => readBubble(element, s(overrides)),
  readConversationId: (root: Document, overrides?: SelectorMap) => buyerUid(root, s(overrides)),
} satisfies ChatAdapter;
