/** The page variables a chat fills in replies (`{{customer.name}}`, `{{order.id}}`, …), from its conversation. */
import type { Conversation } from '../adapters/types';
import type { PageValues } from '../templates/render';
import { currentProduct } from './product';

export function pageValuesOf(conversation: Conversation | null | undefined): PageValues {
  if (!conversation) return {};
  return {
    'customer.name': conversation.buyerName,
    'customer.id': conversation.conversationId,
    'order.id': conversation.orderIds[0],
    'product.title': currentProduct(conversation),
    platform: conversation.platform,
  };
}
