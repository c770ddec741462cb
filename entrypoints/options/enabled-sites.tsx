import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { EnabledSites } from '@/components/EnabledSites';
import { useText } from '@/components/text-context';
import { message as say, type Text } from '@/lib/i18n/translate';
import { sendMessage } from '@/lib/messaging/pages';
import { originPattern, siteOrigin, type SiteResult } from '@/lib/settings/sites';

/** The background's result, or the page's own refusal said in the page's language. */
type SiteOutcome = Omit<SiteResult, 'message'> & { message?: Text };

/**
 * The options page's list of sites Huashu is turned on for: enabling asks the browser for access to that
 * one origin first, within the click (optional host permissions are granted only in a user gesture).
 */
function useEnabledSites() {
  const [origins, setOrigins] = useState<string[]>([]);
  const [suggested, setSuggested] = useState<string[]>([]);
  const [message, setMessage] = useState<Text | undefined>();
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
  const done = (result: Promise<SiteOutcome>) =>
    void result.then(
      (r) => {
        setOrigins(r.origins);
        setMessage(r.message ?? (r.ok ? say('sites.done') : undefined));
      },
      (error: Error) => setMessage(error.message),
    );
  const enable = (input: string) => {
    const origin = siteOrigin(input);
    if (!origin) return setMessage(say('sites.notAddress', { input }));
    done(
      browser.permissions
        .request({ origins: [originPattern(origin)] })
        .then((granted): SiteOutcome | Promise<SiteOutcome> =>
          granted
            ? sendMessage('enableSite', { origin })
            : { ok: false, origins, message: say('sites.notGranted', { origin }) },
        ),
    );
  };
  const disable = (origin: string) => done(sendMessage('disableSite', { origin }));
  return { origins, suggested, message, locked, enable, disable };
}

/** The options page's "Other sites" section, wired to the browser and the background. */
export function EnabledSitesSection() {
  const sites = useEnabledSites();
  const t = useText();
  return (
    <EnabledSites
      origins={sites.origins}
      suggested={sites.suggested}
      message={sites.message && t.text(sites.message)}
      locked={sites.locked}
      onEnable={sites.enable}
      onDisable={sites.disable}
    />
  );
}
