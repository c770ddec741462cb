import { defineConfig } from 'wxt';
import { CHAT_HOSTS, TEST_HOSTS } from './lib/adapters/hosts';
import { manifestLocaleFiles, manifestMessage } from './lib/i18n/manifest-locales';

const E2E = process.env.HUASHU_E2E === '1';
/**
 * Where subscribed packs may be published: https anywhere, plain http only on this machine (the same
 * rule as `checkPackUrl` in lib/sync/pack-fetch.ts).
 */
const PACK_URL_HOSTS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];
/**
 * The Chrome test build's public key: it fixes the unpacked extension's id (obbknbhbaipgbmjjleibahpgnkoamdco),
 * which the fleet-policy test names in Chromium's policy file. A public key only; no private key exists.
 */
const E2E_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsDG3D22OoDsxY8BObNf4KHbVL5JtqGE1FXrbCsHiuRii7ndm5g9xIcwoDwUrUy/qwJsLcmVMdRuv1d6l8q6/xqqSM6ngcCGTI5izjSesXO13V3erZJuDfh0zK3aTdjF50Tb3n8Kt1JjqFDXQCeYAPB0XZHsMgz1m7JLfCZRUDfpdFgJUSImx7vf1EfT2474oyJRWf6Jmtjp2MEljHUYvHul+pon+oAuhT5mZVKvoU2v6ZVz50zY4cA0jMJHF4R1/GDaUg8knCUbXpJ/Kk/PSCC/o0uwM/w7gG4Ejw5dzLpMHVXUT2CQAqMivj0Pw99b8u2Ms66npHazdHPJbaq540QIDAQAB';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // The test build goes to its own folder so a normal build never matches localhost.
  outDir: E2E ? '.output/e2e' : '.output',
  vite: () => ({ define: { 'import.meta.env.HUASHU_E2E': JSON.stringify(E2E) } }),
  hooks: {
    // The manifest's name and description in each UI language, from the same catalogs as the pages.
    'build:publicAssets': (_wxt, files) => void files.push(...manifestLocaleFiles()),
    'build:manifestGenerated': (_wxt, manifest) => {
      // Test build: the content script also runs on the local replica chat pages.
      if (!E2E) return;
      for (const script of manifest.content_scripts ?? []) script.matches = [...(script.matches ?? []), ...TEST_HOSTS];
    },
  },
  // The dev server must not try to download or start a browser on headless machines.
  webExt: { disabled: true },
  manifest: ({ browser }) => {
    const base = {
      name: manifestMessage('manifest.name'),
      description: manifestMessage('manifest.description'),
      default_locale: 'en',
      // contextMenus + activeTab + scripting: "find replies for the selection" on any other page reads
      // that page only when the agent asks, without host access to it.
      permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus', 'activeTab', 'scripting'],
      // None in the store build: the content script's `matches` (CHAT_HOSTS) let it run on the chat panes,
      // the background only messages tabs, and the context-menu reader is injected under activeTab.
      // The test build drives the replica pages from the test harness, which needs host access.
      host_permissions: E2E ? [...CHAT_HOSTS, ...TEST_HOSTS] : [],
      // Pack subscriptions: a server that sends CORS headers needs nothing; for one that does not, the
      // options page asks for access to that one origin when a fetch fails (permissions.request).
      optional_host_permissions: PACK_URL_HOSTS,
      action: { default_title: manifestMessage('manifest.name') },
      // What IT may set through enterprise policy (docs/POLICY.md); Firefox reads the same keys from
      // policies.json and does not use the schema.
      storage: { managed_schema: 'managed-schema.json' },
    };
    if (browser === 'firefox') {
      return {
        ...base,
        // Firefox builds Manifest V2, where optional origins are optional_permissions (WXT drops the key above).
        optional_permissions: PACK_URL_HOSTS,
        browser_specific_settings: { gecko: { id: 'huashu@huashu.dev', strict_min_version: '115.0' } },
      };
    }
    return { ...base, permissions: [...base.permissions, 'sidePanel'], ...(E2E ? { key: E2E_KEY } : {}) };
  },
});
