/**
 * What helps the agent beyond the ranking, in real Chromium with the test build: a reply that breaks a
 * platform rule carries the compliance mark and is written only on the second Insert; the wait clock
 * counts from the oldest unanswered buyer message and turns amber, then red (short thresholds set in the
 * options page); the chats that wait are listed and one click switches to them; the product card the
 * buyer sent decides which of the same question's entries comes first; a VIP buyer's scenario switches
 * on by itself and can be switched off for that chat; an answer of a manual scenario that is off is offered,
 * marked, and one click on the mark switches the scenario on.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openChatAndPanel, ROOT, serveFolder, type ExtensionBrowser } from './harness';

const EXTENSION = join(ROOT, '.output/e2e/chrome-mv3');
let browser: ExtensionBrowser;
let server: Server;
let origin: string;
let options: Page;

const firstSuggestion = (panel: Page) =>
  panel.evaluate(
    () => (document.querySelector('[data-testid="suggestion"]') as HTMLElement | null)?.dataset.entryId ?? null,
  );

/** A taobao bubble as the imui page adds it; no time, so the wait clock counts from when Huashu saw it. */
async function append(chat: Page, role: 'buyer' | 'agent', html: string): Promise<void> {
  await chat.evaluate(
    ({ role, html }) => {
      const bubble = document.createElement('div');
      bubble.className = `J_msg imui-msg ${role === 'buyer' ? 'imui-msg-l' : 'imui-msg-r'}`;
      bubble.innerHTML = html;
      document.querySelector('#J_msg_list')!.append(bubble);
    },
    { role, html },
  );
}
const say = (chat: Page, role: 'buyer' | 'agent', text: string) =>
  append(chat, role, `<div class="msg-body-html">${text}</div>`);
const sendCard = (chat: Page, title: string) =>
  append(chat, 'buyer', `<div class="imui-msg-goods"><div class="goods-title">${title}</div></div>`);

const riskyPack = {
  format: 'huashu-pack/1',
  id: 'risky-desk',
  name: '风险演示',
  version: '1.0.0',
  platforms: ['taobao'],
  scenarios: [
    { id: 'vip-care', name: '会员关怀', when: { vip: true } },
    { id: 'desk-presale', name: '预售' },
    // Long over whenever the test runs.
    { id: 'desk-anniversary', name: '店庆', from: '2020-05-01', to: '2020-05-07' },
  ],
  entries: [
    {
      id: 'wechat-photos',
      title: '加微信看实拍',
      questions: ['能加微信发实拍图吗', '加个微信看实拍'],
      keywords: ['微信', '实拍'],
      replies: [{ text: '亲，加我微信 qimu2026 发您实拍图哦～' }],
    },
    {
      id: 'vip-delivery',
      title: '会员催件',
      questions: ['羽绒服到哪了', '快递到哪了'],
      keywords: ['到哪了'],
      scenarios: ['vip-care'],
      replies: [{ text: '尊敬的会员，已为您加急催件，今天内给您回复物流进度～' }],
    },
    {
      id: 'desk-deposit',
      title: '预售定金',
      questions: ['预售定金能退吗', '付了定金还能退吗'],
      keywords: ['定金'],
      scenarios: ['desk-presale'],
      replies: [{ text: '亲，预售定金在尾款支付前可以申请退还哦～' }],
    },
    {
      id: 'desk-anniversary-gift',
      title: '店庆活动',
      questions: ['店庆有什么活动', '店庆送什么'],
      keywords: ['店庆'],
      scenarios: ['desk-anniversary'],
      replies: [{ text: '亲，店庆期间下单送定制帆布袋哦～' }],
    },
  ],
};

beforeAll(async () => {
  ({ server, origin } = await serveFolder(join(ROOT, 'tests/fixtures/sites')));
  browser = await launchWithExtension(EXTENSION);
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('pack-table').waitFor();
  const file = join(mkdtempSync(join(tmpdir(), 'huashu-assist-')), 'risky-desk.json');
  writeFileSync(file, JSON.stringify(riskyPack));
  await options.getByTestId('pack-file-input').setInputFiles(file);
  await options.waitForFunction(() =>
    document.querySelector('[data-testid="import-report"]')?.textContent?.includes('imported “风险演示” 1.0.0'),
  );
  // Short thresholds: amber after 3 s, red after 6 s.
  await options.getByTestId('wait-amber').fill('3');
  await options.getByTestId('wait-red').fill('6');
  await options.getByTestId('wait-save').click();
  await options.waitForFunction(
    () => (document.querySelector('[data-testid="wait-amber"]') as HTMLInputElement | null)?.value === '3',
  );
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('compliance', () => {
  it('marks a risky reply and writes it only on the second Insert', async () => {
    const { chat, panel } = await openChatAndPanel(browser, `${origin}/taobao/product-card.html`, 'tb_冬冬');
    try {
      await say(chat, 'agent', '亲，宽松版型，平时穿哪个码拍哪个码～');
      await say(chat, 'buyer', '能加微信发实拍图吗');
      await expect.poll(() => firstSuggestion(panel), { timeout: 15_000 }).toBe('wechat-photos');
      const row = panel.locator('[data-testid="suggestion"][data-entry-id="wechat-photos"]');
      await expect(row.getByTestId('compliance').getAttribute('data-rules')).resolves.toContain('off-platform');
      const composer = chat.locator('textarea.J_chatInput');
      await row.getByTestId('insert').click();
      await expect.poll(() => panel.getByTestId('notice').textContent()).toContain('Press Insert again');
      await new Promise((done) => setTimeout(done, 500));
      await expect(composer.inputValue()).resolves.toBe('');
      await row.getByTestId('insert').click();
      await expect.poll(() => composer.inputValue(), { timeout: 10_000 }).toContain('qimu2026');
      // A clean reply carries no mark.
      await expect(
        panel
          .locator('[data-testid="suggestion"]:not([data-entry-id="wechat-photos"]) [data-testid="compliance"]')
          .count(),
      ).resolves.toBe(0);
    } finally {
      await panel.close();
      await chat.close();
    }
  });
});

describe('product-aware replies', () => {
  it('ranks the entry of the product the buyer sent first, the generic one for other items', async () => {
    const { chat, panel } = await openChatAndPanel(browser, `${origin}/taobao/product-card.html`, 'tb_冬冬');
    try {
      await expect.poll(() => firstSuggestion(panel), { timeout: 15_000 }).toBe('size-fit-down-parka');
      await expect(panel.getByTestId('product').textContent()).resolves.toContain('极寒羽绒服');
      await say(chat, 'agent', '亲，宽松版型哦～');
      await sendCard(chat, '栖木 桑蚕丝真丝衬衫 长袖 白色');
      await say(chat, 'buyer', '这款偏大还是偏小');
      await expect.poll(() => panel.getByTestId('product').textContent(), { timeout: 15_000 }).toContain('真丝衬衫');
      await expect.poll(() => firstSuggestion(panel), { timeout: 15_000 }).toBe('size-fit-silk-shirt');
      await say(chat, 'agent', '亲，偏小半码哦～');
      await sendCard(chat, '栖木 高腰阔腿裤 灰色');
      await say(chat, 'buyer', '这款偏大还是偏小');
      await expect.poll(() => panel.getByTestId('product').textContent(), { timeout: 15_000 }).toContain('阔腿裤');
      await expect.poll(() => firstSuggestion(panel), { timeout: 15_000 }).toBe('size-fit');
    } finally {
      await panel.close();
      await chat.close();
    }
  });
});

describe('the wait clock', () => {
  it('counts from the oldest unanswered buyer message, turns amber then red, and stops when the agent answers', async () => {
    const { chat, panel } = await openChatAndPanel(browser, `${origin}/taobao/product-card.html`, 'tb_冬冬');
    const timer = panel.getByTestId('wait-timer');
    try {
      await expect.poll(() => timer.getAttribute('data-level'), { timeout: 10_000 }).toBe('ok');
      await expect
        .poll(async () => Number(await timer.getAttribute('data-seconds')), { timeout: 10_000 })
        .toBeGreaterThan(0);
      await expect.poll(() => timer.getAttribute('data-level'), { timeout: 10_000 }).toBe('amber');
      await expect.poll(() => timer.getAttribute('data-level'), { timeout: 10_000 }).toBe('red');
      // A new buyer message does not restart the clock: the oldest unanswered one counts.
      await say(chat, 'buyer', '在吗在吗');
      await new Promise((done) => setTimeout(done, 2_500));
      await expect(timer.getAttribute('data-level')).resolves.toBe('red');
      await say(chat, 'agent', '亲，在的～');
      await expect.poll(() => timer.getAttribute('data-seconds'), { timeout: 10_000 }).toBe('0');
      await say(chat, 'buyer', '那我拍M码');
      await expect
        .poll(async () => Number(await timer.getAttribute('data-seconds')), { timeout: 10_000 })
        .toBeGreaterThan(0);
      expect(Number(await timer.getAttribute('data-seconds'))).toBeLessThan(6);
    } finally {
      await panel.close();
      await chat.close();
    }
  });

  it('lists the chats that wait, longest first, and one click switches to that chat', async () => {
    const { chat, panel } = await openChatAndPanel(browser, `${origin}/taobao/product-card.html`, 'tb_冬冬');
    // A second chat tab, opened last: it becomes the chat in use.
    const other = await browser.context.newPage();
    await other.goto(`${origin}/taobao/aftersale-vip.html`);
    await other.bringToFront();
    try {
      const items = panel.getByTestId('waiting-chat');
      await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(2);
      // The after-sale buyer's message has a page time days ago: the longest wait, first.
      // (Polled: a chat closed by the test before may linger in the list until the next refresh, 2 s.)
      await expect.poll(() => items.first().textContent(), { timeout: 10_000 }).toContain('tb_大熊88');
      await expect(items.first().getAttribute('data-level')).resolves.toBe('red');
      await expect(items.nth(1).textContent()).resolves.toContain('tb_冬冬');
      const visible = (page: Page) => page.evaluate(() => document.visibilityState);
      for (const [index, buyer, page] of [
        [1, 'tb_冬冬', chat],
        [0, 'tb_大熊88', other],
      ] as const) {
        await items.nth(index).locator('button').click();
        await expect.poll(() => panel.getByTestId('buyer-name').textContent(), { timeout: 10_000 }).toBe(buyer);
        await expect.poll(() => visible(page)).toBe('visible');
      }

      // That buyer is a VIP in an after-sale chat: the pack's VIP scenario is on by itself, its entry first.
      const vip = panel.locator('[data-testid="scenario-auto"][data-scenario-id="vip-care"]');
      await expect.poll(() => vip.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
      await expect.poll(() => firstSuggestion(panel), { timeout: 10_000 }).toBe('vip-delivery');
      await vip.click();
      await expect.poll(() => vip.getAttribute('aria-pressed')).toBe('false');
      await expect.poll(() => firstSuggestion(panel)).not.toBe('vip-delivery');
    } finally {
      await panel.close();
      await chat.close();
      await other.close();
    }
  });
});

describe('a scenario that is off', () => {
  it('a manual one: offers its answer with a mark, and the mark switches the scenario on', async () => {
    const { chat, panel } = await openChatAndPanel(browser, `${origin}/taobao/product-card.html`, 'tb_冬冬');
    try {
      await say(chat, 'agent', '亲，在的～');
      await say(chat, 'buyer', '付了定金还能退吗');
      const row = panel.locator('[data-testid="suggestion"][data-entry-id="desk-deposit"]');
      await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
      const mark = row.getByTestId('suggestion-scenario-off');
      await expect(mark.getAttribute('data-scenario-id')).resolves.toBe('desk-presale');
      await mark.getByTestId('suggestion-scenario-on').click();
      const toggle = panel.locator('[data-testid="scenario-toggle"][data-scenario-id="desk-presale"]');
      await expect.poll(() => toggle.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
      await expect.poll(() => row.getByTestId('suggestion-scenario-off').count()).toBe(0);
      await expect.poll(() => firstSuggestion(panel)).toBe('desk-deposit');
      // Switched off again for the other tests of this browser.
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    } finally {
      await panel.close();
      await chat.close();
    }
  });

  it('a dated one outside its dates: offered with a mark that gives the dates', async () => {
    const { chat, panel } = await openChatAndPanel(browser, `${origin}/taobao/product-card.html`, 'tb_冬冬');
    try {
      await say(chat, 'agent', '亲，在的～');
      await say(chat, 'buyer', '店庆有什么活动呀');
      const row = panel.locator('[data-testid="suggestion"][data-entry-id="desk-anniversary-gift"]');
      await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
      const mark = row.getByTestId('suggestion-scenario-off');
      await expect(mark.getAttribute('data-scenario-id')).resolves.toBe('desk-anniversary');
      await expect(mark.textContent()).resolves.toContain('2020-05-01 – 2020-05-07');
    } finally {
      await panel.close();
      await chat.close();
    }
  });
});
