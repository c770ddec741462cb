/** 旺旺/千牛 web IM: bubbles by `imui-msg-l/r/system`, buyer nick from the header or `data-fromnick`. */
import { bubbleAdapter, messageListOf } from '../bubbles';
import { hostIs, query, textOf } from '../dom';
import { taobaoSelectors } from './selectors';

function buyerNick(root: Document, sel: typeof taobaoSelectors): string | null {
  const header = textOf(query(root, sel.buyerName));
  if (header) return header;
  const list = messageListOf(root, sel);
  if (!list) return null;
  const fromAttribute = query(list, `${sel.buyer}[data-fromnick]`)?.getAttribute('data-fromnick');
  if (fromAttribute) return fromAttribute;
  if (list.getAttribute('data-nick')) return list.getAttribute('data-nick');
  // Chat history page: the name printed in the buyer's first bubble.
  const buyerBubble = query(list, sel.buyer)?.closest(sel.message);
  return textOf(query(buyerBubble ?? list, sel.senderName)) || null;
}

export const taobaoAdapter = bubbleAdapter({
  platform: 'taobao',
  label: '淘宝/千牛',
  selectors: taobaoSelectors,
  matchesUrl: (url) => hostIs(url, 'taobao.com', 'tmall.com'),
  conversationId: buyerNick,
  buyerName: buyerNick,
});
