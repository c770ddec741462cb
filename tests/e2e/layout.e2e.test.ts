/**
 * The layout reader (lib/adapters/layout.ts) in real Chromium layout, on every replica page: each page read by its
 * site adapter, then with every class name hashed away (style sheets rewritten alike, so the page looks the same)
 * and ids, roles, labels, titles and data attributes dropped, read again by layout alone. The readings must agree:
 * the same messages, no message given to the wrong side, the buyer's last message the same.
 *
 * Pages whose original holds only one side are left out: with nothing of the shop's on screen, layout cannot tell the
 * sides apart on a page it has not read before (after one two-sided conversation it can: unit test). Also left out:
 * shopify/variant-admin-inbox.html, whose replica tells the staff's bubbles only by colour, not by side, and
 * taobao/history-search.html, a read-only history with no reply box (the list is looked for before one).
 * Compared: the buyer's and the shop's text messages (system lines may lose their centring with their role, which
 * the page's style sheet selects by; product cards and images read as what they show, not as `[商品] …`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_FLAGS, CHROMIUM, ROOT } from './harness';
import type { LayoutComparison } from './layout-page';

const SITES = join(ROOT, 'tests/fixtures/sites');
const SKIP = new Set(['shopify/variant-admin-inbox.html', 'taobao/history-search.html']);
const PAGES = ['taobao', 'jd', 'shopify', 'pdd'].flatMap((site) =>
  readdirSync(join(SITES, site))
    .filter((file) => file.endsWith('.html') && !SKIP.has(`${site}/${file}`))
    .map((file) => ({ site, file })),
);

let browser: Browser;
let script: string;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(ROOT, 'tests/e2e/layout-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'huashuLayout',
  });
  script = bundle.outputFiles[0]!.text;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_FLAGS });
});

afterAll(async () => {
  await browser?.close();
});

const table: string[] = [];
afterAll(() => console.log(`Replica pages, hashed, read by layout (same / original):\n${table.join('\n')}`));

describe('every replica page with its class names hashed away', () => {
  it.each(PAGES)('$site/$file', async ({ site, file }) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`file://${join(SITES, site, file)}`);
      await page.waitForTimeout(200);
      await page.addScriptTag({ content: script });
      const { original, byLayout } = await page.evaluate(
        (platform) =>
          (
            window as unknown as { huashuLayout: { compareWithLayout(p: string): LayoutComparison } }
          ).huashuLayout.compareWithLayout(platform),
        site,
      );
      const sides = new Set(original.map((line) => line[0]));
      if (!sides.has('b') || !sides.has('a')) {
        const why = original.length === 0 ? 'nothing read by the adapter here' : 'one side only';
        table.push(`  ${`${site}/${file}`.padEnd(40)} ${why}: not compared`);
        return;
      }
      const compared = original.filter((line) => line[0] !== 's' && !/^.:\[/.test(line));
      const found = compared.filter((line) => byLayout.includes(line));
      table.push(`  ${`${site}/${file}`.padEnd(40)} ${found.length} / ${compared.length}`);
      // No text on the wrong side.
      const sideOf = new Map(byLayout.map((line) => [line.slice(2), line[0]]));
      for (const line of compared) if (sideOf.has(line.slice(2))) expect(sideOf.get(line.slice(2)), line).toBe(line[0]);
      expect(found.length / compared.length).toBeGreaterThanOrEqual(0.9);
      const lastBuyer = (lines: string[]) => lines.filter((line) => line.startsWith('b:')).at(-1);
      expect(lastBuyer(byLayout)).toBe(lastBuyer(original));
    } finally {
      await page.close();
    }
  });
});
