/**
 * The side panel and the options page in real Chromium with the built extension: shipped packs are
 * seeded, the agent's search finds replies by pinyin and Chinese, a team lead imports a pack file
 * (and a broken one changes nothing). Screenshots go to docs/screenshots/ for the README.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanel, ROOT, type ExtensionBrowser } from './harness';
import { workbook } from '../helpers/xlsx';

const EXTENSION = process.env.HUASHU_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
let browser: ExtensionBrowser;
let panel: Page;

const suggestionIds = (page: Page) =>
  page.locator('[data-testid="suggestion"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.entryId));

async function search(page: Page, query: string): Promise<void> {
  await page.getByTestId('search').fill(query);
  await page.waitForFunction(
    (q) => (document.querySelector('[data-testid="search"]') as HTMLInputElement | null)?.value === q,
    query,
  );
}

beforeAll(async () => {
  browser = await launchWithExtension(EXTENSION);
  panel = await openPanel(browser);
  // The background seeds the four shipped packs on install.
  await panel.waitForFunction(() => /4 packs/.test(document.querySelector('.panel__footer')?.textContent ?? ''), null, {
    timeout: 30_000,
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('side panel', () => {
  it('says no chat is open and how to start', async () => {
    await expect(panel.getByTestId('chat-header').textContent()).resolves.toContain('No chat open');
  });

  it('finds replies by pinyin initials, full pinyin, shortcut and Chinese', async () => {
    for (const [query, expected] of [
      ['fh', 'ship-time'],
      ['fahuo', 'ship-time'],
      ['/tk', 'refund-progress'],
      ['退款进度', 'refund-progress'],
      ['jiabao', 'price-protect'],
      ['/track', 'tracking-number'],
    ] as const) {
      await search(panel, query);
      await expect.poll(async () => (await suggestionIds(panel))[0], { timeout: 5_000 }).toBe(expected);
    }
    const first = panel.locator('[data-testid="suggestion"]').first();
    await expect(first.locator('[data-testid="insert"]').count()).resolves.toBe(1);
  });

  it('looks right (screenshot)', async () => {
    await search(panel, 'fh');
    await expect.poll(async () => (await suggestionIds(panel)).length).toBeGreaterThan(0);
    await panel.screenshot({ path: join(SCREENSHOTS, 'panel-search.png'), fullPage: false });
  });
});

describe('options page', () => {
  let options: Page;
  const dir = mkdtempSync(join(tmpdir(), 'huashu-packs-'));

  beforeAll(async () => {
    options = await browser.context.newPage();
    await options.setViewportSize({ width: 1000, height: 700 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('pack-table').waitFor();
  });

  it('imports a pack file, and the panel ranks from it', async () => {
    const file = join(dir, 'returns-desk.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'huashu-pack/1',
        id: 'returns-desk',
        name: 'Returns desk',
        version: '1.0.0',
        locale: 'en',
        entries: [
          {
            id: 'ski-wax',
            title: 'Ski wax service',
            questions: ['do you wax skis', 'ski waxing price'],
            keywords: ['wax'],
            replies: [{ text: 'We wax skis for $20.' }],
            shortcut: '/wax',
          },
        ],
      }),
    );
    await options.getByTestId('pack-file-input').setInputFiles(file);
    await expect
      .poll(() => options.getByTestId('import-report').textContent())
      .toContain('imported “Returns desk” 1.0.0');
    await expect.poll(() => options.locator('[data-testid="pack-row"]').count()).toBe(5);
    await search(panel, 'wax');
    await expect.poll(async () => (await suggestionIds(panel))[0], { timeout: 10_000 }).toBe('ski-wax');
  });

  it('imports a 千牛 快捷短语 export (CSV), converted, and the panel finds its phrases by their code', async () => {
    const file = join(dir, '千牛快捷短语.csv');
    writeFileSync(file, '分组,快捷编码,快捷短语\n活动,hdgz,亲，本店满299减30，可跨店叠加哦～\n售后,,\n');
    await options.getByTestId('pack-file-input').setInputFiles(file);
    await expect
      .poll(() => options.getByTestId('import-report').textContent())
      .toContain('converted from a qianniu export');
    await expect(options.getByTestId('import-warnings').textContent()).resolves.toContain('skipped row 3');
    await expect.poll(() => options.locator('[data-pack-id="qian-niu-kuai-jie-duan-yu"]').count()).toBe(1);
    await search(panel, '/hdgz');
    await expect
      .poll(async () => (await suggestionIds(panel))[0], { timeout: 10_000 })
      .toMatch(/^qin-ben-dian-man-299/);
  });

  it('imports a 千牛 Excel workbook: the sheet with the 快捷短语 header, its rows named as in Excel', async () => {
    const file = join(dir, 'team-phrases.xlsx');
    writeFileSync(
      file,
      workbook([
        { name: '说明', rows: [['请勿修改表头']] },
        {
          name: '快捷短语',
          rows: [
            ['千牛快捷短语导出'],
            ['登记日期', '分组', '快捷编码', '快捷短语'],
            [new Date(Date.UTC(2026, 10, 1)), '售后', 'tkcx', '亲，退款进度可以在“我的订单-退款/售后”里查看哦～'],
            [new Date(Date.UTC(2026, 10, 1)), '售后', 'kong', null],
          ],
        },
      ]),
    );
    await options.getByTestId('pack-file-input').setInputFiles(file);
    await expect
      .poll(() => options.getByTestId('import-report').textContent())
      .toContain('converted from a xlsx export');
    await expect(options.getByTestId('import-warnings').textContent()).resolves.toContain('skipped row 4 ("kong")');
    await expect.poll(() => options.locator('[data-pack-id="team-phrases"]').count()).toBe(1);
    await search(panel, '/tkcx');
    await expect.poll(async () => (await suggestionIds(panel))[0], { timeout: 10_000 }).toMatch(/^qin-tui-kuan-jin-du/);
  });

  it('rejects a broken pack with the exact places, and changes nothing', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'huashu-pack/1',
        id: 'returns-desk',
        name: 'x',
        version: '2.0.0',
        entries: [{ id: 'a', replies: [{}] }],
      }),
    );
    await options.getByTestId('pack-file-input').setInputFiles(file);
    await expect.poll(() => options.getByTestId('import-errors').textContent()).toContain('entries[0].title: required');
    await expect(options.getByTestId('import-errors').textContent()).resolves.toContain(
      'entries[0].replies[0].text: required',
    );
    await expect(options.getByTestId('import-report').textContent()).resolves.toContain('nothing was changed');
    await expect(options.locator('[data-pack-id="returns-desk"]').textContent()).resolves.toContain('1.0.0');
    await options.screenshot({ path: join(SCREENSHOTS, 'options-import-error.png') });
  });
});
