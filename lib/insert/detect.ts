/** Which editor family a composer is, by DOM signature (climbing to the editable root). */
export type EditorKind = 'textarea' | 'contenteditable' | 'quill' | 'prosemirror' | 'lexical' | 'slate' | 'draft';

interface DetectedEditor {
  kind: EditorKind;
  /** The element that takes focus and text: the textarea/input, or the contenteditable root. */
  root: HTMLElement;
}

const SIGNATURES: Array<[EditorKind, string]> = [
  ['quill', '.ql-editor'],
  ['prosemirror', '.ProseMirror'],
  ['lexical', '[data-lexical-editor="true"], [data-lexical-editor]'],
  ['slate', '[data-slate-editor="true"], [data-slate-editor]'],
  ['draft', '.public-DraftEditor-content, [data-contents="true"]'],
];

export function detectEditor(element: HTMLElement): DetectedEditor | null {
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || (tag === 'INPUT' && /^(?:text|search|)$/i.test((element as HTMLInputElement).type))) {
    return { kind: 'textarea', root: element };
  }
  for (const [kind, selector] of SIGNATURES) {
    const root = (element.closest(selector) ?? element.querySelector(selector)) as HTMLElement | null;
    if (root && root.isContentEditable) return { kind, root };
  }
  let root: HTMLElement | null = element.isContentEditable
    ? element
    : (element.querySelector('[contenteditable]') as HTMLElement | null);
  // Climb to the outermost editable element: the caret belongs to the editing host.
  while (root?.parentElement?.isContentEditable) root = root.parentElement;
  return root && root.isContentEditable ? { kind: 'contenteditable', root } : null;
}
