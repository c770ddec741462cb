import type { PolicySubscriptionState, PolicyView } from '@/lib/settings/policy';

const onOff = (on: boolean) => (on ? 'on' : 'off');

/** One policy subscription: its URL, what it pins, and its pack or why it is not subscribed. */
function PolicySubscriptionItem({ subscription }: { subscription: PolicySubscriptionState }) {
  const pins = [
    subscription.expectId ? `pack id ${subscription.expectId}` : null,
    subscription.publicKey ? `signed with key ${subscription.publicKey.slice(0, 12)}…` : null,
    subscription.reviewUpdates === undefined
      ? null
      : subscription.reviewUpdates
        ? 'updates wait for review'
        : 'updates apply at once',
  ].filter((pin): pin is string => pin !== null);
  return (
    <li data-testid="policy-subscription" data-url={subscription.url}>
      <code>{subscription.url}</code>
      {pins.length > 0 && <> · {pins.join(' · ')}</>}
      <br />
      {subscription.packId ? (
        <small className="hint" data-testid="policy-subscription-status">
          subscribed: pack <code>{subscription.packId}</code> (below, in Packs)
        </small>
      ) : (
        <small className="error" data-testid="policy-subscription-status">
          not subscribed: {subscription.error} — tried again every hour
        </small>
      )}
    </li>
  );
}

/**
 * "Set by your organisation": what IT's fleet policy (managed storage) sets on this browser, read-only.
 * The controls it locks are shown disabled in their own sections. Nothing when there is no policy.
 */
export function PolicySection({ view }: { view: PolicyView }) {
  const { policy, problems, subscriptions } = view;
  if (!policy && problems.length === 0) return null;
  const settings: Array<[string, string]> = [];
  if (policy?.usageLog !== undefined) settings.push(['Usage log', onOff(policy.usageLog)]);
  if (policy?.usageRetentionDays !== undefined)
    settings.push(['Usage log keeps events for', `${policy.usageRetentionDays} days`]);
  if (policy?.learning !== undefined) settings.push(['Learning from picks', onOff(policy.learning)]);
  if (policy && policy.enabledSites.length > 0) settings.push(['Sites turned on', policy.enabledSites.join(', ')]);
  return (
    <section className="policy" data-testid="policy">
      <h2>Set by your organisation</h2>
      <p className="hint">
        Your IT department manages these through browser policy; they apply without anyone clicking and cannot be
        changed on this page.
      </p>
      {subscriptions.length > 0 && (
        <>
          <h3>Subscribed packs</h3>
          <ul>
            {subscriptions.map((s) => (
              <PolicySubscriptionItem key={s.url} subscription={s} />
            ))}
          </ul>
        </>
      )}
      {settings.length > 0 && (
        <dl className="policy__settings">
          {settings.map(([name, value]) => (
            <div key={name} data-testid="policy-setting">
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {problems.length > 0 && (
        <div className="error" data-testid="policy-problems">
          Parts of the policy were ignored:
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
