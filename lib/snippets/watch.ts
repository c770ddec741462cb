/**
 * Shortcuts typed in the chat's message box: when the agent types a pack's shortcut (`/fh`) and then
 * Space or Tab, the shortcut is replaced by its reply. The key press is taken only when what stands
 * before the caret is a known shortcut, so ordinary typing is never touched; while an input method is
 * composing (拼音), nothing happens. Pure DOM code: the lookups come in as functions.
 */

interface SnippetOptions {
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
  /**
   * Whether a key press came from the agent (default: the browser's `isTrusted`). A page script can
   * dispatch key events; those must not expand (and log) replies. Tests of the logic pass their own.
   */
  isTrusted?(event: KeyboardEvent): boolean;
}

/** The text before the caret in the box, and how to select its last characters again (false if changed). */
interface BeforeCaret {
  text: string;
  select(last: string): boolean;
}

function beforeCaret(composer: HTMLElement, root: Document): BeforeCaret | null {
  if (composer.tagName === 'TEXTAREA' || composer.tagName === 'INPUT') {
    const field = composer as HTMLTextAreaElement;
    const end = field.selectionStart;
    if (end === null || end !== field.selectionEnd) return null;
    return {
      text: field.value.slice(0, end),
      select: (last) => {
        if (field.value.slice(end - last.length, end) !== last) return false;
        field.setSelectionRange(end - last.length, end);
        return true;
      },
    };
  }
  const selection = root.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
  const { startContainer: node, startOffset: offset } = selection.getRangeAt(0);
  if (node.nodeType !== 3 || !composer.contains(node)) return null;
  return {
    text: (node.textContent ?? '').slice(0, offset),
    select: (last) => {
      if (!node.isConnected || (node.textContent ?? '').slice(offset - last.length, offset) !== last) return false;
      const range = root.createRange();
      range.setStart(node, offset - last.length);
      range.setEnd(node, offset);
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    },
  };
}

const LAST_WORD = /(?:^|\s)(\S{1,32})$/;

/**
 * The shortcut that ends the text, or null: the last word, or — since Chinese is written without spaces
 * (这个/fh) — its tail from a "/" that follows no Latin letter or digit (so a/fh in a link is left alone).
 */
export function shortcutBefore(text: string, isShortcut: (token: string) => boolean): string | null {
  const word = LAST_WORD.exec(text)?.[1];
  if (!word) return null;
  if (isShortcut(word)) return word;
  const slash = word.lastIndexOf('/');
  if (slash > 0 && !/[A-Za-z0-9]/.test(word[slash - 1]!) && isShortcut(word.slice(slash))) return word.slice(slash);
  return null;
}

export function watchSnippets(options: SnippetOptions): () => void {
  const { root } = options;
  const isTrusted = options.isTrusted ?? ((event: KeyboardEvent) => event.isTrusted);
  const onKey = (event: KeyboardEvent) => {
    // Only the agent's own keystrokes: a page script dispatching synthetic key events must not make
    // Huashu expand (and log) replies into the composer.
    if (
      !isTrusted(event) ||
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
    const before = beforeCaret(composer, root);
    const shortcut = before && shortcutBefore(before.text, options.isShortcut);
    if (!before || !shortcut) return;
    event.preventDefault();
    event.stopPropagation();
    const select = () => before.select(shortcut);
    select();
    void options.expand(shortcut, composer, select);
  };
  root.addEventListener('keydown', onKey, true);
  return () => root.removeEventListener('keydown', onKey, true);
}
