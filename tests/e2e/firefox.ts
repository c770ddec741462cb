/**
 * Debian's Firefox ESR driven over WebDriver BiDi, with the MV2 test build installed (no extra package:
 * the WebSocket client is the one playwright-core bundles). `--remote-allow-system-access` lets BiDi open
 * the extension's pages (`moz-extension://…/sidepanel.html`); without it Firefox refuses that navigation.
 * The add-on's uuid is fixed through the profile, so the panel's address is known.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/e2e/firefox-mv2');
export const GECKO_ID = 'huashu@huashu.dev';
export const EXTENSION_UUID = '5b1e7f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

interface Socket {
  on(event: 'open' | 'message' | 'error', listener: (data: unknown) => void): void;
  send(data: string): void;
  close(): void;
}
type SocketClass = new (url: string) => Socket;
const { ws: WebSocket } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as { ws: SocketClass };

/** Reads until `ok` holds or `timeout` ms passed (a read that throws keeps the last value); the last value. */
export async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read().catch(() => undefined as T);
  while (!ok(value) && Date.now() < end) {
    await new Promise((done) => setTimeout(done, 250));
    value = await read().catch(() => value);
  }
  return value;
}

export interface Firefox {
  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown>): Promise<T>;
  /** Evaluates an expression in a tab (awaiting a promise) and returns its JSON value. */
  evaluate<T>(context: string, expression: string): Promise<T>;
  close(): void;
}

/**
 * Starts Firefox ESR headless with a fresh profile and the test build installed as a temporary add-on.
 * `env` replaces Firefox's environment (a test gives it a HOME of its own: see firefox-policy.e2e.test.ts).
 */
export async function launchFirefox(env?: NodeJS.ProcessEnv): Promise<Firefox> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox test build at ${FIREFOX_EXTENSION_DIR}: run "npm run build:e2e" first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'huashu-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    [
      `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }))});`,
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("app.update.disabledForTesting", true);',
    ].join('\n'),
  );
  const process: ChildProcess = spawn(
    FIREFOX,
    ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', '--remote-allow-system-access'],
    { stdio: ['ignore', 'ignore', 'pipe'], ...(env ? { env } : {}) },
  );
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('Firefox did not start WebDriver BiDi')), 60_000);
    process.stderr!.on('data', (data: Buffer) => {
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(String(data));
      if (found) {
        clearTimeout(timer);
        done(found[1]!);
      }
    });
  });
  const socket = new WebSocket(`${url}/session`);
  await new Promise((done) => socket.on('open', done));
  let lastId = 0;
  const pending = new Map<number, { done(result: unknown): void; fail(error: Error): void }>();
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as {
      id?: number;
      type: string;
      result?: unknown;
      error?: string;
      message?: string;
    };
    const waiting = message.id !== undefined ? pending.get(message.id) : undefined;
    if (!waiting) return;
    pending.delete(message.id!);
    if (message.type === 'error') waiting.fail(new Error(`${message.error}: ${message.message}`));
    else waiting.done(message.result);
  });
  const send = <T>(method: string, params: Record<string, unknown>) =>
    new Promise<T>((done, fail) => {
      lastId += 1;
      pending.set(lastId, { done: done as (r: unknown) => void, fail });
      socket.send(JSON.stringify({ id: lastId, method, params }));
    });
  await send('session.new', { capabilities: {} });
  await send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXTENSION_DIR } });
  return {
    send,
    async evaluate<T>(context: string, expression: string) {
      const answer = await send<{ type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } }>(
        'script.evaluate',
        {
          expression: `(async () => JSON.stringify(await (${expression})))()`,
          target: { context },
          awaitPromise: true,
        },
      );
      if (answer.type === 'exception') throw new Error(answer.exceptionDetails?.text ?? 'exception');
      const value = answer.result?.value;
      return (typeof value === 'string' ? JSON.parse(value) : undefined) as T;
    },
    close() {
      socket.close();
      process.kill();
    },
  };
}
