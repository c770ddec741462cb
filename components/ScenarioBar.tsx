interface ScenarioView {
  id: string;
  name: string;
  active: boolean;
  /** Dated scenarios switch on by themselves; they cannot be toggled. */
  dated: boolean;
}

/** Promo windows and modes: dated ones show when active, the others can be switched on. */
export function ScenarioBar({ scenarios, onToggle }: { scenarios: ScenarioView[]; onToggle(id: string): void }) {
  if (scenarios.length === 0) return null;
  return (
    <div className="scenarios" aria-label="Scenarios">
      {scenarios.map((s) =>
        s.dated ? (
          <span key={s.id} className="scenario scenario--on" title="Active by date">
            {s.name}
          </span>
        ) : (
          <button
            key={s.id}
            type="button"
            className={s.active ? 'scenario scenario--on' : 'scenario'}
            aria-pressed={s.active}
            data-testid="scenario-toggle"
            onClick={() => onToggle(s.id)}
          >
            {s.name}
          </button>
        ),
      )}
    </div>
  );
}
