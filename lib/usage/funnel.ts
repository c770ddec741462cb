/**
 * The reply funnel, from what the chat page shows: an entry suggested → inserted → sent as it was, or
 * edited before sending (the agent's own bubble appearing with that text, or with a text close to it) —
 * and each chat's time to first reply. Pure: conversations and logged inserts in, events out.
 * No buyer text is kept: a chat is named by a hash of its platform and conversation id, an inserted reply
 * by a hash and a sketch of its text (enough to recognise it when sent, not to read it back).
 */
import type { ChatPaneMessage, Conversation } from '../adapters/types';
import { fnv1a } from '../hash';

/** An agent bubble this long after an insert is no longer taken as that insert being sent. */
export const SEND_WINDOW_MS = 10 * 60 * 1000;
/** Sketch similarity from which a sent text counts as the inserted one, edited. */
const EDITED_SIMILARITY = 0.3;
const SKETCH_SIZE = 24;

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
const hex = (n: number) => (n >>> 0).toString(36);

/** A chat's name in the log: a hash of platform and conversation id (the buyer's nick is not stored). */
export function chatKey(platform: string, conversationId: string): string {
  const text = `${platform}\u0000${conversationId}`;
  return `c${hex(fnv1a(text))}${hex(fnv1a([...text].reverse().join('')))}`;
}

/** The hash of a reply's text, spaces folded: the same text sent as inserted has the same hash. */
export function textHash(text: string): string {
  return hex(fnv1a(fold(text)));
}

/** The smallest hashes of the text's character pairs: a bottom-k sketch, to tell an edited reply from another. */
export function textSketch(text: string): number[] {
  const chars = [...fold(text).toLowerCase()];
  const hashes = new Set<number>();
  for (let i = 0; i + 1 < chars.length; i++) hashes.add(fnv1a(chars[i]! + chars[i + 1]!) >>> 0);
  if (chars.length === 1) hashes.add(fnv1a(chars[0]!) >>> 0);
  return [...hashes].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}

/** Jaccard similarity of two texts estimated from their sketches (0…1). */
export function sketchSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const union = [...new Set([...a, ...b])].sort((x, y) => x - y).slice(0, SKETCH_SIZE);
  const setA = new Set(a);
  const setB = new Set(b);
  const both = union.filter((h) => setA.has(h) && setB.has(h)).length;
  return both / union.length;
}

/** What an inserted reply left in the log to be recognised when it is sent. */
export interface InsertTrace {
  textHash: string;
  sketch: number[];
}

/** The agent's bubble against the reply inserted before it: sent as is, edited, or another message. */
export function sentAs(insert: InsertTrace, sentText: string): 'sent' | 'edited' | null {
  if (textHash(sentText) === insert.textHash) return 'sent';
  return sketchSimilarity(insert.sketch, textSketch(sentText)) >= EDITED_SIMILARITY ? 'edited' : null;
}

/** Messages in `next` that `previous` (the same frame's last report) did not have; null when it is another chat. */
export function newMessages(previous: Conversation | null | undefined, next: Conversation): ChatPaneMessage[] | null {
  if (!previous || previous.conversationId !== next.conversationId || previous.platform !== next.platform) return null;
  const seen = new Set(previous.messages.map((m) => m.id));
  return next.messages.filter((m) => !seen.has(m.id));
}

/** Whether the buyer waits: the last buyer or agent message is the buyer's. */
export function buyerWaits(messages: readonly ChatPaneMessage[]): boolean {
  for (let i = messages.length - 1; i >= 0; i--) {
    const role = messages[i]!.role;
    if (role === 'buyer') return true;
    if (role === 'agent') return false;
  }
  return false;
}
