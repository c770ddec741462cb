/**
 * Reading chat bubbles by selectors, shared by the adapters of sites whose bubbles carry a role class
 * (Taobao imui, JD 咚咚, Pinduoduo). Each adapter passes its own selector map.
 */
import { matches, query, queryAll, textOf } from './dom';
import { shortHash } from './orders';
import type { ChatPaneMessage, MessageRole, SelectorMap } from './types';

/** Selector keys the bubble reader uses (each adapter's selectors.ts defines them). */
export interface BubbleSelectors extends SelectorMap {
  message: string;
  buyer: string;
  agent: string;
  system: string;
  text: string;
  time: string;
  image: string;
  productCard: string;
  productTitle: string;
}

function roleOf(element: Element, s: BubbleSelectors): MessageRole | null {
  if (matches(element, s.system) || query(element, s.system)) return 'system';
  // The role class sits on the bubble itself (JD, Taobao) or on its first wrapper (Pinduoduo).
  if (matches(element, s.buyer) || query(element, s.buyer)) return 'buyer';
  if (matches(element, s.agent) || query(element, s.agent)) return 'agent';
  return null;
}

/** One bubble as a message; null when it is not a message the reader understands. */
export function readBubble(element: Element, s: BubbleSelectors, idAttribute?: string): ChatPaneMessage | null {
  const role = roleOf(element, s);
  if (!role) return null;
  const time = textOf(query(element, s.time)) || element.getAttribute('data-time') || undefined;
  let kind: ChatPaneMessage['kind'] = 'text';
  let text = textOf(query(element, s.text));
  const card = query(element, s.productCard);
  if (card) {
    kind = 'product';
    text = text || `[商品] ${textOf(query(card, s.productTitle)) || textOf(card)}`;
  } else if (!text && query(element, s.image)) {
    kind = 'image';
    text = '[图片]';
  }
  if (!text && role === 'system') text = textOf(element);
  if (!text) return null;
  const siteId = (idAttribute && element.getAttribute(idAttribute)) || element.id;
  return { id: siteId || `h${shortHash(`${role}|${time ?? ''}|${text}`)}`, role, text, time, kind };
}

/** All bubbles of a list, in order. */
export function readBubbles(list: ParentNode, s: BubbleSelectors, idAttribute?: string): ChatPaneMessage[] {
  return queryAll(list, s.message)
    .map((element) => readBubble(element, s, idAttribute))
    .filter((m): m is ChatPaneMessage => m !== null);
}

/** Product titles in product cards of a list. */
export function productTitlesIn(list: ParentNode, s: BubbleSelectors): string[] {
  return queryAll(list, `${s.productCard} ${s.productTitle}`).map(textOf).filter(Boolean);
}
