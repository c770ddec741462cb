// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shortcutBefore, watchSnippets } from '../../lib/snippets/watch';
import type { Conversation } from '../../lib/adapters/types';
import { chatReplyContext } from '../../lib/chats/reply-context';
import { expandShortcut, shortcutsOf } from '../../lib/snippets/expand';
import { SuggestEngine } from '../../lib/suggest/engine';
import { loadLanguageDetector } from '../../lib/suggest/text/language';
import { miniEnglish, miniStore, pack } from '../helpers/packs';

const store = pack(miniStore);
const english = pack(miniEnglish);
const now = new Date(2026, 11, 20);

describe('expandShortcut', () => {
  it('fills the reply of the entry with that shortcut for this chat, whatever the case typed', () => {
    const expanded = expandShortcut([store, english], '/FH', { page: { 'customer.name': '小王' }, now });
    expect(expanded).toMatchObject({ packId: 'mini-store', entryId: 'ship-time', cursor: null, missing: [] });
    expect(expanded!.text).toBe('小王，付款后48小时内发货哦～');
  });

  it('lists reply shortcuts only, and returns null for an unknown one', () => {
    expect(shortcutsOf([store])).toEqual(['/fh', '/fp']);
    expect(expandShortcut([store], '/nope', { now })).toBeNull();
  });
});

describe('expandShortcut in a chat (the same context the panel ranks in)', () => {
  // A pack whose /fh reply has a variant per language and one for VIP chats (a `when` scenario).
  const vipStore = pack({
    ...miniStore,
    id: 'vip-store',
    scenarios: [{ id: 'vip', name: '会员', when: { vip: true } }],
    entries: [
      {
        id: 'ship-time',
        title: '发货时间',
        questions: ['什么时候发货'],
        replies: [
          { text: '亲，付款后48小时内发货哦～', locale: 'zh-CN' },
          { text: 'We ship within 48 hours of payment.', locale: 'en' },
          { text: '尊贵的会员，您的订单优先发货～', locale: 'zh-CN', scenarios: ['vip'] },
        ],
        shortcut: '/fh',
      },
    ],
  });
  const chat = (texts: string[], extra: Partial<Conversation> = {}): Conversation => ({
    platform: 'taobao',
    conversationId: 'buyer-1',
    messages: texts.map((text) => ({ id: text, role: 'buyer' as const, kind: 'text' as const, text })),
    orderIds: [],
    productTitles: [],
    ...extra,
  });
  const noSwitches = { switchedOn: [], offByChat: {} };
  const expandIn = (conversation: Conversation, switches = noSwitches, packs = [vipStore]) =>
    expandShortcut(packs, '/fh', chatReplyContext(packs, conversation, switches, now))!.text;

  it("answers an English buyer with the English variant, a Chinese buyer with the pack's", async () => {
    await loadLanguageDetector();
    expect(expandIn(chat(['Hi, when will my order ship?']))).toBe('We ship within 48 hours of payment.');
    expect(expandIn(chat(['什么时候发货呀']))).toBe('亲，付款后48小时内发货哦～');
  });

  it("follows the chat's signals and the agent's switch for this chat", () => {
    const vip = chat(['什么时候发货呀'], { signals: { stage: 'presale', vip: true, badges: [] } });
    expect(expandIn(vip)).toBe('尊贵的会员，您的订单优先发货～');
    expect(expandIn(vip, { switchedOn: [], offByChat: { 'taobao:buyer-1': ['vip'] } })).toBe(
      '亲，付款后48小时内发货哦～',
    );
    // Another chat's switch does not count here.
    expect(expandIn(vip, { switchedOn: [], offByChat: { 'taobao:other': ['vip'] } })).toBe(
      '尊贵的会员，您的订单优先发货～',
    );
  });

  it('expands to the text the panel shows for the same chat', async () => {
    await loadLanguageDetector();
    const engine = new SuggestEngine();
    engine.setPacks([vipStore]);
    for (const conversation of [
      chat(['Hi, when will my order ship?']),
      chat(['什么时候发货呀'], { signals: { stage: 'presale', vip: true, badges: [] } }),
    ]) {
      const context = chatReplyContext([vipStore], conversation, noSwitches, now);
      const shown = engine.suggest(context).suggestions[0]!;
      expect(shown.entryId).toBe('ship-time');
      expect(expandShortcut([vipStore], '/fh', context)!.text).toBe(shown.text);
    }
  });
});

describe('watchSnippets (the chat message box)', () => {
  let stop = () => {};
  afterEach(() => stop());

  function setup(html: string, shortcuts = ['/fh']) {
    document.body.innerHTML = html;
    const composer = document.getElementById('box') as HTMLElement;
    const expand = vi.fn(async (): Promise<string | null> => 'REPLY');
    stop = watchSnippets({
      root: document,
      composer: () => composer,
      isShortcut: (t) => shortcuts.includes(t),
      expand,
      // jsdom marks no event trusted: these tests stand for the agent's own key presses.
      isTrusted: () => true,
    });
    return { composer, expand };
  }

  const press = (target: Element, key: string, init: KeyboardEventInit = {}) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(event);
    return event;
  };

  it('takes Space after a shortcut in a textarea, selects the shortcut and expands it', () => {
    const { composer, expand } = setup('<textarea id="box"></textarea>');
    const box = composer as HTMLTextAreaElement;
    box.value = '亲 /fh';
    box.setSelectionRange(5, 5);
    const event = press(box, ' ');
    expect(event.defaultPrevented).toBe(true);
    expect(expand).toHaveBeenCalledWith('/fh', box, expect.any(Function));
    expect([box.selectionStart, box.selectionEnd]).toEqual([2, 5]);
    // Selecting again just before the insert: fine while the shortcut is there, false once it is gone.
    const select = (expand.mock.calls[0] as unknown as [string, HTMLElement, () => boolean])[2];
    box.setSelectionRange(0, 0);
    expect(select()).toBe(true);
    expect([box.selectionStart, box.selectionEnd]).toEqual([2, 5]);
    box.value = '亲 /fx';
    expect(select()).toBe(false);
  });

  it('leaves ordinary typing, other keys and input-method composition alone', () => {
    const { composer, expand } = setup('<textarea id="box"></textarea>');
    const box = composer as HTMLTextAreaElement;
    box.value = 'abc/fh';
    box.setSelectionRange(6, 6);
    expect(press(box, ' ').defaultPrevented).toBe(false);
    box.value = '/fh';
    box.setSelectionRange(3, 3);
    expect(press(box, 'Enter').defaultPrevented).toBe(false);
    expect(press(box, ' ', { isComposing: true }).defaultPrevented).toBe(false);
    expect(press(box, ' ', { ctrlKey: true }).defaultPrevented).toBe(false);
    expect(expand).not.toHaveBeenCalled();
    expect(press(box, 'Tab').defaultPrevented).toBe(true);
  });

  it('works in a contenteditable box, selecting the shortcut in its text node', () => {
    const { composer, expand } = setup('<div id="box" contenteditable="true">你好 /fh</div>');
    const text = composer.firstChild!;
    const range = document.createRange();
    range.setStart(text, 6);
    range.collapse(true);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(press(composer, ' ').defaultPrevented).toBe(true);
    expect(expand).toHaveBeenCalledWith('/fh', composer, expect.any(Function));
    expect(document.getSelection()!.toString()).toBe('/fh');
  });

  it('finds a shortcut written right after Chinese text, but not inside a link or a word', () => {
    const known = (t: string) => t === '/fh';
    expect(shortcutBefore('这个/fh', known)).toBe('/fh');
    expect(shortcutBefore('亲 /fh', known)).toBe('/fh');
    expect(shortcutBefore('http://a.com/fh', known)).toBeNull();
    expect(shortcutBefore('abc/fh', known)).toBeNull();
    expect(shortcutBefore('/fhx', known)).toBeNull();
    expect(shortcutBefore('', known)).toBeNull();
    const { composer, expand } = setup('<textarea id="box"></textarea>');
    const box = composer as HTMLTextAreaElement;
    box.value = '这个/fh';
    box.setSelectionRange(5, 5);
    expect(press(box, ' ').defaultPrevented).toBe(true);
    expect([box.selectionStart, box.selectionEnd]).toEqual([2, 5]);
    expect(expand).toHaveBeenCalledWith('/fh', box, expect.any(Function));
  });

  it('ignores keys outside the message box', () => {
    const { expand } = setup('<textarea id="box"></textarea><input id="other" value="/fh">');
    const other = document.getElementById('other') as HTMLInputElement;
    other.setSelectionRange(3, 3);
    expect(press(other, ' ').defaultPrevented).toBe(false);
    expect(expand).not.toHaveBeenCalled();
  });

  it('ignores key events the page made up (not trusted)', () => {
    document.body.innerHTML = '<textarea id="box"></textarea>';
    const box = document.getElementById('box') as HTMLTextAreaElement;
    const expand = vi.fn(async () => 'REPLY');
    stop = watchSnippets({ root: document, composer: () => box, isShortcut: () => true, expand });
    box.value = '/fh';
    box.setSelectionRange(3, 3);
    expect(press(box, ' ').defaultPrevented).toBe(false);
    expect(expand).not.toHaveBeenCalled();
  });

  it('takes the first Tab before the shortcut list arrived, and puts a Space back when it was no shortcut', async () => {
    document.body.innerHTML = '<textarea id="box"></textarea>';
    const box = document.getElementById('box') as HTMLTextAreaElement;
    const expand = vi.fn(async (shortcut: string) => (shortcut === '/fh' ? 'REPLY' : null));
    const write = vi.fn(async () => true);
    stop = watchSnippets({
      root: document,
      composer: () => box,
      isShortcut: () => 'maybe',
      expand,
      write,
      isTrusted: () => true,
    });
    box.value = '亲 /fh';
    box.setSelectionRange(5, 5);
    expect(press(box, 'Tab').defaultPrevented).toBe(true);
    expect(expand).toHaveBeenCalledWith('/fh', box, expect.any(Function));
    box.value = 'hello world';
    box.setSelectionRange(11, 11);
    expect(press(box, ' ').defaultPrevented).toBe(false);
    box.value = '看 /xyz';
    box.setSelectionRange(6, 6);
    expect(press(box, ' ').defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(write).toHaveBeenCalledWith(box, ' '));
  });

  it('puts the typed shortcut back on Ctrl+Z right after an expansion', async () => {
    document.body.innerHTML = '<textarea id="box"></textarea>';
    const box = document.getElementById('box') as HTMLTextAreaElement;
    const write = vi.fn(async () => true);
    const expand = vi.fn(async () => {
      box.value = '亲 REPLY';
      return 'REPLY';
    });
    stop = watchSnippets({
      root: document,
      composer: () => box,
      isShortcut: (t) => t === '/fh',
      expand,
      write,
      isTrusted: () => true,
    });
    box.value = '亲 /fh';
    box.setSelectionRange(5, 5);
    press(box, ' ');
    await vi.waitFor(() => expect(expand).toHaveBeenCalled());
    await Promise.resolve();
    const event = press(box, 'z', { ctrlKey: true });
    expect(event.defaultPrevented).toBe(true);
    expect([box.selectionStart, box.selectionEnd]).toEqual([2, 7]);
    expect(write).toHaveBeenCalledWith(box, '/fh');
    // Only right after: a second Ctrl+Z is the editor's own.
    expect(press(box, 'z', { ctrlKey: true }).defaultPrevented).toBe(false);
  });
});
