/**
 * Which product the buyer is asking about. A product card is what a buyer sends to point at an item, so
 * the latest card in the conversation names it; without a card, the product bar (the item the buyer
 * opened the chat from, listed first in `productTitles`). Cards arriving after the first read are read
 * from the messages, so the answer follows the chat without a full re-read.
 */
import type { Conversation } from '../adapters/types';

export function currentProduct(conversation: Conversation | null | undefined): string | undefined {
  if (!conversation) return undefined;
  for (let i = conversation.messages.length - 1; i >= 0; i -= 1) {
    const message = conversation.messages[i]!;
    if (message.kind === 'product' && message.product) return message.product;
  }
  return conversation.productTitles[0] || undefined;
}
