/** 旺旺/千牛 web IM: bubbles by `imui-msg-l/r/system`, buyer nick from the header or `data-fromnick`. */
import { productTitlesIn, readBubble, readBubbles } from '../bubbles';
import { elementsIn, hostIs, query, textOf, withOverrides } from '../dom';
import { findOrderIds } from '../orders';
import type { ChatAdapter, Conversation, SelectorMap } from '../types';
import { taobaoSelectors } from './selectors';

const s = (overrides?: SelectorMap) => withOverrides(taobaoSelectors, overrides) as typeof taobaoSelectors;

function buyerNick(root: Document, sel: typeof taobaoSelectors): string | null {
  const header = textOf(query(root, sel.buyerName));
  if (header) return header;
  const list = query(root, sel.messageList);
  const fromBubble = list && query(list, `${sel.buyer}[data-fromnick]`)?.getAttribute('data-fromnick');
  return fromBubble || list?.getAttribute('data-nick') || null;
}

export const taobaoAdapter = {
  platform: 'taobao',
  label: '淘宝/千牛',
  selectors: taobaoSelectors,
  matchesUrl: (url: string) => hostIs(url, 'taobao.com', 'tmall.com'),
  matchesDom: (root: Document, overrides?: SelectorMap) => query(root, s(overrides).signature) !== null,
  readConversation(root: Document, overrides?: SelectorMap): Conversation | null {
    try {
      const sel = s(overrides);
      const list = query(root, sel.messageList);
      if (!list) return null;
      const messages = readBubbles(list, sel);
      const nick = buyerNick(root, sel);
      if (!nick && messages.length === 0) return null;
      return {
        platform: 'taobao',
        conversationId: nick ?? 'unknown',
        buyerName: nick ?? undefined,
        messages,
        orderIds: [...messages].reverse().flatMap((m) => findOrderIds(m.text, 'taobao')),
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
  readConversationId: (root: Document, overrides?: SelectorMap) => buyerNick(root, s(overrides)),
} satisfies ChatAdapter;
