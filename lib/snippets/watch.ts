/**
 * Shortcuts typed in the chat's message box: when the agent types a pack's shortcut (`/fh`) and then
 * Space or Tab, the shortcut is replaced by its reply. The key press is taken only when what stands
 * before the caret is a known shortcut, so ordinary typing is never touched; while an input method is
 * composing (拼音), nothing happens. Only the agent's own key presses count (`isTrusted`): a page's
 * synthetic events never expand anything. Ctrl+Z right after an expansion puts the typed shortcut back.
 * Pure DOM code: the lookups come in as functions.
 */
import { eventOrigin, selectionOf } from '../adapters/dom';

interface SnippetOptions {
  root: Document;
  /** The composer element, or null when the page has none. */
  composer(): HTMLElement | null;
  /**
   * Whether a token is a shortcut (synchronous: the key press must be taken or left at once). `maybe`:
   * the shortcut list has not arrived yet and the token looks like one — the key is taken and `expand`
   * asks for that token directly, so the first Tab after the page loads works too.
   */
  isShortcut(token: string): boolean | 'maybe';
  /**
   * Fetches the reply and puts it in place of the shortcut: `select()` selects the shortcut again just
   * before the insert (the agent may have typed on meanwhile) and is false when it is no longer there.
   * Resolves to the text inserted, or null when nothing was.
   */
  expand(shortcut: string, composer: HTMLElement, select: () => boolean): Promise<string | null>;
  /** Writes text at the selection through the editor (puts back a taken Space, or the undone shortcut). */
  write?(composer: HTMLElement, text: string): Promise<unknown>;
  /** Whether a key event is the agent's own (tests in jsdom, where no event is trusted, pass their own). */
  isTrusted?(event: KeyboardEvent): boolean;
}

/** A token that could be a shortcut while the list is not there yet: a sign, then 1–31 letters or digits. */
export const LOOKS_LIKE_SHORTCUT = /^[/;:#!.,\\]\S{1,31}$/u;

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
  const selection = selectionOf(composer);
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

/** The last expansion, so that Ctrl+Z right after it can put the typed shortcut back. */
interface Expansion {
  composer: HTMLElement;
  shortcut: string;
  text: string;
}

/**
 * Selects `text` where the expansion put it: in a textarea by its value, in a contenteditable when it sits
 * in one text node (a multi-line reply spans several: the editor's own undo handles those).
 */
function selectInserted(composer: HTMLElement, root: Document, text: string): boolean {
  if (composer.tagName === 'TEXTAREA' || composer.tagName === 'INPUT') {
    const field = composer as HTMLTextAreaElement;
    const at = field.value.lastIndexOf(text);
    if (at < 0) return false;
    field.setSelectionRange(at, at + text.length);
    return true;
  }
  const walker = root.createTreeWalker(composer, 4 /* NodeFilter.SHOW_TEXT */);
  let found: { node: Node; at: number } | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node.textContent ?? '').lastIndexOf(text);
    if (at >= 0) found = { node, at };
  }
  const selection = selectionOf(composer);
  if (!found || !selection) return false;
  const range = root.createRange();
  range.setStart(found.node, found.at);
  range.setEnd(found.node, found.at + text.length);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

export function watchSnippets(options: SnippetOptions): () => void {
  const { root } = options;
  const trusted = options.isTrusted ?? ((event: KeyboardEvent) => event.isTrusted);
  let last: Expansion | null = null;

  const undo = (event: KeyboardEvent): boolean => {
    const expansion = last;
    last = null;
    const isUndo = (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && /^z$/i.test(event.key);
    const target = eventOrigin(event) as Node | null;
    if (!isUndo || !expansion || !options.write || !target || !expansion.composer.contains(target)) return false;
    // Only while the reply is still there as inserted; otherwise the editor's own undo does its job.
    if (expansion.text.includes('\n') || !selectInserted(expansion.composer, root, expansion.text)) return false;
    event.preventDefault();
    event.stopPropagation();
    void options.write(expansion.composer, expansion.shortcut);
    return true;
  };

  const onKey = (event: KeyboardEvent) => {
    if (!trusted(event)) return;
    if (/^(?:Control|Meta|Shift|Alt)$/.test(event.key)) return;
    if (undo(event)) return;
    if (
      (event.key !== ' ' && event.key !== 'Tab') ||
      event.isComposing ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey
    )
      return;
    const composer = options.composer();
    const target = eventOrigin(event) as Node | null;
    if (!composer || !target || !composer.contains(target)) return;
    const before = beforeCaret(composer, root);
    let maybe = false;
    const shortcut =
      before &&
      shortcutBefore(before.text, (token) => {
        const known = options.isShortcut(token);
        if (known === 'maybe' && LOOKS_LIKE_SHORTCUT.test(token)) maybe = true;
        return known === true || (known === 'maybe' && LOOKS_LIKE_SHORTCUT.test(token));
      });
    if (!before || !shortcut) return;
    event.preventDefault();
    event.stopPropagation();
    const select = () => before.select(shortcut);
    select();
    const key = event.key;
    void options.expand(shortcut, composer, select).then((text) => {
      if (text) {
        last = { composer, shortcut, text };
        return;
      }
      // Not a shortcut after all (the list was not there yet): the Space the agent typed goes in.
      if (maybe && key === ' ' && options.write) {
        collapseAfter(composer);
        void options.write(composer, ' ');
      }
    });
  };
  root.addEventListener('keydown', onKey, true);
  return () => root.removeEventListener('keydown', onKey, true);
}

/** Moves the caret to the end of the selection (the token stays as typed). */
function collapseAfter(composer: HTMLElement): void {
  if (composer.tagName === 'TEXTAREA' || composer.tagName === 'INPUT') {
    const field = composer as HTMLTextAreaElement;
    field.setSelectionRange(field.selectionEnd ?? field.value.length, field.selectionEnd ?? field.value.length);
    return;
  }
  selectionOf(composer)?.collapseToEnd();
}
