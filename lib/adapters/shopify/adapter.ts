/** Shopify Inbox, read by roles and accessible labels (its classes are hashed). */
import { elementsIn, hostIs, matches, query, queryAll, textOf, withOverrides } from '../dom';
import { findMessageList } from '../fallback';
import { findOrderIds, shortHash } from '../orders';
import { readSignals } from '../signals';
import type { ChatAdapter, ChatPaneMessage, Conversation, SelectorMap } from '../types';
import { shopifySelectors } from './selectors';

const s = (overrides?: SelectorMap) => withOverrides(shopifySelectors, overrides);

/** Staff messages are labelled as from "you" (or the staff member, marked `data-author="staff"`). */
const STAFF_LABEL = /\b(?:from )?(?:you|your team|staff|shop)\b/i;

function readMessage(element: Element, sel: SelectorMap): ChatPaneMessage | null {
  const time = query(element, sel.time)?.getAttribute('datetime') ?? (textOf(query(element, sel.time)) || undefined);
  if (matches(element, sel.system!) || query(element, sel.system)) {
    const text = textOf(element);
    return text ? { id: `h${shortHash(`system|${text}`)}`, role: 'system', text, time, kind: 'other' } : null;
  }
  const label = element.getAttribute('aria-label') ?? '';
  if (!/message/i.test(label)) return null;
  const role = STAFF_LABEL.test(label.replace(/^message\s*/i, '')) ? 'agent' : 'buyer';
  let kind: ChatPaneMessage['kind'] = 'text';
  let text = queryAll(element, sel.text!).map(textOf).filter(Boolean).join('\n');
  const card = query(element, sel.productCard);
  let product: string | undefined;
  if (card) {
    kind = 'product';
    product = card.getAttribute('aria-label')?.replace(/^Product:?\s*/, '') || textOf(card) || undefined;
    text = text || `[Product] ${product ?? ''}`;
  } else if (!text && query(element, sel.image)) {
    kind = 'image';
    text = '[image]';
  }
  if (!text) return null;
  const id = element.id || `h${shortHash(`${role}|${time ?? ''}|${text}`)}`;
  return product ? { id, role, text, time, kind, product } : { id, role, text, time, kind };
}

/** Whether a list holds messages as Inbox labels them ("Message from …"). */
const hasMessageItems = (list: Element) =>
  queryAll(list, '[aria-label]').some((e) => /^message\b/i.test(e.getAttribute('aria-label') ?? ''));

/**
 * The transcript: `role="log"` (standalone Inbox); else — Inbox inside admin lists messages as
 * `role="listitem"` without a log — a list found by roles whose items are labelled as messages.
 */
function transcriptOf(root: Document, sel: SelectorMap): Element | null {
  return query(root, sel.messageList) ?? findMessageList(root, hasMessageItems, { structure: false });
}

/**
 * The customer's name: the conversation header's heading; else — a header laid out otherwise (a Polaris page title,
 * an embedded frame without a header) — the accessible labels Inbox gives the transcript ("Conversation with Jane")
 * and the customer's messages ("Message from Jane"). `log`: the transcript when the caller has it already.
 */
function buyerNameOf(root: Document, sel: SelectorMap, log?: Element | null): string | null {
  const heading = textOf(query(root, sel.buyerName));
  if (heading) return heading;
  const transcript = log === undefined ? transcriptOf(root, sel) : log;
  const logLabel = /^conversation with\s+(.+)$/i.exec(transcript?.getAttribute('aria-label')?.trim() ?? '')?.[1];
  if (logLabel) return logLabel.trim();
  if (!transcript) return null;
  for (const item of queryAll(transcript, sel.message!).reverse()) {
    const from = /^message from\s+(.+)$/i.exec(item.getAttribute('aria-label')?.trim() ?? '')?.[1]?.trim();
    if (from && !STAFF_LABEL.test(from)) return from;
  }
  return null;
}

const conversationIdInUrl = (root: Document): string | null =>
  /\/conversations\/[^/]+\/([0-9a-f-]{8,})/i.exec(root.location?.href ?? '')?.[1] ?? null;

function conversationId(root: Document, sel: SelectorMap): string | null {
  return conversationIdInUrl(root) ?? buyerNameOf(root, sel);
}

export const shopifyAdapter = {
  platform: 'shopify',
  label: 'Shopify Inbox',
  selectors: shopifySelectors,
  matchesUrl: (url: string) =>
    hostIs(url, 'inbox.shopify.com') || /^https:\/\/admin\.shopify\.com\/store\/[^/]+\/apps\/inbox/.test(url),
  matchesDom: (root: Document, overrides?: SelectorMap) => {
    const sel = s(overrides);
    const log = query(root, sel.signature);
    // A log or list with message-labelled items (other sites have neither), or an empty log beside a composer.
    return (
      (log !== null && hasMessageItems(log)) ||
      findMessageList(root, hasMessageItems, { structure: false }) !== null ||
      (log !== null && log.childElementCount === 0 && query(root, sel.composer) !== null)
    );
  },
  readConversation(root: Document, overrides?: SelectorMap): Conversation | null {
    try {
      const sel = s(overrides);
      const log = transcriptOf(root, sel);
      if (!log) return null;
      const messages = queryAll(log, sel.message!)
        .map((e) => readMessage(e, sel))
        .filter((m): m is ChatPaneMessage => m !== null);
      // The name is read once: without a header it comes from the transcript's labels, also the id without a URL one.
      const buyerName = buyerNameOf(root, sel, log);
      const id = conversationIdInUrl(root) ?? buyerName;
      if (!id && messages.length === 0) return null;
      const productTitles = queryAll(log, sel.productCard!)
        .map((p) => p.getAttribute('aria-label')?.replace(/^Product:?\s*/, '') ?? '')
        .filter(Boolean);
      const orderIds = [...messages].reverse().flatMap((m) => findOrderIds(m.text, 'shopify'));
      return {
        platform: 'shopify',
        conversationId: id ?? 'unknown',
        buyerName: buyerName ?? undefined,
        messages,
        orderIds,
        productTitles,
        signals: readSignals(root, sel, messages, orderIds),
      };
    } catch {
      return null;
    }
  },
  getComposer: (root: Document, overrides?: SelectorMap) => {
    const sel = s(overrides);
    return transcriptOf(root, sel) ? (query(root, sel.composer) as HTMLElement | null) : null;
  },
  getMessageList: (root: Document, overrides?: SelectorMap) => transcriptOf(root, s(overrides)),
  messageElementsIn: (node: Element, overrides?: SelectorMap) => elementsIn(node, s(overrides).message!),
  readMessage: (element: Element, overrides?: SelectorMap) => readMessage(element, s(overrides)),
  readConversationId: (root: Document, overrides?: SelectorMap) => conversationId(root, s(overrides)),
} satisfies ChatAdapter;
