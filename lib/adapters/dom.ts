/** Small DOM helpers shared by the adapters: selector lists, safe queries, text of a bubble. */
import type { SelectorMap } from './types';

/** Defaults with team-lead overrides on top (an empty override keeps the default). */
export function withOverrides(defaults: SelectorMap, overrides?: SelectorMap): SelectorMap {
  if (!overrides) return defaults;
  const merged = { ...defaults };
  for (const [key, value] of Object.entries(overrides)) if (value.trim()) merged[key] = value;
  return merged;
}

/**
 * `querySelector` that returns null for an invalid selector instead of throwing. On a whole document it also looks
 * inside open shadow roots when the page itself has no match: a site may mount its chat pane in a web component's
 * shadow root (JD's micro-app framework can), where `querySelector` does not reach.
 */
export function query(root: ParentNode, selector: string | undefined): Element | null {
  if (!selector) return null;
  try {
    const found = root.querySelector(selector);
    if (found || !isDocument(root)) return found;
    for (const shadow of shadowRootsOf(root)) {
      const inside = shadow.querySelector(selector);
      if (inside) return inside;
    }
    return null;
  } catch {
    return null;
  }
}

/** `querySelectorAll` as an array, [] for an invalid selector; on a whole document, as `query`, into shadow roots. */
export function queryAll(root: ParentNode, selector: string | undefined): Element[] {
  if (!selector) return [];
  try {
    const found = Array.from(root.querySelectorAll(selector));
    if (found.length > 0 || !isDocument(root)) return found;
    return shadowRootsOf(root).flatMap((shadow) => Array.from(shadow.querySelectorAll(selector)));
  } catch {
    return [];
  }
}

const isDocument = (node: ParentNode): node is Document => (node as Node).nodeType === 9;

/** How long a document's list of shadow roots is reused: finding them walks every element of the page. */
const SHADOW_ROOTS_TTL_MS = 1000;
const shadowRootCache = new WeakMap<Document, { at: number; roots: ShadowRoot[] }>();

/** The open shadow roots of a document, nested ones too (looked up again at most once a second). */
function shadowRootsOf(doc: Document): ShadowRoot[] {
  const now = Date.now();
  const cached = shadowRootCache.get(doc);
  if (cached && now - cached.at < SHADOW_ROOTS_TTL_MS && cached.roots.every((r) => r.host.isConnected))
    return cached.roots;
  const roots: ShadowRoot[] = [];
  const collect = (from: Document | ShadowRoot) => {
    for (const element of Array.from(from.querySelectorAll('*')))
      if (element.shadowRoot) {
        roots.push(element.shadowRoot);
        collect(element.shadowRoot);
      }
  };
  collect(doc);
  shadowRootCache.set(doc, { at: now, roots });
  return roots;
}

/** `element.matches` that returns false for an invalid selector. */
export function matches(element: Element, selector: string | undefined): boolean {
  if (!selector) return false;
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

/** Visible-ish text of an element, white space folded. */
export function textOf(element: Element | null | undefined): string {
  if (!element) return '';
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Message elements inside a node the site added: the node itself and/or its descendants. */
export function elementsIn(node: Element, selector: string): Element[] {
  const found = matches(node, selector) ? [node] : [];
  return found.concat(queryAll(node, selector));
}

/**
 * Where an event started, inside an open shadow root too: there `event.target` is the shadow host (an editor a site
 * mounts in a web component's shadow root, as JD's micro-app framework can).
 */
export function eventOrigin(event: Event): EventTarget | null {
  return event.composedPath?.()[0] ?? event.target;
}

/** The focused element, inside open shadow roots too (`document.activeElement` is then the shadow host). */
export function deepActiveElement(root: Document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * The selection that holds the caret in `node`: its shadow root's where the browser has one (Chromium; the document's
 * selection is then retargeted to the host and says nothing of the caret), else its document's.
 */
export function selectionOf(node: Node): Selection | null {
  const rootNode = node.getRootNode() as Node & { getSelection?: () => Selection | null };
  if (
    rootNode.nodeType === 11 /* DOCUMENT_FRAGMENT_NODE: a shadow root */ &&
    typeof rootNode.getSelection === 'function'
  )
    return rootNode.getSelection();
  return (node.ownerDocument ?? (node as Document)).getSelection();
}

/** Whether a URL's host is one of the given hosts or a subdomain of them. */
export function hostIs(url: string, ...hosts: string[]): boolean {
  try {
    const { hostname } = new URL(url);
    return hosts.some((host) => hostname === host || hostname.endsWith(`.${host}`));
  } catch {
    return false;
  }
}
