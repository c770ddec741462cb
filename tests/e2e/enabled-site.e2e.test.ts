/**
 * Sites the agent turned Huashu on for, in real Chromium with the test build (where every local page
 * without a chat signature counts as one: the background registers the enabled-site script for them).
 * A help-desk page: the last incoming message is the question, Insert writes into the box the agent
 * clicked. A plain page with the seven real editors: a typed shortcut expands in each editor's own model,
 * and the panel's search then Insert writes there.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanel, ROOT, serveFolder, type ExtensionBrowser } from './harness';

const EDITORS = [
  'react-textarea',
  'vue-textarea',
  'pell',
  'quill',
  'prosemirror',
  'lexical',
  'slate',
  'draft',
] as const;
const EXTENSIONS: Record<string, string> = { 'react-textarea': 'tsx', slate: 'tsx', draft: 'tsx' };
let browser: ExtensionBrowser;
const servers: Server[] = [];
let sites: string;
let editors: string;
const results: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'huashu-enabled-'));
  await build({
    entryPoints: Object.fromEntries(
      EDITORS.map((name) => [name, join(ROOT, `tests/fixtures/editors/${name}.${EXTENSIONS[name] ?? 'ts'}`)]),
    ),
    bundle: true,
    format: 'iife',
    outdir: out,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    logLevel: 'silent',
  });
  for (const name of EDITORS) {
    writeFileSync(
      join(out, `${name}.html`),
      `<!doctype html><meta charset="utf-8"><body><h1>Plain page</h1><div id="editor" style="min-height:60px;border:1px solid #ccc"></div><script src="${name}.js"></script></body>`,
    );
  }
  const a = await serveFolder(join(ROOT, 'tests/fixtures/sites'));
  const b = await serveFolder(out);
  servers.push(a.server, b.server);
  sites = a.origin;
  editors = b.origin;
  browser = await launchWithExtension(join(ROOT, '.output/e2e/chrome-mv3'));
  // The background registers the enabled-site script when it starts.
  const [worker] = browser.context.serviceWorkers();
  for (let tries = 0; tries < 50; tries += 1) {
    const count = await worker!.evaluate(async () => {
      const scope = globalThis as unknown as {
        chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> } };
      };
      return (await scope.chrome.scripting.getRegisteredContentScripts()).length;
    });
    if (count > 0) break;
    await new Promise((done) => setTimeout(done, 200));
  }
});

afterAll(async () => {
  console.log('\nEnabled site, seven editors (editor model after each step):');
  for (const [name, result] of Object.entries(results))
    console.log(
      `  ${name.padEnd(15)} ${Object.entries(result)
        .map(([k, v]) => `${k}: ${v}`)
        .join('  ')}`,
    );
  await browser?.close();
  for (const server of servers) server.close();
});

const firstSuggestion = (panel: Page) =>
  panel.evaluate(
    () => (document.querySelector('[data-testid="suggestion"]') as HTMLElement | null)?.dataset.entryId ?? null,
  );

describe('a help desk the agent turned Huashu on for', () => {
  // Its messages marked incoming/outgoing by class, and a build with hashed classes read by layout alone.
  it.each(['variant-helpdesk.html', 'variant-helpdesk-hashed.html'])(
    '%s: takes the last incoming message as the question and inserts into the box the agent clicked',
    async (file) => {
      const page = await browser.context.newPage();
      await page.goto(`${sites}/generic/${file}`);
      const panel = await openPanel(browser);
      try {
        await expect
          .poll(() => panel.getByTestId('buyer-question').textContent(), { timeout: 15_000 })
          .toContain('when will my order ship?');
        await expect.poll(() => firstSuggestion(panel), { timeout: 15_000 }).toBe('processing-time');
        // A new customer message is a new question.
        await page.evaluate(() =>
          (window as unknown as { huashuReplica: { buyerSays(t: string): void } }).huashuReplica.buyerSays(
            'Do you ship to PO boxes?',
          ),
        );
        await expect.poll(() => firstSuggestion(panel), { timeout: 15_000 }).toBe('po-box');
        await page.bringToFront();
        await page.locator('[contenteditable="true"]').click();
        await panel.locator('[data-testid="suggestion"]').first().getByTestId('insert').click();
        await expect
          .poll(() => panel.getByTestId('notice').getAttribute('data-route'), { timeout: 10_000 })
          .toBe('focused');
        expect(await page.locator('[contenteditable="true"]').innerText()).toContain('PO Box');
        expect(
          await page.evaluate(() => (window as unknown as { huashuReplica: { sent: number } }).huashuReplica.sent),
        ).toBe(0);
      } finally {
        await panel.close();
        await page.close();
      }
    },
  );
});

describe.each(EDITORS)('plain enabled page: %s', (editor) => {
  it('expands a typed shortcut in the editor’s model, and the panel inserts into it', async () => {
    const result: Record<string, string> = {};
    results[editor] = result;
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${editors}/${editor}.html`);
    await page.waitForFunction(
      () => typeof (window as unknown as { __editorState?: unknown }).__editorState === 'function',
    );
    const state = async () =>
      (await page.evaluate(() => (window as unknown as { __editorState(): string }).__editorState())).trim();
    const target = page.locator(editor.endsWith('textarea') ? '#editor-input' : '[contenteditable="true"]').first();
    await target.click();
    await target.pressSequentially('ok /fh');
    await target.press('Space');
    await expect
      .poll(state, { timeout: 5_000 })
      .toContain('小时内发出')
      .catch(() => {});
    const expanded = await state();
    result.shortcut = expanded.includes('小时内发出') && !expanded.includes('/fh') ? 'pass' : `FAIL "${expanded}"`;
    // Ctrl+Z right after: the typed shortcut back where the editor allows it (recorded, not required).
    await target.press('Control+z');
    await page.waitForTimeout(300);
    const undone = await state();
    result.undo = undone.includes('/fh') && !undone.includes('小时内发出') ? 'pass' : `no ("${undone.slice(0, 20)}…")`;

    const panel = await openPanel(browser);
    try {
      await panel.getByTestId('search').fill('/fh');
      await expect.poll(() => firstSuggestion(panel), { timeout: 10_000 }).toBe('ship-time');
      const before = await state();
      await panel.locator('[data-testid="suggestion"]').first().getByTestId('insert').click();
      await expect
        .poll(() => panel.getByTestId('notice').textContent(), { timeout: 10_000 })
        .toMatch(/Inserted|Could not/);
      const after = await state();
      result.insert =
        after.length > before.length + 20 && after.startsWith(before.slice(0, 5)) && /48/.test(after)
          ? 'pass'
          : `FAIL "${after}"`;
      expect(result.shortcut).toBe('pass');
      expect(result.insert).toBe('pass');
      expect(result.undo).toBe('pass');
      expect(errors).toEqual([]);
    } finally {
      await panel.close();
      await page.close();
    }
  });
});
