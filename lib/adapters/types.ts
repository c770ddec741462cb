/**
 * The contract every chat-site adapter meets (one folder per site: `adapter.ts` + `selectors.ts`).
 * Adapters read the page through the `root` they are given (a Document or an iframe's document), never
 * through globals, so tests can hand them a fixture; on a foreign or half-loaded page they return null
 * instead of throwing.
 */
import type { Platform } from '../packs/schema';

export type MessageRole = 'buyer' | 'agent' | 'system';

export interface ChatPaneMessage {
  /** Stable id when the site gives one (JD `s_…`), else a hash of role + time + text. */
  id: string;
  role: MessageRole;
  /** Plain text; images/stickers become a short marker such as `[图片]`. */
  text: string;
  /** Time as shown by the site (`10:32`, `2026-11-20 10:32:05`), when shown. */
  time?: string;
  /** What kind of bubble: plain text, image, product card, order card. */
  kind: 'text' | 'image' | 'product' | 'order' | 'other';
  /** For a product card: the product's title (or item code), as the card shows it. */
  product?: string;
}

export interface Conversation {
  platform: Platform;
  /** Identifies the open conversation (buyer id/nick), so a switch is a new context. */
  conversationId: string;
  buyerName?: string;
  messages: ChatPaneMessage[];
  /** Order numbers visible in the pane (messages, order cards, side panels), most recent first. */
  orderIds: string[];
  /**
   * Product titles visible in the pane: the product bar's first (the item the buyer opened the chat
   * from), then product cards in the list's order. Which one the buyer asks about: lib/chats/product.ts.
   */
  productTitles: string[];
  /** Presale or after-sale, member tier: read at a full read (see lib/chats/signals.ts for the live view). */
  signals?: ChatSignals;
}

/** What the pane tells about the buyer beyond the messages (lib/adapters/signals.ts). */
export interface ChatSignals {
  /** `aftersale` when an order card, order number or order state (已付款, Fulfilled, …) shows. */
  stage: 'presale' | 'aftersale';
  /** The buyer's badges show a member tier (淘气值 ≥ 1000, 会员等级 V3+, 88VIP, a VIP customer tag). */
  vip: boolean;
  /** The badge and tag texts read. */
  badges: string[];
}

/** CSS selectors an adapter uses, by purpose. Data, so a team lead can override them without a release. */
export type SelectorMap = Record<string, string>;

export interface ChatAdapter {
  /** Platform id, also the adapter's folder name. */
  readonly platform: Platform;
  /** Human name for the panel ("淘宝/千牛", "京东咚咚", …). */
  readonly label: string;
  /** Default selectors (see `selectors.ts` beside the adapter, each with where it was seen). */
  readonly selectors: SelectorMap;
  /** Whether this URL belongs to the site (cheap; no DOM access). */
  matchesUrl(url: string): boolean;
  /** Whether the document looks like this site's chat pane (DOM signature), for test builds and frames. */
  matchesDom(root: Document, selectors?: SelectorMap): boolean;
  /** Reads the open conversation; null when there is none or the DOM is not this site's. */
  readConversation(root: Document, selectors?: SelectorMap): Conversation | null;
  /** The composer element to write into, or null. */
  getComposer(root: Document, selectors?: SelectorMap): HTMLElement | null;
  /** The element whose mutations mean "a message was added" (the message list), or null. */
  getMessageList(root: Document, selectors?: SelectorMap): Element | null;
  /**
   * Incremental reading (optional): the message bubbles inside a node the site just added (the node
   * itself or its descendants), so a new message costs the same with 20 or 2,000 in the pane.
   */
  messageElementsIn?(node: Element, selectors?: SelectorMap): Element[];
  /** Incremental reading (optional): one bubble as a message, or null if it is not one. */
  readMessage?(element: Element, selectors?: SelectorMap): ChatPaneMessage | null;
  /** Cheap id of the open conversation (header, URL), to notice a switch without reading everything. */
  readConversationId?(root: Document, selectors?: SelectorMap): string | null;
}
