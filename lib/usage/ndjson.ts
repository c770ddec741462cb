/**
 * The usage log as NDJSON, one event per line, for team-wide reports (`kpack report`) and warehouses.
 * The schema is documented in docs/USAGE-LOG.md; `USAGE_NDJSON_VERSION` changes when a field changes
 * meaning. Buyer words (`question`) are redacted again on the way out (lib/usage/redact.ts), so a log
 * written before redaction existed leaves the machine redacted too.
 */
import { redact } from './redact';
import type { UsageLogEvent } from './report';

export const USAGE_NDJSON_VERSION = 1;

/** One line of the export (snake_case, as warehouses like it). Absent fields are left out. */
export interface UsageNdjsonEvent {
  v: number;
  /** ISO 8601 UTC time of the event. */
  ts: string;
  /** Who exported it: the name the agent typed, or the install's random id. */
  agent: string;
  type: UsageLogEvent['type'];
  platform?: string;
  pack_id?: string;
  entry_id?: string;
  /** A hash naming the chat (no buyer id). */
  chat?: string;
  wait_ms?: number;
  /** `unanswered` / `complaint`: the buyer's words, redacted. */
  question?: string;
  level?: 'high' | 'watch';
  reasons?: string[];
}

const TYPES = new Set<UsageLogEvent['type']>([
  'suggested',
  'inserted',
  'copied',
  'sent',
  'edited',
  'chat_opened',
  'first_reply',
  'unanswered',
  'complaint',
]);

/** One stored event as an export line's object (the insert's text hash and sketch stay on the machine). */
export function toNdjsonEvent(event: UsageLogEvent, agent: string): UsageNdjsonEvent {
  return {
    v: USAGE_NDJSON_VERSION,
    ts: new Date(event.at).toISOString(),
    agent,
    type: event.type,
    ...(event.platform ? { platform: event.platform } : {}),
    ...(event.packId ? { pack_id: event.packId } : {}),
    ...(event.entryId ? { entry_id: event.entryId } : {}),
    ...(event.chat ? { chat: event.chat } : {}),
    ...(typeof event.waitMs === 'number' ? { wait_ms: Math.round(event.waitMs) } : {}),
    ...(event.question ? { question: redact(event.question).slice(0, 500) } : {}),
    ...(event.level ? { level: event.level } : {}),
    ...(event.reasons?.length ? { reasons: event.reasons } : {}),
  };
}

/** The whole log as NDJSON text, oldest first, one event per line, ending in a newline. */
export function usageNdjson(events: Iterable<UsageLogEvent>, agent: string): string {
  const lines: string[] = [];
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    if (TYPES.has(event.type)) lines.push(JSON.stringify(toNdjsonEvent(event, agent)));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Reads one export line back; null for a blank or foreign line (a report skips it and counts it). */
export function parseNdjsonLine(line: string): UsageNdjsonEvent | null {
  if (!line.trim()) return null;
  try {
    const value = JSON.parse(line) as Partial<UsageNdjsonEvent>;
    if (
      typeof value !== 'object' ||
      value === null ||
      value.v !== USAGE_NDJSON_VERSION ||
      typeof value.ts !== 'string' ||
      typeof value.agent !== 'string' ||
      !TYPES.has(value.type as UsageLogEvent['type'])
    )
      return null;
    return value as UsageNdjsonEvent;
  } catch {
    return null;
  }
}
