/**
 * Contenteditable editors, each fed the input its own code reads (measured in real Chromium against the
 * real libraries, tests/e2e/editors.e2e.test.ts):
 * - plain/pell, Quill, ProseMirror/Tiptap: `execCommand('insertText')` line by line, a break between lines.
 * - Lexical, Slate: a synthetic `beforeinput` (`insertText`, the text in a DataTransfer). On `beforeinput` both
 *   re-read the DOM caret at once (Lexical's `useDOMSelection`; Slate's `flushDOMSelectionChange`, there for
 *   extensions that move the caret just before) and insert through their model, line breaks included.
 *   The other routes use the model's caret, which lags the DOM until the `selectionchange` task has run:
 *   execCommand fires no `beforeinput`, so in a fresh editor (model caret null) Lexical reverted the DOM
 *   edit and Slate ignored it; a `paste` went nowhere in Slate and to the previous caret in Lexical.
 * - Draft.js: a synthetic `paste` (execCommand breaks an empty editor; Draft ignores native `beforeinput`).
 */
import { selectionOf } from '../adapters/dom';
import type { EditorKind } from './detect';
import type { InsertOptions, StrategyResult } from './types';

function placeCaret(root: HTMLElement, mode: InsertOptions['mode']): void {
  const selection = selectionOf(root);
  if (!selection) return;
  const inside = selection.rangeCount > 0 && root.contains(selection.getRangeAt(0).commonAncestorContainer);
  if (inside && mode !== 'append') return;
  const { node, offset } = endPoint(root);
  const range = root.ownerDocument.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * The end of the editor's content as a point inside its text: the end of the last text node, or — in an
 * empty editor (`<p><br></p>`) — inside the last block, before its `<br>`. A caret after the block at the
 * root's level is a point that Lexical and Slate cannot map into their models.
 */
function endPoint(root: HTMLElement): { node: Node; offset: number } {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let last: Text | null = null;
  while (walker.nextNode()) last = walker.currentNode as Text;
  if (last) return { node: last, offset: last.length };
  let node: Node = root;
  while (node.lastChild && node.lastChild.nodeName !== 'BR') node = node.lastChild;
  return { node, offset: node.lastChild?.nodeName === 'BR' ? node.childNodes.length - 1 : node.childNodes.length };
}

/**
 * Resolves once the page has seen the caret we placed: after the `selectionchange` event (a task queued
 * when the selection moves) and one more task (Slate defers its sync by a 0 ms timer), or after `timeoutMs`
 * when the caret did not move. Draft.js (and Lexical, if it falls back to `paste`) handle a `paste` against
 * their model's caret, which is the previous one until then.
 */
function selectionSeen(doc: Document, timeoutMs = 50): Promise<void> {
  const view = doc.defaultView ?? globalThis;
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      view.clearTimeout(timer);
      view.setTimeout(resolve, 0);
    };
    const timer = view.setTimeout(done, timeoutMs);
    doc.addEventListener('selectionchange', done);
  });
}

/** Resolves after the next frame and one task, or after 100 ms where no frame comes (a hidden tab). */
function afterRender(doc: Document): Promise<void> {
  const view = doc.defaultView ?? globalThis;
  return new Promise((resolve) => {
    if (typeof view.requestAnimationFrame === 'function') view.requestAnimationFrame(() => view.setTimeout(resolve, 0));
    view.setTimeout(resolve, 100);
  });
}

/** Dispatches `paste` or `beforeinput` carrying the text; true when the editor took it (prevented the default). */
function dispatchText(root: HTMLElement, text: string, type: 'paste' | 'beforeinput'): boolean {
  const view = root.ownerDocument.defaultView;
  if (!view || typeof view.DataTransfer !== 'function') return false;
  const data = new view.DataTransfer();
  data.setData('text/plain', text);
  const init = { bubbles: true, cancelable: true };
  const event =
    type === 'paste'
      ? new view.ClipboardEvent('paste', { ...init, clipboardData: data })
      : new view.InputEvent('beforeinput', { ...init, inputType: 'insertText', dataTransfer: data });
  root.dispatchEvent(event);
  return event.defaultPrevented;
}

function typeLines(root: HTMLElement, text: string, kind: EditorKind): boolean {
  const doc = root.ownerDocument;
  const lines = text.split('\n');
  let ok = true;
  lines.forEach((line, i) => {
    if (i > 0) ok = doc.execCommand(kind === 'contenteditable' ? 'insertLineBreak' : 'insertParagraph') && ok;
    if (line) ok = doc.execCommand('insertText', false, line) && ok;
  });
  return ok;
}

type Route = 'beforeinput' | 'paste' | 'execCommand';

/** Routes per editor family, tried in order until the editor takes one; others: execCommand, then paste. */
const ROUTES: Partial<Record<EditorKind, Route[]>> = {
  lexical: ['beforeinput', 'paste', 'execCommand'],
  slate: ['beforeinput', 'paste', 'execCommand'],
  draft: ['paste', 'execCommand'],
};

export async function insertIntoEditable(
  root: HTMLElement,
  kind: EditorKind,
  text: string,
  options: InsertOptions,
): Promise<StrategyResult> {
  const doc = root.ownerDocument;
  root.focus();
  const seen = selectionSeen(doc);
  placeCaret(root, options.mode);
  await seen;
  const attempt: Record<Route, () => boolean> = {
    beforeinput: () => dispatchText(root, text, 'beforeinput'),
    paste: () => dispatchText(root, text, 'paste'),
    execCommand: () => typeLines(root, text, kind),
  };
  const method = (ROUTES[kind] ?? ['execCommand', 'paste']).find((route) => attempt[route]()) ?? 'none';
  // Read back and move the caret only once the editor has rendered its model: Lexical commits after the
  // current task, Slate re-renders through React, then sets the DOM caret and ignores selection changes
  // until its next 0 ms timer.
  await afterRender(doc);
  // Caret at {cursor}: move back from the end of what was inserted.
  if (options.cursor !== null && options.cursor !== undefined && options.cursor < text.length) {
    const selection = selectionOf(root) as Selection & {
      modify?: (a: string, d: string, g: string) => void;
    };
    for (let i = text.length - options.cursor; i > 0; i -= 1) selection.modify?.('move', 'backward', 'character');
  }
  return { method, readBack: root.innerText ?? root.textContent ?? '', inserted: text };
}
