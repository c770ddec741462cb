import { useText } from './text-context';
import type { PackSummary } from '@/lib/packs/types';
import type { Translate } from '@/lib/i18n/translate';
import { PolicyLock } from './PolicyLock';
import { describeSync } from '@/lib/sync/status';

interface PackTableProps {
  packs: PackSummary[];
  /** Ids of subscribed packs being checked now. */
  syncing: string[];
  onToggle(id: string, enabled: boolean): void;
  /** Removing a subscribed pack also ends its subscription. */
  onRemove(id: string): void;
  /** "Sync now" on a subscribed pack's row. */
  onSync(id: string): void;
  /** Asks the browser for access to a subscribed pack's origin (must run in the click), then syncs it. */
  onAllowAccess(origin: string, id: string): void;
  /** Updates of a subscribed pack wait for review (true) or apply when fetched. */
  onReviewUpdates?(id: string, review: boolean): void;
  /** Opens the review of the update waiting for it. */
  onReview?(id: string): void;
}

function sourceLabel(t: Translate, pack: PackSummary): string {
  if (pack.source.kind === 'builtin') return t('packs.shipped', { file: pack.source.file });
  if (pack.source.kind === 'file') return t('packs.file', { file: pack.source.fileName });
  return t('packs.subscribed');
}

/** A subscribed pack's URL, its last check and change, and the last error with what was kept. */
function SyncCell({
  pack,
  syncing,
  onSync,
  onAllowAccess,
  onReviewUpdates,
  onReview,
}: { pack: PackSummary; syncing: boolean } & Pick<
  PackTableProps,
  'onSync' | 'onAllowAccess' | 'onReviewUpdates' | 'onReview'
>) {
  const t = useText();
  if (pack.source.kind !== 'url' || !pack.sync) return null;
  const { sync } = pack;
  const reviewLocked = pack.managed?.reviewUpdates !== undefined;
  return (
    <>
      <br />
      <a href={pack.source.url} target="_blank" rel="noreferrer" className="packs__url">
        {pack.source.url}
      </a>
      <br />
      {sync.publicKey && (
        <>
          <small
            className="hint"
            data-testid="subscription-signed"
            title={t('packs.signedTitle', { key: sync.publicKey })}
          >
            {t('packs.signed', { key: sync.publicKey.slice(0, 8) })}
          </small>
          <br />
        </>
      )}
      <small className={sync.lastError ? 'error' : 'hint'} data-testid="pack-sync-status">
        {syncing ? t('packs.checking') : describeSync(pack.version, sync, t)}
      </small>
      <br />
      <button type="button" data-testid="pack-sync-now" disabled={syncing} onClick={() => onSync(pack.id)}>
        {t('packs.syncNow')}
      </button>
      <br />
      {/* A toggle button, not a checkbox: the row's one checkbox is "use this pack". */}
      <button
        type="button"
        className="hint"
        data-testid="pack-review-updates"
        aria-pressed={sync.reviewUpdates ?? false}
        disabled={reviewLocked}
        onClick={() => onReviewUpdates?.(pack.id, !sync.reviewUpdates)}
      >
        {t(sync.reviewUpdates ? 'packs.reviewOn' : 'packs.reviewOff')}
      </button>
      {reviewLocked && <PolicyLock />}
      {sync.pending && (
        <>
          <br />
          <strong data-testid="pack-pending">{t('packs.pending', { version: sync.pending.version })}</strong>{' '}
          <button type="button" data-testid="pack-review" onClick={() => onReview?.(pack.id)}>
            {t('packs.review')}
          </button>
        </>
      )}
      {sync.accessOrigin && (
        <button
          type="button"
          data-testid="pack-grant-access"
          onClick={() => onAllowAccess(sync.accessOrigin!, pack.id)}
        >
          {t('packs.allowAccess', { origin: sync.accessOrigin })}
        </button>
      )}
    </>
  );
}

/** The packs in the extension: which are used for suggestions, where they came from. */
export function PackTable({
  packs,
  syncing,
  onToggle,
  onRemove,
  onSync,
  onAllowAccess,
  onReviewUpdates,
  onReview,
}: PackTableProps) {
  const t = useText();
  if (packs.length === 0) return <p>{t('packs.none')}</p>;
  return (
    <table className="packs" data-testid="pack-table">
      <thead>
        <tr>
          <th>{t('packs.use')}</th>
          <th>{t('packs.pack')}</th>
          <th>{t('packs.version')}</th>
          <th>{t('packs.entries')}</th>
          <th>{t('packs.source')}</th>
          <th>{t('packs.warnings')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {packs.map((pack) => (
          <tr key={pack.id} data-testid="pack-row" data-pack-id={pack.id}>
            <td>
              <input
                type="checkbox"
                checked={pack.enabled}
                aria-label={t('packs.useOne', { name: pack.name })}
                onChange={(event) => onToggle(pack.id, event.target.checked)}
              />
            </td>
            <td>
              <strong>{pack.name}</strong>
              <br />
              <code>{pack.id}</code> · {pack.locale}
            </td>
            <td>{pack.version}</td>
            <td>{pack.entries}</td>
            <td>
              {sourceLabel(t, pack)}
              <SyncCell
                pack={pack}
                syncing={syncing.includes(pack.id)}
                onSync={onSync}
                onAllowAccess={onAllowAccess}
                onReviewUpdates={onReviewUpdates}
                onReview={onReview}
              />
            </td>
            <td>{pack.warnings}</td>
            <td>
              {/* A pack the organisation subscribes every agent to is not theirs to remove. */}
              {pack.managed ? (
                <PolicyLock what={t('policy.packLock')} />
              ) : (
                <button type="button" onClick={() => onRemove(pack.id)}>
                  {t('packs.remove')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
