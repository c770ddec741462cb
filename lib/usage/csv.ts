/**
 * The usage report's tables as CSV (RFC 4180: fields with a comma, quote or line break are quoted), for
 * the options page's download and `kpack report`'s files. A leading =, +, - or @ is prefixed with ' so a
 * spreadsheet does not run a buyer's words as a formula.
 */
import type { UsageReport } from './report';

function field(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Every table of the options page's report in one CSV file, each under a `# name` line. */
export function usageReportCsv(report: UsageReport): string {
  const sections: Array<[string, string]> = [
    [
      'funnel',
      toCsv(
        ['pack', 'entry', 'title', 'suggested', 'inserted', 'edited', 'sent'],
        (report.funnel ?? []).map((r) => [r.packId, r.entryId, r.title, r.suggested, r.inserted, r.edited, r.sent]),
      ),
    ],
    [
      'first_reply',
      toCsv(
        ['wait', 'chats'],
        (report.firstReply?.buckets ?? []).map((b) => [b.label, b.count]),
      ),
    ],
    [
      'replies',
      toCsv(
        ['pack', 'entry', 'title', 'inserted', 'copied'],
        report.replies.map((r) => [r.packId, r.entryId, r.title, r.inserted, r.copied]),
      ),
    ],
    [
      'unanswered',
      toCsv(
        ['question', 'count', 'last_at', 'platforms'],
        report.unanswered.map((q) => [q.question, q.count, new Date(q.lastAt).toISOString(), q.platforms.join(' ')]),
      ),
    ],
    [
      'complaints',
      toCsv(
        ['at', 'level', 'question', 'reasons', 'platform'],
        report.complaints.map((c) => [
          new Date(c.at).toISOString(),
          c.level,
          c.question,
          c.reasons.join('; '),
          c.platform,
        ]),
      ),
    ],
  ];
  return sections.map(([name, csv]) => `# ${name}\r\n${csv}`).join('\r\n');
}
