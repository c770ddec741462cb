/**
 * Fetching a subscribed pack's URL: a team lead publishes a pack at a URL, the background checks it now
 * and then. Pure — `fetch` is passed in — so unit tests hand in fakes: which request headers to send from
 * what is remembered, and what a response means (unchanged, a file's bytes, or an error a team lead can
 * act on). What the bytes are (a pack, another tool's export, a workbook) is for the import pipeline.
 */

/** A request that has not finished after this is abandoned. */
const FETCH_TIMEOUT_MS = 30_000;
/** Larger files are refused: a pack of 10,000 entries is about 3 MB. */
const MAX_PACK_BYTES = 5 * 1024 * 1024;

/** What is remembered between checks, to ask the server "has it changed?" and to recognise the same body. */
export interface SyncState {
  /** The `ETag` of the version stored, sent back as `If-None-Match`. */
  etag?: string;
  /** The `Last-Modified` of the version stored, sent back as `If-Modified-Since`. */
  lastModified?: string;
  /** `hashText` of the body stored: a server without validators that sends the same body again is "unchanged". */
  contentHash?: string;
}

/** The part of `fetch` used here (the browser's, or a test's fake). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

type FetchOutcome =
  | { kind: 'unchanged'; etag?: string; lastModified?: string }
  | {
      /** The server sent a body (whether it is the one stored is for `hashText` of its text to say). */
      kind: 'fetched';
      bytes: Uint8Array<ArrayBuffer>;
      etag?: string;
      lastModified?: string;
    }
  | {
      kind: 'error';
      message: string;
      /** The HTTP status when the server answered with an error (a missing signature file is a 404). */
      status?: number;
      /**
       * The request failed before any answer (offline, DNS, or the browser refused a cross-origin answer
       * without CORS headers): granting the extension access to this origin may help.
       */
      accessOrigin?: string;
    };

/** Hosts that never leave the machine: plain http is allowed for them (a team lead testing a pack). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether replies may come from this address: https, or plain http to this machine. Anyone on the
 * network path can rewrite a pack fetched over plain http — the replies agents insert with it.
 */
export function isTrustedPackUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

/** A URL a team lead typed, checked: https (plain http only to this machine), without the fragment. */
export function checkPackUrl(input: string): { ok: true; url: string } | { ok: false; message: string } {
  const text = input.trim();
  if (!text) return { ok: false, message: 'Enter the address of a pack file (https://…).' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `“${text}” is not a web address: it should look like https://example.com/pack.json` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `Only https:// addresses can be subscribed to, not ${url.protocol}//` };
  }
  if (!isTrustedPackUrl(url)) {
    return {
      ok: false,
      message: `Only https:// addresses can be subscribed to: over http:// anyone on the network could change the replies (${url.host})`,
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      message: 'Leave the user name and password out of the address: packs are fetched without them',
    };
  }
  url.hash = '';
  return { ok: true, url: url.href };
}

/** The last part of a URL's path, decoded ("macros.json"): what names the pack and hints at its format. */
export function fileNameOfUrl(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
    return decodeURIComponent(last);
  } catch {
    return '';
  }
}

/**
 * The host permission to ask for so the background may read an origin without CORS headers:
 * `https://packs.example.com/*`. Without the port, which match patterns do not all accept (any port matches).
 */
export function accessPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Conditional request headers from what was stored: a server that supports them answers 304 when unchanged. */
export function requestHeaders(state: SyncState): Record<string, string> {
  const headers: Record<string, string> = {};
  if (state.etag) headers['If-None-Match'] = state.etag;
  if (state.lastModified) headers['If-Modified-Since'] = state.lastModified;
  return headers;
}

/** A short hash of a text (cyrb53), to tell whether a body is the one stored. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${text.length.toString(36)}-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

class TooLargeError extends Error {}

/** "5 MB", or "4 KB" under a megabyte (the limit of a signature file). */
const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Reads a body, stopping as soon as it passes `maxBytes` (a huge file is never held whole). */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > maxBytes) throw new TooLargeError();
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {});
      throw new TooLargeError();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function validators(response: Response): { etag?: string; lastModified?: string } {
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

export interface FetchPackOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * Fetches a subscribed pack's URL and says what came back. Never throws: every failure becomes a message
 * a team lead can act on ("HTTP 404 Not Found", "no answer within 30 s", "larger than 5 MB").
 */
export async function fetchPackBytes(
  fetchFn: FetchLike,
  url: string,
  state: SyncState,
  { timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_PACK_BYTES }: FetchPackOptions = {},
): Promise<FetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const timedOut = {
    kind: 'error',
    message: `no answer within ${Math.round(timeoutMs / 1000)} s (timed out)`,
  } as const;
  const request = (headers: Record<string, string>) =>
    // no-store: the answer must come from the server, and a 304 must reach us rather than the HTTP cache.
    fetchFn(url, { headers, signal: controller.signal, cache: 'no-store', credentials: 'omit', redirect: 'follow' });
  try {
    let response: Response;
    const headers = requestHeaders(state);
    try {
      response = await request(headers);
    } catch (error) {
      if (controller.signal.aborted) return timedOut;
      // Conditional headers make a cross-origin request need a CORS preflight, which some servers that
      // send `Access-Control-Allow-Origin` do not answer: ask once more as a simple request.
      if (Object.keys(headers).length === 0) throw error;
      response = await request({});
    }
    // Redirects are followed, but the answer must still come over https: a redirect to http:// (or to
    // another scheme) would let the network rewrite the pack. Tests' fake responses have no URL.
    const finalUrl = response.url ? new URL(response.url) : null;
    if (finalUrl && !isTrustedPackUrl(finalUrl)) {
      void response.body?.cancel().catch(() => {});
      return {
        kind: 'error',
        message: `the server redirected to ${finalUrl.protocol}//${finalUrl.host}, which is not https: refused`,
      };
    }
    if (response.status === 304) return { kind: 'unchanged', ...validators(response) };
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      return {
        kind: 'error',
        message: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        status: response.status,
      };
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) throw new TooLargeError();
    // The bytes as they are: the import pipeline reads them as a file import does (a workbook, GB18030 CSV).
    return { kind: 'fetched', bytes: await readLimited(response, maxBytes), ...validators(response) };
  } catch (error) {
    if (controller.signal.aborted) return timedOut;
    if (error instanceof TooLargeError) {
      return { kind: 'error', message: `the file is larger than ${sizeText(maxBytes)}, the limit for a pack` };
    }
    const origin = new URL(url).origin;
    return {
      kind: 'error',
      message:
        `could not reach ${origin} (${(error as Error).message || 'network error'}): the network is down, ` +
        'or the server does not let the extension read it (no CORS headers, and no access granted)',
      accessOrigin: origin,
    };
  } finally {
    clearTimeout(timer);
  }
}
