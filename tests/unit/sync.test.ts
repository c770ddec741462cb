import { describe, expect, it, vi } from 'vitest';
import {
  accessPattern,
  checkPackUrl,
  fetchPackBytes,
  fileNameOfUrl,
  requestHeaders,
  type FetchLike,
} from '../../lib/sync/pack-fetch';
import { ensureSyncAlarm, isDue, nextCheckAt, SYNC_ALARM, SYNC_INTERVAL_MS } from '../../lib/sync/schedule';
import { describeRefusedPack, describeSync } from '../../lib/sync/status';
import { workbook } from '../helpers/xlsx';

const URL_ = 'https://packs.example.com/team/shop.json';
const body = JSON.stringify({ format: 'huashu-pack/1', id: 'shop', version: '1.1.0' });

/** A fake fetch answering with `respond(headers)`, remembering what it was asked. */
function fakeFetch(respond: (headers: Record<string, string>, init: RequestInit) => Response | Promise<Response>) {
  const calls: Array<Record<string, string>> = [];
  const fn: FetchLike = vi.fn(async (_url, init) => {
    const headers = { ...(init.headers as Record<string, string>) };
    calls.push(headers);
    return respond(headers, init);
  });
  return { fn, calls };
}

describe('checkPackUrl', () => {
  it('accepts http(s), drops the fragment, and says clearly what is wrong otherwise', () => {
    expect(checkPackUrl('  https://a.example/p.json#x ')).toEqual({ ok: true, url: 'https://a.example/p.json' });
    expect(checkPackUrl('http://127.0.0.1:8080/p.json')).toMatchObject({ ok: true });
    expect(checkPackUrl('ftp://a.example/p.json')).toEqual({
      ok: false,
      message: 'Only https:// addresses can be subscribed to, not ftp://',
    });
    expect(checkPackUrl('packs/shop.json')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a web address'),
    });
    expect(checkPackUrl('')).toMatchObject({ ok: false, message: expect.stringContaining('Enter the address') });
  });

  it('asks for access to the host of an origin, any port', () => {
    expect(accessPattern('https://packs.example.com')).toBe('https://packs.example.com/*');
    expect(accessPattern('http://127.0.0.1:8080')).toBe('http://127.0.0.1/*');
  });

  it('names a pack file after the last part of its path', () => {
    expect(fileNameOfUrl('https://a.example/x/%E5%BF%AB%E6%8D%B7%E7%9F%AD%E8%AF%AD.csv?token=1')).toBe('快捷短语.csv');
    expect(fileNameOfUrl('https://a.example/')).toBe('');
  });
});

describe('requestHeaders', () => {
  it('asks "changed since?" with what was stored, and nothing when nothing was', () => {
    expect(requestHeaders({})).toEqual({});
    expect(requestHeaders({ etag: '"v1"', lastModified: 'Mon, 30 Nov 2026 10:00:00 GMT', contentHash: 'x' })).toEqual({
      'If-None-Match': '"v1"',
      'If-Modified-Since': 'Mon, 30 Nov 2026 10:00:00 GMT',
    });
  });
});

describe('fetchPackBytes', () => {
  it('returns a new version with its validators and hash', async () => {
    const { fn, calls } = fakeFetch(
      () =>
        new Response(body, {
          status: 200,
          headers: { etag: '"v2"', 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' },
        }),
    );
    const outcome = await fetchPackBytes(fn, URL_, { etag: '"v1"' });
    expect(outcome).toEqual({
      kind: 'fetched',
      bytes: new TextEncoder().encode(body),
      etag: '"v2"',
      lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT',
    });
    expect(calls).toEqual([{ 'If-None-Match': '"v1"' }]);
    expect(vi.mocked(fn).mock.calls[0]![1]).toMatchObject({ cache: 'no-store', credentials: 'omit' });
  });

  it('hands over an Excel workbook as it is (the import pipeline reads it)', async () => {
    const book = workbook([{ name: 'S', rows: [['note'], ['快捷编码', '快捷短语'], ['fh', '亲，48小时内发货']] }]);
    const { fn } = fakeFetch(() => new Response(book));
    expect(await fetchPackBytes(fn, 'https://a.example/phrases', {})).toEqual({ kind: 'fetched', bytes: book });
  });

  it('takes 304 as unchanged', async () => {
    const { fn } = fakeFetch(() => new Response(null, { status: 304, headers: { etag: '"v1"' } }));
    expect(await fetchPackBytes(fn, URL_, { etag: '"v1"' })).toEqual({ kind: 'unchanged', etag: '"v1"' });
  });

  it('reports an HTTP error with its status', async () => {
    const { fn } = fakeFetch(() => new Response('gone', { status: 404, statusText: 'Not Found' }));
    expect(await fetchPackBytes(fn, URL_, {})).toEqual({
      kind: 'error',
      message: 'HTTP 404 Not Found',
      status: 404,
    });
    const { fn: bare } = fakeFetch(() => new Response('', { status: 500 }));
    expect(await fetchPackBytes(bare, URL_, {})).toEqual({ kind: 'error', message: 'HTTP 500', status: 500 });
  });

  it('reports a network error, offering access to the origin', async () => {
    const { fn } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const outcome = await fetchPackBytes(fn, URL_, {});
    expect(outcome).toMatchObject({ kind: 'error', accessOrigin: 'https://packs.example.com' });
    expect(outcome.kind === 'error' && outcome.message).toContain(
      'could not reach https://packs.example.com (Failed to fetch)',
    );
  });

  it('asks once more without conditional headers when the conditional request fails (CORS preflight)', async () => {
    const { fn, calls } = fakeFetch((headers) =>
      'If-None-Match' in headers ? Promise.reject(new TypeError('Failed to fetch')) : new Response(body),
    );
    expect(await fetchPackBytes(fn, URL_, { etag: '"v1"' })).toMatchObject({ kind: 'fetched' });
    expect(calls).toEqual([{ 'If-None-Match': '"v1"' }, {}]);
  });

  it('gives up after the timeout', async () => {
    const { fn } = fakeFetch(
      (_headers, init) =>
        new Promise<Response>((_resolve, reject) =>
          init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    expect(await fetchPackBytes(fn, URL_, {}, { timeoutMs: 20 })).toEqual({
      kind: 'error',
      message: 'no answer within 0 s (timed out)',
    });
  });

  it('gives up on a body that stops half way (timeout while reading)', async () => {
    const { fn } = fakeFetch((_headers, init) => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"format":'));
          init.signal!.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(stream);
    });
    expect(await fetchPackBytes(fn, URL_, {}, { timeoutMs: 20 })).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('timed out'),
    });
  });

  it('refuses a file over the size limit, whether it says its length or not', async () => {
    const big = 'x'.repeat(2048);
    const { fn: declared } = fakeFetch(() => new Response(big, { headers: { 'content-length': '2048' } }));
    expect(await fetchPackBytes(declared, URL_, {}, { maxBytes: 1024 * 1024 * 0.001 })).toEqual({
      kind: 'error',
      message: 'the file is larger than 1 KB, the limit for a pack',
    });
    const { fn: streamed } = fakeFetch(() => {
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new Uint8Array(512 * 1024));
        },
      });
      return new Response(stream);
    });
    expect(await fetchPackBytes(streamed, URL_, {}, { maxBytes: 5 * 1024 * 1024 })).toEqual({
      kind: 'error',
      message: 'the file is larger than 5 MB, the limit for a pack',
    });
  });

  it('reads UTF-8 (Chinese replies survive)', async () => {
    const text = JSON.stringify({ reply: '亲，付款后48小时内发货哦～' });
    const { fn } = fakeFetch(() => new Response(new TextEncoder().encode(text)));
    expect(await fetchPackBytes(fn, URL_, {})).toEqual({ kind: 'fetched', bytes: new TextEncoder().encode(text) });
  });
});

describe('scheduling', () => {
  const t0 = Date.UTC(2026, 10, 30, 10);
  it('is due at once when never checked, an interval after a check, later after failures', () => {
    expect(isDue({ checkedAt: null, failures: 0 }, t0)).toBe(true);
    expect(nextCheckAt({ checkedAt: t0, failures: 0 })).toBe(t0 + SYNC_INTERVAL_MS);
    expect(isDue({ checkedAt: t0, failures: 0 }, t0 + 30 * 60_000)).toBe(false);
    // An hourly alarm that fires a minute early still checks.
    expect(isDue({ checkedAt: t0, failures: 0 }, t0 + SYNC_INTERVAL_MS - 60_000)).toBe(true);
    expect(nextCheckAt({ checkedAt: t0, failures: 1 })).toBe(t0 + SYNC_INTERVAL_MS);
    expect(nextCheckAt({ checkedAt: t0, failures: 3 })).toBe(t0 + 4 * SYNC_INTERVAL_MS);
    expect(nextCheckAt({ checkedAt: t0, failures: 50 })).toBe(t0 + 24 * SYNC_INTERVAL_MS);
  });

  it('creates the alarm only when it is missing', async () => {
    const alarms = new Map<string, object>();
    const api = {
      get: vi.fn(async (name: string) => alarms.get(name)),
      create: vi.fn((name: string, info: object) => void alarms.set(name, info)),
    };
    expect(await ensureSyncAlarm(api)).toBe(true);
    expect(await ensureSyncAlarm(api)).toBe(false);
    expect(api.create).toHaveBeenCalledTimes(1);
    expect(alarms.get(SYNC_ALARM)).toEqual({ delayInMinutes: 1, periodInMinutes: 60 });
  });
});

describe('status lines', () => {
  const at = (h: number, m = 0) => new Date(2026, 10, 30, h, m).getTime();
  it('says when it was checked and changed, or the error and what was kept', () => {
    expect(describeSync('1.3.0', { checkedAt: at(11), changedAt: at(10), lastError: null })).toBe(
      'checked 2026-11-30 11:00 · changed 2026-11-30 10:00',
    );
    expect(describeSync('1.3.0', { checkedAt: at(11, 5), changedAt: at(10), lastError: 'HTTP 404 Not Found' })).toBe(
      'HTTP 404 Not Found — kept version 1.3.0 from 2026-11-30 10:00 (checked 2026-11-30 11:05)',
    );
    expect(describeSync('1.0.0', { checkedAt: null, changedAt: null, lastError: null })).toBe('not checked yet');
  });

  it('sums up a refused file by its first problems', () => {
    const errors = ['a', 'b', 'c', 'd'].map((p) => ({ path: `entries[0].${p}`, message: 'required' }));
    expect(describeRefusedPack(errors)).toBe(
      'the file was refused: entries[0].a: required; entries[0].b: required; entries[0].c: required (+1 more)',
    );
    expect(describeRefusedPack([{ path: '', message: 'not JSON' }])).toBe('the file was refused: not JSON');
  });
});

describe('sync over https only', () => {
  it('refuses plain http except to this machine, and user names in the address', () => {
    expect(checkPackUrl('http://packs.example.com/p.json')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Only https:// addresses can be subscribed to'),
    });
    expect(checkPackUrl('http://localhost:8080/p.json')).toMatchObject({ ok: true });
    expect(checkPackUrl('http://[::1]/p.json')).toMatchObject({ ok: true });
    expect(checkPackUrl('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(checkPackUrl('https://user:secret@packs.example.com/p.json')).toMatchObject({ ok: false });
  });

  it('refuses an answer that was redirected to http', async () => {
    const redirected = new Response('{}', { status: 200 });
    Object.defineProperty(redirected, 'url', { value: 'http://evil.example/p.json' });
    const outcome = await fetchPackBytes(async () => redirected, 'https://packs.example.com/p.json', {});
    expect(outcome).toEqual({
      kind: 'error',
      message: 'the server redirected to http://evil.example, which is not https: refused',
    });
  });
});
