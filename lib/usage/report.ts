/**
 * The team lead's usage report, from the local usage log: which replies agents used (inserted, or copied
 * when the page refused), which buyer questions got no suggestion — the pack's missing answers — and
 * which buyers the panel flagged as about to complain.
 * Pure: events and pack titles come in, the report goes out. Nothing leaves the machine.
 */

export interface UsageLogEvent {
  at: number;
  /**
   * `suggested` (shown in the panel's top three), `inserted` / `copied`, then `sent` (the agent's bubble
   * with the inserted text) or `edited` (a close text); `chat_opened` (a buyer waiting, first seen) and
   * `first_reply` (the agent's first bubble after it); `unanswered`, `complaint`. See docs/USAGE-LOG.md.
   */
  type:
    | 'suggested'
    | 'inserted'
    | 'copied'
    | 'sent'
    | 'edited'
    | 'chat_opened'
    | 'first_reply'
    | 'unanswered'
    | 'complaint';
  platform?: string;
  packId?: string;
  entryId?: string;
  /** The chat, as `chatKey(platform, conversationId)` (a hash: no buyer id is stored). */
  chat?: string;
  /** For `inserted`: the inserted text's hash and sketch, to recognise it when sent (lib/usage/funnel.ts). */
  textHash?: string;
  sketch?: number[];
  /** For `first_reply`: milliseconds from `chat_opened` to the agent's first bubble. */
  waitMs?: number;
  /** For `unanswered` and `complaint`: the buyer's words. */
  question?: string;
  /** For `complaint`: how sure, and what was found (see lib/suggest/complaint.ts). */
  level?: 'high' | 'watch';
  reasons?: string[];
}

/** A conversation the panel flagged as a complaint risk. */
interface ComplaintCase {
  question: string;
  level: 'high' | 'watch';
  reasons: string[];
  at: number;
  platform?: string;
}

interface ReplyUsage {
  packId: string;
  entryId: string;
  /** The entry's title, or its id when the pack is gone. */
  title: string;
  inserted: number;
  copied: number;
}

interface UnansweredQuestion {
  /** The question as first seen (white space folded). */
  question: string;
  count: number;
  lastAt: number;
  platforms: string[];
}

export interface UsageReport {
  since: number;
  days: number;
  /** Per entry: suggested → inserted → sent as is / edited before sending (lib/usage/funnel-report.ts). */
  funnel?: FunnelRow[];
  firstReply?: FirstReplyStats;
  replies: ReplyUsage[];
  unanswered: UnansweredQuestion[];
  /** Newest first. */
  complaints: ComplaintCase[];
  totals: { inserted: number; copied: number; unanswered: number; complaints: number };
}

import { funnelOf, type FirstReplyStats, type FunnelRow } from './funnel-report';

/** How long the log keeps events. */
export const USAGE_RETENTION_DAYS = 90;
/** One day in milliseconds. */
export const DAY = 24 * 60 * 60 * 1000;

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Questions that differ only in case, spaces or punctuation count as one. */
const questionKey = (text: string) =>
  fold(text)
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');

export function buildUsageReport(
  events: UsageLogEvent[],
  titles: (packId: string, entryId: string) => string | undefined,
  now: number,
  days = 7,
  limit = 20,
): UsageReport {
  const since = now - days * DAY;
  const replies = new Map<string, ReplyUsage>();
  const unanswered = new Map<string, UnansweredQuestion>();
  const totals = { inserted: 0, copied: 0, unanswered: 0, complaints: 0 };
  const complaints: ComplaintCase[] = [];
  for (const event of events) {
    if (event.at < since || event.at > now) continue;
    if ((event.type === 'inserted' || event.type === 'copied') && event.packId && event.entryId) {
      const key = `${event.packId}\u0000${event.entryId}`;
      const row = replies.get(key) ?? {
        packId: event.packId,
        entryId: event.entryId,
        title: titles(event.packId, event.entryId) ?? event.entryId,
        inserted: 0,
        copied: 0,
      };
      row[event.type] += 1;
      totals[event.type] += 1;
      replies.set(key, row);
    } else if (event.type === 'unanswered' && event.question && fold(event.question)) {
      totals.unanswered += 1;
      const key = questionKey(event.question) || fold(event.question);
      const row = unanswered.get(key) ?? { question: fold(event.question), count: 0, lastAt: 0, platforms: [] };
      row.count += 1;
      row.lastAt = Math.max(row.lastAt, event.at);
      if (event.platform && !row.platforms.includes(event.platform)) row.platforms.push(event.platform);
      unanswered.set(key, row);
    } else if (event.type === 'complaint' && event.question && event.level) {
      totals.complaints += 1;
      complaints.push({
        question: fold(event.question),
        level: event.level,
        reasons: event.reasons ?? [],
        at: event.at,
        ...(event.platform ? { platform: event.platform } : {}),
      });
    }
  }
  return {
    since,
    days,
    ...funnelOf(
      events.filter((e) => e.at >= since && e.at <= now),
      titles,
      limit,
    ),
    replies: [...replies.values()]
      .sort((a, b) => b.inserted + b.copied - (a.inserted + a.copied) || a.title.localeCompare(b.title))
      .slice(0, limit),
    unanswered: [...unanswered.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt).slice(0, limit),
    complaints: complaints.sort((a, b) => b.at - a.at).slice(0, limit),
    totals,
  };
}
