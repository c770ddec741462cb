/** What the options page says about a subscribed pack's sync. */
import { translator, type Translate } from '../i18n/translate';

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
export function describeSync(version: string, sync: SyncStatusView, t: Translate = translator('en')): string {
  const checked =
    sync.checkedAt === null ? t('sync.notChecked') : t('sync.checked', { time: formatSyncTime(sync.checkedAt) });
  const changed = sync.changedAt === null ? '' : t('sync.changed', { time: formatSyncTime(sync.changedAt) });
  if (!sync.lastError) return `${checked}${changed}`;
  const from = sync.changedAt === null ? '' : t('sync.from', { time: formatSyncTime(sync.changedAt) });
  // The error is the fetch's or the pack check's own words (data, as recorded).
  return t('sync.kept', { error: sync.lastError, version, from, checked });
}

/** A fetched file that was not imported, as one line for the sync status (the first problems, then a count). */
export function describeRefusedPack(errors: Array<{ path: string; message: string }>): string {
  const shown = errors.slice(0, 3).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  const more = errors.length > shown.length ? ` (+${errors.length - shown.length} more)` : '';
  return `the file was refused: ${shown.join('; ')}${more}`;
}
