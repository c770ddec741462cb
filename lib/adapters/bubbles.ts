/**
 * Reading chat bubbles by selectors, shared by the adapters of sites whose bubbles carry a role class
 * (Taobao imui, JD 咚咚, Pinduoduo). Each adapter passes its own selector map.
 */
import type { Platform } from '../packs/schema';
import { elementsIn, matches, query, queryAll, textOf, withOverrides } from './dom';
import { findOrderIds, shortHash } from './orders';
import { readSignals } from './signals';
import type { ChatAdapter, ChatPaneMessage, Conversation, MessageRole, SelectorMap } from './types';

/** Selector keys the bubble reader uses (each adapter's selectors.ts defines them). */
export interface BubbleSelectors extends SelectorMap {
  messageList: string;
  message: string;
  composer: string;
  /** Present only on this site's chat page (for choosing the adapter by DOM in the test build). */
  signature: string;
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
function readBubble(element: Element, s: BubbleSelectors, idAttribute?: string): ChatPaneMessage | null {
  const role = roleOf(element, s);
  if (!role) return null;
  // A wrapper around bubbles (a fragment selector can match one, e.g. `chatWrapper`) is not a message.
  if (query(element, s.message)) return null;
  // The attribute first: it carries the date, the visible label often only `09:31`, which read as today's
  // is a future time for a message from an earlier day.
  const time = element.getAttribute('data-time')?.trim() || textOf(query(element, s.time)) || undefined;
  let kind: ChatPaneMessage['kind'] = 'text';
  let text = textOf(query(element, s.text));
  const card = query(element, s.productCard);
  let product: string | undefined;
  if (card) {
    kind = 'product';
    product = textOf(query(card, s.productTitle)) || textOf(card) || undefined;
    text = text || `[商品] ${product ?? ''}`;
  } else if (query(element, s.orderCard)) {
    kind = 'order';
    text = text || `[订单] ${textOf(query(element, s.orderCard))}`;
  } else if (!text && query(element, s.image)) {
    kind = 'image';
    text = '[图片]';
  }
  if (!text && role === 'system') text = textOf(element);
  if (!text) return null;
  const siteId = (idAttribute && element.getAttribute(idAttribute)) || element.id;
  const id = siteId || `h${shortHash(`${role}|${time ?? ''}|${text}`)}`;
  return product ? { id, role, text, time, kind, product } : { id, role, text, time, kind };
}

/** All bubbles of a list, in order. */
function readBubbles(list: ParentNode, s: BubbleSelectors, idAttribute?: string): ChatPaneMessage[] {
  return queryAll(list, s.message)
    .map((element) => readBubble(element, s, idAttribute))
    .filter((m): m is ChatPaneMessage => m !== null);
}

/**
 * The message list: the list selector's element, or — on this site's page (its signature is there) but
 * with a list whose name is unknown or changed — the parent of the first bubble. Fragment selectors
 * (`[class*="chatWrap"]`) keep working when a site rebuilds its hashed class names.
 */
export function messageListOf(root: Document, s: BubbleSelectors): Element | null {
  const list = query(root, s.messageList);
  if (list) return list;
  if (!query(root, s.signature)) return null;
  return query(root, s.message)?.parentElement ?? null;
}

/** Product titles in product cards of a list. */
function productTitlesIn(list: ParentNode, s: BubbleSelectors): string[] {
  return queryAll(list, `${s.productCard} ${s.productTitle}`).map(textOf).filter(Boolean);
}

/** What differs between the sites whose bubbles carry a role class. */
interface BubbleSite<S extends BubbleSelectors> {
  platform: Exclude<Platform, 'generic' | 'shopify'>;
  label: string;
  selectors: S;
  matchesUrl(url: string): boolean;
  /** The open conversation's id (buyer pin, nick or uid), or null when none is open. */
  conversationId(root: Document, selectors: S): string | null;
  buyerName(root: Document, selectors: S): string | null;
  /** Product titles shown outside the message list (a product bar), if the site has one. */
  productBar?(root: Document, selectors: S): string[];
}

/** Builds a full adapter for a bubble-class site: the reading logic is the same for all of them. */
export function bubbleAdapter<S extends BubbleSelectors>(site: BubbleSite<S>) {
  const s = (overrides?: SelectorMap) => withOverrides(site.selectors, overrides) as S;
  return {
    platform: site.platform,
    label: site.label,
    selectors: site.selectors,
    matchesUrl: (url: string) => site.matchesUrl(url),
    matchesDom: (root: Document, overrides?: SelectorMap) => query(root, s(overrides).signature) !== null,
    readConversation(root: Document, overrides?: SelectorMap): Conversation | null {
      try {
        const sel = s(overrides);
        const list = messageListOf(root, sel);
        if (!list) return null;
        const messages = readBubbles(list, sel);
        const id = site.conversationId(root, sel);
        if (!id && messages.length === 0) return null;
        const titles = [...(site.productBar?.(root, sel) ?? []), ...productTitlesIn(list, sel)].filter(Boolean);
        const orderIds = [...new Set([...messages].reverse().flatMap((m) => findOrderIds(m.text, site.platform)))];
        return {
          platform: site.platform,
          conversationId: id ?? 'unknown',
          buyerName: site.buyerName(root, sel) ?? undefined,
          messages,
          orderIds,
          productTitles: [...new Set(titles)],
          signals: readSignals(root, sel, messages, orderIds),
        };
      } catch {
        return null;
      }
    },
    getComposer: (root: Document, overrides?: SelectorMap) => query(root, s(overrides).composer) as HTMLElement | null,
    getMessageList: (root: Document, overrides?: SelectorMap) => messageListOf(root, s(overrides)),
    messageElementsIn: (node: Element, overrides?: SelectorMap) => elementsIn(node, s(overrides).message),
    readMessage: (element: Element, overrides?: SelectorMap) => readBubble(element, s(overrides)),
    readConversationId: (root: Document, overrides?: SelectorMap) => site.conversationId(root, s(overrides)),
  } satisfies ChatAdapter;
}
