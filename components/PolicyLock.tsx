/** The note beside a control the organisation's fleet policy locks (docs/POLICY.md). */
export function PolicyLock({ what = 'Set by your organisation' }: { what?: string }) {
  return (
    <small className="policy-locked" data-testid="policy-locked">
      {what}
    </small>
  );
}
