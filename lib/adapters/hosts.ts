/**
 * Hosts of the chat panes Huashu reads; the manifest asks for exactly these. Several chats live in
 * frames of another host, so the content script runs in all frames of these hosts: Taobao/Tmall's 旺旺
 * chat and 千牛 history sit in `market.m.taobao.com` iframes inside `qn.taobao.com`; JD's merchant chat
 * is `dongdong.jd.com` (and the 京麦 reception page `shop.jd.com`); Shopify Inbox runs standalone on
 * `inbox.shopify.com` and, inside `admin.shopify.com/store/<slug>/apps/inbox`, in a cross-origin
 * `inbox.shopify.com` iframe; Pinduoduo's merchant chat is `mms.pinduoduo.com/chat-merchant/`.
 */
export const CHAT_HOSTS = [
  // https only: a chat pane is never served over plain http, and the extension should not run on one.
  // Single-page apps (千牛, JD's dongdong, Shopify admin, PDD's mms) match the whole host, since the
  // chat is reached by in-page navigation; pages loaded straight at the chat match its path only.
  'https://qn.taobao.com/*',
  'https://market.m.taobao.com/app/im/*',
  'https://market.m.taobao.com/app/qn/*',
  'https://dongdong.jd.com/*',
  'https://shop.jd.com/jdm/kefu/*',
  'https://inbox.shopify.com/*',
  'https://admin.shopify.com/store/*',
  'https://mms.pinduoduo.com/*',
];

/** Local replica pages, matched only in the test build (`npm run build:e2e`). */
export const TEST_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
