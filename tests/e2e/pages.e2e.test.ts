/**
 * Pages as they really are, in real Chromium with the test build: replica variants that are not one copy
 * of each site (other wrapper classes, a cross-origin iframe, a page that re-renders every second, a second
 * conversation). For each: the right suggestion, Insert writes into the page's own editor state exactly
 * once (and says which route found the composer), nothing is sent, and a typed shortcut expands — the
 * first one right after the page loaded. The routes found are printed at the end.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanel, ROOT, serveFolder, type ExtensionBrowser } from './harness';
import { typeShortcut } from './sites';

let browser: ExtensionBrowser;
let server: Server;
let origin: string;
const results: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  ({ server, origin } = await serveFolder(join(ROOT, 'tests/fixtures/sites')));
  browser = await launchWithExtension(join(ROOT, '.output/e2e/chrome-mv3'));
});

afterAll(async () => {
  console.log('\nReplica variants (route that found the composer; suggestion, insert, shortcut):');
  for (const [name, result] of Object.entries(results))
    console.log(
      `  ${name.padEnd(26)} ${Object.entries(result)
        .map(([k, v]) => `${k}: ${v}`)
        .join('  ')}`,
    );
  await browser?.close();
  server?.close();
});

interface Variant {
  name: string;
  page: string;
  /** Part of the URL of the frame holding the chat, when it is an iframe. */
  frame?: string;
  buyer: string;
  message: string;
  /** The entry that must rank first, or null (no pack for the platform: the agent searches). */
  expected: string | null;
  search?: string;
  /** A part of the inserted reply (the box must hold the reply exactly once). */
  inserted: string;
  composer: string;
  /** Route expected when Insert is clicked before the agent touched the page. */
  route: 'selectors' | 'structure';
  shortcut: string;
  expansion: string;
}

const VARIANTS: Variant[] = [
  {
    name: 'taobao contenteditable',
    page: 'taobao/variant-contenteditable.html',
    buyer: 'tb_阿紫1999',
    message: '亲 裤子洗了一次就缩水了 短了一截怎么办',
    expected: 'shrinking',
    inserted: '缩',
    composer: '.im-rich-input',
    route: 'structure',
    shortcut: '/fh',
    expansion: '小时内发出',
  },
  {
    name: 'taobao chat-core iframe',
    page: 'taobao/variant-chat-core.html',
    frame: 'variant-chat-core-frame',
    buyer: 'tb_大熊2025',
    message: '亲 裤子洗了一次就缩水了 短了一截怎么办',
    expected: 'shrinking',
    inserted: '缩',
    composer: '.core-footer textarea',
    route: 'structure',
    shortcut: '/fh',
    expansion: '小时内发出',
  },
  {
    name: 'shopify inbox in admin',
    page: 'shopify/variant-admin.html',
    frame: 'variant-admin-inbox',
    buyer: 'Maya Patel',
    message: 'Do you ship to PO boxes?',
    expected: 'po-box',
    inserted: 'PO Box',
    composer: '[role="textbox"]',
    route: 'selectors',
    shortcut: '/ship',
    expansion: 'packed and shipped',
  },
  {
    name: 'jd changed wrappers',
    page: 'jd/variant-wrappers.html',
    buyer: 'jd_晨晨',
    message: '你好 能开增值税专用发票吗 要什么资料',
    expected: 'invoice-special',
    inserted: '增值税专用发票',
    composer: '.rich-editor__content',
    route: 'structure',
    shortcut: '/fh',
    expansion: '京东物流',
  },
  {
    name: 'pdd re-rendered',
    page: 'pdd/variant-rerender.html',
    buyer: '拼友小周',
    message: '亲 什么时候发货',
    expected: null,
    search: '/fh',
    inserted: '小时内发出',
    composer: '#replyTextarea',
    route: 'selectors',
    shortcut: '/fh',
    expansion: '小时内发出',
  },
];

/** The frame that holds the chat (the page itself, or its iframe once loaded). */
async function chatFrame(page: Page, part?: string): Promise<Frame> {
  if (!part) return page.mainFrame();
  await expect.poll(() => page.frames().some((f) => f.url().includes(part)), { timeout: 10_000 }).toBe(true);
  const frame = page.frames().find((f) => f.url().includes(part))!;
  await frame.waitForFunction(() => 'huashuReplica' in window);
  return frame;
}

type Replica = { sent: number; composerText(): string; buyerSays(t: string): void; open?(i: number): void };
const replica = <T>(frame: Frame, read: (r: Replica) => T) =>
  frame.evaluate((source) => {
    const r = (window as unknown as { huashuReplica: Replica }).huashuReplica;
    return new Function('r', `return (${source})(r)`)(r) as T;
  }, read.toString());
const composerText = async (frame: Frame) => (await replica(frame, (r) => r.composerText())).trim();
const sent = (frame: Frame) => replica(frame, (r) => r.sent);
const count = (text: string, part: string) => text.split(part).length - 1;
const firstSuggestion = (panel: Page) =>
  panel.evaluate(
    () => (document.querySelector('[data-testid="suggestion"]') as HTMLElement | null)?.dataset.entryId ?? null,
  );

describe.each(VARIANTS)('$name', (variant) => {
  it('suggests, inserts once into the page’s editor without sending, and expands a typed shortcut', async () => {
    const result: Record<string, string> = {};
    results[variant.name] = result;
    const chat = await browser.context.newPage();
    const errors: string[] = [];
    chat.on('pageerror', (error) => errors.push(error.message));
    await chat.goto(`${origin}/${variant.page}`);
    let frame = await chatFrame(chat, variant.frame);
    await chat.bringToFront();
    const panel = await openPanel(browser);
    try {
      await panel.waitForFunction(
        (name) => document.querySelector('[data-testid="buyer-name"]')?.textContent === name,
        variant.buyer,
        { timeout: 20_000 },
      );
      const started = Date.now();
      await replica(
        frame,
        new Function('r', `r.buyerSays(${JSON.stringify(variant.message)})`) as (r: Replica) => void,
      );
      if (variant.expected) {
        await expect.poll(() => firstSuggestion(panel), { timeout: 15_000 }).toBe(variant.expected);
      } else {
        await expect
          .poll(() => panel.getByTestId('buyer-question').textContent(), { timeout: 15_000 })
          .toContain(variant.message);
        await panel.getByTestId('search').fill(variant.search!);
        await expect.poll(() => firstSuggestion(panel)).not.toBeNull();
      }
      result.suggestion = `pass (${((Date.now() - started) / 1000).toFixed(1)} s)`;

      // The agent has not touched the page: the composer is found by the adapter's selectors or by structure.
      await panel.locator('[data-testid="suggestion"]').first().getByTestId('insert').click();
      await expect.poll(() => panel.getByTestId('notice').textContent(), { timeout: 10_000 }).toContain('Inserted');
      const route = await panel.getByTestId('notice').getAttribute('data-route');
      result.route = route ?? 'none';
      expect(route).toBe(variant.route);
      // Exactly once: the reply's opening words are in the box once (it was empty), and the expected part is there.
      const written = await composerText(frame);
      expect(written).toContain(variant.inserted);
      expect(count(written, written.slice(0, 12))).toBe(1);
      result.insert = 'pass';
      expect(await sent(frame)).toBe(0);

      // A fresh load, then the first shortcut at once, ended with Tab (no retry).
      await chat.reload();
      frame = await chatFrame(chat, variant.frame);
      await typeShortcut(frame, variant.composer, `ok ${variant.shortcut}`, 'Tab');
      await expect.poll(() => composerText(frame), { timeout: 5_000 }).toContain(variant.expansion);
      expect(await composerText(frame)).not.toContain(variant.shortcut);
      result.shortcut = 'pass (first Tab)';
      // Ctrl+Z right after brings the typed shortcut back.
      await frame.locator(variant.composer).press('Control+z');
      await expect.poll(() => composerText(frame), { timeout: 5_000 }).toContain(`ok ${variant.shortcut}`);
      expect(await composerText(frame)).not.toContain(variant.expansion);
      result.undo = 'pass';

      // Now that the agent typed in it, Insert finds the box by focus.
      await chat.bringToFront();
      await panel.getByTestId('search').fill(variant.shortcut);
      await expect.poll(() => firstSuggestion(panel)).not.toBeNull();
      await panel.getByTestId('notice').getByRole('button').click();
      await panel.locator('[data-testid="suggestion"]').first().getByTestId('insert').click();
      const notice = panel.getByTestId('notice');
      const routeAndText = async () =>
        `${await notice.getAttribute('data-route').catch(() => null)} ${await notice.textContent().catch(() => '(no notice)')}`;
      await expect.poll(routeAndText, { timeout: 10_000 }).toMatch(/^focused /);
      expect(await composerText(frame)).toContain(variant.expansion);
      result['after typing'] = 'focused';
      expect(await sent(frame)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await panel.close();
      await chat.close();
    }
  });
});

describe('a second conversation', () => {
  it('refuses an insert made for the buyer the agent just switched away from, and says so', async () => {
    const chat = await browser.context.newPage();
    await chat.goto(`${origin}/pdd/variant-rerender.html`);
    const frame = chat.mainFrame();
    await chat.bringToFront();
    const panel = await openPanel(browser);
    try {
      await panel.waitForFunction(
        () => document.querySelector('[data-testid="buyer-name"]')?.textContent === '拼友小周',
        undefined,
        { timeout: 20_000 },
      );
      await panel.getByTestId('search').fill('/fh');
      await expect.poll(() => firstSuggestion(panel)).not.toBeNull();
      // The agent opens the other buyer and clicks Insert before the panel caught up.
      await replica(frame, (r) => r.open!(1));
      await panel.evaluate(() =>
        (document.querySelector('[data-testid="suggestion"] [data-testid="insert"]') as HTMLElement).click(),
      );
      await expect
        .poll(() => panel.getByTestId('notice').textContent(), { timeout: 10_000 })
        .toContain('another conversation');
      expect(
        await frame.evaluate(() =>
          (window as unknown as { huashuReplica: { drafts(): string[] } }).huashuReplica.drafts(),
        ),
      ).toEqual(['', '']);
      results['pdd switch'] = { refused: 'pass' };
    } finally {
      await panel.close();
      await chat.close();
    }
  });
});
