/** All chat-site adapters, and how the content script picks one for a page. */
import { genericAdapter } from './generic/adapter';
import { jdAdapter } from './jd/adapter';
import { withLayoutFallback } from './layout';
import { pddAdapter } from './pdd/adapter';
import { shopifyAdapter } from './shopify/adapter';
import { taobaoAdapter } from './taobao/adapter';
import type { ChatAdapter, SelectorMap } from './types';

/**
 * Site adapters, most specific first; the generic one is the last resort. Each reads by layout where its selectors
 * find no list (a build whose classes are all hashes).
 */
export const SITE_ADAPTERS: readonly ChatAdapter[] = [taobaoAdapter, jdAdapter, shopifyAdapter, pddAdapter].map(
  (adapter) => withLayoutFallback<ChatAdapter>(adapter),
);

/** The adapter for a URL (generic when no site matches). */
export function adapterForUrl(url: string): ChatAdapter {
  return SITE_ADAPTERS.find((a) => a.matchesUrl(url)) ?? genericAdapter;
}

/** Whether a URL belongs to one of the chat sites (their pages have the chat reader already). */
export function isChatSiteUrl(url: string): boolean {
  return adapterForUrl(url).platform !== 'generic';
}

/**
 * The adapter for a page: by URL, or — in the test build, for the local replica pages — by DOM
 * signature when no site matches the URL.
 */
export function adapterForDocument(root: Document, url: string, options: { byDom: boolean }): ChatAdapter {
  const byUrl = SITE_ADAPTERS.find((a) => a.matchesUrl(url));
  if (byUrl) return byUrl;
  if (options.byDom) return SITE_ADAPTERS.find((a) => a.matchesDom(root)) ?? genericAdapter;
  return genericAdapter;
}

/**
 * Merges a team lead's selector overrides over an adapter's defaults; overrides that are not valid CSS
 * selectors are left out and reported, so one typo cannot blind the adapter.
 */
export function mergeSelectors(
  root: Document,
  defaults: SelectorMap,
  overrides: SelectorMap = {},
): { selectors: SelectorMap; ignored: string[] } {
  const selectors = { ...defaults };
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    if (!value.trim()) continue;
    try {
      root.querySelector(value);
      selectors[key] = value;
    } catch {
      ignored.push(key);
    }
  }
  return { selectors, ignored };
}
