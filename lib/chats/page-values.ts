/** The page variables a chat fills in replies (`{{customer.name}}`, `{{order.id}}`, …), from its conversation. */
import type { Conversation } from '../adapters/types';
import type { PageValues } from '../templates/render';

export function pageValuesOf(conversation: Conversation | null | undefined): PageValues {
  if (!conversation) return {};
  return {
    'customer.name': conversation.buyerName,
    'customer.id': conversation.conversationId,
    'order.id': conversation.orderIds[0],
    'product.title': conversation.productTitles[0],
    platform: conversation.platform,
  };
}
