import { useText } from './text-context';
import { useState } from 'react';
import { PolicyLock } from './PolicyLock';

export interface EnabledSitesProps {
  origins: string[];
  /** Sites the team's packs list that are not on yet. */
  suggested?: string[];
  message?: string;
  /** Sites the organisation's policy turns on: they cannot be turned off here. */
  locked?: string[];
  /** Runs within the click: the browser asks the agent for access to that one origin. */
  onEnable(origin: string): void;
  onDisable(origin: string): void;
}

/** Help desks and web chats Huashu is turned on for (the generic reader, shortcuts), and adding one. */
export function EnabledSites({
  origins,
  suggested = [],
  message,
  locked = [],
  onEnable,
  onDisable,
}: EnabledSitesProps) {
  const t = useText();
  const [draft, setDraft] = useState('');
  return (
    <section data-testid="enabled-sites">
      <h2>{t('sites.heading')}</h2>
      <p>{t('sites.intro')}</p>
      <ul>
        {origins.map((origin) => (
          <li key={origin} data-testid="enabled-site">
            {origin}{' '}
            <button type="button" disabled={locked.includes(origin)} onClick={() => onDisable(origin)}>
              {t('sites.turnOff')}
            </button>{' '}
            {locked.includes(origin) && <PolicyLock />}
          </li>
        ))}
      </ul>
      {suggested.length > 0 && (
        <p data-testid="suggested-sites">
          {t('sites.suggested')}{' '}
          {suggested.map((origin) => (
            <button key={origin} type="button" onClick={() => onEnable(origin)}>
              {t('sites.turnOnOrigin', { origin })}
            </button>
          ))}
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.trim()) onEnable(draft.trim());
        }}
      >
        <input
          aria-label={t('sites.address')}
          placeholder="https://support.example.com"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">{t('sites.turnOn')}</button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
