/**
 * One frame of a site the agent turned Huashu on for (a help desk, a web chat without an adapter): the
 * generic adapter reads the question (the selection, or the last incoming message of a recognisable
 * message list), the composer is the editable the agent focused last, and shortcuts expand there. Stands
 * down where a chat adapter matches: the chat content script reads those pages.
 */
import { isChatSiteUrl, SITE_ADAPTERS } from '../adapters/registry';
import type { ChatAdapter, Conversation } from '../adapters/types';
import type { ConversationReport } from '../chats/types';
import type { InsertOutcome, InsertRequest } from '../insert/types';
import { trackFocus } from './focus';
import { answerInsert } from './insert-request';
import { watchSelection } from './selection';
import { startShortcuts } from './shortcut-session';
import { whenChatPage } from './watcher';

export interface SiteSessionOptions {
  root: Document;
  url: string;
  /** Test build: a page with a chat site's DOM signature belongs to the chat content script. */
  byDom: boolean;
  /** The generic adapter. */
  adapter: ChatAdapter;
  selectors: { editable: string; lastFocused: string };
  report(report: ConversationReport): void;
  shortcuts: {
    listShortcuts(): Promise<string[]>;
    expandShortcut(
      shortcut: string,
      conversation: Conversation | null,
    ): Promise<{ text: string; cursor: number | null } | null>;
  };
  /** Coalesces bursts of message-list mutations (ms). */
  delay?: number;
  /**
   * A single-page app routed to a chat page after load: the session has stopped, the chat content script
   * reads the frame from now on (the caller removes its message handlers).
   */
  onChatPage?(): void;
}

export interface SiteSession {
  readNow(): ConversationReport;
  insert(request: InsertRequest): Promise<InsertOutcome>;
  stop(): void;
}

/** Whether a chat adapter reads this page (then the enabled-site script has nothing to do). */
export function isChatPage(root: Document, url: string, byDom: boolean): boolean {
  if (isChatSiteUrl(url)) return true;
  return byDom && SITE_ADAPTERS.some((adapter) => safe(() => adapter.matchesDom(root)) === true);
}

export function startSiteSession(options: SiteSessionOptions): SiteSession | null {
  const { root, adapter } = options;
  if (isChatPage(root, options.url, options.byDom)) return null;
  const focus = trackFocus(root);
  const watcher = watchSelection({ root, adapter, selectors: options.selectors, report: options.report });

  // A recognisable message list: a new incoming message is a new question.
  const view = root.defaultView;
  const list = safe(() => adapter.getMessageList(root));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const observer =
    list && view
      ? new view.MutationObserver(() => {
          if (timer === null)
            timer = setTimeout(() => {
              timer = null;
              watcher.readNow();
            }, options.delay ?? 150);
        })
      : null;
  observer?.observe(list!, { childList: true, subtree: true, characterData: true });

  const shortcuts = startShortcuts({
    root,
    composer: () => focus.last() ?? adapter.getComposer(root),
    ports: {
      listShortcuts: options.shortcuts.listShortcuts,
      expandShortcut: (shortcut) => options.shortcuts.expandShortcut(shortcut, watcher.readNow().conversation),
    },
  });
  const stop = () => {
    if (timer !== null) clearTimeout(timer);
    observer?.disconnect();
    shortcuts.stop();
    watcher.stop();
    focus.stop();
    stopWaiting();
  };
  // Both scripts report for the same frame: once a chat adapter matches, this one steps aside.
  const stopWaiting = whenChatPage({
    root,
    pick: () => (isChatPage(root, root.location?.href ?? options.url, options.byDom) ? adapter : null),
    found: () => {
      stop();
      options.onChatPage?.();
    },
  });
  // The panel learns at once that this page can take a reply (search, then Insert).
  watcher.readNow();
  return {
    readNow: () => watcher.readNow(),
    insert: (request) => answerInsert(root, adapter, {}, request, { focused: focus.last }),
    stop,
  };
}

function safe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
