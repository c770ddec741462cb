/**
 * The shortcuts of the enabled packs, as the composer's shortcut expansion checks them (/fh then Space).
 * The list is fetched again when the agent comes back to the message box, at most every 10 s, so a newly
 * imported pack's shortcuts work without a reload.
 */
import { shortcutKey } from '../snippets/shortcut-key';

/** How long a fetched list is used before the next focus fetches it again. */
const REFRESH_MS = 10_000;

interface ShortcutList {
  /** Fetches the list again unless it was fetched within the last 10 s. */
  refresh(): void;
  /** Whether a typed token is a shortcut of an enabled pack. */
  has(token: string): boolean;
  /** Whether a list has arrived yet (before that, a token that looks like a shortcut is asked for directly). */
  loaded(): boolean;
}

/** A shortcut list fetched through `fetchList` (a message to the background); a failed fetch keeps the last one. */
export function shortcutList(fetchList: () => Promise<string[]>, now: () => number = Date.now): ShortcutList {
  let shortcuts = new Set<string>();
  let fetchedAt: number | null = null;
  let loaded = false;
  return {
    refresh() {
      if (fetchedAt !== null && now() - fetchedAt < REFRESH_MS) return;
      fetchedAt = now();
      void fetchList().then(
        (list) => {
          shortcuts = new Set(list);
          loaded = true;
        },
        () => {},
      );
    },
    has: (token) => shortcuts.has(shortcutKey(token)),
    loaded: () => loaded,
  };
}
