/**
 * Limits on chat text read from a page. Buyer text is untrusted and unbounded (a 100 kB paste, a bot
 * flooding the pane): everything downstream — the engine, the session registry, the usage log — sees
 * at most these sizes, so its time and storage stay bounded whatever the page holds.
 */
import type { ChatPaneMessage, Conversation } from '../adapters/types';

/** Characters of one buyer message (or of the question made of several) the engine reads. */
export const MAX_BUYER_TEXT = 2000;
/** Messages a report carries: the engine reads the last three, complaint detection the last five. */
export const MAX_REPORT_MESSAGES = 50;
/** Characters of a buyer name, a product title, an order id or the conversation id. */
export const MAX_FIELD_TEXT = 200;
/** Order ids and product titles a report carries. */
export const MAX_REPORT_ITEMS = 20;

/**
 * The text cut to its last `max` characters: a buyer puts the question at the end of a long paste
 * ("…[pasted order history] 什么时候发货?"). The cut never splits a surrogate pair.
 */
export function capText(text: string, max = MAX_BUYER_TEXT): string {
  if (text.length <= max) return text;
  let start = text.length - max;
  const code = text.charCodeAt(start);
  if (code >= 0xdc00 && code <= 0xdfff) start += 1;
  return text.slice(start);
}

/** The start of a short field (names, titles), cut at a code point. */
export function capField(text: string, max = MAX_FIELD_TEXT): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** A message with its text capped. */
export function capMessage(message: ChatPaneMessage): ChatPaneMessage {
  if (message.text.length <= MAX_BUYER_TEXT && message.id.length <= MAX_FIELD_TEXT) return message;
  return { ...message, id: capField(message.id), text: capText(message.text) };
}

/** A conversation as reported: its last messages, each capped, and short fields. */
export function capConversation(conversation: Conversation, maxMessages = MAX_REPORT_MESSAGES): Conversation {
  return {
    ...conversation,
    conversationId: capField(conversation.conversationId),
    ...(conversation.buyerName === undefined ? {} : { buyerName: capField(conversation.buyerName) }),
    messages: conversation.messages.slice(-maxMessages).map(capMessage),
    orderIds: conversation.orderIds.slice(0, MAX_REPORT_ITEMS).map((id) => capField(id)),
    productTitles: conversation.productTitles.slice(0, MAX_REPORT_ITEMS).map((title) => capField(title)),
  };
}
