/**
 * Fleet policy in real Chromium: IT writes an enterprise policy file, and a fresh browser subscribes to
 * the policy's pack and locks what it sets, without anyone clicking. On Linux Chromium reads
 * `/etc/chromium/policies/managed/*.json`; an extension's policy sits under
 * `3rdparty.extensions.<extension id>`, so the test build has a manifest `key` that fixes its id (the
 * id is worked out here from that key, as Chromium does). The policy file is removed in afterAll,
 * whatever happened, so the other end-to-end files run without a policy. Needs root (CI runs as root).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFleetPack } from './fleet-pack';
import { EXTENSION_DIR, launchWithExtension, ROOT, type ExtensionBrowser } from './harness';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'huashu-e2e-fleet-policy.json');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
/** Chromium's policy folder is machine-wide and root's: without root the file is skipped, saying why. */
const CAN_WRITE_POLICY = process.getuid?.() === 0;
if (!CAN_WRITE_POLICY) console.warn('policy.e2e skipped: writing /etc/chromium/policies needs root (CI runs as root)');

/** Chromium's id of an extension with a manifest `key`: the SHA-256 of the key's bytes, 32 hex digits as a–p. */
function extensionIdOfKey(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

let server: Server;
let origin: string;
/** The team key `kpack sign` made for the served pack, pinned by the policy. */
let publicKey: string | undefined;
let browser: ExtensionBrowser | undefined;
let options: Page;
/** Folders this test made (deepest first), removed again when empty. */
const createdDirs: string[] = [];

beforeAll(async () => {
  if (!CAN_WRITE_POLICY) return;
  ({ server, origin, publicKey } = await serveFleetPack(true));

  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { key?: string };
  if (!manifest.key) throw new Error('The test build has no manifest key: run "npm run build:e2e" (HUASHU_E2E=1).');
  const id = extensionIdOfKey(manifest.key);
  for (let dir = POLICY_DIR; !existsSync(dir); dir = dirname(dir)) createdDirs.push(dir);
  mkdirSync(POLICY_DIR, { recursive: true });
  const policy = {
    packSubscriptions: [
      {
        url: `${origin}/packs/fleet-desk.json`,
        packId: 'fleet-desk',
        publicKey,
        reviewUpdates: true,
      },
      { url: `${origin}/packs/missing.json` },
    ],
    learnFromPicks: false,
    usageLog: false,
    usageLogRetentionDays: 30,
  };
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 2));

  browser = await launchWithExtension();
  expect(browser.extensionId).toBe(id);
  options = await browser.context.newPage();
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
});

afterAll(async () => {
  if (!CAN_WRITE_POLICY) return;
  // The policy file goes first: it is machine-wide, and the next test file must start without it.
  rmSync(POLICY_FILE, { force: true });
  for (const dir of createdDirs) if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

describe.skipIf(!CAN_WRITE_POLICY)('fleet policy', () => {
  it('a policy-configured subscription appears without a click', async () => {
    const row = options.locator('[data-pack-id="fleet-desk"]');
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    await expect(row.textContent()).resolves.toContain(`${origin}/packs/fleet-desk.json`);
    // The organisation's pack cannot be removed here, and its review choice is the policy's.
    await expect(row.getByRole('button', { name: 'Remove' }).count()).resolves.toBe(0);
    await expect(row.getByTestId('policy-locked').first().textContent()).resolves.toContain('organisation');
    await expect(row.getByTestId('pack-review-updates').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(row.getByTestId('pack-review-updates').isDisabled()).resolves.toBe(true);
    // Pinned to the policy's key: the file was taken because its signature verified with it.
    await expect(row.getByTestId('subscription-signed').textContent()).resolves.toBe(
      `Signed · key ${publicKey!.slice(0, 8)}…`,
    );
  });

  it('the options page lists what the policy sets; a failing subscription shows its error', async () => {
    const section = options.getByTestId('policy');
    await section.waitFor();
    const statuses = section.getByTestId('policy-subscription-status');
    await expect
      .poll(() => statuses.allTextContents(), { timeout: 15_000 })
      .toEqual([
        'subscribed: pack fleet-desk (below, in Packs)',
        expect.stringMatching(/^not subscribed: HTTP 404 .*tried again every hour$/),
      ]);
    await expect(section.textContent()).resolves.toMatch(/Usage log.*off/);
    await expect(section.textContent()).resolves.toContain('30 days');
    await expect(section.textContent()).resolves.toMatch(/Learning from picks.*off/);
  });

  it('the settings the policy sets are shown disabled, with a note', async () => {
    const learning = options.getByTestId('learning-switch');
    await expect.poll(() => learning.isDisabled()).toBe(true);
    await expect(learning.isChecked()).resolves.toBe(false);
    const logging = options.getByTestId('usage-logging');
    await expect(logging.isDisabled()).resolves.toBe(true);
    await expect(logging.isChecked()).resolves.toBe(false);
    await expect(options.getByTestId('usage-report').textContent()).resolves.toContain('for 30 days');
    await expect(options.getByTestId('learning').getByTestId('policy-locked').count()).resolves.toBe(1);
    await options.getByTestId('policy').scrollIntoViewIfNeeded();
    await options.screenshot({ path: join(SCREENSHOTS, 'options-policy.png') });
  });
});
