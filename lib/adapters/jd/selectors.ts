/**
 * 京东咚咚 merchant web chat (dongdong.jd.com). Seen in public userscripts and scrapers 2025–2026
 * (lib/adapters/README.md says what each one is). `sc-*` classes are generated and never used.
 */
import type { BubbleSelectors } from '../bubbles';

export const jdSelectors: BubbleSelectors & Record<string, string> = {
  /** The scrolling message list. */
  messageList: '#t-chat-scroll .c-wrap > .c-c, #t-chat-scroll .c-c',
  message: '.message',
  buyer: '.message_left',
  agent: '.message_right',
  system: '.message_center, .message__system_wrap',
  text: 'pre.message__text span.message__content, pre.message__text',
  time: '.message__time_str',
  image: 'img',
  productCard: '.CardWrapper.ProductCard',
  productTitle: '.name, [class*="title"]',
  /** Pell-style contenteditable composer (no id, no role). */
  composer:
    '.chat-foot .pell-editor-wrapper > .EditorContent[contenteditable="true"], .chat-foot [contenteditable="true"]',
  buyerName: '.chat-head-title > .chat-head-name, .chat-head-name',
  productBar: '.chat-product .name',
  /** The selected contact; its name element's title holds the buyer pin. */
  activeContact: '#t-alluser-wrap .c_tabs-tabpane:not(.c_tabs-tab_inactive) .alluser-item.active .alluser-item-name',
  /** Buyer level badges in the chat head (PLUS会员, 会员等级). */
  buyerBadge: '.chat-head-title .user-level, .chat-head-title .plus-icon, [class*="userLevel"]',
  /** An order card in the message list, and the order side bar's status (已付款, 已发货…). */
  orderCard: '.CardWrapper.OrderCard',
  orderStatus: '.order-list .order-status, [class*="orderStatus"]',
  signature: '#t-chat-scroll',
};
