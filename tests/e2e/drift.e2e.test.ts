/**
 * Blind generality test: chat pages whose DOM drifted in ways the other replica variants do not cover, written from
 * what is public about each site (/work/shared/SITES.md), not from the adapters. Each variant runs twice:
 *  - at the fixture origin (http://127.0.0.1/…), as tests/e2e/pages.e2e.test.ts runs its variants (there the test
 *    build can only pick the site by the page's DOM), and
 *  - at the site's own URL (https://dongdong.jd.com/ …), fulfilled by Playwright from the same file, so the site is
 *    picked by URL as on the real site.
 * Steps are separate `it`s so that every step is tried and reported even when an earlier one fails; the table
 * printed at the end says which step failed and what the panel and the composer's own model held.
 *
 * Variants with a `gap` are drifts the extension does not handle yet (what fails and why: the `gap` text). They, the
 * fixture-origin run of `siteUrlOnly` variants and the attribution probes run only with HUASHU_DRIFT_GAPS=1, so the
 * suite stays a check of what works; when a gap is closed, drop its `gap` and it runs with the rest. (The hashed 千牛
 * page was one until the twenty-second session: now read by layout, lib/adapters/layout.ts.)
 */
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanel, ROOT, serveFolder, type ExtensionBrowser } from './harness';
import { appendBuyerMessage, typeShortcut } from './sites';

const SITES_DIR = join(ROOT, 'tests/fixtures/sites');
let browser: ExtensionBrowser;
let server: Server;
let origin: string;
let vendorDir: string;
const results: Record<string, Record<string, string>> = {};

interface Drift {
  name: string;
  page: string;
  /** The site's own URL the same file is served at in the "site URL" mode. */
  siteUrl: string;
  /** The chat document is a srcdoc iframe of the page. */
  srcdoc?: boolean;
  buyer: string;
  message: string;
  /** The shipped-pack entry that must rank first. */
  expected: string;
  /** What to type in the panel's search to reach that entry if it was not suggested. */
  search: string;
  /** A part of the reply that occurs once in it (the box must hold it exactly once). */
  unique: string;
  /** Playwright selector of the composer (CSS, pierces open shadow roots). */
  composer: string;
  shortcut: string;
  expansion: string;
  /** The site's baseline replicas get the same buyer message (ranking control). */
  control: 'taobao' | 'jd' | 'shopify';
  /** Not handled yet: what fails, as last measured (run with HUASHU_DRIFT_GAPS=1). */
  gap?: string;
  /**
   * Why the variant runs at the site URL only: at the fixture origin the test build picks the site by the page's DOM,
   * and nothing in this page's DOM names the site (run there too with HUASHU_DRIFT_GAPS=1).
   */
  siteUrlOnly?: string;
}

const DRIFTS: Drift[] = [
  {
    name: 'taobao hashed+virtual',
    page: 'taobao/variant-hashed.html',
    siteUrl: 'https://qn.taobao.com/home.htm/app-customer-service/reception',
    buyer: 'tb_晴天2026',
    message: '亲 这件卫衣洗了一次就缩水了 袖子短了一截',
    expected: 'shrinking',
    search: '/ss',
    unique: '缩率',
    composer: 'textarea',
    shortcut: '/fh',
    expansion: '小时内发出',
    control: 'taobao',
    siteUrlOnly:
      'only hashed classes: no selector, class fragment or attribute says Taobao, so at 127.0.0.1 the page is no chat ' +
      'site (in the product the address decides; there the chat is read by layout: lib/adapters/layout.ts)',
  },
  {
    name: 'jd shadow root',
    page: 'jd/variant-shadow.html',
    siteUrl: 'https://dongdong.jd.com/',
    buyer: 'jd_浩然',
    message: '刚买就降价了 能保价吗',
    expected: 'price-protect',
    search: '/jb',
    unique: '一键申请',
    composer: '.EditorContent',
    shortcut: '/fh',
    expansion: '京东物流',
    control: 'jd',
  },
  {
    name: 'shopify srcdoc',
    page: 'shopify/variant-srcdoc.html',
    siteUrl: 'https://admin.shopify.com/store/acme-outdoor/apps/inbox',
    srcdoc: true,
    buyer: 'Sofia Reyes',
    message: 'Hi! Do you ship to PO boxes?',
    expected: 'po-box',
    search: 'PO Box and APO',
    unique: 'APO/FPO/DPO',
    composer: 'textarea',
    shortcut: '/ship',
    expansion: 'packed and shipped',
    control: 'shopify',
  },
  {
    name: 'taobao lexical',
    page: 'taobao/variant-lexical.html',
    siteUrl: 'https://market.m.taobao.com/app/im/chat/index.html',
    buyer: 'tb_一只猫007',
    message: '能开增值税专用发票吗 公司报销要专票',
    expected: 'invoice-special',
    search: '/zhuanp',
    unique: '纸质专票',
    composer: '.im-editor-input',
    shortcut: '/fh',
    expansion: '小时内发出',
    control: 'taobao',
  },
];

const WITH_GAPS = Boolean(process.env.HUASHU_DRIFT_GAPS);
const RUN = WITH_GAPS ? DRIFTS : DRIFTS.filter((d) => !d.gap);

const MODES = ['fixture origin', 'site URL'] as const;
type Mode = (typeof MODES)[number];

beforeAll(async () => {
  // The fixture folders plus /__vendor/lexical.js (the repo's own Lexical, bundled for the Lexical variant).
  const served = mkdtempSync(join(tmpdir(), 'huashu-drift-'));
  for (const entry of readdirSync(SITES_DIR, { withFileTypes: true }))
    if (entry.isDirectory()) symlinkSync(join(SITES_DIR, entry.name), join(served, entry.name));
  vendorDir = join(served, '__vendor');
  mkdirSync(vendorDir);
  await build({
    stdin: {
      contents: "export * from 'lexical';\nexport { registerPlainText } from '@lexical/plain-text';\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'Lexical',
    outfile: join(vendorDir, 'lexical.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  ({ server, origin } = await serveFolder(served));
  browser = await launchWithExtension(join(ROOT, '.output/e2e/chrome-mv3'));
  // The site URLs: answered from the same files, nothing reaches the network.
  const hosts = new Set(DRIFTS.map((d) => new URL(d.siteUrl).host));
  await browser.context.route(
    (url) => hosts.has(url.host),
    (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.startsWith('/__vendor/'))
        return route.fulfill({
          contentType: 'text/javascript; charset=utf-8',
          body: readFileSync(join(vendorDir, url.pathname.slice('/__vendor/'.length))),
        });
      const drift = DRIFTS.find((d) => d.siteUrl === `${url.origin}${url.pathname}`);
      if (!drift) return route.fulfill({ status: 404, body: 'not found' });
      const html = readFileSync(join(SITES_DIR, drift.page), 'utf8');
      const probe = PROBES.find((p) => p.id === url.searchParams.get('probe'));
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: probe ? probe.transform(html) : html });
    },
  );
});

afterAll(async () => {
  console.log('\nDrifted pages (each step: pass, or FAIL with what was seen):');
  for (const [name, result] of Object.entries(results)) {
    console.log(`  ${name}`);
    for (const [step, outcome] of Object.entries(result)) console.log(`      ${step.padEnd(22)} ${outcome}`);
  }
  await browser?.close();
  server?.close();
});

const urlOf = (drift: Drift, mode: Mode) => (mode === 'site URL' ? drift.siteUrl : `${origin}/${drift.page}`);

/** The frame that holds the chat (the page, or its srcdoc iframe), once the page's own code ran. */
async function chatFrame(page: Page, drift: Drift): Promise<Frame> {
  let frame = page.mainFrame();
  if (drift.srcdoc) {
    // (a plain loop: this also runs in beforeAll, where expect.poll is not allowed)
    for (let waited = 0; !page.frames().some((f) => f.url() === 'about:srcdoc'); waited += 100) {
      if (waited > 10_000) throw new Error('the srcdoc iframe never loaded');
      await page.waitForTimeout(100);
    }
    frame = page.frames().find((f) => f.url() === 'about:srcdoc')!;
  }
  await frame.waitForFunction(() => 'huashuReplica' in window, undefined, { timeout: 10_000 });
  return frame;
}

/** Runs `body` (the text of a function of `r`, the page's window.huashuReplica) in the chat frame. */
const replica = <T>(frame: Frame, body: string) =>
  frame.evaluate(
    (code) => new Function('r', code)((window as unknown as { huashuReplica: unknown }).huashuReplica) as T,
    body,
  );
/** The editor's own model as text, and its DOM's text (no-break spaces as spaces, trailing line breaks dropped). */
const tidy = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\n+$/, '');
const model = async (frame: Frame) => tidy(await replica<string>(frame, 'return r.composerText()'));
const dom = async (frame: Frame) => tidy(await replica<string>(frame, 'return r.composerDom()'));
const sent = (frame: Frame) => replica<number>(frame, 'return r.sent');
const count = (text: string, part: string) => text.split(part).length - 1;
const short = (text: string | null | undefined, n = 160) => {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
};
const suggestions = (panel: Page) =>
  panel.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="suggestion"]')].map((e) => e.dataset.entryId ?? '?'),
  );
const panelText = async (panel: Page) =>
  short(
    await panel
      .locator('body')
      .innerText()
      .catch(() => '(no panel)'),
    300,
  );

/** Types "ok <shortcut>" and Tab into the composer; whether the editor's model holds the expansion within 5 s. */
async function expandsShortcut(frame: Frame, drift: Drift): Promise<boolean> {
  await typeShortcut(frame, drift.composer, `ok ${drift.shortcut}`, 'Tab');
  return expect
    .poll(() => model(frame), { timeout: 5_000 })
    .toContain(drift.expansion)
    .then(() => true)
    .catch(() => false);
}

/**
 * Clicks Insert on the drift's entry: where the panel lists it, or after searching it out when it is not listed
 * (or `search` asks for it). Says how it was reached.
 */
async function insertEntry(panel: Page, drift: Drift, search = false): Promise<string> {
  const entry = () => panel.locator(`[data-testid="suggestion"][data-entry-id="${drift.expected}"]`);
  let how = 'suggested';
  if (search || (await entry().count()) === 0) {
    how = `searched ${drift.search}`;
    await panel.getByTestId('search').fill(drift.search);
    await expect.poll(() => suggestions(panel), { timeout: 10_000 }).toContain(drift.expected);
  }
  await entry().first().getByTestId('insert').click();
  return how;
}

describe.each(RUN)('$name', (drift) => {
  describe.each(MODES.filter((mode) => WITH_GAPS || !drift.siteUrlOnly || mode === 'site URL'))('at the %s', (mode) => {
    const key = `${drift.name} @ ${mode}`;
    const result: Record<string, string> = {};
    results[key] = result;
    let chat: Page;
    let panel: Page;
    let frame: Frame;
    const errors: string[] = [];
    const consoleLines: string[] = [];
    let diag = '';

    /** An `it` whose outcome lands in the table: pass, or FAIL with the error and what was seen (`diag`). */
    const step = (name: string, run: () => Promise<string | void>) =>
      it(name, async () => {
        diag = '';
        try {
          const note = await run();
          result[name] = `pass${note ? ` (${note})` : ''}`;
        } catch (error) {
          result[name] = `FAIL ${short((error as Error).message, 220)}${diag ? ` | ${diag}` : ''}`;
          throw error;
        }
      });

    beforeAll(async () => {
      chat = await browser.context.newPage();
      chat.on('pageerror', (error) => errors.push(error.message));
      chat.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') consoleLines.push(`${m.type()}: ${short(m.text(), 200)}`);
      });
      await chat.goto(urlOf(drift, mode));
      frame = await chatFrame(chat, drift);
      await chat.bringToFront();
      panel = await openPanel(browser);
    });

    afterAll(async () => {
      if (errors.length) result['page errors'] = errors.join(' / ');
      if (consoleLines.length) result['page console'] = short(consoleLines.join(' / '), 400);
      await panel?.close();
      await chat?.close();
    });

    // Before blaming the extension: the page itself works (on a separate load, so the test page stays untouched).
    step('page works by hand', async () => {
      const own = await browser.context.newPage();
      try {
        await own.goto(urlOf(drift, mode));
        const f = await chatFrame(own, drift);
        expect(await model(f)).toBe('');
        // Typing with real key events reaches the editor's own model and its DOM.
        await f.locator(drift.composer).click();
        await f.locator(drift.composer).pressSequentially('abc 测试');
        await expect.poll(() => model(f)).toBe('abc 测试');
        expect(await dom(f)).toBe('abc 测试');
        // Enter is the page's send (counted, never sent).
        await f.locator(drift.composer).press('Enter');
        expect(await sent(f)).toBe(1);
        await f.locator(drift.composer).press('Control+a');
        await f.locator(drift.composer).press('Backspace');
        await expect.poll(() => model(f)).toBe('');
        // A DOM-only write does not reach the model (so a pass below is not the DOM read back).
        await f.locator(drift.composer).evaluate((el) => {
          if (el instanceof HTMLTextAreaElement)
            Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, 'dom only');
          else el.textContent = 'dom only';
        });
        await own.waitForTimeout(600);
        const strict =
          (await model(f)) === '' ? 'DOM-only write ignored by the model' : 'DOM-only write reached the model';
        // The buyer's new message shows up in the page (in a shadow root or srcdoc frame as the page has it).
        await replica(f, `r.buyerSays(${JSON.stringify('测试消息 test message')})`);
        const shown = await f.evaluate(() => {
          const texts: string[] = [];
          const walk = (root: Document | ShadowRoot) => {
            texts.push(root instanceof Document ? root.body.innerText : (root.textContent ?? ''));
            root.querySelectorAll('*').forEach((e) => e.shadowRoot && walk(e.shadowRoot));
          };
          walk(document);
          return texts.join('\n');
        });
        expect(shown).toContain('测试消息 test message');
        let rows = '';
        if (drift.page.includes('hashed')) {
          // Virtualised: the list holds 8 rows whatever the history, the oldest replaced by the new one.
          const n = await replica<number>(f, 'return r.renderedRows()');
          expect(n).toBe(8);
          rows = `, ${n} rows in the DOM`;
        }
        return `${strict}${rows}`;
      } finally {
        await own.close();
      }
    });

    step('panel reads the chat', async () => {
      try {
        await panel.waitForFunction(
          (name) => document.querySelector('[data-testid="buyer-name"]')?.textContent === name,
          drift.buyer,
          { timeout: 20_000 },
        );
      } catch (error) {
        const name = await panel
          .locator('[data-testid="buyer-name"]')
          .textContent({ timeout: 500 })
          .catch(() => null);
        diag = `buyer-name=${JSON.stringify(name)}; panel: ${await panelText(panel)}`;
        throw error;
      }
    });

    step('right suggestion first', async () => {
      const started = Date.now();
      await replica(frame, `r.buyerSays(${JSON.stringify(drift.message)})`);
      try {
        await expect.poll(() => suggestions(panel).then((s) => s[0] ?? null), { timeout: 15_000 }).toBe(drift.expected);
      } catch (error) {
        const question = await panel
          .getByTestId('buyer-question')
          .textContent({ timeout: 500 })
          .catch(() => null);
        diag = `buyer-question=${JSON.stringify(short(question, 80))}; top=${JSON.stringify((await suggestions(panel)).slice(0, 4))}; panel: ${await panelText(panel)}`;
        throw error;
      }
      return `${((Date.now() - started) / 1000).toFixed(1)} s`;
    });

    step('insert once, not sent', async () => {
      await chat.bringToFront();
      // Not suggested (an earlier step failed): reached by search, to test insertion on its own.
      const how = await insertEntry(panel, drift);
      const notice = panel.getByTestId('notice');
      try {
        await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain('Inserted');
        const route = await notice.getAttribute('data-route');
        await chat.waitForTimeout(1_000); // a framework render after the write must not undo it
        const written = await model(frame);
        expect(written).toContain(drift.unique);
        expect(count(written, drift.unique)).toBe(1);
        expect(count(written, written.slice(0, 12))).toBe(1);
        expect(await dom(frame)).toBe(written);
        expect(await sent(frame)).toBe(0);
        return `${how}; route ${route}; model "${short(written, 40)}"`;
      } catch (error) {
        diag = `notice=${JSON.stringify(short(await notice.textContent({ timeout: 500 }).catch(() => null), 120))} route=${await notice.getAttribute('data-route', { timeout: 500 }).catch(() => null)}; model=${JSON.stringify(short(await model(frame), 120))}; dom=${JSON.stringify(short(await dom(frame), 120))}; sent=${await sent(frame)}`;
        throw error;
      }
    });

    step('typed shortcut expands', async () => {
      const attempt = async (wait: number) => {
        await chat.reload();
        frame = await chatFrame(chat, drift);
        await chat.bringToFront();
        if (wait) await chat.waitForTimeout(wait);
        const ok = await expandsShortcut(frame, drift);
        return { ok, model: await model(frame), dom: await dom(frame), sent: await sent(frame) };
      };
      const first = await attempt(0);
      if (first.ok) {
        expect(first.model).not.toContain(drift.shortcut);
        expect(count(first.model, drift.expansion)).toBe(1);
        expect(first.dom).toBe(first.model);
        expect(first.sent).toBe(0);
        return 'first Tab right after load';
      }
      // Not at once: is it only too early, or never?
      const second = await attempt(3_000);
      diag = `right after load: model=${JSON.stringify(short(first.model, 80))} dom=${JSON.stringify(short(first.dom, 80))}; 3 s later: ${second.ok ? 'expanded' : 'not expanded'}, model=${JSON.stringify(short(second.model, 80))} dom=${JSON.stringify(short(second.dom, 80))} sent=${second.sent}`;
      throw new Error(`"ok ${drift.shortcut}" + Tab did not expand to "${drift.expansion}" in the editor's model`);
    });

    // What the panel tells the agent to do when it cannot find the box ("click into it once"): does that work?
    step('insert after a click in the box', async () => {
      await chat.reload();
      frame = await chatFrame(chat, drift);
      await frame.locator(drift.composer).click();
      await chat.bringToFront();
      const notice = panel.getByTestId('notice');
      if (await notice.isVisible().catch(() => false))
        await notice
          .getByRole('button')
          .first()
          .click()
          .catch(() => {});
      await insertEntry(panel, drift, true);
      try {
        await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain('Inserted');
        const route = await notice.getAttribute('data-route');
        await chat.waitForTimeout(1_000);
        const written = await model(frame);
        expect(count(written, drift.unique)).toBe(1);
        expect(count(written, written.slice(0, 12))).toBe(1);
        expect(await dom(frame)).toBe(written);
        expect(await sent(frame)).toBe(0);
        return `route ${route}`;
      } catch (error) {
        diag = `notice=${JSON.stringify(short(await notice.textContent({ timeout: 500 }).catch(() => null), 120))} route=${await notice.getAttribute('data-route', { timeout: 500 }).catch(() => null)}; model=${JSON.stringify(short(await model(frame), 120))}; dom=${JSON.stringify(short(await dom(frame), 120))}; sent=${await sent(frame)}`;
        throw error;
      }
    });
  });
});

/**
 * Attribution probes: a drifted page with one of its drifts undone (the file transformed on the way, served at the
 * site URL), to tell which drift a failure above comes from.
 */
interface Probe {
  id: string;
  drift: Drift;
  /** What is undone. */
  undone: string;
  /** The chat is (still) in a srcdoc iframe. */
  srcdoc: boolean;
  transform(html: string): string;
}
const byName = (name: string) => DRIFTS.find((d) => d.name === name)!;
const swap = (html: string, from: string, to: string) => {
  if (!html.includes(from)) throw new Error(`probe transform: "${from.slice(0, 60)}" not in the page`);
  return html.split(from).join(to);
};
const inboxDocument = (html: string) => html.match(/<template id="inbox-doc">([\s\S]*?)<\/template>/)![1]!.trim();
const polarisTitleAsHeader = (html: string) =>
  swap(
    html,
    '<div class="Polaris-Page-Header"><h1 class="Polaris-Header-Title">Sofia Reyes</h1><span class="Polaris-Badge">Online Store chat</span></div>',
    '<header class="Polaris-Page-Header"><h2 class="Polaris-Header-Title">Sofia Reyes</h2><span class="Polaris-Badge">Online Store chat</span></header>',
  );
/** The hashed Taobao page with the imui classes and attributes added (the list stays as it is). */
const withImuiClasses = (html: string) => {
  let out = swap(html, '<span class="_3Bq7h" title="tb_晴天2026">', '<span class="_3Bq7h J_nick" title="tb_晴天2026">');
  out = swap(
    out,
    '<div class="_4Fv2j"><div class="_1Ux9a"></div><div class="_2Ty6f"></div></div>',
    '<div class="_4Fv2j" id="J_msgContainer"><div class="_1Ux9a"></div><div class="_2Ty6f" id="J_msg_list" data-nick="tb_晴天2026"></div></div>',
  );
  out = swap(
    out,
    "el.className = m.who === 'agent' ? '_2Ty6e _1Rg3k' : '_2Ty6e';",
    "el.className = m.who === 'agent' ? '_2Ty6e _1Rg3k J_msg imui-msg imui-msg-r' : '_2Ty6e J_msg imui-msg imui-msg-l'; el.setAttribute('data-fromnick', m.who === 'agent' ? SHOP : BUYER); el.setAttribute('data-time', m.time);",
  );
  out = swap(out, "el.className = '_3Sy1n';", "el.className = '_3Sy1n J_msg imui-msg imui-msg-system';");
  out = swap(out, '<div class="_2Bb7y"></div>', '<div class="_2Bb7y msg-body-html"></div>');
  out = swap(out, '<div class="_3Cx0p">', '<div class="_3Cx0p imui-chatbox">');
  return swap(out, '<textarea class="_2Jr5m"', '<textarea class="_2Jr5m J_chatInput"');
};
const PROBES: Probe[] = [
  {
    id: 'jd-light-dom',
    drift: byName('jd shadow root'),
    undone: 'shadow root (same pane in the light DOM of <micro-app>)',
    srcdoc: false,
    transform: (html) => swap(html, "const shadow = host.attachShadow({ mode: 'open' });", 'const shadow = host;'),
  },
  {
    id: 'taobao-imui-virtual',
    drift: byName('taobao hashed+virtual'),
    undone: 'hashed classes (imui classes and data-fromnick added, list still virtualised)',
    srcdoc: false,
    transform: (html) => withImuiClasses(html),
  },
  {
    id: 'taobao-imui-no-removal',
    drift: byName('taobao hashed+virtual'),
    undone:
      'hashed classes and the row removal (imui classes, 9 rows kept: older history still absent, but no row leaves as the new one arrives)',
    srcdoc: false,
    transform: (html) => swap(withImuiClasses(html), 'const MAX = 8;', 'const MAX = 9;'),
  },
  {
    id: 'taobao-imui-virtual-answered',
    drift: byName('taobao hashed+virtual'),
    undone: 'hashed classes and the pending buyer line (imui classes, virtualised, last line the agent’s)',
    srcdoc: false,
    transform: (html) => swap(withImuiClasses(html), "    msg('buyer', '2026-11-25 10:08:30', '好的 我先看看'),\n", ''),
  },
  {
    id: 'shopify-header-h2',
    drift: byName('shopify srcdoc'),
    undone: 'Polaris h1 title (buyer name in <header><h2>, still in the srcdoc iframe)',
    srcdoc: true,
    transform: polarisTitleAsHeader,
  },
  {
    id: 'shopify-no-frame',
    drift: byName('shopify srcdoc'),
    undone: 'srcdoc iframe (the conversation document served as the page, Polaris h1 title kept)',
    srcdoc: false,
    transform: inboxDocument,
  },
];

describe.skipIf(!WITH_GAPS)('attribution probes (one drift undone, at the site URL)', () => {
  it.each(PROBES)('$drift.name without its $undone', async (probe) => {
    const { drift } = probe;
    const out: Record<string, string> = {};
    results[`probe: ${drift.name} without its ${probe.undone}`] = out;
    const chat = await browser.context.newPage();
    await chat.goto(`${drift.siteUrl}?probe=${probe.id}`);
    const frame = await chatFrame(chat, { ...drift, srcdoc: probe.srcdoc });
    await chat.bringToFront();
    const panel = await openPanel(browser);
    try {
      const named = await panel
        .waitForFunction(
          (name) => document.querySelector('[data-testid="buyer-name"]')?.textContent === name,
          drift.buyer,
          { timeout: 20_000 },
        )
        .then(() => true)
        .catch(() => false);
      out['panel reads the chat'] = named
        ? 'pass'
        : `FAIL buyer-name=${JSON.stringify(
            await panel
              .locator('[data-testid="buyer-name"]')
              .textContent({ timeout: 500 })
              .catch(() => null),
          )}; panel: ${await panelText(panel)}`;
      await replica(frame, `r.buyerSays(${JSON.stringify(drift.message)})`);
      const ranked = await expect
        .poll(() => suggestions(panel).then((s) => s[0] ?? null), { timeout: 15_000 })
        .toBe(drift.expected)
        .then(() => true)
        .catch(() => false);
      out['right suggestion first'] = ranked
        ? `pass (buyer-question=${JSON.stringify(
            short(
              await panel
                .getByTestId('buyer-question')
                .textContent({ timeout: 500 })
                .catch(() => null),
              60,
            ),
          )})`
        : `FAIL top=${JSON.stringify((await suggestions(panel)).slice(0, 4))}; buyer-question=${JSON.stringify(
            short(
              await panel
                .getByTestId('buyer-question')
                .textContent({ timeout: 500 })
                .catch(() => null),
              60,
            ),
          )}; panel: ${await panelText(panel)}`;
      await insertEntry(panel, drift, !ranked);
      const notice = panel.getByTestId('notice');
      const inserted = await expect
        .poll(() => notice.textContent(), { timeout: 10_000 })
        .toContain('Inserted')
        .then(() => true)
        .catch(() => false);
      await chat.waitForTimeout(1_000);
      const written = await model(frame);
      out['insert once, not sent'] =
        inserted && count(written, drift.unique) === 1 && (await sent(frame)) === 0
          ? `pass (route ${await notice.getAttribute('data-route')})`
          : `FAIL notice=${JSON.stringify(short(await notice.textContent().catch(() => null), 100))}; model=${JSON.stringify(short(written, 80))}`;
      await chat.reload();
      const fresh = await chatFrame(chat, { ...drift, srcdoc: probe.srcdoc });
      await chat.bringToFront();
      const expanded = await expandsShortcut(fresh, drift);
      out['typed shortcut expands'] = expanded ? 'pass' : `FAIL model=${JSON.stringify(short(await model(fresh), 80))}`;
      expect(Object.values(out).every((v) => v.startsWith('pass'))).toBe(true);
    } finally {
      await panel.close();
      await chat.close();
    }
  });
});

// Ranking control: the same buyer messages on each site's baseline replica with no history, so a failed suggestion
// above can be told apart from a ranking miss. (Not the long-history replicas: jd/history.html ends on an unanswered
// 白条 question, which then leads the pending turn and rightly ranks first.)
const CONTROLS = RUN.map((drift) => ({ ...drift, fixture: `${drift.control}/empty.html` }));
describe('ranking control (same messages, empty baseline replicas)', () => {
  it.each(CONTROLS)('$name message on $fixture', async (drift) => {
    const chat = await browser.context.newPage();
    await chat.goto(`${origin}/${drift.fixture}`);
    await chat.bringToFront();
    const panel = await openPanel(browser);
    const key = `control: ${drift.fixture} + "${drift.message}"`;
    try {
      await panel.waitForFunction(
        () => !!document.querySelector('[data-testid="buyer-name"]')?.textContent,
        undefined,
        {
          timeout: 20_000,
        },
      );
      await appendBuyerMessage(chat, drift.control, drift.message);
      await expect.poll(() => suggestions(panel).then((s) => s[0] ?? null), { timeout: 15_000 }).toBe(drift.expected);
      results[key] = { suggestion: 'pass' };
    } catch (error) {
      results[key] = { suggestion: `FAIL top=${JSON.stringify((await suggestions(panel)).slice(0, 4))}` };
      throw error;
    } finally {
      await panel.close();
      await chat.close();
    }
  });
});
