/**
 * Shopify Inbox (inbox.shopify.com, and its iframe inside admin.shopify.com/store/<slug>/apps/inbox).
 * Its class names are hashed and change between releases, so — as public scrapers do — it is read by
 * ARIA roles and structure only; inside admin the transcript items were seen as `role="listitem"` as
 * well as `article`.
 */
export const shopifySelectors: Record<string, string> = {
  /** The conversation transcript. */
  messageList: '[role="log"]',
  /** One message: a list item (or article) inside the log. */
  message: '[role="listitem"], article, [role="status"]',
  /** System events in the transcript ("Conversation assigned", "Order created"). */
  system: '[role="status"], [data-event]',
  /** Whose message it is, read from the item's accessible label ("Message from Jane" / "Message from you"). */
  authorLabel: '[aria-label]',
  /** Message body: the item's paragraph(s). */
  text: 'p',
  time: 'time',
  image: 'img',
  productCard: '[aria-label^="Product"]',
  /** Customer name: the conversation header's heading. */
  buyerName: 'main header h2, [role="main"] header h2, header h2',
  /** The reply box: a textarea or a contenteditable textbox labelled for messages. */
  composer:
    'textarea[aria-label*="essage" i], textarea[placeholder*="essage" i], [role="textbox"][contenteditable="true"], textarea',
  signature: '[role="log"]',
  /** The customer's tags in the details sidebar (a "VIP" tag makes a VIP), as labelled lists of tags. */
  buyerBadge: '[aria-label="Customer tags"] [role="listitem"], [aria-label^="Tag:"]',
  /** The order status badges in the sidebar's order summary ("Paid", "Fulfilled"). */
  orderStatus: '[aria-label^="Order status"], [aria-label^="Payment status"], [aria-label^="Fulfillment status"]',
  orderCard: '[aria-label^="Order #"]',
};
