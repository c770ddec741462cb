/**
 * Issue 14 §6 in real Chromium: a file that replaces a stored pack shows its preview (added, changed,
 * removed, facts) and applies only on confirm; the usage report's funnel chart renders after a real
 * suggest → insert → send in a replica chat, and its CSV downloads.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendBuyerMessage } from './sites';
import { launchWithExtension, openChatAndPanel, ROOT, serveFolder, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let options: Page;
let server: Server;
let origin = '';
const dir = mkdtempSync(join(tmpdir(), 'huashu-review-'));

const deskPack = (version: string, entries: unknown[], facts: Record<string, unknown>) => ({
  format: 'huashu-pack/1',
  id: 'review-desk',
  name: 'Review desk',
  version,
  locale: 'en',
  facts,
  entries,
});
const wax = {
  id: 'wax',
  title: 'Ski wax',
  questions: ['do you wax skis'],
  replies: [{ text: 'We wax skis for $20.' }],
};
const tune = { id: 'tune', title: 'Edge tune', questions: ['edge tuning'], replies: [{ text: 'Edges: $15.' }] };
const boots = { id: 'boots', title: 'Boot fitting', questions: ['boot fitting'], replies: [{ text: 'Free fitting.' }] };

beforeAll(async () => {
  ({ server, origin } = await serveFolder(join(ROOT, 'tests/fixtures/sites')));
  browser = await launchWithExtension();
  options = await browser.context.newPage();
  await options.setViewportSize({ width: 1000, height: 800 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('pack-table').waitFor();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('review before apply', () => {
  it('imports a new pack directly, then previews a replacing file and applies it only on confirm', async () => {
    const v1 = join(dir, 'desk.json');
    writeFileSync(v1, JSON.stringify(deskPack('1.0.0', [wax, tune], { waxPrice: 20 })));
    await options.getByTestId('pack-file-input').setInputFiles(v1);
    await expect
      .poll(() => options.getByTestId('import-report').textContent())
      .toContain('imported “Review desk” 1.0.0');

    const v2 = join(dir, 'desk-v2.json');
    const changedWax = { ...wax, replies: [{ text: 'We wax skis for $25, same day.' }] };
    writeFileSync(v2, JSON.stringify(deskPack('1.1.0', [changedWax, boots], { waxPrice: 25 })));
    await options.getByTestId('pack-file-input').setInputFiles(v2);
    const preview = options.getByTestId('import-preview');
    await preview.waitFor();
    await expect(preview.getByTestId('preview-counts').textContent()).resolves.toMatch(
      /^1 added, 1 changed, 1 removed, 0 unchanged; 1 fact/,
    );
    await expect(
      preview.locator('[data-testid=preview-changed][data-entry-id=wax] ins').first().textContent(),
    ).resolves.toContain('25');
    await expect(preview.getByTestId('preview-fact').textContent()).resolves.toBe('waxPrice: 20 → 25');
    // Nothing is stored yet.
    await expect(
      options.locator('[data-testid=pack-row][data-pack-id="review-desk"]').textContent(),
    ).resolves.toContain('1.0.0');
    await options.screenshot({ path: join(ROOT, 'docs/screenshots/options-import-preview.png') });

    await options.getByTestId('import-apply').click();
    await expect
      .poll(() => options.getByTestId('import-report').textContent())
      .toContain('imported “Review desk” 1.1.0, 2 entries (replaced 1.0.0)');
    await expect
      .poll(() => options.locator('[data-testid=pack-row][data-pack-id="review-desk"]').textContent())
      .toContain('1.1.0');
    await expect(options.getByTestId('import-preview').count()).resolves.toBe(0);
  });

  it('cancel leaves the stored pack as it was', async () => {
    const v3 = join(dir, 'desk-v3.json');
    writeFileSync(v3, JSON.stringify(deskPack('2.0.0', [boots], {})));
    await options.getByTestId('pack-file-input').setInputFiles(v3);
    await options.getByTestId('import-preview').waitFor();
    await options.getByTestId('import-cancel').click();
    await expect(options.getByTestId('import-preview').count()).resolves.toBe(0);
    await expect(
      options.locator('[data-testid=pack-row][data-pack-id="review-desk"]').textContent(),
    ).resolves.toContain('1.1.0');
  });
});

describe('usage funnel chart and CSV', () => {
  it('a reply suggested, inserted and sent shows in the funnel chart; the CSV downloads', async () => {
    const { chat, panel } = await openChatAndPanel(browser, `${origin}/jd/history.html`, 'jd_小王');
    try {
      await appendBuyerMessage(chat, 'jd', '你好 能开增值税专用发票吗 要什么资料');
      // The panel first ranks for the page's last question, then for the new one.
      const entryId = 'invoice-special';
      await expect
        .poll(() => panel.locator('[data-testid="suggestion"]').first().getAttribute('data-entry-id'), {
          timeout: 15_000,
        })
        .toBe(entryId);
      await panel.locator('[data-testid="suggestion"]').first().getByTestId('insert').click();
      await expect.poll(() => panel.getByTestId('notice').textContent(), { timeout: 10_000 }).toContain('Inserted');
      // The agent presses send: the site clears the box and shows the agent's bubble with that text.
      await chat.evaluate(() => {
        const box = document.querySelector('.chat-foot .EditorContent') as HTMLElement;
        const text = box.innerText.trim();
        box.innerHTML = '';
        const bubble = document.createElement('div');
        bubble.className = 'message message_right';
        bubble.id = `s_${Date.now()}`;
        bubble.innerHTML = '<pre class="message__text"><span class="message__content"></span></pre>';
        bubble.querySelector('.message__content')!.textContent = text;
        document.querySelector('#t-chat-scroll .c-c')!.append(bubble);
      });

      // The send is seen by the page observer and logged a moment later than the insert: reload until the chart has it.
      await expect
        .poll(
          async () => {
            await options.reload();
            await options.getByTestId('usage-days').selectOption('1');
            const bars = await options
              .locator('[data-testid=usage-chart] rect title')
              .evaluateAll((titles) => titles.map((t) => t.textContent));
            const drawn = await options.locator('[data-testid=usage-chart] [data-testid=chart-bar]').count();
            return drawn >= 4 && bars.some((t) => /— sent as is: 1$/.test(t ?? ''));
          },
          { timeout: 15_000 },
        )
        .toBe(true);
      await expect(options.getByTestId('usage-first-reply').textContent()).resolves.toMatch(/^1 chats/);

      const download = options.waitForEvent('download');
      await options.getByTestId('usage-export-csv').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^huashu-usage-1d-.*\.csv$/);
      const csv = readFileSync((await file.path())!, 'utf8');
      expect(csv).toContain('# funnel\r\npack,entry,title,suggested,inserted,edited,sent\r\n');
      expect(csv).toMatch(new RegExp(`,${entryId},[^\\r]*,\\d+,1,0,1\\r\\n`));
    } finally {
      await panel.close();
      await chat.close();
    }
  });
});
