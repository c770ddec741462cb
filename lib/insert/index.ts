/**
 * Writing a reply into the chat's composer so that the site's own editor holds it; never sends.
 * Returns what happened, read back from the editor; when it fails the caller copies to the clipboard.
 */
import { insertIntoEditable } from './contenteditable';
import { detectEditor, type EditorKind } from './detect';
import { insertIntoTextarea } from './textarea';
import type { InsertOptions } from './types';

export { detectEditor, type EditorKind } from './detect';
export type { InsertOptions } from './types';

interface InsertResult {
  ok: boolean;
  editor: EditorKind | 'none';
  method: string;
  readBack: string;
  message?: string;
}

const fold = (text: string) => text.replace(/\s+/g, '');

export async function insertText(
  element: HTMLElement,
  text: string,
  options: InsertOptions = {},
): Promise<InsertResult> {
  const detected = detectEditor(element);
  if (!detected)
    return { ok: false, editor: 'none', method: 'none', readBack: '', message: 'The composer is not a text box.' };
  try {
    const result =
      detected.kind === 'textarea'
        ? insertIntoTextarea(detected.root as HTMLTextAreaElement, text, options)
        : await insertIntoEditable(detected.root, detected.kind, text, options);
    // Read back from the DOM: insertIntoEditable has waited for the editor to render its model.
    const readBack =
      detected.kind === 'textarea'
        ? (detected.root as HTMLTextAreaElement).value
        : (detected.root.innerText ?? detected.root.textContent ?? '');
    const ok = result.inserted.length === 0 || fold(readBack).includes(fold(result.inserted));
    return {
      ok,
      editor: detected.kind,
      method: result.method,
      readBack,
      message: ok ? result.message : `The ${detected.kind} editor did not take the text.`,
    };
  } catch (error) {
    return { ok: false, editor: detected.kind, method: 'none', readBack: '', message: (error as Error).message };
  }
}
