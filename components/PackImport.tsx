import type { ChangeEvent } from 'react';
import type { ImportReview } from '@/lib/packs/types';
import type { ImportReportView } from '@/lib/state/options/types';
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
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onFile(file);
    event.target.value = '';
  };
  return (
    <section className="import">
      <h2>Import a knowledge pack</h2>
      <label className="import__file">
        <span>
          Pack file (huashu-pack/1 JSON), or an export of espanso, Zendesk, Gorgias, Chatwoot, Freshdesk, Text Blaze or
          千牛 快捷短语 (CSV or Excel .xlsx), or a spreadsheet with title / questions / reply columns
        </span>
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
            {report.fileName}: {report.ok ? report.summary : 'not imported — nothing was changed'}
          </strong>
          {report.accessOrigin && (
            <p>
              <button type="button" data-testid="grant-access" onClick={() => onAllowAccess(report.accessOrigin!)}>
                Allow Huashu to read {report.accessOrigin}, then try again
              </button>
            </p>
          )}
          {report.conflict && onReplace && (
            <p>
              <button type="button" data-testid="confirm-replace" disabled={busy} onClick={onReplace}>
                Replace “{report.conflict.name}” with the pack at this address
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
              <summary>{report.warnings.length} note(s) and lint warning(s)</summary>
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
