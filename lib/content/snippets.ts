/**
 * Shortcuts typed in the chat's message box: when the agent types a pack's shortcut (`/fh`) and then
 * Space or Tab, the shortcut is replaced by its reply. The key press is taken only when what stands
 * before the caret is a known shortcut, so ordinary typing is never touched; while an input method is
 * composing (拼音), nothing happens. Pure DOM code: the lookups come in as functions.
 */

export interface SnippetOptions {
  root: Document;
  /** The composer element, or null when the page has none. */
  composer(): HTMLElement | null;
  /** Whether a token is a shortcut (synchronous: the key press must be taken or left at once). */
  isShortcut(token: string): boolean;
  /**
   * Fetches the reply and puts it in place of the shortcut: `select()` selects the shortcut again just
   * before the insert (the agent may have typed on meanwhile) and is false when it is no longer there.
   */
  expand(shortcut: string, composer: HTMLElement, select: () => boolean): Promise<boolean>;
}

/** The last token before the caret and how to select it (false when it is no longer there), or null. */
interface Token {
  text: string;
  select(): boolean;
}

const TOKEN = /(?:^|\s)(\S{1,32})$/;

function tokenBeforeCaret(composer: HTMLElement, root: Document): Token | null {
  if (composer.tagName === 'TEXTAREA' || composer.tagName === 'INPUT') {
    const field = composer as HTMLTextAreaElement;
    const end = field.selectionStart;
    if (end === null || end !== field.selectionEnd) return null;
    const match = TOKEN.exec(field.value.slice(0, end));
    if (!match) return null;
    const text = match[1]!;
    return {
      text,
      select: () => {
        if (field.value.slice(end - text.length, end) !== text) return false;
        field.setSelectionRange(end - text.length, end);
        return true;
      },
    };
  }
  const selection = root.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
  const { startContainer: node, startOffset: offset } = selection.getRangeAt(0);
  if (node.nodeType !== 3 || !composer.contains(node)) return null;
  const match = TOKEN.exec((node.textContent ?? '').slice(0, offset));
  if (!match) return null;
  const text = match[1]!;
  return {
    text,
    select: () => {
      if (!node.isConnected || (node.textContent ?? '').slice(offset - text.length, offset) !== text) return false;
      const range = root.createRange();
      range.setStart(node, offset - text.length);
      range.setEnd(node, offset);
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    },
  };
}

export function watchSnippets(options: SnippetOptions): () => void {
  const { root } = options;
  const onKey = (event: KeyboardEvent) => {
    if (
      (event.key !== ' ' && event.key !== 'Tab') ||
      event.isComposing ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey
    )
      return;
    const composer = options.composer();
    const target = event.target as Node | null;
    if (!composer || !target || !composer.contains(target)) return;
    const token = tokenBeforeCaret(composer, root);
    if (!token || !options.isShortcut(token.text)) return;
    event.preventDefault();
    event.stopPropagation();
    token.select();
    void options.expand(token.text, composer, token.select);
  };
  root.addEventListener('keydown', onKey, true);
  return () => root.removeEventListener('keydown', onKey, true);
}
