import { useText } from './text-context';
import type { ComplaintRisk } from '@/lib/suggest/complaint';

interface ComplaintAlertProps {
  risk: ComplaintRisk | null;
}

/** Warns the agent that the buyer may complain, and why, while there is still time to calm things down. */
export function ComplaintAlert({ risk }: ComplaintAlertProps) {
  const t = useText();
  if (!risk) return null;
  const high = risk.level === 'high';
  return (
    <div
      className={`complaint complaint--${risk.level}`}
      role={high ? 'alert' : 'status'}
      data-testid="complaint-alert"
      data-level={risk.level}
    >
      <strong>{t(high ? 'complaint.high' : 'complaint.watch')}</strong>
      <span data-testid="complaint-reasons">{risk.reasons.join(' · ')}</span>
      <small>{t(high ? 'complaint.highAdvice' : 'complaint.watchAdvice')}</small>
    </div>
  );
}
