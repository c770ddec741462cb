/**
 * 拼多多 merchant chat (mms.pinduoduo.com/chat-merchant, Vue 2). Seen in public userscripts 2025–2026;
 * the composer is a Vue-controlled textarea, so it is written through the native value setter.
 */
import type { BubbleSelectors } from '../bubbles';

export const pddSelectors: BubbleSelectors & Record<string, string> = {
  messageList: '#msgListContainer ul.msg-list',
  message: 'li.onemsg',
  buyer: '.buyer-item',
  /** `.cs-item.callback` is the shop's bot: still the shop's side. */
  agent: '.cs-item',
  system: '.notify-item, .system-msg',
  text: '.msg-content-box',
  time: '.msg-time, .time',
  image: 'img',
  productCard: '.goods-card, .msg-goods',
  productTitle: '.goods-name, .title',
  composer: 'textarea#replyTextarea',
  /** The element carrying the open buyer's uid. */
  buyerUid: '[currentuid]',
  buyerName: '.chat-header .nickname, .base-info .nickname',
  /** Buyer tags in the chat header. */
  buyerBadge: '.chat-header .buyer-tag, [class*="buyerTag"]',
  /** An order card in the message list, and the order panel's status (已付款, 已发货…). */
  orderCard: '.order-card, .msg-order',
  orderStatus: '.order-panel .order-status, [class*="orderStatus"]',
  signature: '#msgListContainer',
};
