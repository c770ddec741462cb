import { useText } from './text-context';
import type { ChangeEvent } from 'react';
import type { ImportReview } from '@/lib/packs/types';
import type { Translate } from '@/lib/i18n/translate';
import type { ImportReportView, ImportSummary } from '@/lib/state/options/types';
import { ImportPreview } from './ImportPreview';
import { PackSubscribe } from './PackSubscribe';

interface PackImportProps {
  busy: boolean;
  report: ImportReportView | null;
  /** A replacement waiting for the team lead's confirmation. */
  review?: ImportReview['review'] | null;
  onApply?(): void;
  onCancel?(): void;
  onFile(file: File): void;
  /** `publicKey`: the team key to pin, '' when none was given. */
  onSubscribe(url: string, publicKey: string): void;
  /** Asks the browser for access to the origin (must run in the click), then retries. */
  onAllowAccess(origin: string): void;
  /** The team lead confirmed that the subscribed URL may replace the installed pack with its id. */
  onReplace?(): void;
}

/** "imported “Team pack” 1.0.0, 2 entries converted from a espanso export (replaced 0.9.0)". */
function summaryText(t: Translate, summary: ImportSummary): string {
  return (
    t('import.imported', { name: summary.name, version: summary.version, entries: summary.entries }) +
    (summary.format ? t('import.converted', { format: summary.format }) : '') +
    (summary.replaced ? t('import.replaced', { version: summary.replaced }) : '') +
    (summary.signedBy ? t('import.signed', { key: summary.signedBy.slice(0, 8) }) : '')
  );
}

/**
 * Team leads import a pack file, or subscribe to a pack URL, here; the result of either names every
 * problem by its place in the file.
 */
export function PackImport({
  busy,
  report,
  review,
  onApply = () => {},
  onCancel = () => {},
  onFile,
  onSubscribe,
  onAllowAccess,
  onReplace,
}: PackImportProps) {
  const t = useText();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onFile(file);
    event.target.value = '';
  };
  return (
    <section className="import">
      <h2>{t('import.heading')}</h2>
      <label className="import__file">
        <span>{t('import.fileLabel')}</span>
        <input
          type="file"
          accept=".json,.yml,.yaml,.csv,.tsv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="pack-file-input"
          disabled={busy}
          onChange={onChange}
        />
      </label>
      <PackSubscribe busy={busy} onSubscribe={onSubscribe} />
      {review && <ImportPreview review={review} busy={busy} onApply={onApply} onCancel={onCancel} />}
      {report && (
        <div
          className={report.ok ? 'import__report import__report--ok' : 'import__report import__report--error'}
          data-testid="import-report"
        >
          <strong>
            {t.text(report.fileName)}:{' '}
            {report.ok && report.summary ? summaryText(t, report.summary) : t('import.notImported')}
          </strong>
          {report.accessOrigin && (
            <p>
              <button type="button" data-testid="grant-access" onClick={() => onAllowAccess(report.accessOrigin!)}>
                {t('import.allowAccess', { origin: report.accessOrigin })}
              </button>
            </p>
          )}
          {report.conflict && onReplace && (
            <p>
              <button type="button" data-testid="confirm-replace" disabled={busy} onClick={onReplace}>
                {t('import.replace', { name: report.conflict.name })}
              </button>
            </p>
          )}
          {report.errors.length > 0 && (
            <ul data-testid="import-errors">
              {report.errors.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {report.warnings.length > 0 && (
            <details open={report.warnings.length <= 10}>
              <summary>{t('import.warnings', { count: report.warnings.length })}</summary>
              <ul data-testid="import-warnings">
                {report.warnings.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
