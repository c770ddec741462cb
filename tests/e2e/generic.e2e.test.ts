/**
 * Any other page (not a chat site), in real Chromium with the test build: the agent selects the buyer's
 * words, asks Huashu for replies (the context menu; the test calls what the menu click does, since
 * Chromium cannot click an extension menu), the panel ranks replies for the selection, and Insert writes
 * into the text box the agent clicked.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanel, ROOT, serveFolder, sideBySide, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let server: Server;
let origin: string;

beforeAll(async () => {
  ({ server, origin } = await serveFolder(join(ROOT, 'tests/fixtures/sites')));
  browser = await launchWithExtension(join(ROOT, '.output/e2e/chrome-mv3'));
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** What the context-menu click does: inject the page reader into the tab showing `url`. */
async function findRepliesFor(url: string): Promise<boolean> {
  const [worker] = browser.context.serviceWorkers();
  return worker!.evaluate(async (pageUrl) => {
    const scope = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> } };
      huashuReadSelectionIn(tabId: number, frameId: number): Promise<boolean>;
    };
    const [tab] = await scope.chrome.tabs.query({ url: pageUrl });
    return scope.huashuReadSelectionIn(tab!.id, 0);
  }, url);
}

const select = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(s)!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }, selector);

/** Opens the page, selects the question, does what the menu click does, and waits for the ranking. */
async function askAboutSelection(url: string): Promise<{ page: Page; panel: Page }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await select(page, '#question');
  expect(await findRepliesFor(url)).toBe(true);
  const panel = await openPanel(browser);
  await expect
    .poll(() => panel.getByTestId('buyer-question').textContent(), { timeout: 15_000 })
    .toContain('when will my order ship?');
  await expect
    .poll(() => panel.locator('[data-testid="suggestion"]').first().getAttribute('data-entry-id'), {
      timeout: 15_000,
    })
    .toBe('processing-time');
  return { page, panel };
}

const insertFirst = (panel: Page) => panel.locator('[data-testid="suggestion"]').first().getByTestId('insert').click();
const notice = (panel: Page) => panel.getByTestId('notice').textContent();

describe('any other page', () => {
  it('ranks replies for the selected text and inserts into the text box the agent clicked', async () => {
    const url = `${origin}/generic/page.html`;
    const { page, panel } = await askAboutSelection(url);
    try {
      // The agent clicks into the reply box (the selection goes; the question stays), then Insert.
      await page.bringToFront();
      await page.locator('#reply').click();
      await expect.poll(() => panel.getByTestId('buyer-question').textContent()).toContain('when will my order ship?');
      await insertFirst(panel);
      await expect.poll(() => notice(panel), { timeout: 10_000 }).toContain('Inserted');
      expect(await page.locator('#reply').inputValue()).not.toBe('');
      await sideBySide(browser, page, panel, join(ROOT, 'docs/screenshots/generic.png'));

      // A second selection and menu click asks the new question (the reader is not injected twice).
      await select(page, 'h1');
      expect(await findRepliesFor(url)).toBe(true);
      await expect
        .poll(() => panel.getByTestId('buyer-question').textContent(), { timeout: 15_000 })
        .toContain('Help desk');
    } finally {
      await panel.close();
      await page.close();
    }
  });

  it('says why nothing is inserted when the agent has not clicked a text box', async () => {
    const { page, panel } = await askAboutSelection(`${origin}/generic/page.html?no-box`);
    try {
      await insertFirst(panel);
      await expect.poll(() => notice(panel), { timeout: 10_000 }).toContain('click into the reply box');
    } finally {
      await panel.close();
      await page.close();
    }
  });
});
