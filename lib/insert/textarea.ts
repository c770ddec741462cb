/**
 * Textareas and inputs, including React/Vue-controlled ones: `execCommand('insertText')` keeps the
 * browser's undo stack and fires the input event frameworks listen to; when it is unavailable the
 * prototype's native value setter plus an `input` event does (setting `.value` directly would leave
 * React's state empty). Vue-controlled textareas (Pinduoduo's composer) behave the same way.
 */
import type { InsertOptions, StrategyResult } from './types';

export function insertIntoTextarea(
  element: HTMLTextAreaElement | HTMLInputElement,
  text: string,
  options: InsertOptions,
): StrategyResult {
  const doc = element.ownerDocument;
  element.focus();
  const value = element.value;
  let start = element.selectionStart ?? value.length;
  let end = element.selectionEnd ?? value.length;
  // Only a real selection is replaced; otherwise the reply goes at the end of what is there.
  if (options.mode === 'append' || start === end) {
    start = value.length;
    end = value.length;
  }
  let insert = text;
  let message: string | undefined;
  const max = element.maxLength;
  if (max > 0) {
    const room = max - (value.length - (end - start));
    if (room < insert.length) {
      insert = insert.slice(0, Math.max(0, room));
      message = `The message box takes at most ${max} characters: ${text.length - insert.length} were cut.`;
    }
  }
  element.setSelectionRange(start, end);
  let method = 'execCommand';
  const expected = value.slice(0, start) + insert + value.slice(end);
  let done = false;
  try {
    done =
      typeof doc.execCommand === 'function' &&
      doc.execCommand('insertText', false, insert) &&
      element.value === expected;
  } catch {
    done = false;
  }
  if (!done) {
    method = 'native-setter';
    const proto = Object.getPrototypeOf(element) as object;
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    if (setter) setter.call(element, expected);
    else element.value = expected;
    const view = doc.defaultView;
    const InputEventCtor = view?.InputEvent ?? view?.Event;
    element.dispatchEvent(
      InputEventCtor
        ? new InputEventCtor('input', { bubbles: true, inputType: 'insertText', data: insert } as InputEventInit)
        : new Event('input', { bubbles: true }),
    );
    element.dispatchEvent(new (view?.Event ?? Event)('change', { bubbles: true }));
  }
  const caret =
    start +
    (options.cursor !== null && options.cursor !== undefined ? Math.min(options.cursor, insert.length) : insert.length);
  element.setSelectionRange(caret, caret);
  return { method, readBack: element.value, inserted: insert, message };
}
