// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { jdAdapter } from '../../lib/adapters/jd/adapter';
import { watchConversation } from '../../lib/content/watcher';
import type { ConversationReport } from '../../lib/messaging/protocol';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/sites', name), 'utf8');
const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

function setup(html: string) {
  const doc = new JSDOM(html, { url: 'https://dongdong.jd.com/' }).window.document;
  const reports: ConversationReport[] = [];
  const watcher = watchConversation({ root: doc, adapter: jdAdapter, delay: 5, report: (r) => reports.push(r) });
  return { doc, reports, watcher };
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
    await tick(60);
    expect(reports.at(-1)!.conversation).toMatchObject({ conversationId: 'jd_lisa2026', buyerName: 'jd_lisa' });
    expect(reports.at(-1)!.conversation!.messages).toHaveLength(3);
    watcher.stop();
  });

  it('waits for a list that appears late, and stops cleanly', async () => {
    const { doc, reports, watcher } = setup('<!doctype html><body><div id="app"></div></body>');
    await tick();
    expect(reports.at(-1)?.conversation ?? null).toBeNull();
    const chat = new JSDOM(fixture('jd/empty.html')).window.document;
    doc.getElementById('app')!.innerHTML = chat.body.innerHTML;
    await tick(60);
    expect(reports.at(-1)!.conversation).toMatchObject({ buyerName: 'jd_小王', messages: [] });
    expect(reports.at(-1)!.hasComposer).toBe(true);
    watcher.stop();
    appendBuyer(doc, 's_1', '还在吗');
    await tick();
    expect(reports.at(-1)!.conversation!.messages).toHaveLength(0);
  });
});
