/**
 * Contenteditable editors. Plain/pell, Quill, ProseMirror/Tiptap and Lexical take
 * `execCommand('insertText')` (line by line, with a paragraph break between lines); Slate and Draft.js
 * lose text inserted that way, so they get a synthetic `paste` carrying the text (../shared/SITES.md).
 */
import type { EditorKind } from './detect';
import type { InsertOptions, StrategyResult } from './types';

function placeCaret(root: HTMLElement, mode: InsertOptions['mode']): void {
  const doc = root.ownerDocument;
  const selection = doc.getSelection();
  if (!selection) return;
  const inside = selection.rangeCount > 0 && root.contains(selection.getRangeAt(0).commonAncestorContainer);
  if (inside && mode !== 'append') return;
  const { node, offset } = endPoint(root);
  const range = doc.createRange();
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

function paste(root: HTMLElement, text: string): boolean {
  const view = root.ownerDocument.defaultView;
  if (!view || typeof view.DataTransfer !== 'function') return false;
  const data = new view.DataTransfer();
  data.setData('text/plain', text);
  const event = new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
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

export function insertIntoEditable(
  root: HTMLElement,
  kind: EditorKind,
  text: string,
  options: InsertOptions,
): StrategyResult {
  root.focus();
  placeCaret(root, options.mode);
  let method: string;
  if (kind === 'slate' || kind === 'draft') {
    method = paste(root, text) ? 'paste' : typeLines(root, text, kind) ? 'execCommand' : 'none';
  } else {
    method = typeLines(root, text, kind) ? 'execCommand' : paste(root, text) ? 'paste' : 'none';
  }
  // Caret at {cursor}: move back from the end of what was inserted.
  if (options.cursor !== null && options.cursor !== undefined && options.cursor < text.length) {
    const selection = root.ownerDocument.getSelection() as Selection & {
      modify?: (a: string, d: string, g: string) => void;
    };
    for (let i = text.length - options.cursor; i > 0; i -= 1) selection.modify?.('move', 'backward', 'character');
  }
  return { method, readBack: root.innerText ?? root.textContent ?? '', inserted: text };
}
