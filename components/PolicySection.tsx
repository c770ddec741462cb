import type { PolicySubscriptionState, PolicyView } from '@/lib/settings/policy';
import { useText } from './text-context';

/** One policy subscription: its URL, what it pins, and its pack or why it is not subscribed. */
function PolicySubscriptionItem({ subscription }: { subscription: PolicySubscriptionState }) {
  const t = useText();
  const pins = [
    subscription.expectId ? t('policy.pinId', { id: subscription.expectId }) : null,
    subscription.publicKey ? t('policy.pinKey', { key: subscription.publicKey.slice(0, 12) }) : null,
    subscription.reviewUpdates === undefined
      ? null
      : t(subscription.reviewUpdates ? 'policy.reviewWait' : 'policy.reviewNow'),
  ].filter((pin): pin is string => pin !== null);
  return (
    <li data-testid="policy-subscription" data-url={subscription.url}>
      <code>{subscription.url}</code>
      {pins.length > 0 && <> · {pins.join(' · ')}</>}
      <br />
      {subscription.packId ? (
        <small className="hint" data-testid="policy-subscription-status">
          {t('policy.subscribedBefore')}
          <code>{subscription.packId}</code>
          {t('policy.subscribedAfter')}
        </small>
      ) : (
        <small className="error" data-testid="policy-subscription-status">
          {t('policy.notSubscribed', { error: subscription.error ?? '' })}
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
  const t = useText();
  const { policy, problems, subscriptions } = view;
  if (!policy && problems.length === 0) return null;
  const onOff = (on: boolean) => t(on ? 'policy.on' : 'policy.off');
  const settings: Array<[string, string]> = [];
  if (policy?.usageLog !== undefined) settings.push([t('policy.usageLog'), onOff(policy.usageLog)]);
  if (policy?.usageRetentionDays !== undefined)
    settings.push([t('policy.retention'), t('policy.retentionDays', { days: policy.usageRetentionDays })]);
  if (policy?.learning !== undefined) settings.push([t('policy.learning'), onOff(policy.learning)]);
  if (policy && policy.enabledSites.length > 0) settings.push([t('policy.sites'), policy.enabledSites.join(', ')]);
  return (
    <section className="policy" data-testid="policy">
      <h2>{t('policy.title')}</h2>
      <p className="hint">{t('policy.intro')}</p>
      {subscriptions.length > 0 && (
        <>
          <h3>{t('policy.subscribedPacks')}</h3>
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
          {t('policy.ignored')}
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
