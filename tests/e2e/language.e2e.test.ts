/**
 * The extension's own language in real Chromium: started in Chinese (harness: `LANGUAGE=zh_CN`, `--lang`), the side panel and
 * the options page speak Chinese on "Auto"; choosing English in the options page turns that page and the
 * open panel English at once (the background's settingsChanged broadcast); "Auto" brings Chinese back,
 * and the choice survives a reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanel, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension(undefined, undefined, 'zh-CN');
});

afterAll(async () => {
  await browser?.close();
});

const text = (page: Page, selector: string) => page.locator(selector).first().textContent({ timeout: 10_000 });

/**
 * Waits until the element's text contains `expected` (the pages re-render when the language arrives). Polls on
 * a timer: the default polls on animation frames, which a page behind another tab never gets.
 */
async function waitForText(page: Page, selector: string, expected: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel!)?.textContent?.includes(want!) ?? false,
    [selector, expected],
    { timeout, polling: 100 },
  );
}

describe('UI language', () => {
  it('follows the browser’s Chinese, switches to English from the options page, panel included, and back', async () => {
    const panel = await openPanel(browser);
    const uiLanguage = await panel.evaluate(() =>
      (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage(),
    );
    expect(uiLanguage, 'Chromium did not start in Chinese: apt-get install chromium-l10n').toMatch(/^zh/);
    await waitForText(panel, '[data-testid="chat-header"]', '没有打开的聊天');
    // The background seeds the four shipped packs at install (a busy worker answers settings late).
    await waitForText(panel, '.panel__footer', '4 个话术包 · 1–9 插入', 30_000);
    expect(await panel.getAttribute('[data-testid="search"]', 'aria-label')).toBe('搜索话术');

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await waitForText(options, 'h1', '话术 Huashu —— 话术包');
    expect(await options.inputValue('[data-testid="ui-language"]')).toBe('auto');
    expect(await text(options, '[data-testid="learning"] h2')).toBe('学习');
    expect(await options.title()).toBe('话术 Huashu —— 话术包与设置');

    await options.selectOption('[data-testid="ui-language"]', 'en');
    await waitForText(options, 'h1', 'Huashu 话术 — knowledge packs');
    expect(await text(options, '[data-testid="learning"] h2')).toBe('Learning');
    // The open panel follows without a reload.
    await waitForText(panel, '[data-testid="chat-header"]', 'No chat open');
    expect(await text(panel, '.panel__footer')).toMatch(/packs? · 1–9 insert/);
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('en');

    // Stored with the settings: a reloaded page starts in English although the browser speaks Chinese.
    await panel.reload();
    await waitForText(panel, '[data-testid="chat-header"]', 'No chat open');

    await options.selectOption('[data-testid="ui-language"]', 'auto');
    await waitForText(options, 'h1', '话术 Huashu —— 话术包');
    await waitForText(panel, '[data-testid="chat-header"]', '没有打开的聊天');
    await options.reload();
    await waitForText(options, 'h1', '话术 Huashu —— 话术包');
    expect(await options.inputValue('[data-testid="ui-language"]')).toBe('auto');
  });
});
