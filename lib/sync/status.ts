/** What the options page says about a subscribed pack's sync. */

/** Local time as `2026-11-30 10:00`. */
function formatSyncTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** What the pack table says about a subscribed pack. */
interface SyncStatusView {
  checkedAt: number | null;
  changedAt: number | null;
  lastError: string | null;
}

/**
 * One line for the pack table: "checked … · changed …", or the last error and what was kept
 * ("HTTP 404 Not Found — kept version 1.3.0 from 2026-11-30 10:00").
 */
export function describeSync(version: string, sync: SyncStatusView): string {
  const checked = sync.checkedAt === null ? 'not checked yet' : `checked ${formatSyncTime(sync.checkedAt)}`;
  const changed = sync.changedAt === null ? '' : ` · changed ${formatSyncTime(sync.changedAt)}`;
  if (!sync.lastError) return `${checked}${changed}`;
  const from = sync.changedAt === null ? '' : ` from ${formatSyncTime(sync.changedAt)}`;
  return `${sync.lastError} — kept version ${version}${from} (${checked})`;
}

/** A fetched file that was not imported, as one line for the sync status (the first problems, then a count). */
export function describeRefusedPack(errors: Array<{ path: string; message: string }>): string {
  const shown = errors.slice(0, 3).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  const more = errors.length > shown.length ? ` (+${errors.length - shown.length} more)` : '';
  return `the file was refused: ${shown.join('; ')}${more}`;
}
