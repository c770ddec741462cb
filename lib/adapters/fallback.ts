/**
 * Finding the composer and the message list by more than one route, because one changed wrapper class
 * must not end the loop. Live pages drift by account, version and A/B test (the Taobao reply box has been
 * a textarea and a contenteditable in other wrappers; Shopify Inbox inside admin lists messages as
 * `role="listitem"` with no `role="log"`).
 *
 * Composer routes, in order:
 * 1. `focused`: the editable the agent last focused or typed in, in this frame (the content script tracks it);
 * 2. `selectors`: the adapter's selectors (with the team lead's overrides);
 * 3. `structure`: the first editable after the message list in document order, else a `role="textbox"`.
 *
 * Message-list routes (for adapters that read by roles, and for enabled sites): roles (`log`,
 * `list`/`listitem`, `feed`/`article`), then elements whose children carry message ids, then repeated
 * sibling structure. Pure DOM code: the document comes in.
 */
import { queryAll } from './dom';
import type { ChatAdapter, SelectorMap } from './types';

/** How the composer was found (returned in the insert outcome, so a drift shows in the panel and tests). */
export type ComposerRoute = 'focused' | 'selectors' | 'structure';

export interface FoundComposer {
  element: HTMLElement;
  route: ComposerRoute;
}

/** Elements a reply can be written into. Inputs are left out: on chat pages they are search boxes. */
export const EDITABLE =
  'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], [role="textbox"]';

/** Where messages never are: navigation, menus, page chrome. */
export const CHROME =
  'nav, header, footer, aside, [role="navigation"], [role="menu"], [role="menubar"], [role="tablist"]';

/** The element that takes the text for `element`: a textarea, or the outermost editable host. */
export function editableOf(element: Element | null | undefined): HTMLElement | null {
  if (!element) return null;
  const html = element as HTMLElement;
  if (element.tagName === 'TEXTAREA') return usable(html) ? html : null;
  if (element.tagName === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return /^(?:text|search|)$/i.test(type) && usable(html) ? html : null;
  }
  let host: HTMLElement | null = html.isContentEditable ? html : null;
  // Inside an editing host (a text node's parent, a paragraph): the host. Read the attribute too, as
  // jsdom has no isContentEditable.
  if (!host) {
    const inside = element.closest('[contenteditable]') as HTMLElement | null;
    if (inside && isEditable(inside)) host = inside;
  }
  if (!host) {
    const inner = element.matches('[role="textbox"]') ? element.querySelector('[contenteditable]') : null;
    host = inner as HTMLElement | null;
  }
  if (!host) return null;
  while (host.parentElement && isEditable(host.parentElement)) host = host.parentElement;
  return usable(host) ? host : null;
}

function isEditable(element: HTMLElement): boolean {
  if (element.isContentEditable) return true;
  const attribute = element.getAttribute('contenteditable');
  return attribute === '' || attribute === 'true' || attribute === 'plaintext-only';
}

/** Not disabled, read-only or hidden (by attribute: tests run without layout). */
function usable(element: HTMLElement): boolean {
  if (element.hasAttribute('disabled') || element.hasAttribute('readonly')) return false;
  if (element.closest('[hidden], [aria-hidden="true"]')) return false;
  return element.getAttribute('contenteditable') !== 'false';
}

export interface ComposerSources {
  /** Route 1: what the agent last focused or typed in (the content script's tracker), if anything. */
  focused?: Element | null;
  /** Route 2: the adapter's selectors. */
  bySelectors(): HTMLElement | null;
  /** For route 3: the message list, when the page has one. */
  messageList(): Element | null;
  /** Whether a focused text input counts (enabled sites: yes; chat sites: no, their inputs are search boxes). */
  allowInputs?: boolean;
  /**
   * Whether route 3 may take the page's only editable when it finds no list and no textbox (chat sites: yes, a page
   * whose class names are all hashes still has one reply box; other pages: no, it could be a form).
   */
  onlyEditable?: boolean;
}

/** The composer by the first route that finds one; null when none does. */
export function findComposer(root: Document, sources: ComposerSources): FoundComposer | null {
  const list = safe(sources.messageList);
  let focused = editableOf(sources.focused);
  if (focused?.tagName === 'INPUT' && !sources.allowInputs) focused = null;
  // A focused element counts only while it is on this page (in a shadow root of it too, which `contains` does not
  // see into) and is not a box inside the message list.
  if (focused?.isConnected && focused.ownerDocument === root && !(list && list.contains(focused))) {
    return { element: focused, route: 'focused' };
  }
  const bySelectors = editableOf(safe(sources.bySelectors));
  if (bySelectors) return { element: bySelectors, route: 'selectors' };
  const byStructure = composerAfter(root, list, sources.onlyEditable);
  return byStructure ? { element: byStructure, route: 'structure' } : null;
}

/** The composer of a chat page whose adapter is known: the three routes with the adapter's pieces. */
export function locateComposer(
  root: Document,
  adapter: ChatAdapter,
  selectors: SelectorMap = {},
  focused?: Element | null,
): FoundComposer | null {
  return findComposer(root, {
    focused,
    bySelectors: () => adapter.getComposer(root, selectors),
    messageList: () => adapter.getMessageList(root, selectors),
    onlyEditable: true,
  });
}

/**
 * Route 3: the first editable after the message list (outside it, outside page chrome); without a list, a textbox, else
 * (with `onlyEditable`) the page's only editable outside the chrome. In an open shadow root too, where the page itself
 * has none (`queryAll`).
 */
export function composerAfter(root: Document, list: Element | null, onlyEditable = false): HTMLElement | null {
  if (list) {
    for (const candidate of queryAll(root, EDITABLE)) {
      if (list.contains(candidate) || candidate.closest(CHROME)) continue;
      if (!(list.compareDocumentPosition(candidate) & 4 /* DOCUMENT_POSITION_FOLLOWING */)) continue;
      const editable = editableOf(candidate);
      if (editable) return editable;
    }
    return null;
  }
  for (const candidate of queryAll(root, '[role="textbox"]')) {
    const editable = editableOf(candidate);
    if (editable && !candidate.closest(CHROME)) return editable;
  }
  if (!onlyEditable) return null;
  const editables = new Set<HTMLElement>();
  for (const candidate of queryAll(root, EDITABLE)) {
    const editable = candidate.closest(CHROME) ? null : editableOf(candidate);
    if (editable) editables.add(editable);
  }
  return editables.size === 1 ? [...editables][0]! : null;
}

/** Ids that sites give message elements (`s_1001`, `msg-12`, `message-…`, `m-203`). */
const MESSAGE_ID = /^(?:s_|msg[-_]?|message[-_]?|m-)\w+$/i;

/**
 * The message list by roles and structure, for pages whose list has no known selector. `accept` filters
 * candidates (an adapter can ask for items it understands); the first route with an accepted list wins.
 * `structure: false` keeps to the role routes (cheap enough for a DOM signature check).
 */
export function findMessageList(
  root: Document,
  accept: (list: Element) => boolean = () => true,
  options: { structure?: boolean } = {},
): Element | null {
  const ok = (list: Element | null | undefined) =>
    list !== null && list !== undefined && !list.closest(CHROME) && accept(list);
  for (const log of Array.from(root.querySelectorAll('[role="log"]'))) if (ok(log)) return log;
  for (const list of Array.from(root.querySelectorAll('[role="list"], [role="feed"], ul, ol'))) {
    const items = Array.from(list.children).filter((c) => c.matches('[role="listitem"], li, article'));
    if (items.length > 0 && ok(list)) return list;
  }
  const articleParents = new Set(Array.from(root.querySelectorAll('article')).map((a) => a.parentElement));
  for (const parent of articleParents) if (ok(parent)) return parent;
  // Ids and repeated siblings walk the whole page: adapters that read by roles only skip them.
  if (options.structure === false) return null;
  const idParents = new Set(
    Array.from(root.querySelectorAll('[id]'))
      .filter((e) => MESSAGE_ID.test(e.id))
      .map((e) => e.parentElement),
  );
  for (const parent of idParents) if (ok(parent)) return parent;
  return repeatedSiblings(root, ok);
}

/** The element with the most (at least 3) children of one shape (tag + first class) holding text. */
function repeatedSiblings(root: Document, ok: (list: Element) => boolean): Element | null {
  let best: Element | null = null;
  let bestCount = 2;
  for (const element of Array.from(root.body?.querySelectorAll('*') ?? [])) {
    if (element.childElementCount <= bestCount) continue;
    const shapes = new Map<string, number>();
    for (const child of Array.from(element.children)) {
      if (!child.textContent?.trim()) continue;
      // Tag and first class: `message message--incoming` and `message message--outgoing` are one shape.
      const shape = `${child.tagName}.${child.classList[0] ?? ''}`;
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    }
    const count = Math.max(0, ...shapes.values());
    if (count > bestCount && ok(element)) {
      best = element;
      bestCount = count;
    }
  }
  return best;
}

function safe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
