/**
 * Watches one chat pane and reports its conversation. It observes only the message list, and when the
 * adapter supports it reads only the bubbles the site added, so the cost of a new message does not grow
 * with the history. A conversation switch (new buyer), a replaced list or a page whose list appears
 * late leads to one full read. `whenChatPage` waits for a chat on a page that had none at load (SPA).
 * Pure DOM code: the document comes in, reports go out through a callback.
 */
import type { ChatAdapter, ChatPaneMessage, Conversation, SelectorMap } from '../adapters/types';
import { findOrderIds } from '../adapters/orders';
import { capConversation, capMessage } from '../chats/limits';
import type { ConversationReport } from '../chats/types';

interface WatchOptions {
  root: Document;
  adapter: ChatAdapter;
  selectors?: SelectorMap;
  report(report: ConversationReport): void;
  /** Coalesces bursts of mutations (ms). */
  delay?: number;
  /** Finds the composer by all its routes (lib/adapters/fallback.ts); default: the adapter's selectors. */
  composer?(): Element | null;
}

export interface Watcher {
  /** Reads the pane now (full read) and returns it; the background gets it with the next report. */
  readNow(): ConversationReport;
  /** Reads the pane now and reports it (the page's URL changed). */
  reportNow(): void;
  stop(): void;
  /** Counters for the bench and tests: how many full and incremental reads happened. */
  stats: { fullReads: number; incrementalReads: number; messagesParsed: number };
}

/** What the page observer watches for: nodes added or removed, and text changed (React rewrites a header's text). */
const PAGE_CHANGES: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** Keeps at most this many messages: the suggestion engine reads only the last few. */
const MAX_MESSAGES = 200;

function fingerprint(report: ConversationReport): string {
  const c = report.conversation;
  const last = c?.messages[c.messages.length - 1];
  return [
    report.hasComposer,
    c?.conversationId,
    c?.buyerName,
    c?.messages.length,
    last?.id,
    c?.orderIds.join(),
    c?.productTitles.join(),
  ].join('|');
}

export function watchConversation(options: WatchOptions): Watcher {
  const { root, adapter, selectors } = options;
  const view = root.defaultView;
  const delay = options.delay ?? 120;
  const stats = { fullReads: 0, incrementalReads: 0, messagesParsed: 0 };
  let conversation: Conversation | null = null;
  let list: Element | null = null;
  let listObserver: MutationObserver | null = null;
  let pageObserver: MutationObserver | null = null;
  let pending: Element[] = [];
  let needsFullRead = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** A pending structure check (see `checkStructure`). */
  let checkTimer: ReturnType<typeof setTimeout> | null = null;
  let lastReported = '';
  let stopped = false;
  /** Shadow roots the page observer watches besides the page (see `attachList`). */
  const observedRoots = new WeakSet<Node>();

  // The composer is looked up again only when the cached one left the page: a document-wide query
  // per message would make the cost grow with the history.
  let composer: Element | null = null;
  const hasComposer = () => {
    if (!composer?.isConnected)
      composer = safe(() => (options.composer ? options.composer() : adapter.getComposer(root, selectors)));
    return composer !== null;
  };
  const makeReport = (): ConversationReport => ({
    url: root.location?.href ?? '',
    conversation,
    hasComposer: hasComposer(),
    siteLabel: adapter.label,
  });

  const fullRead = () => {
    stats.fullReads += 1;
    const read = safe(() => adapter.readConversation(root, selectors));
    // Page text is untrusted: every message and field is capped before anything else sees it.
    conversation = read && capConversation(read, MAX_MESSAGES);
    stats.messagesParsed += conversation?.messages.length ?? 0;
    needsFullRead = false;
    pending = [];
  };

  /** Parses only the added bubbles; falls back to a full read when it cannot. */
  const incrementalRead = (): void => {
    // A conversation switch changes the header, outside the list: `checkStructure` notices it and asks
    // for a full read, so no document-wide lookup is needed here for every message.
    const canIncrement = conversation && adapter.messageElementsIn && adapter.readMessage;
    if (!canIncrement || needsFullRead) {
      fullRead();
      return;
    }
    stats.incrementalReads += 1;
    const known = new Set(conversation!.messages.slice(-50).map((m) => m.id));
    const added: ChatPaneMessage[] = [];
    for (const node of pending) {
      if (!node.isConnected) continue;
      for (const element of safe(() => adapter.messageElementsIn!(node, selectors)) ?? []) {
        const message = safe(() => adapter.readMessage!(element, selectors));
        stats.messagesParsed += 1;
        if (message && !known.has(message.id)) {
          known.add(message.id);
          added.push(capMessage(message));
        }
      }
    }
    pending = [];
    if (added.length === 0) return;
    const orderIds = [...added]
      .reverse()
      .flatMap((m) => findOrderIds(m.text, adapter.platform))
      .concat(conversation!.orderIds);
    conversation = {
      ...conversation!,
      messages: conversation!.messages.concat(added).slice(-MAX_MESSAGES),
      orderIds: [...new Set(orderIds)],
    };
  };

  const flush = () => {
    timer = null;
    if (stopped) return;
    // The page changed outside the list too (a switch renders header and list together): check now,
    // so the new buyer's bubbles are never appended to the old buyer's conversation.
    if (checkTimer !== null) {
      clearTimeout(checkTimer);
      checkTimer = null;
      if (structureChanged()) needsFullRead = true;
    }
    attachList();
    if (needsFullRead) fullRead();
    else incrementalRead();
    const report = makeReport();
    const key = fingerprint(report);
    if (key !== lastReported) {
      lastReported = key;
      options.report(report);
    }
  };

  const schedule = () => {
    if (timer === null && !stopped) timer = setTimeout(flush, delay);
  };

  function attachList(force = false): void {
    if (!force && list?.isConnected) return;
    const current = safe(() => adapter.getMessageList(root, selectors));
    if (current === list && (current === null || current.isConnected)) return;
    listObserver?.disconnect();
    list = current;
    needsFullRead = true;
    if (!list || !view) return;
    listObserver = new view.MutationObserver((records) => {
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) {
          if (node.nodeType === 1) pending.push(node as Element);
        }
        // Bubbles removed (list cleared or re-rendered): read it again as a whole.
        if (record.removedNodes.length > 0 && record.target === list && list.childElementCount === 0)
          needsFullRead = true;
      }
      schedule();
    });
    listObserver.observe(list, { childList: true, subtree: true });
    // A list in a shadow root (a micro-app's pane): the page observer does not see into it, so the header and the
    // rest of the pane there (a conversation switch) are watched too.
    const paneRoot = list.getRootNode();
    if (paneRoot !== root && paneRoot.nodeType === 11 && !observedRoots.has(paneRoot)) {
      observedRoots.add(paneRoot);
      pageObserver?.observe(paneRoot, PAGE_CHANGES);
    }
  }

  // The message list may appear late (SPA) or be replaced (conversation switch): watch the page's
  // structure coarsely, only to notice that, and never parse on those mutations. Text changes count:
  // frameworks such as React write a new buyer's name into the header's existing text node.
  // Checks are throttled: a busy page mutates constantly, and two lookups per check are enough.
  const structureChanged = (): boolean => {
    const current = safe(() => adapter.getMessageList(root, selectors));
    const conversationId = adapter.readConversationId
      ? safe(() => adapter.readConversationId!(root, selectors))
      : undefined;
    return (
      current !== list || (conversationId !== undefined && conversationId !== (conversation?.conversationId ?? null))
    );
  };
  const checkStructure = () => {
    checkTimer = null;
    if (stopped) return;
    if (structureChanged()) {
      needsFullRead = true;
      schedule();
    }
  };
  if (view && root.body) {
    pageObserver = new view.MutationObserver((records) => {
      // Changes inside the message list are the list observer's business.
      if (checkTimer !== null || records.every((r) => list?.contains(r.target))) return;
      checkTimer = setTimeout(checkStructure, delay * 2);
    });
    pageObserver.observe(root.body, PAGE_CHANGES);
  }

  const readAll = (): ConversationReport => {
    attachList(true);
    fullRead();
    return makeReport();
  };

  attachList();
  schedule();

  return {
    readNow() {
      const report = readAll();
      // A read for the caller is not a report: the background has not seen it. Counting it as reported lost
      // a new document's first report when a shortcut was expanded before it (after a reload the old
      // document's forget then left the tab without a chat), so what differs goes out with the next flush.
      if (fingerprint(report) !== lastReported) schedule();
      return report;
    },
    reportNow() {
      const report = readAll();
      lastReported = fingerprint(report);
      options.report(report);
    },
    stop() {
      stopped = true;
      listObserver?.disconnect();
      pageObserver?.disconnect();
      if (timer !== null) clearTimeout(timer);
      if (checkTimer !== null) clearTimeout(checkTimer);
    },
    stats,
  };
}

interface ChatPageOptions {
  root: Document;
  /** The adapter for the page as it is now, or null while the page shows no chat Huashu reads. */
  pick(): ChatAdapter | null;
  /** Called once, with the first adapter `pick` returns. */
  found(adapter: ChatAdapter): void;
  /** Throttles the checks on a busy page (ms). */
  delay?: number;
}

/**
 * Waits for a page this extension reads: now, or after the page changed. A single-page app routes to
 * its chat (new URL, new DOM) long after the content script ran, so a page without a chat at load is
 * not given up on; the page's mutations trigger a check, at most one per `delay`. Returns `stop`.
 */
export function whenChatPage(options: ChatPageOptions): () => void {
  const { root, pick, found } = options;
  const view = root.defaultView;
  const delay = options.delay ?? 250;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let observer: MutationObserver | null = null;
  const stop = () => {
    done = true;
    observer?.disconnect();
    if (timer !== null) clearTimeout(timer);
  };
  const check = () => {
    timer = null;
    if (done) return;
    const adapter = safe(pick);
    if (!adapter) return;
    stop();
    found(adapter);
  };
  check();
  if (!done && view && root.documentElement) {
    observer = new view.MutationObserver(() => {
      if (timer === null && !done) timer = setTimeout(check, delay);
    });
    observer.observe(root.documentElement, { childList: true, subtree: true });
  }
  return stop;
}

function safe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
