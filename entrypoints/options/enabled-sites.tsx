import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { EnabledSites } from '@/components/EnabledSites';
import { sendMessage } from '@/lib/messaging/pages';
import { originPattern, siteOrigin, type SiteResult } from '@/lib/settings/sites';

/**
 * The options page's list of sites Huashu is turned on for: enabling asks the browser for access to that
 * one origin first, within the click (optional host permissions are granted only in a user gesture).
 */
function useEnabledSites() {
  const [origins, setOrigins] = useState<string[]>([]);
  const [suggested, setSuggested] = useState<string[]>([]);
  const [message, setMessage] = useState<string | undefined>();
  useEffect(() => {
    sendMessage('listSites', {}).then(setOrigins, () => {});
    sendMessage('listPackSites', {}).then(setSuggested, () => {});
  }, [origins]);
  const done = (result: Promise<SiteResult>) =>
    void result.then(
      (r) => {
        setOrigins(r.origins);
        setMessage(r.message ?? (r.ok ? 'Done: reload that site’s tabs once.' : undefined));
      },
      (error: Error) => setMessage(error.message),
    );
  const enable = (input: string) => {
    const origin = siteOrigin(input);
    if (!origin) return setMessage(`“${input}” is not a web address.`);
    done(
      browser.permissions
        .request({ origins: [originPattern(origin)] })
        .then((granted) =>
          granted
            ? sendMessage('enableSite', { origin })
            : { ok: false, origins, message: `Access to ${origin} was not granted.` },
        ),
    );
  };
  const disable = (origin: string) => done(sendMessage('disableSite', { origin }));
  return { origins, suggested, message, enable, disable };
}

/** The options page's "Other sites" section, wired to the browser and the background. */
export function EnabledSitesSection() {
  const sites = useEnabledSites();
  return (
    <EnabledSites
      origins={sites.origins}
      suggested={sites.suggested}
      message={sites.message}
      onEnable={sites.enable}
      onDisable={sites.disable}
    />
  );
}
