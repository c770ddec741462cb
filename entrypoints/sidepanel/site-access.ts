import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { isChatSiteUrl } from '@/lib/adapters/registry';
import { originPattern, siteOrigin } from '@/lib/settings/sites';
import { sendMessage } from '@/lib/messaging/pages';
import { message as say, type Text } from '@/lib/i18n/translate';

/**
 * "Turn Huashu on for this site", for the panel: the origin of the page the agent is on (the page the
 * context menu read, else the active tab when the browser shows its address), whether it is on, and the
 * click that asks the browser for access to that one origin and then tells the background.
 */
export function useSiteAccess(pageUrl: string | undefined) {
  const [enabled, setEnabled] = useState<string[]>([]);
  const [tabUrl, setTabUrl] = useState<string | undefined>();
  const [message, setMessage] = useState<Text | undefined>();
  useEffect(() => {
    sendMessage('listSites', {}).then(setEnabled, () => {});
  }, []);
  useEffect(() => {
    if (pageUrl) return;
    browser.tabs.query({ active: true, lastFocusedWindow: true }).then(
      ([tab]) => setTabUrl(tab?.url),
      () => {},
    );
  }, [pageUrl]);
  const url = pageUrl ?? tabUrl;
  const origin = url && /^https?:/.test(url) && !isChatSiteUrl(url) ? siteOrigin(url) : null;
  const enable = (wanted: string) => {
    // First thing in the click: the browser grants optional host access only within a user gesture.
    browser.permissions
      .request({ origins: [originPattern(wanted)] })
      .then((granted) =>
        granted ? sendMessage('enableSite', { origin: wanted }) : { ok: false, origins: enabled, message: undefined },
      )
      .then((result) => {
        setEnabled(result.origins);
        setMessage(result.ok ? say('site.reload') : (result.message ?? say('site.notGranted')));
      })
      .catch((error: unknown) => setMessage(say('site.failed', { error: (error as Error).message })));
  };
  return { origin, enabled: origin !== null && enabled.includes(origin), message, enable };
}
