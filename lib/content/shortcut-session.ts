/**
 * Shortcuts in one frame, for the chat sites and the sites an agent turned Huashu on for: keeps the
 * packs' shortcut list (fetched at start and again when the agent comes back to a box, at most every
 * 10 s, so a newly imported pack works without a reload), and expands through lib/insert. Until the list
 * has arrived, a token that looks like a shortcut is asked for directly, so the first Tab works.
 */
import { insertText } from '../insert';
import { watchSnippets } from '../snippets/watch';
import { shortcutList } from './shortcut-list';

export interface ShortcutPorts {
  listShortcuts(): Promise<string[]>;
  /** The reply a shortcut stands for, filled for the chat shown now; null when no pack has it. */
  expandShortcut(shortcut: string): Promise<{ text: string; cursor: number | null } | null>;
}

export interface ShortcutSession {
  stop(): void;
}

export function startShortcuts(options: {
  root: Document;
  composer(): HTMLElement | null;
  ports: ShortcutPorts;
}): ShortcutSession {
  const { root, ports } = options;
  const shortcuts = shortcutList(() => ports.listShortcuts());
  const refresh = () => shortcuts.refresh();
  refresh();
  root.addEventListener('focusin', refresh, true);
  const stopSnippets = watchSnippets({
    root,
    composer: options.composer,
    isShortcut: (token) => (shortcuts.loaded() ? shortcuts.has(token) : 'maybe'),
    expand: async (shortcut, composer, select) => {
      const reply = await ports.expandShortcut(shortcut).catch(() => null);
      if (!reply || !select()) return null;
      const result = await insertText(composer, reply.text, { cursor: reply.cursor });
      return result.ok ? reply.text : null;
    },
    write: (composer, text) => insertText(composer, text),
  });
  return {
    stop() {
      root.removeEventListener('focusin', refresh, true);
      stopSnippets();
    },
  };
}
