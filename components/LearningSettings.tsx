import { useState } from 'react';
import { PolicyLock } from './PolicyLock';

interface LearningSettingsProps {
  /** Whether the panel learns from the replies agents pick. */
  learning: boolean;
  /** What the last forget or export did. */
  note: string | null;
  /** The organisation's policy sets the switch: shown disabled, with a note. */
  locked?: boolean;
  onToggle(on: boolean): void;
  onForget(): void;
  onExport(): void;
}

/**
 * Learning from picks: when an agent inserts a reply for a buyer's message, later messages like it rank
 * that reply higher. The team lead can switch it off, forget it all (after a confirm), and export the
 * learned phrasings (redacted) to review and add as questions of the pack.
 */
export function LearningSettings({ learning, note, locked, onToggle, onForget, onExport }: LearningSettingsProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="learning" data-testid="learning">
      <h2>Learning</h2>
      <label className="learning__switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="learning-switch"
          checked={learning}
          disabled={locked}
          onChange={(event) => onToggle(event.target.checked)}
        />{' '}
        Learn from what agents pick
      </label>{' '}
      {locked && <PolicyLock />}
      <p className="learning__hint">
        A reply an agent inserts for a buyer&apos;s message ranks higher for similar messages. Phone numbers, addresses,
        order numbers and names are removed before anything is kept, on this computer only.
      </p>
      <div className="learning__actions">
        <button type="button" data-testid="learning-export" onClick={onExport}>
          Export learned phrasings
        </button>
        {confirming ? (
          <span className="learning__confirm" data-testid="learning-confirm">
            Forget everything learned from picks?{' '}
            <button
              type="button"
              data-testid="learning-forget-yes"
              onClick={() => {
                setConfirming(false);
                onForget();
              }}
            >
              Forget
            </button>{' '}
            <button type="button" data-testid="learning-forget-no" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" data-testid="learning-forget" onClick={() => setConfirming(true)}>
            Forget what was learned
          </button>
        )}
      </div>
      {note && (
        <p className="learning__note" data-testid="learning-note">
          {note}
        </p>
      )}
    </section>
  );
}
