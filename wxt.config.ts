import { defineConfig } from 'wxt';

/** Hosts of the chat panes Huashu reads (see ../shared/SITES.md). Nothing else is matched. */
export const CHAT_HOSTS = [
  '*://*.taobao.com/*',
  '*://*.tmall.com/*',
  '*://dongdong.jd.com/*',
  '*://*.jd.com/*',
  '*://inbox.shopify.com/*',
  '*://admin.shopify.com/*',
  '*://mms.pinduoduo.com/*',
];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // The dev server must not try to download or start a browser on headless machines.
  webExt: { disabled: true },
  manifest: ({ browser }) => {
    const base = {
      name: 'Huashu 话术',
      description: 'Ranked, policy-consistent replies from your team’s knowledge pack, beside the seller chat.',
      permissions: ['storage', 'unlimitedStorage', 'alarms'],
      host_permissions: CHAT_HOSTS,
    };
    if (browser === 'firefox') {
      return {
        ...base,
        browser_specific_settings: { gecko: { id: 'huashu@huashu.dev', strict_min_version: '115.0' } },
      };
    }
    return { ...base, permissions: [...base.permissions, 'sidePanel'] };
  },
});
