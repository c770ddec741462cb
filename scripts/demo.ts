/**
 * `npm run demo`: builds the test build, serves the replica chat pages on 127.0.0.1 and starts
 * Chromium with the extension and the shipped packs. With a display it opens the pages and the panel
 * and stays open; on a headless machine it walks a buyer question through every site and writes
 * screenshots to docs/screenshots/demo-<site>.png.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, launchWithExtension, openChatAndPanel, ROOT, serveFolder } from '../tests/e2e/harness';
import { appendBuyerMessage, FLOWS } from '../tests/e2e/sites';

execSync('npm run build:e2e', { stdio: 'inherit', cwd: ROOT });
const { server, origin } = await serveFolder(join(ROOT, 'tests/fixtures/sites'));
const expectations = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/sites/expectations.json'), 'utf8')) as Record<
  string,
  { buyerName: string }
>;
console.log(`Replica chat pages: ${origin}/{taobao,jd,shopify,pdd}/history.html`);
const headed = Boolean(process.env.DISPLAY) && process.env.CI !== 'true';

if (headed) {
  const extension = join(ROOT, '.output/e2e/chrome-mv3');
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: false,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-first-run'],
  });
  for (const flow of FLOWS) await (await context.newPage()).goto(`${origin}/${flow.fixture}`);
  console.log('Chromium is open: click the Huashu toolbar button for the side panel. Ctrl+C to stop.');
} else {
  const browser = await launchWithExtension();
  for (const flow of FLOWS) {
    const { chat, panel } = await openChatAndPanel(
      browser,
      `${origin}/${flow.fixture}`,
      expectations[flow.fixture]!.buyerName,
      (page) =>
        // tsx keeps function names with a `__name` helper that page.evaluate does not carry over.
        page.evaluate('window.__name = (f) => f').then(() => {}),
    );
    await appendBuyerMessage(chat, flow.site, flow.message);
    await panel.waitForFunction(
      (text) => document.querySelector('[data-testid="buyer-question"]')?.textContent?.includes(text),
      flow.message,
    );
    await panel.waitForTimeout(300);
    const first = await panel.evaluate(
      () => (document.querySelector('[data-testid="suggestion"]') as HTMLElement | null)?.dataset.entryId,
    );
    await panel.screenshot({ path: join(ROOT, `docs/screenshots/demo-${flow.site}.png`) });
    console.log(`${flow.site.padEnd(8)} buyer: “${flow.message}” → first suggestion: ${first ?? '(none)'}`);
    await panel.close();
    await chat.close();
  }
  await browser.close();
  server.close();
  console.log('Screenshots: docs/screenshots/demo-*.png');
}
