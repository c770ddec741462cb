// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { detectEditor, insertText } from '../../lib/insert';

afterEach(() => {
  document.body.innerHTML = '';
});

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
}

describe('detectEditor', () => {
  it.each([
    ['<textarea></textarea>', 'textarea'],
    ['<input type="text">', 'textarea'],
    ['<div class="ql-editor" contenteditable="true"><p>x</p></div>', 'quill'],
    ['<div class="ProseMirror" contenteditable="true"></div>', 'prosemirror'],
    ['<div data-lexical-editor="true" contenteditable="true"></div>', 'lexical'],
    ['<div data-slate-editor="true" contenteditable="true"></div>', 'slate'],
    ['<div class="public-DraftEditor-content" contenteditable="true"></div>', 'draft'],
    [
      '<div class="pell-editor-wrapper"><div class="EditorContent" contenteditable="true"></div></div>',
      'contenteditable',
    ],
  ])('%s → %s', (html, kind) => {
    document.body.innerHTML = html;
    const target = document.querySelector('[contenteditable], textarea, input') as HTMLElement;
    // jsdom does not compute isContentEditable; emulate the browser for the editable host.
    if (target.hasAttribute('contenteditable')) Object.defineProperty(target, 'isContentEditable', { value: true });
    expect(detectEditor(target)?.kind).toBe(kind);
  });

  it('says no editor for a plain element', () => {
    expect(detectEditor(mount('<div>text</div>'))).toBeNull();
  });
});

describe('insertText into a textarea', () => {
  it('sets the value through the native setter and fires input when execCommand is unavailable', async () => {
    const area = mount('<textarea>亲，</textarea>') as HTMLTextAreaElement;
    const events: string[] = [];
    area.addEventListener('input', () => events.push('input'));
    const result = await insertText(area, '48小时内发货哦');
    expect(result).toMatchObject({ ok: true, editor: 'textarea', method: 'native-setter' });
    expect(area.value).toBe('亲，48小时内发货哦');
    expect(events).toEqual(['input']);
  });

  it('respects maxlength and says how much was cut', async () => {
    const area = mount('<textarea maxlength="10">12345</textarea>') as HTMLTextAreaElement;
    const result = await insertText(area, 'abcdefgh');
    expect(area.value).toBe('12345abcde');
    expect(result.message).toContain('3 were cut');
  });

  it('puts the caret at {cursor} and keeps line breaks', async () => {
    const area = mount('<textarea></textarea>') as HTMLTextAreaElement;
    await insertText(area, '单号：\n请查收', { cursor: 3 });
    expect(area.value).toBe('单号：\n请查收');
    expect(area.selectionStart).toBe(3);
  });

  it('replaces the selected text', async () => {
    const area = mount('<textarea>hello OLD world</textarea>') as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(6, 9);
    await insertText(area, 'new');
    expect(area.value).toBe('hello new world');
  });
});
