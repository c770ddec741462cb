/**
 * 旺旺/千牛 web IM ("imui"), the DOM shared by the buyer web chat and the web reception pages (the
 * 千牛 desktop client embeds the same DOM but cannot be reached by an extension). Seen in public
 * userscripts 2025–2026 (../shared/SITES.md, "Taobao / Tmall").
 */
import type { BubbleSelectors } from '../bubbles';

export const taobaoSelectors: BubbleSelectors & Record<string, string> = {
  messageList: '#J_msgContainer #J_msg_list, #J_msg_list, #J_msgContainer',
  message: 'div.J_msg.imui-msg, div.imui-msg',
  buyer: '.imui-msg-l',
  agent: '.imui-msg-r',
  system: '.imui-msg-system',
  text: '.msg-body-html, .msg-body-text',
  time: '.imui-msg-time, .msg-time',
  image: 'img',
  productCard: '.imui-msg-goods, .msg-goods',
  productTitle: '.goods-title, .title',
  /** The reply box of the web IM (a textarea; a contenteditable in newer builds). */
  composer: '.imui-chatbox textarea, textarea.J_chatInput, .imui-chatbox [contenteditable="true"]',
  /** The open conversation's header, holding the buyer nick. */
  buyerName: '.imui-chat-title .J_nick, .imui-chat-title',
  signature: '#J_msgContainer, #J_msg_list',
};
