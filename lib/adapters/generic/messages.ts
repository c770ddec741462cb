/**
 * Messages on a page Huashu has no adapter for (a help desk, a web mail, a site chat the agent turned
 * Huashu on for): a list found by roles or structure (lib/adapters/fallback.ts) whose items say who wrote
 * them in their classes, data attributes or accessible labels — `incoming`/`customer`/`left` versus
 * `outgoing`/`agent`/`right`, "Message from you". A list whose items say nothing of the kind is not
 * recognisable: then only the agent's selection is a question.
 */
import { textOf } from '../dom';
import { findMessageList } from '../fallback';
import { shortHash } from '../orders';
import type { ChatPaneMessage, MessageRole } from '../types';

const BUYER = new Set([
  'in',
  'incoming',
  'inbound',
  'received',
  'left',
  'customer',
  'visitor',
  'buyer',
  'contact',
  'requester',
  'enduser',
  'them',
  'other',
  'guest',
]);
const AGENT = new Set([
  'out',
  'outgoing',
  'outbound',
  'sent',
  'right',
  'self',
  'me',
  'mine',
  'own',
  'agent',
  'operator',
  'staff',
  'admin',
  'support',
  'seller',
  'reply',
]);

/** Words of an element's class, data-* values and role-ish attributes (`message--incoming` → message, incoming). */
function wordsOf(element: Element): string[] {
  const parts = [element.getAttribute('class') ?? ''];
  for (const attribute of Array.from(element.attributes)) {
    if (attribute.name.startsWith('data-')) parts.push(attribute.value);
  }
  return parts
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/end-user|end_user/g, 'enduser')
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/** Who wrote an item, from the item and its first two levels of children; null when it does not say. */
export function authorOf(item: Element): MessageRole | null {
  const label = item.getAttribute('aria-label') ?? '';
  if (/\b(?:from|by) (?:you|me|agent|staff|support)\b/i.test(label)) return 'agent';
  if (/\bmessage from\b/i.test(label)) return 'buyer';
  const elements = [
    item,
    ...Array.from(item.children),
    ...Array.from(item.children).flatMap((c) => Array.from(c.children)),
  ];
  for (const element of elements) {
    const words = wordsOf(element);
    if (words.some((w) => AGENT.has(w))) return 'agent';
    if (words.some((w) => BUYER.has(w))) return 'buyer';
  }
  return null;
}

/** The items of a list that say who wrote them, as messages (oldest first). */
export function messagesOf(list: Element): ChatPaneMessage[] {
  const messages: ChatPaneMessage[] = [];
  for (const item of Array.from(list.children)) {
    const role = authorOf(item);
    const text = textOf(item);
    if (!role || !text) continue;
    messages.push({ id: item.id || `h${shortHash(`${role}|${text}`)}`, role, text, kind: 'text' });
  }
  return messages;
}

/** A list is recognisable when some of its items are the customer's. */
const recognisable = (list: Element) => messagesOf(list).some((m) => m.role === 'buyer');

/** The page's message list, when it has a recognisable one. */
export function genericMessageList(root: Document): Element | null {
  return findMessageList(root, recognisable);
}
