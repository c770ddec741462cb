/**
 * Real-browser harness: serves the replica chat pages on 127.0.0.1 and starts Debian's Chromium with
 * the test build of the extension loaded (Debian's `chromium` package, driven by playwright-core,
 * which never downloads a browser of its own).
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const EXTENSION_DIR = join(ROOT, '.output/e2e/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves a folder read-only on 127.0.0.1 (a free port). */
export async function serveFolder(folder: string): Promise<{ server: Server; origin: string }> {
  const base = resolve(folder);
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(base, path);
    if (!file.startsWith(base) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/**
 * Chromium flags for a closed network: the new headless mode (which loads extensions), no background
 * connections, component updates or sync, and no sandbox (the tests may run as root).
 */
export const BROWSER_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Starts Chromium with the built extension; fails with a clear message when it is missing. Give the same
 * `userDataDir` again to restart the browser with what the extension stored (IndexedDB, settings).
 * `language` starts the browser in that UI language (`zh-CN`): on Linux Chromium takes it from the
 * environment (`LANGUAGE`), not `--lang`, and shows it only with its locale files (Debian's chromium-l10n).
 */
export async function launchWithExtension(
  extensionDir = EXTENSION_DIR,
  userDataDir = mkdtempSync(join(tmpdir(), 'huashu-e2e-')),
  language?: string,
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No test build at ${extensionDir}: run "npm run build:e2e" first.`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 760 },
    ...(language ? { env: { ...process.env, LANGUAGE: language.replace('-', '_') } } : {}),
    args: [
      ...BROWSER_FLAGS,
      ...(language ? [`--lang=${language}`, `--accept-lang=${language}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, close: () => context.close() };
}

/** Opens the side panel page as a tab (Playwright cannot drive the real side panel). */
export async function openPanel(browser: ExtensionBrowser, width = 400): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 760 });
  await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  return page;
}

/**
 * Opens a replica chat page, then the panel, and waits until the panel reads that page's buyer.
 * `prepare` runs on the chat page after it loaded (e.g. to count send attempts).
 */
export async function openChatAndPanel(
  browser: ExtensionBrowser,
  url: string,
  buyerName: string,
  prepare?: (chat: Page) => Promise<void>,
): Promise<{ chat: Page; panel: Page }> {
  const chat = await browser.context.newPage();
  await chat.goto(url);
  await prepare?.(chat);
  await chat.bringToFront();
  const panel = await openPanel(browser);
  await panel.waitForFunction(
    (name) => document.querySelector('[data-testid="buyer-name"]')?.textContent === name,
    buyerName,
    { timeout: 20_000 },
  );
  return { chat, panel };
}

/** The chat page and the panel side by side in one picture (the README's screenshots). */
export async function sideBySide(browser: ExtensionBrowser, chat: Page, panel: Page, file: string): Promise<void> {
  const left = (await chat.screenshot()).toString('base64');
  const right = (await panel.screenshot()).toString('base64');
  const frame = await browser.context.newPage();
  await frame.setViewportSize({ width: 1500, height: 760 });
  await frame.setContent(
    `<body style="margin:0;display:flex;gap:0;background:#ddd"><img src="data:image/png;base64,${left}" style="width:1100px"><img src="data:image/png;base64,${right}" style="width:400px"></body>`,
  );
  await frame.screenshot({ path: file });
  await frame.close();
}
