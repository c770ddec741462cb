/**
 * How each replica page adds a buyer message, as the real site does (same markup as the fixtures,
 * see tests/fixtures/sites/README.md), and the flow each site's end-to-end test walks through.
 */
import type { Frame, Page } from 'playwright-core';

export interface SiteFlow {
  site: 'taobao' | 'jd' | 'shopify' | 'pdd';
  fixture: string;
  /** A new buyer message and the entry of the site's shipped pack that must rank first for it. */
  message: string;
  expected: string;
  /** Text that must reach the composer after Insert. */
  inserted: string;
  composer: string;
}

export const FLOWS: SiteFlow[] = [
  {
    site: 'taobao',
    fixture: 'taobao/history.html',
    message: '亲 裤子洗了一次就缩水了 短了一截怎么办',
    expected: 'shrinking',
    inserted: '缩',
    composer: 'textarea.J_chatInput',
  },
  {
    site: 'jd',
    fixture: 'jd/history.html',
    message: '你好 能开增值税专用发票吗 要什么资料',
    expected: 'invoice-special',
    inserted: '增值税专用发票',
    composer: '.chat-foot .EditorContent',
  },
  {
    site: 'shopify',
    fixture: 'shopify/history.html',
    message: 'Do you ship to PO boxes?',
    expected: 'po-box',
    inserted: 'PO Box',
    composer: 'textarea',
  },
  {
    site: 'pdd',
    fixture: 'pdd/history.html',
    message: '亲 收到的杯子是碎的 坏了包赔怎么赔',
    expected: 'broken-compensation',
    inserted: '坏了包赔',
    composer: 'textarea#replyTextarea',
  },
];

/** Appends a buyer bubble the way each site's own code does. */
export async function appendBuyerMessage(page: Page, site: SiteFlow['site'], text: string): Promise<void> {
  await page.evaluate(
    ({ site, text }) => {
      const el = (html: string) => {
        const box = document.createElement('div');
        box.innerHTML = html.trim();
        return box.firstElementChild!;
      };
      const safe = text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
      if (site === 'jd') {
        document
          .querySelector('#t-chat-scroll .c-c')!
          .append(
            el(
              `<div class="message message_left" id="s_${Date.now()}"><div class="message__time_str">11:59</div><pre class="message__text"><span class="message__content">${safe}</span></pre></div>`,
            ),
          );
      } else if (site === 'taobao') {
        const nick = document.querySelector('#J_msg_list')!.getAttribute('data-nick');
        document
          .querySelector('#J_msg_list')!
          .append(
            el(
              `<div class="J_msg imui-msg imui-msg-l" data-fromnick="${nick}" data-time="2026-11-24 11:59:00"><div class="imui-msg-time">11:59</div><div class="msg-body-html">${safe}</div></div>`,
            ),
          );
      } else if (site === 'shopify') {
        const name = document.querySelector('header h2')!.textContent;
        document
          .querySelector('[role="log"]')!
          .append(
            el(
              `<div role="listitem" class="Pq1x" aria-label="Message from ${name}" id="msg-${Date.now()}"><time datetime="2026-11-24T11:59:00Z">11:59</time><div class="Zz3"><p>${safe}</p></div></div>`,
            ),
          );
      } else {
        document
          .querySelector('#msgListContainer ul.msg-list')!
          .append(
            el(
              `<li class="onemsg"><div class="buyer-item"><div class="msg-content-box">${safe}</div><span class="msg-time">11:59</span></div></li>`,
            ),
          );
      }
    },
    { site, text },
  );
}

/** Appends the agent's own bubble (the pending buyer question is then answered) on the JD or Shopify replica. */
export async function appendAgentReply(page: Page, site: 'jd' | 'shopify', text: string): Promise<void> {
  await page.evaluate(
    ({ site, text }) => {
      const bubble = document.createElement('div');
      const content = Object.assign(document.createElement(site === 'jd' ? 'span' : 'p'), { textContent: text });
      if (site === 'jd') {
        bubble.className = 'message message_right';
        bubble.id = `s_${Date.now()}`;
        const pre = Object.assign(document.createElement('pre'), { className: 'message__text' });
        content.className = 'message__content';
        pre.append(content);
        bubble.append(pre);
        document.querySelector('#t-chat-scroll .c-c')!.append(bubble);
      } else {
        Object.assign(bubble, { className: 'Pq1x k9a', id: `msg-${Date.now()}` });
        bubble.setAttribute('role', 'listitem');
        bubble.setAttribute('aria-label', 'Message from you');
        const body = Object.assign(document.createElement('div'), { className: 'Zz3' });
        body.append(content);
        bubble.append(body);
        document.querySelector('[role="log"]')!.append(bubble);
      }
    },
    { site, text },
  );
}

/** Types `text` then the key into the composer, as the agent does (trusted key events). */
export async function typeShortcut(frame: Frame, composer: string, text: string, key: 'Space' | 'Tab') {
  const box = frame.locator(composer);
  await box.click();
  await box.press('Control+a');
  await box.press('Backspace');
  await box.pressSequentially(text);
  await box.press(key);
}
