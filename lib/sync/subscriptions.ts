/**
 * Pack subscriptions: a team lead publishes a pack at a URL, the background checks it now and then.
 * Everything here is pure — `fetch` and the alarms API are passed in — so unit tests hand in fakes:
 * which request headers to send from what is remembered, what a response means (unchanged, new text,
 * or an error a team lead can act on), and when the next check is due.
 */
import { readImportFile, sheetOf } from '../importers/file';
import { ImportFormatError } from '../importers/types';
import type { SheetOrigin } from '../messaging/protocol';

/** The alarm that wakes the background to check subscribed packs. */
export const SYNC_ALARM = 'huashu-sync-packs';
/** How often the alarm fires; each subscription is checked when it is due (see `isDue`). */
export const SYNC_ALARM_MINUTES = 60;
/** A subscription is checked about this often while it works. */
export const SYNC_INTERVAL_MS = 60 * 60_000;
/** After failures the interval doubles, up to this. */
export const MAX_SYNC_INTERVAL_MS = 24 * 60 * 60_000;
/** An alarm may fire a little early; a check due within this slack is made now, not an hour later. */
const DUE_SLACK_MS = 5 * 60_000;
/** A request that has not finished after this is abandoned. */
export const FETCH_TIMEOUT_MS = 30_000;
/** Larger files are refused: a pack of 10,000 entries is about 3 MB. */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;

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

export type FetchOutcome =
  | { kind: 'unchanged'; etag?: string; lastModified?: string }
  | {
      kind: 'changed';
      text: string;
      etag?: string;
      lastModified?: string;
      contentHash: string;
      /** The file was an Excel workbook: `text` is the CSV of its sheet (see `readImportFile`). */
      sheet?: SheetOrigin;
    }
  | {
      kind: 'error';
      message: string;
      /**
       * The request failed before any answer (offline, DNS, or the browser refused a cross-origin answer
       * without CORS headers): granting the extension access to this origin may help.
       */
      accessOrigin?: string;
    };

/** A URL a team lead typed, checked: http(s) only, without the fragment. */
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
    return { ok: false, message: `Only http:// and https:// addresses can be subscribed to, not ${url.protocol}//` };
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

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Reads a body, stopping as soon as it passes `maxBytes` (a huge file is never held whole). */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
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
export async function fetchPackText(
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
    if (response.status === 304) return { kind: 'unchanged', ...validators(response) };
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      return {
        kind: 'error',
        message: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      };
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) throw new TooLargeError();
    // The same reading as a file import: an Excel workbook, or CSV in GB18030, arrives as text.
    const read = await readImportFile(await readLimited(response, maxBytes));
    const contentHash = hashText(read.text);
    if (state.contentHash === contentHash) return { kind: 'unchanged', ...validators(response) };
    return { kind: 'changed', text: read.text, contentHash, ...sheetOf(read), ...validators(response) };
  } catch (error) {
    if (controller.signal.aborted) return timedOut;
    if (error instanceof ImportFormatError) return { kind: 'error', message: error.message };
    if (error instanceof TooLargeError) {
      return { kind: 'error', message: `the file is larger than ${megabytes(maxBytes)}, the limit for a pack` };
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

/** The schedule of one subscription: when it was last checked and how many checks in a row failed. */
export interface SyncSchedule {
  checkedAt: number | null;
  failures: number;
}

/** When the next check is due: an interval after the last, doubled per failure in a row (capped). */
export function nextCheckAt(schedule: SyncSchedule): number {
  if (schedule.checkedAt === null) return 0;
  const backoff = 2 ** Math.min(Math.max(0, schedule.failures - 1), 10);
  return schedule.checkedAt + Math.min(SYNC_INTERVAL_MS * backoff, MAX_SYNC_INTERVAL_MS);
}

/** Whether the alarm firing at `now` should check this subscription. */
export function isDue(schedule: SyncSchedule, now: number): boolean {
  return now >= nextCheckAt(schedule) - DUE_SLACK_MS;
}

/** The part of `browser.alarms` the sync alarm needs. */
export interface AlarmsLike {
  get(name: string): Promise<unknown>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): Promise<void> | void;
}

/**
 * Makes sure the periodic sync alarm exists; safe to call on every worker start (alarms may be cleared
 * when the browser restarts, and an existing alarm is left as it is, so its schedule does not slip).
 */
export async function ensureSyncAlarm(alarms: AlarmsLike): Promise<boolean> {
  if (await alarms.get(SYNC_ALARM)) return false;
  await alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: SYNC_ALARM_MINUTES });
  return true;
}

/** Local time as `2026-11-30 10:00`. */
export function formatSyncTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** What the pack table says about a subscribed pack. */
export interface SyncStatusView {
  checkedAt: number | null;
  changedAt: number | null;
  lastError: string | null;
}

/**
 * One line for the pack table: "checked … · changed …", or the last error and what was kept
 * ("HTTP 404 Not Found — kept version 1.3.0 from 2026-11-30 10:00").
 */
export function describeSync(version: string, sync: SyncStatusView): string {
  const checked = sync.checkedAt === null ? 'not checked yet' : `checked ${formatSyncTime(sync.checkedAt)}`;
  const changed = sync.changedAt === null ? '' : ` · changed ${formatSyncTime(sync.changedAt)}`;
  if (!sync.lastError) return `${checked}${changed}`;
  const from = sync.changedAt === null ? '' : ` from ${formatSyncTime(sync.changedAt)}`;
  return `${sync.lastError} — kept version ${version}${from} (${checked})`;
}

/** A fetched file that was not imported, as one line for the sync status (the first problems, then a count). */
export function describeRefusedPack(errors: Array<{ path: string; message: string }>): string {
  const shown = errors.slice(0, 3).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  const more = errors.length > shown.length ? ` (+${errors.length - shown.length} more)` : '';
  return `the file was refused: ${shown.join('; ')}${more}`;
}
