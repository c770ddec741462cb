// @vitest-environment jsdom
/**
 * The adapter contract, run over every adapter × every replica page: a site's own adapter reads the
 * page as `expectations.json` says; every other site adapter says it is not its page (null/false)
 * without throwing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { adapterForDocument, adapterForUrl, mergeSelectors, SITE_ADAPTERS } from '../../lib/adapters/registry';
import { genericAdapter } from '../../lib/adapters/generic/adapter';
import { locateComposer } from '../../lib/adapters/fallback';

const dir = join(process.cwd(), 'tests/fixtures/sites');

interface Expectation {
  platform: string;
  buyerName: string | null;
  conversationId: string | null;
  messageCount: number;
  lastBuyerText: string | null;
  orderIds: string[];
  productTitles: string[];
  hasComposer: boolean;
  /** How the composer is found when the agent has focused nothing yet (lib/adapters/fallback.ts). */
  composerRoute?: 'selectors' | 'structure';
  /** What the pane tells beyond the messages (lib/adapters/signals.ts), where the fixture shows it. */
  signals?: { stage: 'presale' | 'aftersale'; vip: boolean; badges: string[] };
}

const expectations = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as Record<string, Expectation>;
const load = (fixture: string) =>
  new JSDOM(readFileSync(join(dir, fixture), 'utf8'), { url: `http://127.0.0.1/${fixture}` }).window.document;

describe.each(Object.entries(expectations))('%s', (fixture, expected) => {
  const doc = load(fixture);
  const own = SITE_ADAPTERS.find((a) => a.platform === expected.platform);

  it('starts with a comment saying what it replicates', () => {
    expect(readFileSync(join(dir, fixture), 'utf8')).toMatch(/^<!--\s+Replica of: .+\n[\s\S]*Variant: /);
  });

  it.each(SITE_ADAPTERS.map((a) => [a.platform, a] as const))('adapter %s', (platform, adapter) => {
    if (platform !== expected.platform) {
      expect(adapter.matchesDom(doc)).toBe(false);
      expect(adapter.readConversation(doc)).toBeNull();
      expect(adapter.getComposer(doc)).toBeNull();
      expect(adapter.getMessageList(doc)).toBeNull();
      return;
    }
    expect(adapter.matchesDom(doc)).toBe(true);
    const conversation = adapter.readConversation(doc);
    expect(conversation).not.toBeNull();
    expect(conversation!.platform).toBe(expected.platform);
    expect(conversation!.buyerName ?? null).toBe(expected.buyerName);
    expect(conversation!.conversationId).toBe(expected.conversationId);
    expect(conversation!.messages).toHaveLength(expected.messageCount);
    const buyer = conversation!.messages.filter((m) => m.role === 'buyer');
    expect(buyer.at(-1)?.text ?? null).toBe(expected.lastBuyerText);
    expect(conversation!.orderIds).toEqual(expected.orderIds);
    expect(conversation!.productTitles).toEqual(expected.productTitles);
    if (expected.signals) expect(conversation!.signals).toEqual(expected.signals);
    const composer = locateComposer(doc, adapter);
    expect(composer !== null).toBe(expected.hasComposer);
    expect(composer?.route ?? null).toBe(expected.composerRoute ?? (expected.hasComposer ? 'selectors' : null));
    expect(adapter.getMessageList(doc)).not.toBeNull();
    expect(new Set(conversation!.messages.map((m) => m.id)).size).toBe(conversation!.messages.length);
    // Incremental reading gives the same messages as a full read.
    const list = adapter.getMessageList(doc)!;
    const incremental = adapter.messageElementsIn!(list)
      .map((e) => adapter.readMessage!(e))
      .filter((m) => m !== null);
    expect(incremental).toEqual(conversation!.messages);
    expect(adapter.readConversationId!(doc)).toBe(expected.conversationId);
  });

  it('is picked by DOM signature in the test build', () => {
    const picked = adapterForDocument(doc, `http://127.0.0.1/${fixture}`, { byDom: true });
    expect(picked.platform).toBe(own ? expected.platform : 'generic');
    expect(adapterForDocument(doc, `http://127.0.0.1/${fixture}`, { byDom: false }).platform).toBe('generic');
  });
});

describe('adapters on odd pages', () => {
  it('never throw on an empty or half-loaded page', () => {
    const blank = new JSDOM('<!doctype html><body></body>').window.document;
    const half = new JSDOM('<div id="t-chat-scroll"></div><div id="J_msgContainer"></div><div role="log"></div>').window
      .document;
    for (const adapter of SITE_ADAPTERS) {
      expect(adapter.readConversation(blank)).toBeNull();
      expect(() => adapter.readConversation(half)).not.toThrow();
      expect(() => adapter.getComposer(half)).not.toThrow();
    }
  });

  it('pick the site by URL, including the Shopify admin iframe', () => {
    expect(adapterForUrl('https://dongdong.jd.com/').platform).toBe('jd');
    expect(adapterForUrl('https://market.m.taobao.com/app/im/chat/index.html').platform).toBe('taobao');
    expect(adapterForUrl('https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message').platform).toBe(
      'taobao',
    );
    expect(
      adapterForUrl('https://inbox.shopify.com/store/acme/conversations/open/123e4567-e89b-12d3-a456-426614174000')
        .platform,
    ).toBe('shopify');
    expect(adapterForUrl('https://admin.shopify.com/store/acme/apps/inbox').platform).toBe('shopify');
    expect(adapterForUrl('https://mms.pinduoduo.com/chat-merchant/index.html#/').platform).toBe('pdd');
    expect(adapterForUrl('https://example.com/').platform).toBe('generic');
    expect(adapterForUrl('https://notjd.com/').platform).toBe('generic');
  });

  it('use selector overrides, and ignore invalid ones', () => {
    const doc = load('jd/history.html');
    const { selectors, ignored } = mergeSelectors(
      doc,
      { composer: '.a' },
      { composer: '.chat-foot .EditorContent', buyerName: '[[bad' },
    );
    expect(selectors.composer).toBe('.chat-foot .EditorContent');
    expect(ignored).toEqual(['buyerName']);
    const jd = SITE_ADAPTERS.find((a) => a.platform === 'jd')!;
    expect(jd.readConversation(doc, { buyerName: '.chat-product .name' })?.buyerName).toBe('小米15 12+256G 黑色');
    expect(jd.readConversation(doc, { messageList: '.chat-head-title' })?.messages).toHaveLength(0);
  });

  it('read the time from the attribute with the date, not the label that shows only the hour', () => {
    const taobao = SITE_ADAPTERS.find((a) => a.platform === 'taobao')!;
    const messages = taobao.readConversation(load('taobao/aftersale-vip.html'))!.messages;
    expect(messages.at(-1)).toMatchObject({ role: 'buyer', time: '2026-11-25 09:31:00' });
    // Without the attribute, the visible label is what there is.
    const doc = load('taobao/aftersale-vip.html');
    for (const bubble of doc.querySelectorAll('[data-time]')) bubble.removeAttribute('data-time');
    expect(taobao.readConversation(doc)!.messages.at(-1)?.time).toBe('09:31');
  });

  it('still read the bubbles when the message list was renamed (its parent is the list)', () => {
    const doc = load('jd/history.html');
    const jd = SITE_ADAPTERS.find((a) => a.platform === 'jd')!;
    const renamed = jd.readConversation(doc, { messageList: '#list-that-was-renamed' });
    expect(renamed?.messages).toHaveLength(jd.readConversation(doc)!.messages.length);
    expect(jd.getMessageList(doc, { messageList: '#list-that-was-renamed' })).toBe(jd.getMessageList(doc));
    // Not on another site's page: the fallback needs this site's signature.
    expect(jd.readConversation(load('taobao/history.html'), { messageList: '#nowhere' })).toBeNull();
  });

  it("shopify: the customer's name from the transcript's labels when the header is laid out otherwise", () => {
    const shopify = SITE_ADAPTERS.find((a) => a.platform === 'shopify')!;
    const page = (logLabel: string, header = '') =>
      new JSDOM(
        `<main>${header}<div role="log"${logLabel}>` +
          '<article aria-label="Message from Sofia Reyes"><p>Hello!</p></article>' +
          '<article aria-label="Message from you"><p>Hi Sofia, how can I help?</p></article>' +
          '</div><textarea aria-label="Message"></textarea></main>',
        { url: 'http://127.0.0.1/shopify/page.html' },
      ).window.document;
    // A Polaris page title (h1, no <header>) is not the header heading the selectors know.
    const titled = page(
      ' aria-label="Conversation with Sofia Reyes"',
      '<h1 class="Polaris-Header-Title">Sofia R.</h1>',
    );
    expect(shopify.readConversation(titled)).toMatchObject({ buyerName: 'Sofia Reyes', conversationId: 'Sofia Reyes' });
    // No label on the transcript: the customer's own messages name them; the agent's ("from you") do not.
    expect(shopify.readConversation(page(''))?.buyerName).toBe('Sofia Reyes');
    // The header's heading, where there is one, still wins.
    expect(shopify.readConversation(page('', '<header><h2>Jane Doe</h2></header>'))?.buyerName).toBe('Jane Doe');
  });

  it('generic: the selection is the question, the last focused editable the composer', () => {
    const doc = load('generic/page.html');
    expect(genericAdapter.readConversation(doc)).toBeNull();
    const range = doc.createRange();
    range.selectNodeContents(doc.getElementById('question')!);
    doc.getSelection()!.addRange(range);
    expect(genericAdapter.readConversation(doc)?.messages[0]?.text).toBe('Customer asks: when will my order ship?');
    doc.getElementById('notes')!.setAttribute('data-huashu-focus', 'last');
    expect(genericAdapter.getComposer(doc)?.id).toBe('notes');
  });
});
