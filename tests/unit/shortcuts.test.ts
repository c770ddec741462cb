// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shortcutBefore, watchSnippets } from '../../lib/snippets/watch';
import { expandShortcut, shortcutsOf } from '../../lib/snippets/expand';
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

describe('watchSnippets (the chat message box)', () => {
  let stop = () => {};
  afterEach(() => stop());

  function setup(html: string, shortcuts = ['/fh']) {
    document.body.innerHTML = html;
    const composer = document.getElementById('box') as HTMLElement;
    const expand = vi.fn(async () => true);
    stop = watchSnippets({
      root: document,
      composer: () => composer,
      isShortcut: (t) => shortcuts.includes(t),
      expand,
      // jsdom's dispatched events are untrusted; the check itself is tested below.
      isTrusted: (event) => !(event as KeyboardEvent & { synthetic?: boolean }).synthetic,
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

  it('ignores key events a page script dispatched', () => {
    const { composer, expand } = setup('<textarea id="box"></textarea>');
    const box = composer as HTMLTextAreaElement;
    box.value = '/fh';
    box.setSelectionRange(3, 3);
    const event = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
    Object.assign(event, { synthetic: true });
    box.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(expand).not.toHaveBeenCalled();
  });

  it('by default trusts only the browser’s own events', () => {
    document.body.innerHTML = '<textarea id="box">/fh</textarea>';
    const box = document.getElementById('box') as HTMLTextAreaElement;
    const expand = vi.fn(async () => true);
    const stopDefault = watchSnippets({ root: document, composer: () => box, isShortcut: () => true, expand });
    box.setSelectionRange(3, 3);
    box.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }));
    expect(expand).not.toHaveBeenCalled();
    stopDefault();
  });
});
