/** Hosts of the chat panes Huashu reads (see ../shared/SITES.md); the manifest asks for exactly these. */
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
