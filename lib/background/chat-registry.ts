/**
 * Which chat the panel works with. Content scripts report what each frame shows; the chat tab the
 * agent used last (activated last, else reported last) is the active one, and within it the frame
 * that has a conversation and a composer. Pure state transitions: the background persists the state
 * in session storage because an MV3 worker can be stopped at any time.
 */
import type { ActiveChat, ConversationReport } from '../chats/types';

export interface ChatRegistry {
  /** By `tabId:frameId`. */
  reports: Record<string, ActiveChat>;
  /** The chat tab the agent used last, or null. */
  lastTabId: number | null;
  /** The tab activated last, chat or not: its first report makes it the chat in use. */
  focusedTabId?: number | null;
}

export const EMPTY_REGISTRY: ChatRegistry = { reports: {}, lastTabId: null, focusedTabId: null };

/** The part of `browser.storage.session` the registry is kept in. */
interface SessionStorageLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const REGISTRY_KEY = 'chatRegistry';

/** Loads and saves the registry in session storage (it outlives the worker, not the browser session). */
export function registryIn(storage: SessionStorageLike): {
  loadRegistry(): Promise<ChatRegistry>;
  saveRegistry(registry: ChatRegistry): Promise<void>;
} {
  return {
    loadRegistry: async () =>
      ((await storage.get(REGISTRY_KEY))[REGISTRY_KEY] as ChatRegistry | undefined) ?? EMPTY_REGISTRY,
    saveRegistry: (registry) => storage.set({ [REGISTRY_KEY]: registry }),
  };
}

export function recordReport(
  registry: ChatRegistry,
  tabId: number,
  frameId: number,
  report: ConversationReport,
  now: number,
  tabIsActive: boolean,
): ChatRegistry {
  const reports = { ...registry.reports, [`${tabId}:${frameId}`]: { ...report, tabId, frameId, at: now } };
  const inUse =
    tabIsActive ||
    tabId === registry.focusedTabId ||
    registry.lastTabId === null ||
    !hasTab(registry, registry.lastTabId);
  return { ...registry, reports, lastTabId: inUse ? tabId : registry.lastTabId };
}

function hasTab(registry: ChatRegistry, tabId: number): boolean {
  return Object.values(registry.reports).some((r) => r.tabId === tabId);
}

/** The agent switched to a tab: it becomes the active chat if it is one. */
export function recordActivation(registry: ChatRegistry, tabId: number): ChatRegistry {
  return { ...registry, focusedTabId: tabId, lastTabId: hasTab(registry, tabId) ? tabId : registry.lastTabId };
}

/** A tab closed or navigated away from the chat site. */
export function forgetTab(registry: ChatRegistry, tabId: number): ChatRegistry {
  const reports = Object.fromEntries(Object.entries(registry.reports).filter(([, r]) => r.tabId !== tabId));
  let lastTabId = registry.lastTabId === tabId ? null : registry.lastTabId;
  if (lastTabId === null) {
    const newest = Object.values(reports).sort((a, b) => b.at - a.at)[0];
    lastTabId = newest?.tabId ?? null;
  }
  return {
    ...registry,
    reports,
    lastTabId,
    focusedTabId: registry.focusedTabId === tabId ? null : registry.focusedTabId,
  };
}

/** The active chat: in the last-used chat tab, the frame with a conversation and composer, newest first. */
export function activeChat(registry: ChatRegistry): ActiveChat | null {
  if (registry.lastTabId === null) return null;
  const frames = Object.values(registry.reports).filter((r) => r.tabId === registry.lastTabId);
  const rank = (r: ActiveChat) => (r.conversation ? 2 : 0) + (r.hasComposer ? 1 : 0);
  frames.sort((a, b) => rank(b) - rank(a) || b.at - a.at);
  return frames[0] ?? null;
}
