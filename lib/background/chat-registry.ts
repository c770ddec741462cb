/**
 * Which chat the panel works with. Content scripts report what each frame shows; the chat tab the
 * agent used last (activated last, else reported last) is the active one, and within it the frame
 * that has a conversation and a composer. Pure state transitions: the background persists the state
 * in session storage because an MV3 worker can be stopped at any time.
 */
import { capConversation, capField } from '../chats/limits';
import type { ActiveChat, ChatSummary, ConversationReport } from '../chats/types';
import { waitingSince, type FirstSeen } from '../chats/wait';

/** Messages kept per report: the panel reads the last few (question, complaint check, page values). */
export const REGISTRY_MESSAGES = 20;
/** Frames kept per tab and reports kept in all: session storage holds 10 MB, and pages add frames freely. */
export const REGISTRY_FRAMES_PER_TAB = 8;
export const REGISTRY_REPORTS = 24;

/**
 * A content script's report as the registry keeps it: capped (a page can hold 200 messages of 100 kB),
 * and with only the fields a report has, whatever the unprivileged sender put in it.
 */
export function boundedReport(report: ConversationReport): ConversationReport {
  const conversation = report.conversation;
  const valid = conversation && Array.isArray(conversation.messages) && typeof conversation.conversationId === 'string';
  return {
    url: capField(String(report.url ?? ''), 2000),
    conversation: valid
      ? capConversation(
          {
            ...conversation,
            messages: conversation.messages.filter((m) => m && typeof m.text === 'string' && typeof m.id === 'string'),
            orderIds: Array.isArray(conversation.orderIds)
              ? conversation.orderIds.filter((id) => typeof id === 'string')
              : [],
            productTitles: Array.isArray(conversation.productTitles)
              ? conversation.productTitles.filter((title) => typeof title === 'string')
              : [],
          },
          REGISTRY_MESSAGES,
        )
      : null,
    hasComposer: report.hasComposer === true,
    siteLabel: capField(String(report.siteLabel ?? ''), 100),
    ...(typeof report.documentId === 'string' && report.documentId
      ? { documentId: capField(report.documentId, 64) }
      : {}),
  };
}

/** The newest reports only: at most `REGISTRY_FRAMES_PER_TAB` per tab and `REGISTRY_REPORTS` in all. */
function pruneReports(reports: Record<string, ActiveChat>): Record<string, ActiveChat> {
  const newestFirst = Object.entries(reports).sort(([, a], [, b]) => b.at - a.at);
  const perTab = new Map<number, number>();
  const kept = newestFirst.filter(([, r]) => {
    const count = (perTab.get(r.tabId) ?? 0) + 1;
    perTab.set(r.tabId, count);
    return count <= REGISTRY_FRAMES_PER_TAB;
  });
  return Object.fromEntries(kept.slice(0, REGISTRY_REPORTS));
}

export interface ChatRegistry {
  /** By `tabId:frameId`. */
  reports: Record<string, ActiveChat>;
  /** The chat tab the agent used last, or null. */
  lastTabId: number | null;
  /** The tab activated last, chat or not: its first report makes it the chat in use. */
  focusedTabId?: number | null;
  /**
   * When Huashu first saw each unanswered buyer message, by chat (`platform:conversationId`) and message
   * id: the wait clock's time for pages that show no readable message time. Bounded (`MAX_CHATS_SEEN`).
   */
  firstSeen?: Record<string, FirstSeen>;
}

/** First-seen times are kept for at most this many chats (the most recently seen). */
const MAX_CHATS_SEEN = 60;

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
  const bounded = boundedReport(report);
  const conversation = bounded.conversation;
  let firstSeen = registry.firstSeen ?? {};
  let since: number | null = null;
  if (conversation) {
    const key = `${conversation.platform}:${conversation.conversationId}`;
    const wait = waitingSince(conversation.messages, firstSeen[key] ?? {}, now);
    since = wait.since;
    firstSeen = boundSeen({ ...firstSeen, [key]: wait.seen });
  }
  const reports = pruneReports({
    ...registry.reports,
    [`${tabId}:${frameId}`]: { ...bounded, tabId, frameId, at: now, waitingSince: since },
  });
  const inUse =
    tabIsActive ||
    tabId === registry.focusedTabId ||
    registry.lastTabId === null ||
    !hasTab(registry, registry.lastTabId);
  return { ...registry, reports, firstSeen, lastTabId: inUse ? tabId : registry.lastTabId };
}

/** Drops chats with nothing unanswered, then the ones seen longest ago beyond `MAX_CHATS_SEEN`. */
function boundSeen(firstSeen: Record<string, FirstSeen>): Record<string, FirstSeen> {
  const latest = (seen: FirstSeen) => Math.max(...Object.values(seen));
  const kept = Object.entries(firstSeen).filter(([, seen]) => Object.keys(seen).length > 0);
  kept.sort((a, b) => latest(b[1]) - latest(a[1]));
  return Object.fromEntries(kept.slice(0, MAX_CHATS_SEEN));
}

function hasTab(registry: ChatRegistry, tabId: number): boolean {
  return Object.values(registry.reports).some((r) => r.tabId === tabId);
}

/**
 * A frame's document went away (closed, navigated, reloaded, the frame removed): its report goes with it —
 * only when the stored report is that document's. After a reload the new document may have reported
 * before the old one's forget arrives; its report stays.
 */
export function forgetFrame(registry: ChatRegistry, tabId: number, frameId: number, documentId: string): ChatRegistry {
  const key = `${tabId}:${frameId}`;
  if (!documentId || registry.reports[key]?.documentId !== documentId) return registry;
  const reports = { ...registry.reports };
  delete reports[key];
  return { ...registry, reports };
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

/** The chat a tab shows: the frame with a conversation and composer, newest first. */
function chatOfTab(registry: ChatRegistry, tabId: number): ActiveChat | null {
  const frames = Object.values(registry.reports).filter((r) => r.tabId === tabId);
  const rank = (r: ActiveChat) => (r.conversation ? 2 : 0) + (r.hasComposer ? 1 : 0);
  frames.sort((a, b) => rank(b) - rank(a) || b.at - a.at);
  return frames[0] ?? null;
}

/** The active chat: in the last-used chat tab, the frame with a conversation and composer, newest first. */
export function activeChat(registry: ChatRegistry): ActiveChat | null {
  if (registry.lastTabId === null) return null;
  return chatOfTab(registry, registry.lastTabId);
}

/** Every open chat tab whose buyer waits for an answer, the longest wait first. */
export function waitingChats(registry: ChatRegistry): ChatSummary[] {
  const tabs = [...new Set(Object.values(registry.reports).map((r) => r.tabId))];
  return tabs
    .map((tabId) => chatOfTab(registry, tabId))
    .filter((chat): chat is ActiveChat => chat?.conversation != null && chat.waitingSince != null)
    .map((chat) => ({
      tabId: chat.tabId,
      siteLabel: chat.siteLabel,
      buyerName: chat.conversation!.buyerName ?? chat.conversation!.conversationId,
      conversationId: chat.conversation!.conversationId,
      waitingSince: chat.waitingSince!,
      active: chat.tabId === registry.lastTabId,
    }))
    .sort((a, b) => a.waitingSince - b.waitingSince || a.tabId - b.tabId);
}
