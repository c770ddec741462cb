/**
 * The chat as the suggestion engine and the complaint check read it, and which of its messages are the
 * buyer's question. Its own module so that readers of the question need not load the ranker.
 */
import { capText } from '../chats/limits';
import type { Platform } from '../packs/schema';
import type { PageValues } from '../templates/render';
import { buyerLocale } from './text/language';

/** One message of the conversation. */
export interface ChatMessage {
  role: 'buyer' | 'agent' | 'system';
  text: string;
}

/** What the engine knows of a chat when it suggests replies. */
export interface ChatContext {
  /** The conversation, oldest first. The buyer's messages since the agent last wrote are the question. */
  messages?: ChatMessage[];
  /** Or just the buyer's text. */
  text?: string;
  platform?: Platform;
  /** Buyer locale; detected from the text when absent. */
  locale?: string;
  /** Scenarios the agent switched on (dated ones switch on by themselves). */
  scenarios?: string[];
  /** Scenarios switched off for this chat (a dated or signal-driven one the agent turned off). */
  scenariosOff?: string[];
  /**
   * The product the buyer asks about (its title or item code; see lib/chats/product.ts): entries naming
   * it come first, entries for other items after the generic ones.
   */
  product?: string;
  /** Values for page variables (buyer name, order number, …). */
  page?: PageValues;
  now?: Date;
}

/**
 * Buyer text to answer: the buyer's messages since the agent last wrote (at most the last three), cut to
 * its last `MAX_BUYER_TEXT` characters so a hostile paste costs what a long question costs.
 */
export function questionOf(context: ChatContext): string {
  if (context.messages && context.messages.length > 0)
    return capText(pendingBuyerTexts(context.messages, 3).join('\n')).trim();
  return withoutChatMarkers(capText(context.text ?? ''));
}

/**
 * What stands for a picture, sticker, voice note, video or file in a chat (`[图片]`, `[image]`, and the labels the
 * sites' own text shows), and whole lines the adapters write for a product or order card (`[商品] …`, `[订单] …`).
 * They are not the buyer's words: read as words, "[图片]" alone met the entries about product photos (色差), and an
 * order card's status ("已发货") outweighed the question typed under it.
 */
const MEDIA_MARKER = /\[(?:图片|表情|动画表情|语音|视频|文件|image|photo|sticker|voice|video|file)\]/giu;
const CARD_LINE = /^\s*\[(?:商品|订单)\].*$/gmu;

/** A buyer's message without the chat's markers for pictures, stickers and cards (see `MEDIA_MARKER`). */
export function withoutChatMarkers(text: string): string {
  return text
    .replace(CARD_LINE, '')
    .replace(MEDIA_MARKER, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/**
 * The locale a chat's replies are chosen for: the context's own, else the buyer's language as the
 * question and the earlier buyer lines show it (`buyerLocale`). The panel's ranking and the composer's
 * shortcuts use this one, so both pick the same reply variant.
 */
export function chatLocale(context: ChatContext, question: string = questionOf(context)): string | undefined {
  return context.locale ?? buyerLocale(question, context.messages);
}

/**
 * The buyer's latest messages (trimmed, without the chat's markers for pictures and cards, non-empty), oldest
 * first: those since the agent last wrote, or, when the agent wrote last, the ones before that reply — at most `max`.
 */
export function pendingBuyerTexts(messages: ChatMessage[], max: number): string[] {
  const pending: string[] = [];
  for (let i = messages.length - 1; i >= 0 && pending.length < max; i -= 1) {
    const message = messages[i]!;
    if (message.role === 'agent') {
      if (pending.length > 0) break;
      continue;
    }
    if (message.role !== 'buyer') continue;
    const text = withoutChatMarkers(capText(message.text));
    if (text) pending.unshift(text);
  }
  return pending;
}
