/**
 * Fleet policy in Firefox ESR: `storage.managed` answers the same keys as in Chrome, and the policy's pack
 * appears subscribed in the options page without a click. Firefox fills managed storage from
 * policies.json (`3rdparty.Extensions`) or, failing that, from a managed-storage manifest in the user's
 * `~/.mozilla/managed-storage/`. policies.json is machine-wide (it would reach every Firefox on the
 * machine, other test runs included), so this test gives Firefox a HOME of its own and writes the manifest
 * there: the extension reads it through the same `storage.managed.get()`.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_UUID, FIREFOX, GECKO_ID, launchFirefox, poll, type Firefox } from './firefox';
import { serveFleetPack } from './fleet-pack';

let firefox: Firefox;
let server: Server;
let packUrl: string;

describe.skipIf(!existsSync(FIREFOX))('fleet policy in firefox', () => {
  beforeAll(async () => {
    ({ server, packUrl } = await serveFleetPack());
    const home = mkdtempSync(join(tmpdir(), 'huashu-firefox-home-'));
    mkdirSync(join(home, '.mozilla/managed-storage'), { recursive: true });
    const data = { packSubscriptions: [{ url: packUrl, packId: 'fleet-desk' }], learnFromPicks: false };
    writeFileSync(
      join(home, '.mozilla/managed-storage', `${GECKO_ID}.json`),
      JSON.stringify({ name: GECKO_ID, description: 'Huashu fleet policy (test)', type: 'storage', data }),
    );
    firefox = await launchFirefox({ ...process.env, HOME: home });
  });

  afterAll(() => {
    firefox?.close();
    server?.close();
  });

  it('a policy-configured subscription appears without a click', async () => {
    const { contexts } = await firefox.send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', {});
    const page = contexts[0]!.context;
    await firefox
      .send('browsingContext.navigate', {
        context: page,
        url: `moz-extension://${EXTENSION_UUID}/options.html`,
        wait: 'complete',
      })
      .catch(() => {});
    const row = () =>
      firefox.evaluate<string | null>(
        page,
        `document.querySelector('[data-pack-id="fleet-desk"]')?.textContent ?? null`,
      );
    expect(await poll(row, (text) => Boolean(text?.includes(packUrl)), 30_000)).toContain(
      'Subscribed by your organisation',
    );
    const section = () =>
      firefox.evaluate<string | null>(page, `document.querySelector('[data-testid="policy"]')?.textContent ?? null`);
    expect(await poll(section, (text) => Boolean(text?.includes('subscribed: pack fleet-desk')))).toMatch(
      /Learning from picks\s*off/,
    );
    const learningLocked = () =>
      firefox.evaluate<boolean>(page, `document.querySelector('[data-testid="learning-switch"]').disabled`);
    expect(await poll(learningLocked, (locked) => locked)).toBe(true);
  });
});
