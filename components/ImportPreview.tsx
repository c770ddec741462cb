import { useText } from './text-context';
import type { DiffPart, FieldChange } from '@/lib/packs/diff';
import type { ImportReview } from '@/lib/packs/types';

interface ImportPreviewProps {
  review: ImportReview['review'];
  busy: boolean;
  onApply(): void;
  onCancel(): void;
}

/** A changed text with removed parts struck through and added parts marked. */
function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <span className="diff">
      {parts.map((part, i) =>
        part.op === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.op === 'add' ? (
          <ins key={i}>{part.text}</ins>
        ) : (
          <del key={i}>{part.text}</del>
        ),
      )}
    </span>
  );
}

function Fields({ fields }: { fields: FieldChange[] }) {
  return (
    <dl className="diff__fields">
      {fields.map((f) => (
        <div key={f.field} data-testid="preview-field" data-field={f.field}>
          <dt>{f.field}</dt>
          <dd>
            <Parts parts={f.parts} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What a file or a subscribed update would change in a stored pack: entries added, changed (the changed
 * text marked), removed, facts changed. Nothing is stored until the team lead applies it.
 */
export function ImportPreview({ review, busy, onApply, onCancel }: ImportPreviewProps) {
  const t = useText();
  const { diff } = review;
  // The heading already says the versions.
  const packFields = diff.pack.filter((f) => f.field !== 'version');
  return (
    <div className="import__preview" data-testid="import-preview" data-pack-id={review.packId}>
      <strong>
        {t(review.source === 'update' ? 'preview.update' : 'preview.replace', {
          from: review.from,
          name: review.name,
          fromVersion: review.fromVersion,
          toVersion: review.toVersion,
        })}
      </strong>
      <p data-testid="preview-counts">
        {t('preview.counts', {
          added: diff.added.length,
          changed: diff.changed.length,
          removed: diff.removed.length,
          unchanged: diff.unchanged,
          facts: diff.facts.length,
        })}
      </p>
      {packFields.length > 0 && <Fields fields={packFields} />}
      {diff.facts.length > 0 && (
        <>
          <h3>{t('preview.facts')}</h3>
          <ul>
            {diff.facts.map((f) => (
              <li key={f.name} data-testid="preview-fact">
                <code>{f.name}</code>: {f.before === null ? <ins>{f.after}</ins> : <del>{f.before}</del>}
                {f.before !== null && f.after !== null && ' → '}
                {f.before !== null && f.after !== null && <ins>{f.after}</ins>}
                {f.after === null && t('preview.factRemoved')}
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.added.length > 0 && (
        <>
          <h3>{t('preview.added')}</h3>
          <ul>
            {diff.added.map((e) => (
              <li key={e.id} data-testid="preview-added" data-entry-id={e.id}>
                {e.title} <code>{e.id}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.changed.length > 0 && (
        <>
          <h3>{t('preview.changed')}</h3>
          <ul>
            {diff.changed.map((e) => (
              <li key={e.id} data-testid="preview-changed" data-entry-id={e.id}>
                {e.title} <code>{e.id}</code>
                <Fields fields={e.fields} />
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.removed.length > 0 && (
        <>
          <h3>{t('preview.removed')}</h3>
          <ul>
            {diff.removed.map((e) => (
              <li key={e.id} data-testid="preview-removed" data-entry-id={e.id}>
                <del>{e.title}</del> <code>{e.id}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {review.warnings.length > 0 && (
        <details>
          <summary>{t('preview.lintWarnings', { count: review.warnings.length })}</summary>
          <ul>
            {review.warnings.map((w, i) => (
              <li key={i}>
                {w.path ? `${w.path}: ` : ''}
                {w.message} [{w.rule}]
              </li>
            ))}
          </ul>
        </details>
      )}
      <p>
        <button type="button" data-testid="import-apply" disabled={busy} onClick={onApply}>
          {t('preview.apply', { version: review.toVersion })}
        </button>{' '}
        <button type="button" data-testid="import-cancel" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </p>
    </div>
  );
}
