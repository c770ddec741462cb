// @vitest-environment jsdom
/**
 * The composer and the message list by more than one route (lib/adapters/fallback.ts), the generic reader
 * of enabled sites, the conversation check before an insert, and what the panel says when a page drifted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deepActiveElement, query, queryAll, selectionOf } from '../../lib/adapters/dom';
import { composerAfter, editableOf, findComposer, findMessageList, locateComposer } from '../../lib/adapters/fallback';
import { genericAdapter } from '../../lib/adapters/generic/adapter';
import { authorOf } from '../../lib/adapters/generic/messages';
import { genericSelectors } from '../../lib/adapters/generic/selectors';
import { SITE_ADAPTERS } from '../../lib/adapters/registry';
import { pageProblemOf } from '../../lib/chats/page-problem';
import { trackFocus } from '../../lib/content/focus';
import { answerInsert } from '../../lib/content/insert-request';
import { isChatPage, startSiteSession } from '../../lib/content/site-session';
import type { ActiveChat, ConversationReport } from '../../lib/chats/types';

const dir = join(process.cwd(), 'tests/fixtures/sites');
const load = (fixture: string) =>
  new JSDOM(readFileSync(join(dir, fixture), 'utf8'), { url: `http://127.0.0.1/${fixture}` }).window.document;
const adapter = (platform: string) => SITE_ADAPTERS.find((a) => a.platform === platform)!;

describe('composer routes', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('prefers the editable the agent focused, then the selectors, then the structure', () => {
    document.body.innerHTML =
      '<ul id="list"><li>hi</li></ul><div id="a" contenteditable="true"></div><textarea id="b"></textarea>';
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    const list = () => document.getElementById('list');
    expect(findComposer(document, { focused: b, bySelectors: () => a, messageList: list })).toEqual({
      element: b,
      route: 'focused',
    });
    expect(findComposer(document, { focused: null, bySelectors: () => b, messageList: list })?.route).toBe('selectors');
    expect(findComposer(document, { bySelectors: () => null, messageList: list })).toEqual({
      element: a,
      route: 'structure',
    });
  });

  it('does not take a focused search input on a chat site, nor a box inside the message list', () => {
    document.body.innerHTML =
      '<input id="search" type="text"><div id="list"><div contenteditable="true" id="inner">quote</div></div><textarea id="box"></textarea>';
    const list = () => document.getElementById('list');
    const search = document.getElementById('search')!;
    const found = findComposer(document, { focused: search, bySelectors: () => null, messageList: list });
    expect(found?.element.id).toBe('box');
    const inner = document.getElementById('inner')!;
    expect(findComposer(document, { focused: inner, bySelectors: () => null, messageList: list })?.element.id).toBe(
      'box',
    );
    expect(
      findComposer(document, { focused: search, bySelectors: () => null, messageList: list, allowInputs: true })?.route,
    ).toBe('focused');
  });

  it('climbs to the editing host, and skips disabled, read-only and hidden boxes', () => {
    document.body.innerHTML =
      '<div id="host" contenteditable="true"><p><span id="deep">x</span></p></div><textarea id="ro" readonly></textarea><div hidden><textarea id="hidden"></textarea></div>';
    expect(editableOf(document.getElementById('deep'))?.id).toBe('host');
    expect(editableOf(document.getElementById('ro'))).toBeNull();
    expect(editableOf(document.getElementById('hidden'))).toBeNull();
  });

  it('by structure without a list: a role="textbox", never one in the page chrome', () => {
    document.body.innerHTML =
      '<header><div role="textbox" contenteditable="true" id="search"></div></header><div role="textbox" contenteditable="true" id="reply"></div>';
    expect(composerAfter(document, null)?.id).toBe('reply');
  });

  it("by structure without a list or a textbox, on a chat site: the page's only editable outside the chrome, not one of several", () => {
    document.body.innerHTML =
      '<header><textarea id="search"></textarea></header><div class="_3Cx0p"><textarea id="reply"></textarea></div>';
    expect(composerAfter(document, null, true)?.id).toBe('reply');
    // Only on a chat site: on another page the only box may be a form's.
    expect(composerAfter(document, null)).toBeNull();
    expect(findComposer(document, { bySelectors: () => null, messageList: () => null, allowInputs: true })).toBeNull();
    document.body.insertAdjacentHTML('beforeend', '<div contenteditable="true" id="notes"></div>');
    expect(composerAfter(document, null, true)).toBeNull();
  });

  it('reads a chat pane mounted in an open shadow root: selectors, the focused box, the caret', () => {
    // A page of its own: a document's shadow roots are looked up at most once a second.
    const doc = new JSDOM('<nav><input id="search"></nav><micro-app name="dd-chat"></micro-app>', {
      url: 'https://dongdong.jd.com/',
    }).window.document;
    const shadow = doc.querySelector('micro-app')!.attachShadow({ mode: 'open' });
    shadow.innerHTML =
      '<div id="t-chat-scroll"><div class="message message_left" id="s_1">能保价吗</div></div>' +
      '<div class="chat-foot"><div class="EditorContent" contenteditable="true">ok</div></div>';
    const box = shadow.querySelector<HTMLElement>('.EditorContent')!;
    // Queries on the document reach into the shadow root when the page itself has no match; on an element they don't.
    expect(query(doc, '.EditorContent')).toBe(box);
    expect(queryAll(doc, '.message').map((e) => e.id)).toEqual(['s_1']);
    expect(query(doc.body, '.EditorContent')).toBeNull();
    expect(query(doc, 'nav input')?.id).toBe('search');
    // The agent's click lands on the host for the page; the tracker sees the box, and the box counts as the composer.
    const focus = trackFocus(doc);
    box.focus();
    expect(deepActiveElement(doc)).toBe(box);
    expect(focus.last()).toBe(box);
    expect(findComposer(doc, { focused: focus.last(), bySelectors: () => null, messageList: () => null })).toEqual({
      element: box,
      route: 'focused',
    });
    focus.stop();
    // With its wrapper renamed and nothing focused, the box is still found by structure: after the list, in the root.
    const list = shadow.getElementById('t-chat-scroll');
    expect(findComposer(doc, { bySelectors: () => null, messageList: () => list })).toEqual({
      element: box,
      route: 'structure',
    });
    // The caret's selection is the one that holds the box (the document's where there is no other).
    expect(selectionOf(box)).toBe(
      (shadow as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? doc.getSelection(),
    );
    expect(selectionOf(doc.getElementById('search')!)).toBe(doc.getSelection());
  });

  it('finds the composer of each drifted replica page, and which route did', () => {
    const cases: Array<[string, string, string]> = [
      ['taobao/variant-contenteditable.html', 'taobao', 'structure'],
      ['taobao/variant-chat-core-frame.html', 'taobao', 'structure'],
      ['shopify/variant-admin-inbox.html', 'shopify', 'selectors'],
      ['jd/variant-wrappers.html', 'jd', 'structure'],
      ['pdd/variant-rerender.html', 'pdd', 'selectors'],
    ];
    for (const [fixture, platform, route] of cases) {
      const doc = load(fixture);
      expect(locateComposer(doc, adapter(platform))?.route, fixture).toBe(route);
      // Once the agent clicked into the box, that box is the composer whatever the selectors say.
      const box = locateComposer(doc, adapter(platform))!.element;
      expect(locateComposer(doc, adapter(platform), { composer: '.nothing' }, box)).toEqual({
        element: box,
        route: 'focused',
      });
    }
  });
});

describe('message list routes', () => {
  const html = (body: string) => new JSDOM(`<!doctype html><body>${body}</body>`).window.document;

  it('by role: log, then list/listitem, then articles', () => {
    expect(findMessageList(html('<div role="log" id="l"><p>a</p></div>'))?.id).toBe('l');
    expect(findMessageList(html('<div role="list" id="l"><div role="listitem">a</div></div>'))?.id).toBe('l');
    expect(findMessageList(html('<section id="l"><article>a</article><article>b</article></section>'))?.id).toBe('l');
  });

  it('never in navigation, and by message ids or repeated siblings when there are no roles', () => {
    expect(findMessageList(html('<nav><ul><li>Home</li><li>Orders</li></ul></nav>'))).toBeNull();
    expect(findMessageList(html('<div id="l"><div id="msg-1">a</div><div id="msg-2">b</div></div>'))?.id).toBe('l');
    expect(
      findMessageList(html('<div id="l"><div class="m">a</div><div class="m">b</div><div class="m">c</div></div>'))?.id,
    ).toBe('l');
    expect(
      findMessageList(
        html('<div id="l"><div class="m">a</div><div class="m">b</div><div class="m">c</div></div>'),
        () => true,
        {
          structure: false,
        },
      ),
    ).toBeNull();
  });
});

describe('the generic reader (enabled sites)', () => {
  it('reads the last incoming message of a recognisable list as the question', () => {
    const doc = load('generic/variant-helpdesk.html');
    const conversation = genericAdapter.readConversation(doc);
    expect(conversation?.messages.map((m) => m.role)).toEqual(['buyer', 'agent', 'buyer']);
    expect(conversation?.messages.at(-1)?.text).toBe('when will my order ship?');
  });

  it('reads nothing from a page without a list whose items say who wrote them', () => {
    expect(genericAdapter.readConversation(load('generic/page.html'))).toBeNull();
  });

  it('tells who wrote an item from classes, data attributes and labels', () => {
    const doc = new JSDOM('<!doctype html><body></body>').window.document;
    const item = (html: string) => {
      doc.body.innerHTML = html;
      return doc.body.firstElementChild!;
    };
    expect(authorOf(item('<div class="msgOutgoing">x</div>'))).toBe('agent');
    expect(authorOf(item('<div data-author="customer">x</div>'))).toBe('buyer');
    expect(authorOf(item('<div aria-label="Message from you">x</div>'))).toBe('agent');
    expect(authorOf(item('<div aria-label="Message from Ann">x</div>'))).toBe('buyer');
    expect(authorOf(item('<div class="bubble">x</div>'))).toBeNull();
  });
});

describe('insert requests', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('refuses when the page shows another conversation than the reply was made for', async () => {
    document.body.innerHTML = load('pdd/variant-rerender.html').body.innerHTML;
    const pdd = adapter('pdd');
    const refused = await answerInsert(document, pdd, {}, { text: 'hi', cursor: null, conversationId: '8077777' });
    expect(refused).toMatchObject({ ok: false, reason: 'conversation-changed' });
    expect(refused.message).toContain('8023456');
    expect((document.getElementById('replyTextarea') as HTMLTextAreaElement).value).toBe('');
    const done = await answerInsert(document, pdd, {}, { text: 'hi', cursor: null, conversationId: '8023456' });
    expect(done).toMatchObject({ ok: true, route: 'selectors' });
  });

  it('says in words where to fix a page whose message box it cannot find', async () => {
    document.body.innerHTML =
      '<div id="J_msg_list"><div class="J_msg imui-msg imui-msg-l"><div class="msg-body-html">hi</div></div></div>';
    const outcome = await answerInsert(document, adapter('taobao'), {}, { text: 'hi', cursor: null });
    expect(outcome).toMatchObject({ ok: false, reason: 'no-composer' });
    expect(outcome.message).toMatch(/can't find the message box.*Selector overrides/);
  });

  it('writes into the box the agent focused last (tracked in memory, forgotten when it leaves the page)', async () => {
    document.body.innerHTML = '<textarea id="a"></textarea><div id="b" contenteditable="true"></div>';
    const focus = trackFocus(document);
    const a = document.getElementById('a') as HTMLTextAreaElement;
    a.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(focus.last()).toBe(a);
    const outcome = await answerInsert(
      document,
      genericAdapter,
      {},
      { text: 'hi', cursor: null },
      { focused: focus.last },
    );
    expect(outcome).toMatchObject({ ok: true, route: 'focused' });
    expect(a.value).toBe('hi');
    a.remove();
    expect(focus.last()).toBeNull();
    focus.stop();
  });
});

describe('the panel says what is wrong with a page', () => {
  const chat = (patch: Partial<ActiveChat>): ActiveChat => ({
    url: 'https://dongdong.jd.com/',
    conversation: { platform: 'jd', conversationId: 'x', messages: [], orderIds: [], productTitles: [] },
    hasComposer: true,
    siteLabel: '京东咚咚',
    tabId: 1,
    frameId: 0,
    at: 0,
    ...patch,
  });
  it('names a missing message box or message list on a chat site, nothing on other pages', () => {
    expect(pageProblemOf(chat({}))).toBeNull();
    expect(pageProblemOf(chat({ hasComposer: false }))).toBe('no-composer');
    expect(pageProblemOf(chat({ conversation: null }))).toBe('no-messages');
    expect(pageProblemOf(chat({ siteLabel: 'This page', conversation: null, hasComposer: false }))).toBeNull();
    expect(pageProblemOf(null)).toBeNull();
  });
});

describe('enabled-site session', () => {
  const selectors = { editable: genericSelectors.editable!, lastFocused: genericSelectors.lastFocused! };
  const shortcuts = { listShortcuts: async () => ['/fh'], expandShortcut: async () => null };

  it('stands down on a chat page (the chat content script reads it)', () => {
    expect(isChatPage(load('jd/variant-wrappers.html'), 'http://127.0.0.1/x', true)).toBe(true);
    expect(isChatPage(load('generic/variant-helpdesk.html'), 'http://127.0.0.1/x', true)).toBe(false);
    expect(isChatPage(load('generic/page.html'), 'https://dongdong.jd.com/', false)).toBe(true);
  });

  it('reports the page at once and again when a new customer message arrives', async () => {
    document.body.innerHTML = load('generic/variant-helpdesk.html').body.innerHTML;
    const reports: ConversationReport[] = [];
    const session = startSiteSession({
      root: document,
      url: 'http://127.0.0.1/generic/variant-helpdesk.html',
      byDom: true,
      adapter: genericAdapter,
      selectors,
      report: (r) => reports.push(r),
      shortcuts,
      delay: 5,
    })!;
    expect(reports[0]?.conversation?.messages.at(-1)?.text).toBe('when will my order ship?');
    const item = document.createElement('div');
    item.className = 'message message--incoming';
    item.textContent = 'can I pay with PayPal?';
    document.querySelector('.conversation__messages')!.append(item);
    await vi.waitFor(() => expect(reports.at(-1)?.conversation?.messages.at(-1)?.text).toBe('can I pay with PayPal?'));
    session.stop();
  });
});
