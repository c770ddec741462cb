/**
 * The main loop in Firefox (the MV2 build, `sidebar_action` instead of the side panel), in Debian's
 * firefox-esr over WebDriver BiDi: a buyer writes on the JD replica page, the panel page ranks the
 * right reply first, Insert writes it into the page's composer, nothing is sent; a typed shortcut expands.
 * A signed pack subscribed with its team key is imported (Firefox's WebCrypto checks the Ed25519
 * signature); changed without signing it again, it is refused and the signed version kept.
 */
import { existsSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_UUID, FIREFOX, launchFirefox, poll, type Firefox } from './firefox';
import { ROOT, serveFolder } from './harness';
import { signedDeskPack, signedPack } from './signing';

let firefox: Firefox;
let server: Server;
let origin: string;

describe.skipIf(!existsSync(FIREFOX))('firefox', () => {
  beforeAll(async () => {
    ({ server, origin } = await serveFolder(join(ROOT, 'tests/fixtures/sites')));
    firefox = await launchFirefox();
  });

  afterAll(() => {
    firefox?.close();
    server?.close();
  });

  it('reads the buyer, ranks the right reply, inserts it without sending, and expands a shortcut', async () => {
    const { contexts } = await firefox.send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', {});
    const chat = contexts[0]!.context;
    await firefox.send('browsingContext.navigate', {
      context: chat,
      url: `${origin}/jd/variant-wrappers.html`,
      wait: 'complete',
    });
    const { context: panel } = await firefox.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await firefox.send('browsingContext.navigate', {
      context: panel,
      url: `moz-extension://${EXTENSION_UUID}/sidepanel.html`,
      wait: 'complete',
    });
    const buyer = () =>
      firefox.evaluate<string | null>(
        panel,
        `document.querySelector('[data-testid="buyer-name"]')?.textContent ?? null`,
      );
    expect(await poll(buyer, (name) => name === 'jd_晨晨')).toBe('jd_晨晨');

    await firefox.evaluate(chat, `window.huashuReplica.buyerSays('你好 能开增值税专用发票吗 要什么资料')`);
    const first = () =>
      firefox.evaluate<string | null>(
        panel,
        `document.querySelector('[data-testid="suggestion"]')?.dataset.entryId ?? null`,
      );
    expect(await poll(first, (id) => id === 'invoice-special')).toBe('invoice-special');

    await firefox.evaluate(
      panel,
      `document.querySelector('[data-testid="suggestion"] [data-testid="insert"]').click()`,
    );
    const notice = () =>
      firefox.evaluate<string | null>(panel, `document.querySelector('[data-testid="notice"]')?.textContent ?? null`);
    expect(await poll(notice, (text) => Boolean(text?.includes('Inserted')))).toContain('Inserted');
    const composer = () => firefox.evaluate<string>(chat, `document.querySelector('.rich-editor__content').innerText`);
    expect(await composer()).toContain('增值税专用发票');
    expect(await firefox.evaluate<number>(chat, `window.huashuReplica.sent`)).toBe(0);

    // A shortcut typed by the agent (trusted key events through BiDi's input actions), ended with Tab.
    await firefox.evaluate(
      chat,
      `(() => { const box = document.querySelector('.rich-editor__content'); box.textContent = ''; box.focus(); return 1; })()`,
    );
    const keys = [...'ok /fh'].flatMap((value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ]);
    keys.push({ type: 'keyDown', value: '\uE004' }, { type: 'keyUp', value: '\uE004' });
    await firefox.send('input.performActions', {
      context: chat,
      actions: [{ type: 'key', id: 'keyboard', actions: keys }],
    });
    const expanded = await poll(composer, (text) => text.includes('京东物流'), 5_000);
    expect(expanded).toContain('京东物流');
    expect(expanded).not.toContain('/fh');
    expect(await firefox.evaluate<number>(chat, `window.huashuReplica.sent`)).toBe(0);
  });

  it('imports a pack signed with the pinned team key, and refuses it changed without a new signature', async () => {
    const { file, folder, publicKey } = signedPack('signed-desk.json', signedDeskPack());
    const packs = await serveFolder(folder);
    try {
      const url = `${packs.origin}/signed-desk.json`;
      const { context: page } = await firefox.send<{ context: string }>('browsingContext.create', { type: 'tab' });
      await firefox.send('browsingContext.navigate', {
        context: page,
        url: `moz-extension://${EXTENSION_UUID}/options.html`,
        wait: 'complete',
      });
      // The only subscribed pack in this profile: its row's test ids are unique on the page.
      const text = (testId: string) =>
        firefox.evaluate<string | null>(
          page,
          `document.querySelector('[data-testid="${testId}"]')?.textContent ?? null`,
        );
      expect(
        await poll(
          () => text('pack-url-add'),
          (label) => label === 'Subscribe',
        ),
      ).toBe('Subscribe');
      // React reads inputs through their value setter and an input event, as typing does.
      await firefox.evaluate(
        page,
        `(() => {
          const type = (testId, value) => {
            const input = document.querySelector('[data-testid="' + testId + '"]');
            Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, value);
            input.dispatchEvent(new Event('input', { bubbles: true }));
          };
          type('pack-url-input', ${JSON.stringify(url)});
          type('subscribe-public-key', ${JSON.stringify(publicKey)});
          return 1;
        })()`,
      );
      await firefox.evaluate(page, `document.querySelector('[data-testid="pack-url-add"]').click()`);
      const report = await poll(
        () => text('import-report'),
        (t) => Boolean(t?.includes('imported') || t?.includes('not imported')),
      );
      expect(report).toContain(`${url}: imported “Signed desk” 1.0.0`);
      expect(await poll(() => text('subscription-signed'), Boolean)).toBe(`Signed · key ${publicKey.slice(0, 8)}…`);

      writeFileSync(file, signedDeskPack('Gift wrapping costs $50.'));
      await firefox.evaluate(
        page,
        `document.querySelector('[data-pack-id="signed-desk"] [data-testid="pack-sync-now"]').click()`,
      );
      const status = await poll(
        () => text('pack-sync-status'),
        (t) => Boolean(t?.startsWith('refused')),
      );
      expect(status).toMatch(
        /^refused: the signature does not match: the file was changed or signed with another key — kept version 1\.0\.0/,
      );
    } finally {
      packs.server.close();
    }
  });
});
