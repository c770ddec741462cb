import { useText } from './text-context';
export interface SiteSwitchProps {
  /** The page's origin (`https://desk.example.com`), or null when there is nothing to turn on. */
  origin: string | null;
  enabled: boolean;
  /** The outcome of the last attempt, in words. */
  message?: string;
  /** Must run within the click: the browser asks for access to that one origin. */
  onEnable(origin: string): void;
}

/** "Turn Huashu on for this site": for a help desk or web chat Huashu has no adapter for. */
export function SiteSwitch({ origin, enabled, message, onEnable }: SiteSwitchProps) {
  const t = useText();
  if (!origin) return null;
  return (
    <div className="site-switch" data-testid="site-switch" data-enabled={enabled}>
      {enabled ? (
        <span>{t('site.on', { origin })}</span>
      ) : (
        <button type="button" data-testid="enable-site" onClick={() => onEnable(origin)}>
          {t('site.turnOn', { origin })}
        </button>
      )}
      {message && <span className="site-switch__message">{message}</span>}
    </div>
  );
}
