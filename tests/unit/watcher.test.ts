// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { jdAdapter } from '../../lib/adapters/jd/adapter';
import { shopifyAdapter } from '../../lib/adapters/shopify/adapter';
import type { ChatAdapter } from '../../lib/adapters/types';
import { watchConversation, whenChatPage } from '../../lib/content/watcher';
import type { ConversationReport } from '../../lib/chats/types';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/sites', name), 'utf8');
const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
const SETTLE = { timeout: 3000, interval: 20 };

function setup(html: string, adapter: ChatAdapter = jdAdapter) {
  const doc = new JSDOM(html, { url: 'https://dongdong.jd.com/' }).window.document;
  const reports: ConversationReport[] = [];
  const watcher = watchConversation({ root: doc, adapter, delay: 5, report: (r) => reports.push(r) });
  return { doc, reports, watcher };
}

/**
 * Opens the other buyer the way a framework such as React does: the selection class moves, the
 * header's text node gets the new name (no element is added or removed outside the list), and the
 * list's children are swapped.
 */
function switchInPlace(doc: Document, fixtureName: string, parts: { name: string; list: string; contacts?: string }) {
  const next = new JSDOM(fixture(fixtureName)).window.document;
  if (parts.contacts) {
    const items = doc.querySelectorAll(parts.contacts);
    next.querySelectorAll(parts.contacts).forEach((item, i) => items[i]?.setAttribute('class', item.className));
  }
  doc.querySelector(parts.name)!.firstChild!.nodeValue = next.querySelector(parts.name)!.textContent;
  const messages = Array.from(next.querySelector(parts.list)!.childNodes, (node) => doc.importNode(node, true));
  doc.querySelector(parts.list)!.replaceChildren(...messages);
}

function appendBuyer(doc: Document, id: string, text: string) {
  const bubble = doc.createElement('div');
  bubble.className = 'message message_left';
  bubble.id = id;
  bubble.innerHTML = `<pre class="message__text"><span class="message__content">${text}</span></pre>`;
  doc.querySelector('#t-chat-scroll .c-c')!.append(bubble);
}

describe('watchConversation', () => {
  it('reports the pane once, then only new messages, parsing only the added bubbles', async () => {
    const { doc, reports, watcher } = setup(fixture('jd/history.html'));
    await tick();
    expect(reports).toHaveLength(1);
    const initial = reports[0]!.conversation!.messages.length;
    const parsedBefore = watcher.stats.messagesParsed;
    appendBuyer(doc, 's_9001', '能开发票吗');
    appendBuyer(doc, 's_9002', '订单298765432199');
    await tick();
    expect(reports).toHaveLength(2);
    const last = reports[1]!.conversation!;
    expect(last.messages).toHaveLength(initial + 2);
    expect(last.messages.at(-1)).toMatchObject({ id: 's_9002', role: 'buyer' });
    expect(last.orderIds[0]).toBe('298765432199');
    expect(watcher.stats.messagesParsed - parsedBefore).toBe(2);
    expect(watcher.stats.fullReads).toBe(1);
    watcher.stop();
  });

  it('reads everything again when the agent opens another conversation', async () => {
    const { doc, reports, watcher } = setup(fixture('jd/history.html'));
    await tick();
    const other = new JSDOM(fixture('jd/second-conversation.html')).window.document;
    // The site re-renders the chat: the contact list selects the other buyer, the pane shows their messages.
    doc.querySelector('.chat-wrap')!.innerHTML = other.querySelector('.chat-wrap')!.innerHTML;
    // Polled, not a fixed wait: a loaded CI core may run the debounced read late.
    await vi.waitFor(
      () => expect(reports.at(-1)!.conversation).toMatchObject({ conversationId: 'jd_lisa2026', buyerName: 'jd_lisa' }),
      SETTLE,
    );
    expect(reports.at(-1)!.conversation!.messages).toHaveLength(3);
    watcher.stop();
  });

  it('notices a switch that only rewrites the header text in place', async () => {
    const { doc, reports, watcher } = setup(fixture('jd/history.html'));
    await tick();
    switchInPlace(doc, 'jd/second-conversation.html', {
      name: '.chat-head-name',
      list: '#t-chat-scroll .c-c',
      contacts: '#t-alluser-wrap .alluser-item',
    });
    // Polled, not a fixed wait: a loaded CI core may run the debounced read late.
    await vi.waitFor(
      () => expect(reports.at(-1)!.conversation).toMatchObject({ conversationId: 'jd_lisa2026', buyerName: 'jd_lisa' }),
      SETTLE,
    );
    expect(reports.at(-1)!.conversation!.messages.map((m) => m.text)).toEqual([
      '你好 空调什么时候能来装',
      '您好，签收后24小时内师傅联系您～',
      '等了三天了还没人联系',
    ]);
    watcher.stop();
  });

  it("never reports the new buyer's messages under the old buyer", async () => {
    const { doc, reports, watcher } = setup(fixture('shopify/history.html'), shopifyAdapter);
    await tick();
    expect(reports).toHaveLength(1);
    switchInPlace(doc, 'shopify/second-conversation.html', { name: 'header h2', list: '[role="log"]' });
    // Polled, not a fixed wait: a loaded CI core may run the debounced read late.
    await vi.waitFor(
      () =>
        expect(reports.at(-1)!.conversation).toMatchObject({ conversationId: 'Omar Haddad', buyerName: 'Omar Haddad' }),
      SETTLE,
    );
    expect(reports.at(-1)!.conversation!.messages).toHaveLength(1);
    // Every report is one buyer's conversation: the old one untouched, or the new one.
    for (const report of reports) {
      const c = report.conversation!;
      expect(c.messages.some((m) => m.text === 'Do you ship to Canada?')).toBe(c.buyerName === 'Omar Haddad');
    }
    watcher.stop();
  });

  it('notices a switch inside a shadow root, where the page observer does not see', async () => {
    // The whole pane mounted in an open shadow root (a micro-app): the header's text changes in there.
    const doc = new JSDOM(fixture('shopify/history.html'), { url: 'https://inbox.shopify.com/' }).window.document;
    const host = doc.createElement('micro-app');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(...Array.from(doc.body.childNodes));
    doc.body.append(host);
    const reports: ConversationReport[] = [];
    const watcher = watchConversation({ root: doc, adapter: shopifyAdapter, delay: 5, report: (r) => reports.push(r) });
    await vi.waitFor(() => expect(reports).toHaveLength(1), SETTLE);
    const next = new JSDOM(fixture('shopify/second-conversation.html')).window.document;
    shadow.querySelector('header h2')!.firstChild!.nodeValue = next.querySelector('header h2')!.textContent;
    const messages = Array.from(next.querySelector('[role="log"]')!.childNodes, (node) => doc.importNode(node, true));
    shadow.querySelector('[role="log"]')!.replaceChildren(...messages);
    await vi.waitFor(() => expect(reports.at(-1)!.conversation).toMatchObject({ buyerName: 'Omar Haddad' }), SETTLE);
    expect(reports.at(-1)!.conversation!.messages).toHaveLength(1);
    watcher.stop();
  });

  it('still reports a pane that was read for a shortcut before its first report', async () => {
    // pages.e2e after a reload: the agent's first Tab expands a shortcut, which reads the pane, before the
    // new document's first (debounced) report. That read must not count as reported.
    const { reports, watcher } = setup(fixture('jd/history.html'));
    expect(watcher.readNow().conversation?.buyerName).toBe('jd_小王');
    expect(reports).toHaveLength(0);
    await vi.waitFor(() => expect(reports).toHaveLength(1), SETTLE);
    expect(reports[0]!.conversation?.buyerName).toBe('jd_小王');
    // Once reported, reading it again sends nothing new; `reportNow` sends it at once.
    watcher.readNow();
    await tick();
    expect(reports).toHaveLength(1);
    watcher.reportNow();
    expect(reports).toHaveLength(2);
    watcher.stop();
  });

  it('waits for a list that appears late, and stops cleanly', async () => {
    const { doc, reports, watcher } = setup('<!doctype html><body><div id="app"></div></body>');
    await tick();
    expect(reports.at(-1)?.conversation ?? null).toBeNull();
    const chat = new JSDOM(fixture('jd/empty.html')).window.document;
    doc.getElementById('app')!.innerHTML = chat.body.innerHTML;
    // Polled, not a fixed wait: a loaded CI core may run the debounced read late.
    await vi.waitFor(
      () => expect(reports.at(-1)!.conversation).toMatchObject({ buyerName: 'jd_小王', messages: [] }),
      SETTLE,
    );
    expect(reports.at(-1)!.hasComposer).toBe(true);
    watcher.stop();
    appendBuyer(doc, 's_1', '还在吗');
    await tick();
    expect(reports.at(-1)!.conversation!.messages).toHaveLength(0);
  });
});

describe('whenChatPage', () => {
  const pickJd = (doc: Document) => () => (jdAdapter.matchesDom(doc) ? jdAdapter : null);

  it('finds a chat pane a single-page app renders after load, once', async () => {
    const doc = new JSDOM('<!doctype html><body><div id="app"><p>Loading…</p></div></body>').window.document;
    const found: string[] = [];
    const stop = whenChatPage({ root: doc, pick: pickJd(doc), found: (a) => found.push(a.platform), delay: 5 });
    doc.getElementById('app')!.append(doc.createElement('nav'));
    await tick();
    expect(found).toEqual([]);
    doc.getElementById('app')!.innerHTML = new JSDOM(fixture('jd/empty.html')).window.document.body.innerHTML;
    await tick();
    expect(found).toEqual(['jd']);
    doc.getElementById('app')!.append(doc.createElement('div'));
    await tick();
    expect(found).toEqual(['jd']);
    stop();
  });

  it('answers at once on a chat page, and never after stop', async () => {
    const chat = new JSDOM(fixture('jd/history.html')).window.document;
    const found: string[] = [];
    whenChatPage({ root: chat, pick: pickJd(chat), found: (a) => found.push(a.platform) });
    expect(found).toEqual(['jd']);

    const shell = new JSDOM('<!doctype html><body><div id="app"></div></body>').window.document;
    const stop = whenChatPage({ root: shell, pick: pickJd(shell), found: (a) => found.push(a.platform), delay: 5 });
    stop();
    shell.getElementById('app')!.innerHTML = chat.body.innerHTML;
    await tick();
    expect(found).toEqual(['jd']);
  });
});
