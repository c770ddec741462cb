/**
 * Reading a chat by its layout (lib/adapters/layout.ts): a page whose classes are all hashes, read by where its rows
 * sit — from the computed style here (jsdom has no layout), from the text's position in the list where there is one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { locateComposer } from '../../lib/adapters/fallback';
import { genericAdapter } from '../../lib/adapters/generic/adapter';
import { findLayoutList, learnLayout, readLayoutConversation, withLayoutFallback } from '../../lib/adapters/layout';
import { adapterForUrl, SITE_ADAPTERS } from '../../lib/adapters/registry';
import { taobaoAdapter } from '../../lib/adapters/taobao/adapter';
import { watchConversation } from '../../lib/content/watcher';

const SITES = join(process.cwd(), 'tests/fixtures/sites');
const QIANNIU = 'https://qn.taobao.com/home.htm/app-customer-service/reception';

/** The hashed Qianniu replica with its own script running (it renders the virtualised list). */
function hashedPage(url = QIANNIU) {
  const html = readFileSync(join(SITES, 'taobao/variant-hashed.html'), 'utf8');
  const dom = new JSDOM(html, { url, runScripts: 'dangerously', pretendToBeVisual: true });
  const replica = (dom.window as unknown as { huashuReplica: { buyerSays(text: string): void } }).huashuReplica;
  return { dom, doc: dom.window.document, replica };
}

/** A page with a reply box after `body` (the layout reader looks for the list before a box). */
const page = (body: string, style = '', url = 'https://example.com/chat') =>
  new JSDOM(
    `<!doctype html><html><head><style>${style}</style></head><body>${body}<textarea></textarea></body></html>`,
    {
      url,
    },
  ).window.document;

describe('a chat page whose classes are all hashes', () => {
  it('is read by layout at the site address: sides, names and times apart from the text', () => {
    const { dom, doc } = hashedPage();
    const adapter = adapterForUrl(QIANNIU);
    const conversation = adapter.readConversation(doc)!;
    expect(conversation.platform).toBe('taobao');
    expect(conversation.buyerName).toBe('tb_晴天2026');
    expect(conversation.conversationId).toBe('tb_晴天2026');
    // The virtualised list holds the last 8 rows.
    expect(conversation.messages.map((m) => [m.role, m.text])).toEqual([
      ['agent', '亲，体重多少呢？'],
      ['buyer', '130斤'],
      ['agent', '亲，建议L码哦～'],
      ['buyer', '上次买的那件收到了'],
      ['agent', '亲，穿着还合适吗？'],
      ['buyer', '还行'],
      ['agent', '好的亲，有问题随时找我哦～'],
      ['buyer', '好的 我先看看'],
    ]);
    expect(conversation.messages.at(-1)!.time).toBe('2026-11-25 10:08:30');
    expect(adapter.readConversationId!(doc)).toBe('tb_晴天2026');
    // The reply box: the first editable after the list found by layout.
    expect(locateComposer(doc, adapter)).toMatchObject({ route: 'structure', element: doc.querySelector('textarea') });
    dom.window.close();
    // The list is looked for before a reply box: a page with none is not searched.
    const noBox = hashedPage();
    noBox.doc.querySelector('textarea')!.remove();
    expect(adapter.readConversation(noBox.doc)).toBeNull();
    noBox.dom.window.close();
  });

  it('reads a row added later on its own, as the watcher does', () => {
    const { dom, doc, replica } = hashedPage();
    const adapter = adapterForUrl(QIANNIU);
    adapter.readConversation(doc);
    replica.buyerSays('亲 这件卫衣洗了一次就缩水了');
    const list = adapter.getMessageList(doc)!;
    const row = list.lastElementChild!;
    expect(adapter.messageElementsIn!(row)).toEqual([row]);
    expect(adapter.readMessage!(row)).toMatchObject({ role: 'buyer', text: '亲 这件卫衣洗了一次就缩水了' });
    dom.window.close();
  });

  it('keeps the watcher current while the virtual list drops its oldest rows', async () => {
    const { dom, doc, replica } = hashedPage();
    const reports: string[][] = [];
    const watcher = watchConversation({
      root: doc,
      adapter: adapterForUrl(QIANNIU),
      delay: 5,
      report: (report) => reports.push(report.conversation?.messages.map((m) => m.text) ?? []),
    });
    watcher.reportNow();
    replica.buyerSays('亲 这件卫衣洗了一次就缩水了');
    await new Promise((resolve) => setTimeout(resolve, 60));
    replica.buyerSays('袖子短了一截');
    await new Promise((resolve) => setTimeout(resolve, 60));
    // Rows that left the DOM stay read; each new one is read once, on its own.
    expect(reports.at(-1)!.slice(-3)).toEqual(['好的 我先看看', '亲 这件卫衣洗了一次就缩水了', '袖子短了一截']);
    expect(reports.at(-1)).toHaveLength(10);
    expect(watcher.stats.incrementalReads).toBeGreaterThanOrEqual(1);
    watcher.stop();
    dom.window.close();
  });

  it('reads the next buyer’s first message, all on one side, in a list of the shape it learnt', () => {
    const { dom, doc } = hashedPage();
    const adapter = adapterForUrl(QIANNIU);
    const list = adapter.getMessageList(doc)!;
    expect(adapter.readConversation(doc)!.messages).toHaveLength(8);
    // Another buyer opens a chat: the framework renders a new list of the same shape holding one buyer row.
    const next = list.cloneNode(false) as Element;
    const row = list.querySelector(':scope > div:not([class*="_1Rg3k"])')!.cloneNode(true) as Element;
    row.querySelector('._1Nk5w span')!.textContent = 'tb_新买家';
    row.querySelector('._2Bb7y')!.textContent = '在吗 这件有M码吗';
    next.append(row);
    list.replaceWith(next);
    const conversation = adapter.readConversation(doc)!;
    expect(conversation.messages.map((m) => [m.role, m.text])).toEqual([['buyer', '在吗 这件有M码吗']]);
    expect(conversation.buyerName).toBe('tb_新买家');
    // The watcher's cheap check agrees, so it does not read the pane again at every page change.
    expect(adapter.readConversationId!(doc)).toBe('tb_新买家');
    dom.window.close();
    // On a page where no list was found before, one side alone says nothing: not read.
    const fresh = hashedPage();
    const freshList = fresh.doc.querySelector('._2Ty6f')!;
    freshList.replaceChildren(freshList.querySelector(':scope > div:not([class*="_1Rg3k"])')!);
    expect(adapterForUrl(QIANNIU).readConversation(fresh.doc)).toBeNull();
    fresh.dom.window.close();
  });

  it('keeps the conversation id the adapter still reads (JD’s selected contact) when only the bubbles drifted', () => {
    const doc = page(
      '<div id="t-alluser-wrap"><div class="c_tabs-tabpane"><div class="alluser-item active">' +
        '<div class="alluser-item-name" title="jd_pin_88">jd_小王</div></div></div></div>' +
        '<div class="_c"><div><p>订单298765432101能保价吗</p></div><div class="_r"><p>支持30天价保</p></div><div><p>好的</p></div></div>',
      '._r{text-align:right}',
      'https://dongdong.jd.com/',
    );
    const jd = adapterForUrl('https://dongdong.jd.com/');
    const conversation = jd.readConversation(doc)!;
    expect(conversation.messages.map((m) => m.role)).toEqual(['buyer', 'agent', 'buyer']);
    // The order number in a message fills replies and marks the chat after-sale, as on the readable page.
    expect(conversation.orderIds).toEqual(['298765432101']);
    expect(conversation.signals?.stage).toBe('aftersale');
    expect(conversation.conversationId).toBe('jd_pin_88');
    expect(jd.readConversationId!(doc)).toBe('jd_pin_88');
  });

  it('is not read at another address (nothing on the page says which site it is), nor by an adapter that reads it', () => {
    const { dom, doc } = hashedPage('http://127.0.0.1/taobao/variant-hashed.html');
    for (const adapter of SITE_ADAPTERS) expect(adapter.readConversation(doc), adapter.platform).toBeNull();
    dom.window.close();
    // On the imui replica the selectors read it, exactly as the adapter alone does.
    const html = readFileSync(join(SITES, 'taobao/history.html'), 'utf8');
    const imui = new JSDOM(html, { url: QIANNIU }).window.document;
    expect(withLayoutFallback(taobaoAdapter).readConversation(imui)).toEqual(taobaoAdapter.readConversation(imui));
  });
});

describe('sides from the computed style', () => {
  const chat = (rows: string) => `<main><div id="list">${rows}</div></main>`;

  it('takes text-align, margin-left: auto, float and flex-end for the shop’s side, and a centred line for the system', () => {
    const style =
      '.r{text-align:right}.m{margin-left:auto;width:60%}.f{float:right}.e{display:flex;justify-content:flex-end}.c{text-align:center}';
    const doc = page(
      chat(
        '<div><p>where is my parcel</p></div><div class="r"><p>it left today</p></div><div class="c">buyer left the chat</div>' +
          '<div><p>thanks</p></div><div><p class="m">you are welcome</p></div><div><span class="f">bye</span></div>' +
          '<div class="e"><span>see you</span></div>',
      ),
      style,
    );
    const conversation = readLayoutConversation(doc, 'generic')!;
    expect(conversation.messages.map((m) => `${m.role}:${m.text}`)).toEqual([
      'buyer:where is my parcel',
      'agent:it left today',
      'system:buyer left the chat',
      'buyer:thanks',
      'agent:you are welcome',
      'agent:bye',
      'agent:see you',
    ]);
  });

  it('drops the sender’s name line that repeats, keeps a message that repeats, and goes by the message’s side', () => {
    const row = (side: string, name: string, text: string, time: string) =>
      `<div class="${side}"><div><span>${name}</span><span class="t">${time}</span></div><div>${text}</div></div>`;
    const doc = page(
      chat(
        row('x', 'Anna', 'hi', '09:01') +
          row('y', 'Shop: Li', 'hello', '09:02') +
          row('x', 'Anna', 'ok', '09:03') +
          row('y', 'Shop: Li', 'ok', '09:04') +
          row('x', 'Anna', 'ok', '09:05') +
          row('y', 'Shop: Li', 'anything else?', '9:06 PM'),
      ),
      // Every row prints its time at the far right: the side is the message's, not the time's.
      '.y{display:flex;flex-direction:row-reverse}.t{float:right}',
    );
    const conversation = readLayoutConversation(doc, 'generic')!;
    expect(conversation.buyerName).toBe('Anna');
    expect(conversation.messages.map((m) => `${m.role}:${m.text}@${m.time}`)).toEqual([
      'buyer:hi@09:01',
      'agent:hello@09:02',
      'buyer:ok@09:03',
      'agent:ok@09:04',
      'buyer:ok@09:05',
      'agent:anything else?@9:06 PM',
    ]);
  });

  it('drops a name line whole, markup inside it too', () => {
    const row = (side: string, name: string, text: string) =>
      `<div class="${side}"><div><span>${name}</span></div><div>${text}</div></div>`;
    const anna = 'Anna <b>VIP</b>';
    const doc = page(
      chat(
        row('x', anna, 'hi') +
          row('y', 'Li', 'hello') +
          row('x', anna, 'where is my parcel') +
          row('y', 'Li', 'on its way') +
          row('x', anna, 'thanks') +
          row('y', 'Li', 'anything else?'),
      ),
      '.y{text-align:right}',
    );
    const conversation = readLayoutConversation(doc, 'generic')!;
    expect(conversation.buyerName).toBe('Anna VIP');
    expect(conversation.messages.filter((m) => m.role === 'buyer').map((m) => m.text)).toEqual([
      'hi',
      'where is my parcel',
      'thanks',
    ]);
  });

  it('reads a chat of two rows, and drops a read receipt under the shop’s bubble', () => {
    const doc = page(
      '<div><div><p>能开发票吗</p></div><div class="me"><p>可以的亲</p><span>已读</span></div></div>',
      '.me{text-align:right}',
    );
    expect(readLayoutConversation(doc, 'jd')!.messages.map((m) => `${m.role}:${m.text}`)).toEqual([
      'buyer:能开发票吗',
      'agent:可以的亲',
    ]);
  });

  it('finds no chat where rows do not fall on both sides, or sit side by side', () => {
    // A contact list: every row on the left.
    expect(findLayoutList(page('<div><div>Anna</div><div>Ben</div><div>Chen</div><div>Dai</div></div>'))).toBeNull();
    // A toolbar laid out left, centre and right.
    const toolbar = page(
      '<div class="bar"><span>Back</span><span class="c">Title</span><span class="r">Menu</span></div>',
      '.bar{display:flex;justify-content:space-between}.r{margin-left:auto}.c{text-align:center}',
    );
    expect(findLayoutList(toolbar)).toBeNull();
    // A table of orders whose amounts are right-aligned is not a chat.
    const table = page(
      '<table><tr><td>#1001</td><td class="r">$10.00</td></tr><tr><td>Refund requested for the blue kettle</td>' +
        '<td class="r">$5.00</td></tr><tr><td>#1003</td><td class="r">$30.00 paid by card on delivery</td></tr></table>',
      '.r{text-align:right}',
    );
    expect(findLayoutList(table)).toBeNull();
    // Navigation is never the chat.
    const nav = page('<nav><div>a</div><div class="r">b</div><div>c</div></nav>', '.r{text-align:right}');
    expect(findLayoutList(nav)).toBeNull();
    expect(readLayoutConversation(nav, 'generic')).toBeNull();
  });

  it('reads a pane mounted in an open shadow root', () => {
    const doc = new JSDOM('<!doctype html><body><nav>Inbox</nav><chat-app></chat-app></body>', {
      url: 'https://example.com/',
    }).window.document;
    const shadow = doc.querySelector('chat-app')!.attachShadow({ mode: 'open' });
    shadow.innerHTML =
      '<div><div><p>is the blue one in stock</p></div><div style="text-align:right"><p>yes, two left</p></div>' +
      '<div><p>great, ordering now</p></div></div><textarea></textarea>';
    const conversation = readLayoutConversation(doc, 'generic')!;
    expect(conversation.messages.map((m) => m.role)).toEqual(['buyer', 'agent', 'buyer']);
  });

  it('serves the generic adapter where no class says who wrote a row', () => {
    const doc = page(
      '<div id="log"><div><b>Mia</b><p>can I change my address</p></div><div class="me"><b>Support</b><p>sure, which one?</p></div><div><b>Mia</b><p>the new one is in the note</p></div><div class="me"><b>Support</b><p>done</p></div></div>',
      '.me{text-align:right}',
    );
    const conversation = genericAdapter.readConversation(doc)!;
    expect(conversation.messages.filter((m) => m.role === 'buyer').map((m) => m.text)).toEqual([
      'can I change my address',
      'the new one is in the note',
    ]);
    expect(genericAdapter.getMessageList(doc)?.id).toBe('log');
    // The page's conversation, as the adapter's cheap check names it (an insert compares the two).
    expect(conversation.conversationId).toBe(genericAdapter.readConversationId!(doc));
  });
});

describe('sides from the layout', () => {
  it('reads the side from where the text sits in the list when the page is laid out', () => {
    // No style puts the agent's rows right: only their position does (a grid, absolute offsets, …).
    const rect = (left: number, top: number, width: number) =>
      ({ left, right: left + width, top, bottom: top + 20, width, height: 20, x: left, y: top }) as DOMRect;
    /** A page whose rows are laid out by `rowBox` (row index → its box), each text at its row's `data-x`. */
    const laidOut = (rowBox: (i: number) => DOMRect) => {
      const doc = page(
        '<div id="list"><div data-x="10">hello</div><div data-x="300">hi, how can I help</div><div data-x="10">my order is late</div></div>',
      );
      const list = doc.getElementById('list')!;
      const rows = Array.from(list.children) as HTMLElement[];
      list.getBoundingClientRect = () => rect(0, 0, 400);
      rows.forEach((row, i) => (row.getBoundingClientRect = () => rowBox(i)));
      doc.defaultView!.Range.prototype.getBoundingClientRect = function (this: Range) {
        const row = (this.startContainer as Text).parentElement!;
        return rect(Number(row.dataset.x), rows.indexOf(row) * 30, 90);
      };
      return { doc, list };
    };
    const stackedRows = laidOut((i) => rect(0, i * 30, 400));
    expect(learnLayout(stackedRows.list).buyerName).toBeNull();
    expect(readLayoutConversation(stackedRows.doc, 'generic')!.messages.map((m) => m.role)).toEqual([
      'buyer',
      'agent',
      'buyer',
    ]);
    // Rows side by side are not a list.
    expect(readLayoutConversation(laidOut((i) => rect(i * 130, 0, 120)).doc, 'generic')).toBeNull();
  });
});
