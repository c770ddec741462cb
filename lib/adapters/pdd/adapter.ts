/** 拼多多 merchant chat: `li.onemsg` bubbles, buyer uid from `[currentuid]`, Vue-controlled textarea. */
import { bubbleAdapter } from '../bubbles';
import { hostIs, query, textOf } from '../dom';
import { pddSelectors } from './selectors';

export const pddAdapter = bubbleAdapter({
  platform: 'pdd',
  label: '拼多多',
  selectors: pddSelectors,
  matchesUrl: (url) => hostIs(url, 'mms.pinduoduo.com'),
  conversationId: (root, sel) =>
    query(root, sel.buyerUid)?.getAttribute('currentuid') || textOf(query(root, sel.buyerName)) || null,
  buyerName: (root, sel) => textOf(query(root, sel.buyerName)) || null,
});
