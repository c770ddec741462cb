/** 旺旺/千牛 web IM: bubbles by `imui-msg-l/r/system`, buyer nick from the header or `data-fromnick`. */
import { bubbleAdapter } from '../bubbles';
import { hostIs, query, textOf } from '../dom';
import { taobaoSelectors } from './selectors';

function buyerNick(root: Document, sel: typeof taobaoSelectors): string | null {
  const header = textOf(query(root, sel.buyerName));
  if (header) return header;
  const list = query(root, sel.messageList);
  const fromBubble = list && query(list, `${sel.buyer}[data-fromnick]`)?.getAttribute('data-fromnick');
  return fromBubble || list?.getAttribute('data-nick') || null;
}

export const taobaoAdapter = bubbleAdapter({
  platform: 'taobao',
  label: '淘宝/千牛',
  selectors: taobaoSelectors,
  matchesUrl: (url) => hostIs(url, 'taobao.com', 'tmall.com'),
  conversationId: buyerNick,
  buyerName: buyerNick,
});
