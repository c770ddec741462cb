import type { ComplaintRisk } from '@/lib/suggest/complaint';

interface ComplaintAlertProps {
  risk: ComplaintRisk | null;
}

/** Warns the agent that the buyer may complain, and why, while there is still time to calm things down. */
export function ComplaintAlert({ risk }: ComplaintAlertProps) {
  if (!risk) return null;
  const high = risk.level === 'high';
  return (
    <div
      className={`complaint complaint--${risk.level}`}
      role={high ? 'alert' : 'status'}
      data-testid="complaint-alert"
      data-level={risk.level}
    >
      <strong>{high ? 'Complaint risk 投诉风险' : 'Buyer is upset 买家情绪'}</strong>
      <span data-testid="complaint-reasons">{risk.reasons.join(' · ')}</span>
      <small>
        {high
          ? 'Acknowledge first, give a concrete next step and time; hand over to a lead if you cannot.'
          : 'Answer this one first and warmly.'}
      </small>
    </div>
  );
}
