/**
 * The funnel part of the usage report: per entry, how often it was suggested, inserted, sent as it was
 * and edited before sending; and the time to first reply over the chats that got one. Pure.
 */
import type { UsageLogEvent } from './report';

export interface FunnelRow {
  packId: string;
  entryId: string;
  /** The entry's title, or its id when the pack is gone. */
  title: string;
  suggested: number;
  inserted: number;
  edited: number;
  sent: number;
}

export interface FirstReplyStats {
  /** Chats with a first reply in the window. */
  chats: number;
  medianMs: number | null;
  p90Ms: number | null;
  /** How many chats waited up to each bound (seconds; the last bucket is open-ended). */
  buckets: Array<{ label: string; count: number }>;
}

const BUCKETS: Array<[string, number]> = [
  ['≤30 s', 30_000],
  ['≤60 s', 60_000],
  ['≤100 s', 100_000],
  ['≤3 min', 180_000],
  ['≤10 min', 600_000],
  ['>10 min', Infinity],
];

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Funnel rows (most suggested or inserted first) and first-reply times, from events already in the window. */
export function funnelOf(
  events: Iterable<UsageLogEvent>,
  titles: (packId: string, entryId: string) => string | undefined,
  limit = 20,
): { funnel: FunnelRow[]; firstReply: FirstReplyStats } {
  const rows = new Map<string, FunnelRow>();
  const waits: number[] = [];
  for (const event of events) {
    if (event.type === 'first_reply' && typeof event.waitMs === 'number') waits.push(event.waitMs);
    if (!event.packId || !event.entryId) continue;
    const step =
      event.type === 'suggested' || event.type === 'sent' || event.type === 'edited'
        ? event.type
        : event.type === 'inserted' || event.type === 'copied'
          ? 'inserted'
          : null;
    if (!step) continue;
    const key = `${event.packId}\u0000${event.entryId}`;
    const row = rows.get(key) ?? {
      packId: event.packId,
      entryId: event.entryId,
      title: titles(event.packId, event.entryId) ?? event.entryId,
      suggested: 0,
      inserted: 0,
      edited: 0,
      sent: 0,
    };
    row[step] += 1;
    rows.set(key, row);
  }
  waits.sort((a, b) => a - b);
  return {
    funnel: [...rows.values()]
      .sort((a, b) => b.inserted - a.inserted || b.suggested - a.suggested || a.title.localeCompare(b.title))
      .slice(0, limit),
    firstReply: {
      chats: waits.length,
      medianMs: quantile(waits, 0.5),
      p90Ms: quantile(waits, 0.9),
      buckets: BUCKETS.map(([label, max], i) => ({
        label,
        count: waits.filter((w) => w <= max && (i === 0 || w > BUCKETS[i - 1]![1])).length,
      })),
    },
  };
}
