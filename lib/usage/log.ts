/**
 * The usage log as stored and as exported. Buyer words reach it only redacted (phones, e-mails,
 * addresses, order and tracking numbers, names → `[phone]`, `[email]`, …) and capped; events older than
 * the retention are deleted by a daily alarm, not only when a new event is written. docs/PRIVACY.md
 * lists every field; the export writes exactly those fields.
 */
import { capText } from '../chats/limits';
import { redact } from './redact';
import { DAY, USAGE_RETENTION_DAYS, type UsageLogEvent } from './report';

/** The alarm that prunes the log once a day (it also runs at every worker start). */
export const USAGE_PRUNE_ALARM = 'huashu-prune-usage';
export const USAGE_PRUNE_MINUTES = 24 * 60;

/** Characters of buyer text an event keeps (the team lead reads the question, not the whole chat). */
export const LOGGED_QUESTION_CHARS = 500;

/** The event as it may be stored: buyer words redacted and capped, only known fields, no empty ones. */
export function storableEvent(event: UsageLogEvent, names: readonly string[] = []): UsageLogEvent {
  const question = event.question === undefined ? undefined : redactQuestion(event.question, names);
  const stored: UsageLogEvent = { at: event.at, type: event.type };
  if (event.platform) stored.platform = String(event.platform).slice(0, 40);
  if (event.packId) stored.packId = String(event.packId).slice(0, 200);
  if (event.entryId) stored.entryId = String(event.entryId).slice(0, 200);
  if (question) stored.question = question;
  if (event.level) stored.level = event.level;
  if (event.reasons) stored.reasons = event.reasons.slice(0, 10).map((r) => String(r).slice(0, 40));
  // The funnel's traces (lib/usage/funnel.ts): a hashed chat key, a hash and a small sketch of the inserted
  // text, a wait in ms — no buyer words.
  if (event.chat) stored.chat = String(event.chat).slice(0, 40);
  if (event.textHash) stored.textHash = String(event.textHash).slice(0, 40);
  if (event.sketch) stored.sketch = event.sketch.slice(0, 64).map(Number);
  if (typeof event.waitMs === 'number') stored.waitMs = event.waitMs;
  return stored;
}

/** Buyer words as the log keeps them: the end of the message (the question), redacted. */
export function redactQuestion(text: string, names: readonly string[] = []): string {
  // Cap before redacting (bounded work), then again: placeholders are shorter than what they replace.
  return capText(redact(capText(text.trim(), 4 * LOGGED_QUESTION_CHARS), { names }), LOGGED_QUESTION_CHARS).trim();
}

/** The oldest time an event may have and stay. */
export function retentionCutoff(now: number, days = USAGE_RETENTION_DAYS): number {
  return now - days * DAY;
}

/** The fields of an exported event, in CSV column order (documented in docs/PRIVACY.md). */
export const EXPORT_FIELDS = ['at', 'type', 'platform', 'packId', 'entryId', 'question', 'level', 'reasons'] as const;

/** One JSON object per line, oldest first; `at` as an ISO time. */
export function usageToNdjson(events: UsageLogEvent[]): string {
  return events
    .map((event) => JSON.stringify(exportRow(event)))
    .map((line) => `${line}\n`)
    .join('');
}

/** RFC 4180 CSV with a header row; `reasons` joined with "; ". */
export function usageToCsv(events: UsageLogEvent[]): string {
  const cell = (value: unknown) => {
    const text = value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
    // A leading = + - @ would be a formula to a spreadsheet: buyer text must stay text.
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rows = events.map((event) => {
    const row = exportRow(event) as Record<string, unknown>;
    return EXPORT_FIELDS.map((field) => cell(row[field])).join(',');
  });
  return [EXPORT_FIELDS.join(','), ...rows].join('\r\n') + '\r\n';
}

function exportRow(event: UsageLogEvent): Record<string, unknown> {
  const { at, ...rest } = storableEvent(event);
  return { at: new Date(at).toISOString(), ...rest };
}
