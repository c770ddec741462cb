/**
 * Reading a chat whose class names say nothing (a build that hashes every CSS-module class, as 千牛's web pages can be
 * built) by how it is laid out: every chat UI puts the other side's bubbles on the left and the shop's own on the
 * right, and centres system lines. The message list is the element whose stacked rows fall on both sides; in each row
 * the sender's name and the time are the short lines that repeat or look like a time, the rest is the message.
 *
 * Sides come from the page's layout (where the row's text sits in the list) and, where there is none (a hidden tab,
 * jsdom), from the computed style that puts it there (`row-reverse`, `flex-end`, `text-align: right`, `margin-left:
 * auto`, `float: right`). Pure DOM code: the document comes in; its window is the document's own view.
 *
 * Used as the last route of the site adapters (`withLayoutFallback`) and of the generic adapter, only when the
 * selectors and the class-word reader find no list.
 */
import { queryAll, textOf, withOverrides } from './dom';
import { CHROME, EDITABLE } from './fallback';
import { findOrderIds, shortHash } from './orders';
import { readSignals } from './signals';
import type { ChatAdapter, ChatPaneMessage, Conversation, MessageRole, SelectorMap } from './types';

export type Side = 'left' | 'right' | 'center';

/** What a list's rows teach about reading any one of them (learnt at a full read, used for rows added later). */
export interface LayoutModel {
  /**
   * Paths (from the row) of the text lines that label a message rather than say it — the sender's name, a read
   * receipt: the same few values again and again.
   */
  nameKeys: Set<string>;
  /** The buyer's name as the buyer's rows show it, when they show one. */
  buyerName: string | null;
  /** The side of each row learnt from (read once: it reads the layout). */
  sides: ReadonlyMap<Element, Side>;
}

/** What is not shown as text: scripts, styles, hidden parts. */
const UNSHOWN = 'script, style, template, [hidden], [aria-hidden="true"]';
/** What a message list never contains: a box to type in. */
const INPUTS = `${EDITABLE}, input`;
/** A time or date as chat panes print it: `10:31`, `10:31:05`, `2026-11-25 10:31:05`, `11月25日 10:31`, `昨天 10:31`. */
const TIME =
  /^(?:(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?\s*|昨天\s*|前天\s*|今天\s*|yesterday,?\s*|today,?\s*)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?$/i;
/** A read receipt under a bubble: a label of the message, never its text (a short chat has no repeats to show it). */
const RECEIPT = /^(?:已读|未读|已送达|送达|已发送|read|unread|seen|delivered|sent)$/i;
/** Rows read at most (the newest): the watcher keeps fewer messages than this anyway. */
const MAX_ROWS = 300;
/** Candidate lists tried per lookup, the most rows first. */
const MAX_CANDIDATES = 8;
/** How long a document's layout list is reused before it is looked for again, and how long a miss is. */
const LIST_TTL_MS = 1000;
const MISS_TTL_MS = 3000;
/** Reply boxes (`EDITABLE`) the list is looked for before, at most. */
const MAX_BOXES = 4;

const viewOf = (node: Node): (Window & typeof globalThis) | null =>
  (node.ownerDocument?.defaultView as (Window & typeof globalThis) | null) ?? null;

/** Elements of a row that hold text of their own (a text node child), with their path from the row. */
interface TextLine {
  element: Element;
  key: string;
  text: string;
}

function linesOf(row: Element): TextLine[] {
  const lines: TextLine[] = [];
  const visit = (element: Element, path: string) => {
    if (element.matches(UNSHOWN)) return;
    let own = '';
    for (const node of Array.from(element.childNodes)) if (node.nodeType === 3) own += node.textContent ?? '';
    if (own.trim()) lines.push({ element, key: path, text: textOf(element) });
    for (const child of Array.from(element.children))
      visit(child, `${path}>${child.tagName}${[...child.classList].sort().join('.')}`);
  };
  visit(row, '');
  return lines;
}

const hasContent = (row: Element) => Boolean(row.textContent?.trim()) || row.querySelector('img') !== null;

/** Where an element's text (its text nodes; an image-only row's image) runs across the page, or null without layout. */
function textSpan(element: Element): { left: number; right: number } | null {
  const doc = element.ownerDocument;
  let left = Infinity;
  let right = -Infinity;
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    const range = doc.createRange();
    range.selectNodeContents(node);
    const rect = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
    if (!rect || (rect.width === 0 && rect.height === 0)) continue;
    left = Math.min(left, rect.left);
    right = Math.max(right, rect.right);
  }
  if (left !== Infinity) return { left, right };
  const image = element.querySelector('img')?.getBoundingClientRect();
  return image && image.width > 0 ? { left: image.left, right: image.right } : null;
}

/**
 * The row's message line: its longest line that is not a time. A buyer's row may print its time at the far right, or
 * the shop's its avatar at the left: the side is where the message itself sits.
 */
function bodyOf(row: Element): Element {
  let body: TextLine | null = null;
  for (const line of linesOf(row))
    if (!TIME.test(line.text) && line.text.length >= (body?.text.length ?? 0)) body = line;
  return body?.element ?? row;
}

/** The side a row's message sits on in the list, from the layout; null when there is no layout. */
function sideByGeometry(body: Element, list: Element): Side | null {
  const box = list.getBoundingClientRect();
  if (!box || box.width < 40) return null;
  const text = textSpan(body);
  if (!text) return null;
  const leftGap = text.left - box.left;
  const rightGap = box.right - text.right;
  const margin = Math.max(16, box.width * 0.06);
  if (rightGap + margin < leftGap) return 'right';
  if (leftGap + margin < rightGap) return 'left';
  return 'center';
}

const END = /^(?:flex-end|end|right)$/;

/**
 * The side the computed style puts a row's message on (no layout needed: jsdom cascades style sheets too): what the
 * elements from the message line up to the row say — a reversed row, content pushed to the end, right-aligned text,
 * `margin-left: auto`, a right float. Nothing said: the left, where flow puts it.
 */
function sideByStyle(body: Element, row: Element): Side {
  const view = viewOf(row);
  if (!view) return 'left';
  let align: string | null = null;
  for (let element: Element | null = body; element; element = element === row ? null : element.parentElement) {
    const style = view.getComputedStyle(element);
    const column = /column/.test(style.flexDirection);
    const flex = /flex/.test(style.display);
    if (flex && style.flexDirection === 'row-reverse') return 'right';
    if (flex && !column && END.test(style.justifyContent)) return 'right';
    if (flex && column && END.test(style.alignItems)) return 'right';
    if (END.test(style.alignSelf) || style.float === 'right' || style.cssFloat === 'right') return 'right';
    if (style.marginLeft === 'auto' && style.marginRight !== 'auto') return 'right';
    if (flex && !column && style.justifyContent === 'center') return 'center';
    // Text alignment is inherited: the nearest element that sets one decides.
    if (!align && /^(?:right|end|center|left)$/.test(style.textAlign)) align = style.textAlign;
  }
  return align === 'right' || align === 'end' ? 'right' : align === 'center' ? 'center' : 'left';
}

function sideOf(row: Element, list: Element): Side {
  const body = bodyOf(row);
  return sideByGeometry(body, list) ?? sideByStyle(body, row);
}

const roleOfSide = (side: Side): MessageRole => (side === 'left' ? 'buyer' : side === 'right' ? 'agent' : 'system');

/** Whether rows sit one under another (a list), not side by side (a toolbar). */
function stacked(rows: Element[], list: Element): boolean {
  const boxes = rows.map((row) => row.getBoundingClientRect());
  if (boxes.every((b) => b.height === 0)) {
    const view = viewOf(list);
    const style = view?.getComputedStyle(list);
    return !(style && /flex/.test(style.display) && !/column/.test(style.flexDirection));
  }
  for (let i = 1; i < boxes.length; i++) if (boxes[i]!.top < boxes[i - 1]!.bottom - 2) return false;
  return true;
}

/** What the rows of a list teach: which lines name the sender, and the buyer's name. */
export function learnLayout(
  list: Element,
  from: Element[] = Array.from(list.children).slice(-MAX_ROWS),
  known: ReadonlySet<string> = new Set(),
): LayoutModel {
  const rows = from.filter(hasContent);
  const values = new Map<string, string[]>();
  const sides = new Map<Element, Side>();
  for (const row of rows) {
    const side = sideOf(row, list);
    sides.set(row, side);
    if (side === 'center') continue;
    const lines = linesOf(row).filter((line) => !TIME.test(line.text));
    // A row with one line has no name line.
    if (lines.length < 2) continue;
    // Counted per side: the buyer's rows repeat one nick, the shop's its agents' names.
    for (const line of lines) {
      const key = `${side}|${line.key}`;
      values.set(key, [...(values.get(key) ?? []), line.text]);
    }
  }
  // Label lines learnt on this page before (a new buyer's first row has no repeats to tell its name line by).
  const nameKeys = new Set<string>(known);
  for (const [key, texts] of values) {
    const counts = new Map<string, number>();
    for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
    const top = Math.max(...counts.values());
    // The same short line in row after row (a nick, a read receipt) — a message line varies.
    if (top >= 2 && counts.size <= Math.max(1, Math.floor(texts.length / 3)) && texts.every((t) => t.length <= 40))
      nameKeys.add(key.slice(key.indexOf('|') + 1));
  }
  const names = new Map<string, number>();
  for (const row of rows) {
    if (sides.get(row) !== 'left') continue;
    for (const line of linesOf(row)) if (nameKeys.has(line.key)) names.set(line.text, (names.get(line.text) ?? 0) + 1);
  }
  const buyerName = [...names].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { nameKeys, buyerName, sides };
}

/** One row as a message: its side for the sender, its lines less the name and time for the text. */
export function readLayoutRow(
  row: Element,
  list: Element,
  model: LayoutModel,
  imageText = '[图片]',
): ChatPaneMessage | null {
  if (!hasContent(row)) return null;
  const role = roleOfSide(model.sides.get(row) ?? sideOf(row, list));
  const lines = linesOf(row);
  const skip = new Set<Element>();
  let time: string | undefined;
  const labels: Element[] = [];
  for (const line of lines) {
    if (lines.length > 1 && TIME.test(line.text)) {
      time ??= line.text;
      skip.add(line.element);
    } else if (role !== 'system' && (model.nameKeys.has(line.key) || RECEIPT.test(line.text)))
      labels.push(line.element);
  }
  // Names and receipts are dropped only beside a line of the message's own: a row's only line is its message.
  if (lines.some((line) => !skip.has(line.element) && !labels.includes(line.element)))
    for (const label of labels) skip.add(label);
  let text = '';
  const walker = row.ownerDocument.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || skip.has(parent) || parent.closest(UNSHOWN)) continue;
    text += ` ${node.textContent ?? ''}`;
  }
  text = text.replace(/\s+/g, ' ').trim();
  // A row that only holds a time is a separator between days or sessions.
  if (TIME.test(text)) return null;
  let kind: ChatPaneMessage['kind'] = 'text';
  if (!text && row.querySelector('img')) {
    kind = 'image';
    text = imageText;
  }
  if (!text) return null;
  return { id: `h${shortHash(`${role}|${time ?? ''}|${text}`)}`, role, text, time, kind };
}

const models = new WeakMap<Element, LayoutModel>();
/** The label lines (names, receipts) learnt on each page so far. */
const labelKeys = new WeakMap<Document, ReadonlySet<string>>();
const lists = new WeakMap<Document, { at: number; list: Element | null }>();

/** A list is a chat when its stacked rows fall on both sides. */
function isChatList(list: Element): boolean {
  const rows = Array.from(list.children).filter(hasContent).slice(-MAX_ROWS);
  if (rows.length < 2 || !stacked(rows.slice(-20), list)) return false;
  const sides = new Set(rows.slice(-40).map((row) => sideOf(row, list)));
  return sides.has('left') && sides.has('right');
}

/** The most-rowed elements of a subtree (two or more rows of text) that are laid out as a chat, if one is. */
function chatListIn(subtree: Element): Element | null {
  const candidates: Array<{ element: Element; rows: number }> = [];
  for (const element of [subtree, ...Array.from(subtree.querySelectorAll('*'))]) {
    if (element.childElementCount < 2) continue;
    const rows = Array.from(element.children).filter((child) => child.textContent?.trim()).length;
    if (rows >= 2) candidates.push({ element, rows });
  }
  candidates.sort((a, b) => b.rows - a.rows);
  for (const { element } of candidates.slice(0, MAX_CANDIDATES)) {
    // A table's rows put cells side by side by column, not messages by sender (an order list before a remark box).
    if (element.closest(CHROME) || element.closest('table') || element.querySelector(INPUTS)) continue;
    if (isChatList(element)) return element;
  }
  return null;
}

/**
 * The page's message list by layout. A chat's list stands before its reply box, so the search starts at the page's
 * editables and widens one ancestor at a time over what precedes each box, nearest first; in each part, the element
 * with the most rows (two or more, outside page chrome, holding no editable) whose rows fall on both sides. A page
 * with no editable has no chat to read this way (and costs nothing); a pane in an open shadow root is searched where
 * the page itself has no editable. Once a list was found, one of its shape comes first (`shapeOf`). Reused for a
 * second, a miss for three (the lookup reads the layout of a part of the page).
 */
export function findLayoutList(root: Document): Element | null {
  const now = Date.now();
  const cached = lists.get(root);
  if (cached && now - cached.at < (cached.list ? LIST_TTL_MS : MISS_TTL_MS) && (cached.list?.isConnected ?? true))
    return cached.list;
  const known = listOfShape(root);
  if (known) {
    lists.set(root, { at: now, list: known });
    return known;
  }
  const boxes = queryAll(root, EDITABLE)
    // Page chrome counts here: a reply box often sits in a `<footer>`.
    .filter((box) => !box.parentElement?.closest(EDITABLE))
    .slice(0, MAX_BOXES);
  const seen = new Set<Element>();
  let found: Element | null = null;
  search: for (const box of boxes) {
    // What precedes the box, then what precedes each of its ancestors (up to the page's or the shadow root's top).
    for (let inner: Element | null = box; inner; inner = inner.parentElement) {
      for (let before = inner.previousElementSibling; before; before = before.previousElementSibling) {
        if (seen.has(before)) continue;
        seen.add(before);
        found = chatListIn(before);
        if (found) break search;
      }
    }
  }
  lists.set(root, { at: now, list: found });
  const shape = found && shapeOf(found);
  if (shape) shapes.set(root, shape);
  return found;
}

/**
 * The shape of a list found laid out as a chat (its tag and classes, and its parent's), remembered per page: the next
 * conversation's list has the same shape, and is read even when all its rows are the buyer's (a new buyer's first
 * message, where no row of the shop's shows which side is whose). Null for a list and parent without classes.
 */
const shapes = new WeakMap<Document, string>();
function shapeOf(list: Element): string | null {
  const parent = list.parentElement;
  if (!list.getAttribute('class') && !parent?.getAttribute('class')) return null;
  return `${list.tagName}.${list.getAttribute('class') ?? ''}<${parent?.tagName ?? ''}.${parent?.getAttribute('class') ?? ''}`;
}

function listOfShape(root: Document): Element | null {
  const shape = shapes.get(root);
  if (!shape) return null;
  for (const element of queryAll(root, shape.slice(0, shape.indexOf('.')))) {
    if (shapeOf(element) !== shape || element.querySelector(INPUTS)) continue;
    if (Array.from(element.children).some(hasContent)) return element;
  }
  return null;
}

/** The conversation a page's layout shows, or null when no list is laid out as a chat. */
export function readLayoutConversation(
  root: Document,
  platform: Conversation['platform'],
  imageText?: string,
): Conversation | null {
  const list = findLayoutList(root);
  if (!list) return null;
  const model = learnLayout(list, undefined, labelKeys.get(root));
  models.set(list, model);
  labelKeys.set(root, model.nameKeys);
  const messages = Array.from(list.children)
    .slice(-MAX_ROWS)
    .map((row) => readLayoutRow(row, list, model, imageText))
    .filter((m): m is ChatPaneMessage => m !== null);
  if (!messages.some((m) => m.role === 'buyer')) return null;
  // Order numbers in the messages, the newest first, as the site adapters give them (a reply's {orderId}).
  const orderIds = [...new Set([...messages].reverse().flatMap((m) => findOrderIds(m.text, platform)))];
  return {
    platform,
    conversationId: model.buyerName ?? 'layout',
    buyerName: model.buyerName ?? undefined,
    messages,
    orderIds,
    productTitles: [],
  };
}

/** The layout list a node belongs to (a row added to it, or the list itself), if one was read (its model is kept). */
function layoutListOf(node: Element): Element | null {
  if (models.has(node)) return node;
  const parent = node.parentElement;
  return parent && models.has(parent) ? parent : null;
}

/**
 * A site adapter with the layout reader as its last route: used only on the site's own pages (by address) where the
 * adapter's selectors find no list (its classes were renamed, or hashed), so a page the adapter reads is read exactly
 * as before.
 */
export function withLayoutFallback<A extends ChatAdapter>(adapter: A): A {
  const imageText = adapter.platform === 'shopify' ? '[image]' : '[图片]';
  // Only on the site's own pages: with no class to go by, the address is what says the page is this site's.
  const layoutList = (root: Document) => (adapter.matchesUrl(root.location?.href ?? '') ? findLayoutList(root) : null);
  /** The list by layout, where the adapter's own selectors find none. */
  const byLayout = (root: Document, selectors?: SelectorMap) =>
    safe(() => adapter.getMessageList(root, selectors)) ? null : layoutList(root);
  return {
    ...adapter,
    readConversation(root: Document, selectors?: SelectorMap): Conversation | null {
      const read = safe(() => adapter.readConversation(root, selectors));
      if (read && read.messages.length > 0) return read;
      if (!byLayout(root, selectors)) return read;
      const laidOut = safe(() => readLayoutConversation(root, adapter.platform, imageText));
      if (!laidOut) return read;
      // The adapter's own id where it still reads one (JD's selected contact), as its cheap check names it.
      const id =
        (read?.conversationId && read.conversationId !== 'unknown' ? read.conversationId : null) ??
        (adapter.readConversationId ? safe(() => adapter.readConversationId!(root, selectors)) : null);
      return {
        ...laidOut,
        conversationId: id ?? laidOut.conversationId,
        buyerName: read?.buyerName ?? laidOut.buyerName,
        productTitles: read?.productTitles ?? [],
        // Badges and order states the adapter's selectors still find, and what the messages say (an order number).
        signals:
          read?.signals ??
          safe(() =>
            readSignals(root, withOverrides(adapter.selectors, selectors), laidOut.messages, laidOut.orderIds),
          ) ??
          undefined,
      };
    },
    getMessageList: (root: Document, selectors?: SelectorMap) =>
      safe(() => adapter.getMessageList(root, selectors)) ?? layoutList(root),
    messageElementsIn(node: Element, selectors?: SelectorMap): Element[] {
      const own = adapter.messageElementsIn ? (safe(() => adapter.messageElementsIn!(node, selectors)) ?? []) : [];
      if (own.length > 0) return own;
      const list = layoutListOf(node);
      if (!list) return [];
      return list === node ? Array.from(node.children) : [node];
    },
    readMessage(element: Element, selectors?: SelectorMap): ChatPaneMessage | null {
      const own = adapter.readMessage ? safe(() => adapter.readMessage!(element, selectors)) : null;
      if (own) return own;
      const list = layoutListOf(element);
      return list && list !== element ? readLayoutRow(element, list, models.get(list)!, imageText) : null;
    },
    readConversationId(root: Document, selectors?: SelectorMap): string | null {
      const own = adapter.readConversationId ? safe(() => adapter.readConversationId!(root, selectors)) : null;
      if (own) return own;
      const list = byLayout(root, selectors);
      // The buyer's name as the newest rows show it (a switch re-renders them with the new buyer's).
      return list
        ? (learnLayout(list, Array.from(list.children).slice(-12), labelKeys.get(root)).buyerName ?? 'layout')
        : own;
    },
  };
}

function safe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
