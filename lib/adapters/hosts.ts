/**
 * Hosts of the chat panes Huashu reads (lib/adapters/README.md says what each serves); the manifest
 * asks for exactly these. Shopify Inbox runs inside admin.shopify.com in an inbox.shopify.com iframe.
 */
export const CHAT_HOSTS = [
  '*://*.taobao.com/*',
  '*://*.tmall.com/*',
  '*://dongdong.jd.com/*',
  '*://*.jd.com/*',
  '*://inbox.shopify.com/*',
  '*://admin.shopify.com/*',
  '*://mms.pinduoduo.com/*',
];

/** Local replica pages, matched only in the test build (`npm run build:e2e`). */
export const TEST_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
