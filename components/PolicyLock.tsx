import { useText } from './text-context';

/** The note beside a control the organisation's fleet policy locks (docs/POLICY.md). */
export function PolicyLock({ what }: { what?: string }) {
  const t = useText();
  return (
    <small className="policy-locked" data-testid="policy-locked">
      {what ?? t('policy.lock')}
    </small>
  );
}
