/**
 * One chat frame once its adapter is known: shortcuts listen at once (the first Tab after the page loads
 * must not wait for anything), the team lead's selector overrides arrive, then the conversation is
 * watched and reported; insert requests find the composer by its routes (focus, selectors, structure).
 */
import { locateComposer } from '../adapters/fallback';
import type { ChatAdapter, Conversation, SelectorMap } from '../adapters/types';
import type { ConversationReport } from '../chats/types';
import type { InsertOutcome, InsertRequest } from '../insert/types';
import { answerInsert } from './insert-request';
import { startShortcuts } from './shortcut-session';
import { watchConversation, type Watcher } from './watcher';

export interface ChatPorts {
  getSelectorOverrides(): Promise<SelectorMap>;
  report(report: ConversationReport): void;
  listShortcuts(): Promise<string[]>;
  expandShortcut(
    shortcut: string,
    conversation: Conversation | null,
  ): Promise<{ text: string; cursor: number | null } | null>;
}

export interface ChatSession {
  readNow(): ConversationReport | null;
  /** Reads and reports now (the page's URL changed). */
  reportNow(): void;
  insert(request: InsertRequest): Promise<InsertOutcome>;
  stop(): void;
}

export function startChat(options: {
  root: Document;
  adapter: ChatAdapter;
  /** The editable the agent last focused or typed in (./focus.ts). */
  focused(): Element | null;
  ports: ChatPorts;
}): ChatSession {
  const { root, adapter, focused, ports } = options;
  let selectors: SelectorMap = {};
  let watcher: Watcher | null = null;
  let stopped = false;
  const composer = () => locateComposer(root, adapter, selectors, focused())?.element ?? null;
  const shortcuts = startShortcuts({
    root,
    composer,
    ports: {
      listShortcuts: ports.listShortcuts,
      expandShortcut: (shortcut) => ports.expandShortcut(shortcut, watcher?.readNow().conversation ?? null),
    },
  });
  const ready = ports
    .getSelectorOverrides()
    .catch(() => ({}))
    .then((overrides) => {
      if (stopped) return;
      selectors = overrides;
      watcher = watchConversation({ root, adapter, selectors, report: ports.report, composer });
    });
  return {
    readNow: () => watcher?.readNow() ?? null,
    reportNow() {
      watcher?.reportNow();
    },
    async insert(request) {
      await ready;
      return answerInsert(root, adapter, selectors, request, { focused });
    },
    stop() {
      stopped = true;
      shortcuts.stop();
      watcher?.stop();
    },
  };
}
