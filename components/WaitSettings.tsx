import { useText } from './text-context';
import { useState, type FormEvent } from 'react';

interface WaitSettingsProps {
  wait: { amberSeconds: number; redSeconds: number };
  onSave(amberSeconds: number, redSeconds: number): void;
}

/**
 * When the panel's wait clock turns amber and red (千牛's slow-reply line is 100 seconds). The fields start
 * from `wait`: render it with a `key` made of the saved values to start again after a load or save.
 */
export function WaitSettings({ wait, onSave }: WaitSettingsProps) {
  const t = useText();
  const [amber, setAmber] = useState(String(wait.amberSeconds));
  const [red, setRed] = useState(String(wait.redSeconds));
  const amberValue = Number(amber);
  const redValue = Number(red);
  const error =
    !Number.isInteger(amberValue) || !Number.isInteger(redValue) || amberValue < 1 || redValue < 1
      ? t('wait.wholeSeconds')
      : redValue < amberValue
        ? t('wait.redBeforeAmber')
        : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!error) onSave(amberValue, redValue);
  };
  return (
    <section data-testid="wait-settings">
      <h2>{t('wait.heading')}</h2>
      <p>{t('wait.hint')}</p>
      <form onSubmit={submit}>
        <label>
          {t('wait.amber')}{' '}
          <input
            type="number"
            min={1}
            value={amber}
            data-testid="wait-amber"
            onChange={(e) => setAmber(e.target.value)}
          />
        </label>{' '}
        <label>
          {t('wait.red')}{' '}
          <input type="number" min={1} value={red} data-testid="wait-red" onChange={(e) => setRed(e.target.value)} />
        </label>{' '}
        <button type="submit" data-testid="wait-save" disabled={error !== null}>
          {t('common.save')}
        </button>
        {error && (
          <span role="alert" className="field-error">
            {' '}
            {error}
          </span>
        )}
      </form>
    </section>
  );
}
