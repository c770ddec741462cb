/**
 * 旺旺/千牛 web IM ("imui"), the DOM shared by the buyer web chat and the web reception pages (the
 * 千牛 desktop client embeds the same DOM but cannot be reached by an extension). Seen in public
 * userscripts 2025–2026; the reply box was seen both as a textarea and as a contenteditable.
 *
 * The 千牛 web chat history (an `im-history-search` iframe) uses CSS-module classes with hashed suffixes
 * (`chatWrap--3xK2a`): those are matched by their readable fragment, `[class*="chatWrap"]`. Its message
 * list has no known name, so the reader takes the parent of the bubbles there (see `bubbles.ts`).
 */
import type { BubbleSelectors } from '../bubbles';

export const taobaoSelectors: BubbleSelectors & Record<string, string> = {
  messageList: '#J_msgContainer #J_msg_list, #J_msg_list, #J_msgContainer',
  message: 'div.J_msg.imui-msg, div.imui-msg, [class*="chatWrap"]',
  buyer: '.imui-msg-l, [class*="chatTextLeft"]',
  agent: '.imui-msg-r, [class*="chatTextRight"]',
  system: '.imui-msg-system',
  text: '.msg-body-html, .msg-body-text, [class*="chatTextLeft"], [class*="chatTextRight"]',
  time: '.imui-msg-time, .msg-time, [class*="chatTime"]',
  image: 'img',
  productCard: '.imui-msg-goods, .msg-goods',
  productTitle: '.goods-title, .title',
  /** The reply box of the web IM (a textarea; a contenteditable in newer builds). */
  composer: '.imui-chatbox textarea, textarea.J_chatInput, .imui-chatbox [contenteditable="true"]',
  /** The open conversation's header, holding the buyer nick. */
  buyerName: '.imui-chat-title .J_nick, .imui-chat-title',
  /** The sender's name inside a bubble (chat history page). */
  senderName: '[class*="chatName"]',
  /** Buyer badges under the chat title (the buyer card) (淘气值, 会员等级, 88VIP). */
  buyerBadge: '.buyer-info .tag, [class*="buyerTag"], [class*="vipLevel"]',
  /** An order card in the message list, and the order side bar's status (已付款, 已发货…). */
  orderCard: '.imui-msg-order, .msg-order',
  orderStatus: '.order-info .order-status, [class*="orderStatus"]',
  signature: '#J_msgContainer, #J_msg_list, [class*="chatWrap"] [class*="chatName"]',
};
