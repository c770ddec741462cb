import { useText } from './text-context';
import { useState } from 'react';
import type { Text } from '@/lib/i18n/translate';
import { PolicyLock } from './PolicyLock';

interface LearningSettingsProps {
  /** Whether the panel learns from the replies agents pick. */
  learning: boolean;
  /** What the last forget or export did. */
  note: Text | null;
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
  const t = useText();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="learning" data-testid="learning">
      <h2>{t('learning.heading')}</h2>
      <label className="learning__switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="learning-switch"
          checked={learning}
          disabled={locked}
          onChange={(event) => onToggle(event.target.checked)}
        />{' '}
        {t('learning.switch')}
      </label>{' '}
      {locked && <PolicyLock />}
      <p className="learning__hint">{t('learning.hint')}</p>
      <div className="learning__actions">
        <button type="button" data-testid="learning-export" onClick={onExport}>
          {t('learning.export')}
        </button>
        {confirming ? (
          <span className="learning__confirm" data-testid="learning-confirm">
            {t('learning.confirm')}{' '}
            <button
              type="button"
              data-testid="learning-forget-yes"
              onClick={() => {
                setConfirming(false);
                onForget();
              }}
            >
              {t('learning.forgetYes')}
            </button>{' '}
            <button type="button" data-testid="learning-forget-no" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" data-testid="learning-forget" onClick={() => setConfirming(true)}>
            {t('learning.forget')}
          </button>
        )}
      </div>
      {note && (
        <p className="learning__note" data-testid="learning-note">
          {t.text(note)}
        </p>
      )}
    </section>
  );
}
