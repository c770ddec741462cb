/**
 * The usage log as stored and as exported. Buyer words reach it only redacted (phones, e-mails,
 * addresses, order and tracking numbers, names → `[phone]`, `[email]`, …) and capped; events older than
 * the retention are deleted by a daily alarm, not only when a new event is written. docs/PRIVACY.md
 * lists every field; the export (`ndjson.ts`, docs/USAGE-LOG.md) writes those, except the insert's traces.
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
