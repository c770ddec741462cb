/**
 * The chat pane changing under the content script, in real Chromium with the test build
 * (`npm run build:e2e`): the agent opens another buyer (a new context), a single-page app routes to
 * its inbox after the page loaded, and the site re-renders its message list. Each time the side panel
 * must follow without a reload, rank for the new buyer's message and insert into that page's composer.
 * What the pages do here is what the sites' own scripts do, with the markup of the fixtures.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openChatAndPanel, openPanel, ROOT, serveFolder, type ExtensionBrowser } from './harness';
import { appendBuyerMessage, FLOWS, type SiteFlow } from './sites';

let browser: ExtensionBrowser;
let server: Server;
let origin: string;

beforeAll(async () => {
  ({ server, origin } = await serveFolder(join(ROOT, 'tests/fixtures/sites')));
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const expectations = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/sites/expectations.json'), 'utf8')) as Record<
  string,
  { buyerName: string; lastBuyerText: string | null }
>;

/** Where a site shows the open conversation; the same selectors as its adapter, seen in the fixtures. */
interface Pane {
  site: SiteFlow['site'];
  /** The header element holding the buyer's name. */
  name: string;
  /** The message list. */
  list: string;
  /** Contact-list items whose class marks the selected buyer, if the site has a contact list. */
  contacts?: string;
  /** Parts of the pane a conversation may lack (removed when the other conversation has none). */
  optional: string[];
}

const PANES: Pane[] = [
  {
    site: 'jd',
    name: '.chat-head-name',
    list: '#t-chat-scroll .c-c',
    contacts: '#t-alluser-wrap .alluser-item',
    optional: ['.chat-product'],
  },
  { site: 'shopify', name: 'header h2', list: '[role="log"]', optional: [] },
];

const flowOf = (site: SiteFlow['site']) => FLOWS.find((flow) => flow.site === site)!;

const QUIET = { timeout: 1_000 };
const panelText = (panel: Page, testId: string) =>
  panel
    .getByTestId(testId)
    .textContent(QUIET)
    .catch(() => null);
const topSuggestion = (panel: Page) =>
  panel
    .locator('[data-testid="suggestion"]')
    .first()
    .getAttribute('data-entry-id', QUIET)
    .catch(() => null);

/** What the site's chat script does when the agent clicks another buyer in the contact list. */
async function openOtherBuyer(chat: Page, pane: Pane): Promise<void> {
  await chat.evaluate(
    async ({ fixture, name, list, contacts, optional }) => {
      const next = new DOMParser().parseFromString(await (await fetch(fixture)).text(), 'text/html');
      // A framework updates in place: the selection class moves, the header's text node gets the new
      // name (React's setTextContent), bars the other buyer lacks go, the list gets the other messages.
      if (contacts) {
        const items = document.querySelectorAll(contacts);
        next.querySelectorAll(contacts).forEach((item, i) => items[i]?.setAttribute('class', item.className));
      }
      document.querySelector(name)!.firstChild!.nodeValue = next.querySelector(name)!.textContent;
      for (const part of optional) if (!next.querySelector(part)) document.querySelector(part)?.remove();
      const messages = Array.from(next.querySelector(list)!.childNodes, (node) => document.importNode(node, true));
      document.querySelector(list)!.replaceChildren(...messages);
    },
    { ...pane, fixture: `/${pane.site}/second-conversation.html` },
  );
}

/** A new buyer message makes the site's reply rank first, and Insert writes it into this page's composer. */
async function expectRankAndInsert(chat: Page, panel: Page, flow: SiteFlow): Promise<void> {
  await appendBuyerMessage(chat, flow.site, flow.message);
  await expect.poll(() => panelText(panel, 'buyer-question'), { timeout: 15_000 }).toContain(flow.message);
  await expect.poll(() => topSuggestion(panel), { timeout: 15_000 }).toBe(flow.expected);
  await panel.locator('[data-testid="suggestion"]').first().getByTestId('insert').click();
  await expect.poll(() => panelText(panel, 'notice'), { timeout: 10_000 }).toContain('Inserted');
  const composer = chat.locator(flow.composer);
  const written = await composer.evaluate((el) =>
    el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText,
  );
  expect(written).toContain(flow.inserted);
}

describe.each(PANES)('$site', (pane) => {
  const flow = flowOf(pane.site);
  const first = expectations[`${pane.site}/history.html`]!;
  const second = expectations[`${pane.site}/second-conversation.html`]!;

  it('another buyer opened in the contact list is a new context', async () => {
    const { chat, panel } = await openChatAndPanel(browser, `${origin}/${pane.site}/history.html`, first.buyerName);
    try {
      await expect.poll(() => panelText(panel, 'buyer-question'), { timeout: 15_000 }).toContain(first.lastBuyerText!);
      await openOtherBuyer(chat, pane);
      await expect.poll(() => panelText(panel, 'buyer-name'), { timeout: 15_000 }).toBe(second.buyerName);
      await expect.poll(() => panelText(panel, 'chat-header'), { timeout: 15_000 }).toContain(second.buyerName);
      await expect.poll(() => panelText(panel, 'buyer-question')).toContain(second.lastBuyerText!);
      expect(await panelText(panel, 'buyer-question')).not.toContain(first.lastBuyerText!);

      await expectRankAndInsert(chat, panel, flow);
      expect(await panelText(panel, 'buyer-name')).toBe(second.buyerName);
      expect(await panelText(panel, 'buyer-question')).not.toContain(first.lastBuyerText!);
    } finally {
      await panel.close();
      await chat.close();
    }
  });

  it('a chat pane a single-page app routes to after load is picked up without a reload', async () => {
    const chat = await browser.context.newPage();
    // The app's shell: served for every /app/ URL, it has no chat pane until the router renders one.
    await chat.route(`${origin}/app/**`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html><head><meta charset="utf-8"><title>Inbox</title></head><body><nav><a href="/app/inbox">Inbox</a></nav><div id="app"><p>Loading…</p></div></body></html>',
      }),
    );
    await chat.goto(`${origin}/app/home`);
    await chat.bringToFront();
    const panel = await openPanel(browser);
    try {
      // No chat yet (in the test build a local page without a chat counts as a site turned on: "This page").
      await expect.poll(() => panelText(panel, 'chat-header')).toMatch(/No chat open|This page/);
      const empty = expectations[`${pane.site}/empty.html`]!;
      await chat.evaluate(async (fixture) => {
        history.pushState({}, '', '/app/inbox/conversation');
        const view = new DOMParser().parseFromString(await (await fetch(fixture)).text(), 'text/html');
        const nodes = Array.from(view.body.childNodes, (node) => document.importNode(node, true));
        document.getElementById('app')!.replaceChildren(...nodes);
      }, `/${pane.site}/empty.html`);
      expect(chat.url()).toBe(`${origin}/app/inbox/conversation`);
      await expect.poll(() => panelText(panel, 'buyer-name'), { timeout: 15_000 }).toBe(empty.buyerName);
      await expectRankAndInsert(chat, panel, flow);
    } finally {
      await panel.close();
      await chat.close();
    }
  });

  it("a reloaded chat page stays the chat: the old page's late pagehide forgets only its own report", async () => {
    const { chat, panel } = await openChatAndPanel(browser, `${origin}/${pane.site}/history.html`, first.buyerName);
    try {
      for (let reload = 0; reload < 3; reload += 1) {
        await chat.reload();
        await expect.poll(() => panelText(panel, 'buyer-name'), { timeout: 15_000 }).toBe(first.buyerName);
      }
      // Time for any late forget to arrive: the chat is still the one Insert writes into.
      await chat.waitForTimeout(1_000);
      await expectRankAndInsert(chat, panel, flow);
    } finally {
      await panel.close();
      await chat.close();
    }
  });

  it('a message list the site re-renders as a new element keeps being read', async () => {
    const { chat, panel } = await openChatAndPanel(browser, `${origin}/${pane.site}/history.html`, first.buyerName);
    try {
      await chat.evaluate((list) => {
        const old = document.querySelector(list)!;
        const fresh = old.cloneNode(true) as Element;
        old.replaceWith(fresh);
      }, pane.list);
      await expectRankAndInsert(chat, panel, flow);
      expect(await panelText(panel, 'buyer-name')).toBe(first.buyerName);
    } finally {
      await panel.close();
      await chat.close();
    }
  });
});
