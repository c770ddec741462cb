import { useText } from './text-context';
interface ScenarioView {
  id: string;
  name: string;
  active: boolean;
  /** Has dates: switched on by them. */
  dated: boolean;
  /** Switched on by itself (its dates, or what the chat shows): the agent can switch it off for this chat. */
  auto: boolean;
  /** Switched off for this chat. */
  off: boolean;
}

interface ScenarioBarProps {
  scenarios: ScenarioView[];
  /** A manual scenario: on or off for every chat (saved). */
  onToggle(id: string): void;
  /** A dated or signal-driven scenario: off or back on for the open chat only. */
  onToggleForChat(id: string): void;
}

/**
 * Promo windows and modes. Manual ones are switched on by the agent; dated ones (on their days) and
 * those the chat's signals call for (after-sale, VIP) are on by themselves and can be switched off for
 * the open chat.
 */
export function ScenarioBar({ scenarios, onToggle, onToggleForChat }: ScenarioBarProps) {
  const t = useText();
  if (scenarios.length === 0) return null;
  const titleOf = (s: ScenarioView) => {
    if (!s.auto) return undefined;
    return t(s.off ? 'scenarios.offForChat' : s.dated ? 'scenarios.onByDates' : 'scenarios.onByChat');
  };
  return (
    <div className="scenarios" aria-label={t('scenarios.label')}>
      {scenarios.map((s) => (
        <button
          key={s.id}
          type="button"
          className={['scenario', s.active && 'scenario--on', s.auto && 'scenario--auto'].filter(Boolean).join(' ')}
          aria-pressed={s.active}
          data-testid={s.auto ? 'scenario-auto' : 'scenario-toggle'}
          data-scenario-id={s.id}
          title={titleOf(s)}
          onClick={() => (s.auto ? onToggleForChat(s.id) : onToggle(s.id))}
        >
          {s.name}
        </button>
      ))}
    </div>
  );
}
