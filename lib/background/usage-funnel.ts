/**
 * The background's side of the reply funnel and the time to first reply: each conversation report is
 * compared with the frame's previous one, and the new bubbles logged against what was inserted
 * (lib/usage/funnel.ts decides; this file reads and writes the usage log).
 */
import type { Conversation } from '../adapters/types';
import type { HuashuDb } from '../db/schema';
import { buyerWaits, chatKey, newMessages, sentAs, SEND_WINDOW_MS, textHash, textSketch } from '../usage/funnel';
import { DAY, type UsageLogEvent } from '../usage/report';

/** What `inserted` events carry for the funnel, from the reply text and the chat it went to. */
export function insertTrace(text: string, conversation: Conversation | null | undefined): Partial<UsageLogEvent> {
  if (!conversation) return {};
  return {
    chat: chatKey(conversation.platform, conversation.conversationId),
    textHash: textHash(text),
    sketch: textSketch(text),
  };
}

/**
 * Logs what a new report shows: a buyer now waiting, an inserted reply sent or edited, the first reply. Returns
 * whether it logged anything.
 */
export async function trackConversation(
  db: HuashuDb,
  previous: Conversation | null | undefined,
  next: Conversation | null,
  now: number,
): Promise<boolean> {
  if (!next) return false;
  const chat = chatKey(next.platform, next.conversationId);
  const fresh = newMessages(previous, next);
  // First sight of this chat in this frame: its history is not new, but a buyer may be waiting.
  const waitingNow = fresh === null ? buyerWaits(next.messages) : fresh.some((m) => m.role === 'buyer');
  const sent = (fresh ?? []).filter((m) => m.role === 'agent' && m.kind === 'text' && m.text.trim());
  if (!waitingNow && sent.length === 0) return false;
  const events = (
    await db.usage
      .where('at')
      .aboveOrEqual(now - DAY)
      .toArray()
  ).filter((e) => e.chat === chat);
  let logged = false;
  const add = async (event: Omit<UsageLogEvent, 'at' | 'chat'>) => {
    await db.usage.add({ at: now, chat, ...event });
    logged = true;
  };
  const opened = events.find((e) => e.type === 'chat_opened');
  if (waitingNow && !opened) await add({ type: 'chat_opened', platform: next.platform });
  if (sent.length === 0) return logged;
  if (opened && !events.some((e) => e.type === 'first_reply')) {
    await add({ type: 'first_reply', platform: next.platform, waitMs: now - opened.at });
  }
  // The newest insert in this chat not yet matched to a bubble, within the send window.
  let insert = [...events].reverse().find((e) => e.type === 'inserted' || e.type === 'sent' || e.type === 'edited');
  for (const message of sent) {
    if (!insert || insert.type !== 'inserted' || !insert.textHash || now - insert.at > SEND_WINDOW_MS) return logged;
    const outcome = sentAs({ textHash: insert.textHash, sketch: insert.sketch ?? [] }, message.text);
    if (!outcome) continue;
    await add({ type: outcome, platform: next.platform, packId: insert.packId, entryId: insert.entryId });
    insert = undefined;
  }
  return logged;
}
