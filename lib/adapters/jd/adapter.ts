/** 京东咚咚: bubbles by role class, pell composer, buyer pin from the active contact. */
import { bubbleAdapter } from '../bubbles';
import { hostIs, query, textOf } from '../dom';
import { jdSelectors } from './selectors';

export const jdAdapter = bubbleAdapter({
  platform: 'jd',
  label: '京东咚咚',
  selectors: jdSelectors,
  matchesUrl: (url) => hostIs(url, 'dongdong.jd.com') || /^https?:\/\/shop\.jd\.com\/jdm\/kefu\//.test(url),
  conversationId(root, sel) {
    const contact = query(root, sel.activeContact);
    return contact?.getAttribute('title') || textOf(contact) || textOf(query(root, sel.buyerName)) || null;
  },
  buyerName: (root, sel) => textOf(query(root, sel.buyerName)) || null,
  productBar: (root, sel) => [textOf(query(root, sel.productBar))],
});
