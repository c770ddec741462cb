/**
 * The usage log's one export format: a documented event per line (docs/USAGE-LOG.md), written as NDJSON
 * for `kpack report` and warehouses, or as CSV with the same fields as columns for a spreadsheet. Both
 * options-page exports ("Export the log", per agent "Export log") write it. Each event passes through
 * `storableEvent` on the way out, so buyer words leave the machine redacted and capped even when a log
 * was written before redaction existed. `USAGE_NDJSON_VERSION` changes when a field changes meaning.
 */
import { toCsv } from './csv';
import { storableEvent } from './log';
import type { UsageLogEvent } from './report';

export const USAGE_NDJSON_VERSION = 1;

/** One line of the export (snake_case, as warehouses like it). Absent fields are left out. */
export interface UsageNdjsonEvent {
  v: number;
  /** ISO 8601 UTC time of the event. */
  ts: string;
  /** Who exported it: the name the agent typed (default `agent`). */
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

/** The fields in documented order: the CSV's columns. */
export const USAGE_EVENT_FIELDS = [
  'v',
  'ts',
  'agent',
  'type',
  'platform',
  'pack_id',
  'entry_id',
  'chat',
  'wait_ms',
  'question',
  'level',
  'reasons',
] as const satisfies ReadonlyArray<keyof UsageNdjsonEvent>;

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
  const e = storableEvent(event);
  return {
    v: USAGE_NDJSON_VERSION,
    ts: new Date(e.at).toISOString(),
    agent,
    type: e.type,
    ...(e.platform ? { platform: e.platform } : {}),
    ...(e.packId ? { pack_id: e.packId } : {}),
    ...(e.entryId ? { entry_id: e.entryId } : {}),
    ...(e.chat ? { chat: e.chat } : {}),
    ...(typeof e.waitMs === 'number' ? { wait_ms: Math.round(e.waitMs) } : {}),
    ...(e.question ? { question: e.question } : {}),
    ...(e.level ? { level: e.level } : {}),
    ...(e.reasons?.length ? { reasons: e.reasons } : {}),
  };
}

/** The export's events: known types only, oldest first. */
function exportEvents(events: Iterable<UsageLogEvent>, agent: string): UsageNdjsonEvent[] {
  return [...events]
    .filter((event) => TYPES.has(event.type))
    .sort((a, b) => a.at - b.at)
    .map((event) => toNdjsonEvent(event, agent));
}

/** The whole log as NDJSON text, oldest first, one event per line, ending in a newline. */
export function usageNdjson(events: Iterable<UsageLogEvent>, agent: string): string {
  return exportEvents(events, agent)
    .map((event) => `${JSON.stringify(event)}\n`)
    .join('');
}

/** The same events as CSV: a header of the fields, `reasons` joined with "; ", formulas defused. */
export function usageCsv(events: Iterable<UsageLogEvent>, agent: string): string {
  return toCsv(
    [...USAGE_EVENT_FIELDS],
    exportEvents(events, agent).map((event) =>
      USAGE_EVENT_FIELDS.map((field) => (field === 'reasons' ? event.reasons?.join('; ') : event[field])),
    ),
  );
}

/**
 * Reads one export line back; null for a blank or foreign line (a report skips it and counts it). Also
 * reads the options page's earlier export (`at`, `packId`, `entryId`, `waitMs`, no version and no agent),
 * naming its agent `legacyAgent` (`kpack report` passes the file's name).
 */
export function parseNdjsonLine(line: string, legacyAgent = 'agent'): UsageNdjsonEvent | null {
  if (!line.trim()) return null;
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !TYPES.has(value.type as UsageLogEvent['type'])) return null;
  if (value.v === undefined && typeof value.at === 'string') return fromLegacy(value, legacyAgent);
  if (value.v !== USAGE_NDJSON_VERSION || typeof value.ts !== 'string' || typeof value.agent !== 'string') return null;
  return value as unknown as UsageNdjsonEvent;
}

function fromLegacy(value: Record<string, unknown>, agent: string): UsageNdjsonEvent {
  const text = (key: string) => (typeof value[key] === 'string' && value[key] ? (value[key] as string) : undefined);
  const event: UsageNdjsonEvent = {
    v: USAGE_NDJSON_VERSION,
    ts: value.at as string,
    agent,
    type: value.type as UsageLogEvent['type'],
  };
  const fields: Array<[keyof UsageNdjsonEvent, unknown]> = [
    ['platform', text('platform')],
    ['pack_id', text('packId')],
    ['entry_id', text('entryId')],
    ['chat', text('chat')],
    ['wait_ms', typeof value.waitMs === 'number' ? Math.round(value.waitMs) : undefined],
    ['question', text('question')],
    ['level', value.level === 'high' || value.level === 'watch' ? value.level : undefined],
    ['reasons', Array.isArray(value.reasons) ? value.reasons.map(String) : undefined],
  ];
  for (const [key, field] of fields) if (field !== undefined) Object.assign(event, { [key]: field });
  return event;
}
