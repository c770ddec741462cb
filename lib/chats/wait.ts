/**
 * The wait clock (千牛's slow-reply line): per chat, how long the oldest buyer message the agent has not
 * answered has waited. Its time is the page's when the page shows a readable one, else when Huashu first
 * saw the message (kept by the background's chat registry, see lib/background/chat-registry.ts).
 */
import type { ChatPaneMessage } from '../adapters/types';

/** The buyer's messages since the agent last wrote, oldest first (system lines do not answer). */
export function unansweredBuyerMessages(messages: ChatPaneMessage[]): ChatPaneMessage[] {
  const pending: ChatPaneMessage[] = [];
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i]!;
    if (message.role === 'agent') break;
    if (message.role === 'buyer') pending.unshift(message);
  }
  return pending;
}

const DAY = 86_400_000;

/**
 * A message time as the page shows it, in ms since epoch, or null when it cannot be read: ISO
 * (`2026-11-24T11:59:00Z`), `2026-11-24 14:40(:05)`, a Unix stamp in seconds or ms (attributes), `昨天 14:40` / `yesterday 14:40`, or a bare `14:40(:05)`,
 * read as today's. A bare time more than a minute after `seenAt` is not read at all (null: the caller falls
 * back to first-seen): chat panes write yesterday's messages with a date or 昨天, so a future bare time
 * means the page's clock or time zone is not ours, and guessing "yesterday" would show a day-long wait.
 * Never later than `seenAt` (a page clock slightly ahead of ours).
 */
export function parseMessageTime(time: string | undefined, seenAt: number): number | null {
  if (!time) return null;
  const text = time.trim();
  let at: number | null = null;
  const full = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  const yesterday = /^(?:昨天|yesterday)\s*/i.exec(text);
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(yesterday ? text.slice(yesterday[0].length) : text);
  if (full) {
    const [, y, mo, d, h, mi, s] = full.map(Number) as number[];
    at = new Date(y!, mo! - 1, d!, h!, mi!, s || 0).getTime();
  } else if (clock) {
    const [, h, mi, s] = clock.map(Number) as number[];
    if (h! > 23 || mi! > 59) return null;
    const day = new Date(seenAt);
    at = new Date(day.getFullYear(), day.getMonth(), day.getDate(), h!, mi!, s || 0).getTime();
    if (yesterday) at -= DAY;
    else if (at > seenAt + 60_000) return null;
  } else if (/^\d{10}(?:\d{3})?$/.test(text)) {
    at = text.length === 10 ? Number(text) * 1000 : Number(text);
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const parsed = Date.parse(text);
    at = Number.isNaN(parsed) ? null : parsed;
  }
  if (at === null || Number.isNaN(at)) return null;
  return Math.min(at, seenAt);
}

/** First-seen times of the unanswered buyer messages of one chat, by message id. */
export type FirstSeen = Record<string, number>;

/** Keeps at most this many first-seen times per chat (a buyer rarely writes more before an answer). */
const MAX_SEEN_PER_CHAT = 30;

/**
 * When the chat's oldest unanswered buyer message was written (or first seen), and the first-seen
 * times to keep: only those of messages still unanswered, so an answer clears them.
 */
export function waitingSince(
  messages: ChatPaneMessage[],
  seen: FirstSeen,
  now: number,
): { since: number | null; seen: FirstSeen } {
  const pending = unansweredBuyerMessages(messages).slice(-MAX_SEEN_PER_CHAT);
  const kept: FirstSeen = {};
  for (const message of pending) kept[message.id] = seen[message.id] ?? now;
  const oldest = pending[0];
  if (!oldest) return { since: null, seen: kept };
  const firstSeen = kept[oldest.id]!;
  return { since: parseMessageTime(oldest.time, firstSeen) ?? firstSeen, seen: kept };
}

/** The thresholds of the slow-reply line, in seconds (settings). */
export interface WaitThresholds {
  amberSeconds: number;
  redSeconds: number;
}

export type WaitLevel = 'ok' | 'amber' | 'red';

export function waitLevel(seconds: number, thresholds: WaitThresholds): WaitLevel {
  if (seconds >= thresholds.redSeconds) return 'red';
  if (seconds >= thresholds.amberSeconds) return 'amber';
  return 'ok';
}

/** Whole seconds waited since `since` (0 when nothing waits). */
export function waitSeconds(since: number | null | undefined, now: number): number {
  return since == null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

/**
 * `1:05`, `12:40`, `1:02:03`; from a day on, days and hours:minutes (`3d 2:05`, with `days` saying "3d" in the panel's
 * language) — a buyer who wrote overnight or before a weekend is not "74:05:09" behind, and seconds no longer matter.
 */
export function formatWait(seconds: number, days: (count: number) => string = (count) => `${count}d`): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  if (h >= 24) return `${days(Math.floor(h / 24))} ${h % 24}:${String(m).padStart(2, '0')}`;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
