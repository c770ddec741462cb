/**
 * Pack subscriptions in real Chromium with the production build (`npm run build` → .output/chrome-mv3),
 * which has no host access to 127.0.0.1: the background reads the local pack server only because the
 * server sends CORS headers, as GitHub raw and CDNs do. A team lead subscribes in the options page, the
 * panel finds the pack's entry, "Sync now" brings a new version (asked with If-None-Match), and a
 * server error keeps that version and says so. A pack signed with `kpack sign` and subscribed with the
 * team's public key is imported; changed on the server without signing it again, it is refused.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanel, ROOT, type ExtensionBrowser } from './harness';
import { signedDeskPack, signedPack } from './signing';

const EXTENSION = process.env.HUASHU_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');

const packJson = (version: string, reply: string) =>
  JSON.stringify({
    format: 'huashu-pack/1',
    id: 'sync-desk',
    name: 'Sync desk',
    version,
    locale: 'en',
    entries: [
      {
        id: 'snowboard-wax',
        title: 'Snowboard waxing',
        questions: ['do you wax snowboards', 'snowboard waxing price'],
        keywords: ['snowboard'],
        replies: [{ text: reply }],
      },
    ],
  });

/** What is served at the signed pack's address and beside it (`.sig`). */
const signed = { body: signedDeskPack(), sig: '' };

/** The team lead's pack server: one pack, an ETag per version, 304 for If-None-Match, CORS for everyone. */
const served = { status: 200, body: packJson('1.0.0', 'We wax snowboards for $25.'), etag: '"v1"' };
const requests: IncomingHttpHeaders[] = [];
let server: Server;
let packUrl: string;
let browser: ExtensionBrowser;
let options: Page;
let panel: Page;

const CORS = {
  'access-control-allow-origin': '*',
  // Conditional headers make the request non-simple: the preflight must allow them, and the ETag must be
  // exposed to be readable cross-origin (without it the background still recognises an unchanged body).
  'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
  'access-control-expose-headers': 'ETag',
};

const row = () => options.locator('[data-pack-id="sync-desk"]');
const suggestionIds = (page: Page) =>
  page.locator('[data-testid="suggestion"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.entryId));

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS).end();
      return;
    }
    if (request.url?.startsWith('/packs/signed-desk.json')) {
      const body = request.url.endsWith('.sig') ? signed.sig : signed.body;
      response.writeHead(200, { ...CORS, 'content-type': 'application/json; charset=utf-8' }).end(body);
      return;
    }
    requests.push(request.headers);
    if (served.status !== 200) {
      response.writeHead(served.status, CORS).end('server trouble');
      return;
    }
    if (request.headers['if-none-match'] === served.etag) {
      response.writeHead(304, { ...CORS, etag: served.etag }).end();
      return;
    }
    response.writeHead(200, { ...CORS, 'content-type': 'application/json; charset=utf-8', etag: served.etag });
    response.end(served.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  packUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/packs/sync-desk.json`;

  browser = await launchWithExtension(EXTENSION);
  panel = await openPanel(browser);
  // The background seeds the four shipped packs on install.
  await panel.waitForFunction(() => /4 packs/.test(document.querySelector('.panel__footer')?.textContent ?? ''), null, {
    timeout: 30_000,
  });
  options = await browser.context.newPage();
  await options.setViewportSize({ width: 1000, height: 800 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('pack-table').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

describe('pack subscriptions', () => {
  it('subscribes to a pack URL; the table shows it and the panel finds its entry', async () => {
    await options.getByTestId('pack-url-input').fill(packUrl);
    await options.getByTestId('pack-url-add').click();
    await expect
      .poll(() => options.getByTestId('import-report').textContent(), { timeout: 15_000 })
      .toContain(`${packUrl}: imported “Sync desk” 1.0.0, 1 entries`);
    await expect.poll(() => row().count()).toBe(1);
    await expect(row().textContent()).resolves.toContain(packUrl);
    await expect(row().getByTestId('pack-sync-status').textContent()).resolves.toMatch(/^checked \d{4}-\d\d-\d\d/);

    await panel.getByTestId('search').fill('snowboard waxing');
    await expect.poll(async () => (await suggestionIds(panel))[0], { timeout: 10_000 }).toBe('snowboard-wax');
  });

  it('Sync now brings the new version, asked for with If-None-Match', async () => {
    served.body = packJson('1.1.0', 'We wax snowboards for $30 now.');
    served.etag = '"v2"';
    await row().getByTestId('pack-sync-now').click();
    await expect.poll(() => row().textContent(), { timeout: 15_000 }).toContain('1.1.0');
    expect(requests.at(-1)?.['if-none-match']).toBe('"v1"');
    await expect(row().getByTestId('pack-sync-status').textContent()).resolves.not.toContain('kept');
    // The panel hears that packs changed and ranks from the new version.
    await expect
      .poll(() => panel.locator('[data-testid="suggestion"]').first().textContent(), { timeout: 10_000 })
      .toContain('$30 now');
  });

  it('a server error keeps the version there and shows the error', async () => {
    served.status = 500;
    await row().getByTestId('pack-sync-now').click();
    await expect
      .poll(() => row().getByTestId('pack-sync-status').textContent(), { timeout: 15_000 })
      .toMatch(/^HTTP 500 Internal Server Error — kept version 1\.1\.0 from \d{4}-\d\d-\d\d \d\d:\d\d/);
    await expect(row().locator('td').nth(2).textContent()).resolves.toBe('1.1.0');
    await expect(row().locator('input[type="checkbox"]').isChecked()).resolves.toBe(true);
    await panel.getByTestId('search').fill('snowboard wax');
    await expect.poll(async () => (await suggestionIds(panel))[0], { timeout: 10_000 }).toBe('snowboard-wax');
    await options.screenshot({ path: join(SCREENSHOTS, 'options-sync-error.png') });
  });

  it('says clearly what is wrong with an address that is not http(s)', async () => {
    await options.getByTestId('pack-url-input').fill('ftp://packs.example.com/sync-desk.json');
    await options.getByTestId('pack-url-add').click();
    await expect
      .poll(() => options.getByTestId('import-report').textContent())
      .toContain('Only https:// addresses can be subscribed to, not ftp://');
    await expect(row().locator('td').nth(2).textContent()).resolves.toBe('1.1.0');
  });

  it('with "review updates" on, Sync now keeps the update waiting; Review shows it, Apply stores it', async () => {
    served.status = 200;
    await row().getByTestId('pack-review-updates').click();
    await expect.poll(() => row().getByTestId('pack-review-updates').getAttribute('aria-pressed')).toBe('true');
    served.body = packJson('1.2.0', 'We wax snowboards for $35 now.');
    served.etag = '"v3"';
    await row().getByTestId('pack-sync-now').click();
    await expect
      .poll(() => row().getByTestId('pack-pending').textContent(), { timeout: 15_000 })
      .toBe('update 1.2.0 waiting for review');
    await expect(row().locator('td').nth(2).textContent()).resolves.toBe('1.1.0');
    await row().getByTestId('pack-review').click();
    const preview = options.getByTestId('import-preview');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain('an update of “Sync desk” 1.1.0 → 1.2.0');
    await expect(preview.locator('[data-testid=preview-changed] ins').first().textContent()).resolves.toContain('35');
    await options.getByTestId('import-apply').click();
    await expect.poll(() => row().locator('td').nth(2).textContent(), { timeout: 15_000 }).toBe('1.2.0');
    await expect(row().getByTestId('pack-pending').count()).resolves.toBe(0);
  });
});

describe('signed packs', () => {
  const signedRow = () => options.locator('[data-pack-id="signed-desk"]');
  let publicKey = '';
  let signedUrl = '';

  beforeAll(() => {
    // The team lead's side: kpack (the CLI as built) writes a new key, signs the file, prints the key to pin.
    ({ publicKey, signature: signed.sig } = signedPack('signed-desk.json', signed.body));
    signedUrl = packUrl.replace('sync-desk.json', 'signed-desk.json');
  });

  it('refuses a key that is not an Ed25519 public key, saying so', async () => {
    await options.getByTestId('pack-url-input').fill(signedUrl);
    await options.getByTestId('subscribe-public-key').fill('not-a-key');
    await options.getByTestId('pack-url-add').click();
    await expect
      .poll(() => options.getByTestId('import-report').textContent())
      .toContain('“not-a-key” is not an Ed25519 public key');
    await expect(signedRow().count()).resolves.toBe(0);
  });

  it('subscribes with the team public key: the signed pack is imported and marked signed', async () => {
    await options.getByTestId('pack-url-input').fill(signedUrl);
    await options.getByTestId('subscribe-public-key').fill(publicKey);
    await options.getByTestId('pack-url-add').click();
    await expect
      .poll(() => options.getByTestId('import-report').textContent(), { timeout: 15_000 })
      .toContain(
        `${signedUrl}: imported “Signed desk” 1.0.0, 1 entries; signature checked (key ${publicKey.slice(0, 8)}…)`,
      );
    await expect
      .poll(() => signedRow().getByTestId('subscription-signed').textContent())
      .toBe(`Signed · key ${publicKey.slice(0, 8)}…`);
    await panel.getByTestId('search').fill('gift wrapping');
    await expect
      .poll(() => panel.locator('[data-testid="suggestion"]').first().textContent(), { timeout: 10_000 })
      .toContain('Gift wrapping is free');
  });

  it('a reply changed on the server without signing again is refused; the signed version stays in use', async () => {
    signed.body = signedDeskPack('Gift wrapping costs $50.');
    await signedRow().getByTestId('pack-sync-now').click();
    await expect
      .poll(() => signedRow().getByTestId('pack-sync-status').textContent(), { timeout: 15_000 })
      .toMatch(
        /^refused: the signature does not match: the file was changed or signed with another key — kept version 1\.0\.0 from /,
      );
    await expect(signedRow().locator('td').nth(2).textContent()).resolves.toBe('1.0.0');
    // The panel still suggests the signed reply, read from storage again.
    await panel.reload();
    await panel.getByTestId('search').fill('gift wrapping');
    await expect
      .poll(() => panel.locator('[data-testid="suggestion"]').first().textContent(), { timeout: 10_000 })
      .toContain('Gift wrapping is free');
    await expect(panel.locator('[data-testid="suggestion"]').first().textContent()).resolves.not.toContain('$50');
    await signedRow().scrollIntoViewIfNeeded();
    await options.screenshot({ path: join(SCREENSHOTS, 'options-signed-refused.png') });
  });
});
