/**
 * Sites an agent turned Huashu on for (help desks, web chats without an adapter): their origins as the
 * settings keep them, and the match pattern the browser's host permission and content script use.
 * Pure: the panel, the options page and the background share it.
 */

/** What turning a site on or off did. */
export interface SiteResult {
  ok: boolean;
  /** The origins that are on now. */
  origins: string[];
  message?: string;
}

/** `https://desk.example.com` from a URL or an origin the agent typed; null for anything not http(s). */
export function siteOrigin(input: string): string | null {
  const text = input.trim();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** The match pattern of an origin (ports are not part of match patterns: the host covers them). */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
