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
  const [locked, setLocked] = useState<string[]>([]);
  // Read again after each change (the suggestions drop the site just turned on); keyed by the list's
  // text, not the array, so a fresh array with the same sites does not ask again (and again).
  const key = origins.join(' ');
  useEffect(() => {
    sendMessage('listSites', {}).then(setOrigins, () => {});
    sendMessage('listPackSites', {}).then(setSuggested, () => {});
    sendMessage('getPolicy', {}).then(
      (view) => setLocked(view.policy?.enabledSites ?? []),
      () => {},
    );
  }, [key]);
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
  return { origins, suggested, message, locked, enable, disable };
}

/** The options page's "Other sites" section, wired to the browser and the background. */
export function EnabledSitesSection() {
  const sites = useEnabledSites();
  return (
    <EnabledSites
      origins={sites.origins}
      suggested={sites.suggested}
      message={sites.message}
      locked={sites.locked}
      onEnable={sites.enable}
      onDisable={sites.disable}
    />
  );
}
