/** Small DOM helpers shared by the adapters: selector lists, safe queries, text of a bubble. */
import type { SelectorMap } from './types';

/** Defaults with team-lead overrides on top (an empty override keeps the default). */
export function withOverrides(defaults: SelectorMap, overrides?: SelectorMap): SelectorMap {
  if (!overrides) return defaults;
  const merged = { ...defaults };
  for (const [key, value] of Object.entries(overrides)) if (value.trim()) merged[key] = value;
  return merged;
}

/** `querySelector` that returns null for an invalid selector instead of throwing. */
export function query(root: ParentNode, selector: string | undefined): Element | null {
  if (!selector) return null;
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

export function queryAll(root: ParentNode, selector: string | undefined): Element[] {
  if (!selector) return [];
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
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

/** Whether a URL's host is one of the given hosts or a subdomain of them. */
export function hostIs(url: string, ...hosts: string[]): boolean {
  try {
    const { hostname } = new URL(url);
    return hosts.some((host) => hostname === host || hostname.endsWith(`.${host}`));
  } catch {
    return false;
  }
}
