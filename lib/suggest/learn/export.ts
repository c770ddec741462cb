/**
 * The export of learned picks for the team lead (options page "Export learned phrasings", `kpack learned`):
 * NDJSON, one `PickRecord` per line, oldest first (docs/LEARNING.md). The text is redacted already.
 */
import type { PickRecord } from './pick-memory';

/** One JSON object per line, fields in a fixed order; ends with a newline when not empty. */
export function picksToNdjson(records: readonly PickRecord[]): string {
  return records
    .map(
      ({ packId, packVersion, entryId, text, at, searched }) =>
        `${JSON.stringify({ packId, packVersion, entryId, text, at, ...(searched ? { searched } : {}) })}\n`,
    )
    .join('');
}

/** A line of an export that could not be read, by line number (1-based). */
export interface ExportProblem {
  line: number;
  message: string;
}

/** Reads an export; blank lines are skipped, malformed ones reported. */
export function picksFromNdjson(text: string): { records: PickRecord[]; problems: ExportProblem[] } {
  const records: PickRecord[] = [];
  const problems: ExportProblem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ line: index + 1, message: 'not JSON' });
      return;
    }
    const r = value as Partial<PickRecord> | null;
    if (!r || typeof r.packId !== 'string' || typeof r.entryId !== 'string' || typeof r.text !== 'string') {
      problems.push({ line: index + 1, message: 'needs "packId", "entryId" and "text" strings' });
      return;
    }
    records.push({
      packId: r.packId,
      packVersion: typeof r.packVersion === 'string' ? r.packVersion : '',
      entryId: r.entryId,
      text: r.text,
      at: typeof r.at === 'number' ? r.at : 0,
      ...(r.searched === true ? { searched: true } : {}),
    });
  });
  return { records, problems };
}
