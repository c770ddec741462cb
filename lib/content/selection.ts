/**
 * The generic page (no chat site): the agent selects the buyer's words anywhere on a page and asks
 * Huashu for replies (context menu). The selection is the question; the editable element the agent
 * focused last is where a reply goes. Pure DOM code: the document comes in, reports go out.
 */
import type { ChatAdapter } from '../adapters/types';
import { matches } from '../adapters/dom';
import { capConversation } from '../chats/limits';
import type { ConversationReport } from '../chats/types';

interface SelectionWatchOptions {
  root: Document;
  /** The generic adapter (reads the selection, finds the composer). */
  adapter: ChatAdapter;
  /** The adapter's selectors: `editable` and `lastFocused` (an attribute selector the watcher sets). */
  selectors: { editable: string; lastFocused: string };
  report(report: ConversationReport): void;
  /** Coalesces a burst of selection changes (ms). */
  delay?: number;
}

interface SelectionWatcher {
  /** Reads the selection now and reports it (the context-menu click). */
  readNow(): ConversationReport;
  stop(): void;
}

/** The attribute and value of an `[attr="value"]` selector. */
function attributeOf(selector: string): [string, string] {
  const match = /^\[([\w-]+)="([^"]*)"\]$/.exec(selector.trim());
  return match ? [match[1]!, match[2]!] : ['data-huashu-focus', 'last'];
}

export function watchSelection(options: SelectionWatchOptions): SelectionWatcher {
  const { root, adapter, selectors } = options;
  const [attribute, value] = attributeOf(selectors.lastFocused);
  // The question stays when the selection goes: the agent clicks into the reply box, which clears it.
  let lastQuestion: ConversationReport | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const readNow = (): ConversationReport => {
    const read = adapter.readConversation(root);
    const conversation = read && capConversation(read);
    const report: ConversationReport = {
      url: root.location?.href ?? '',
      conversation: conversation ?? lastQuestion?.conversation ?? null,
      hasComposer: adapter.getComposer(root) !== null,
      siteLabel: adapter.label,
    };
    if (conversation) lastQuestion = report;
    options.report(report);
    return report;
  };

  const onFocus = (event: Event) => {
    const target = event.target;
    if (!(target instanceof Element) || !matches(target, selectors.editable)) return;
    for (const marked of root.querySelectorAll(`[${attribute}]`))
      if (marked !== target) marked.removeAttribute(attribute);
    target.setAttribute(attribute, value);
    // The panel shows whether a reply can be written here.
    if (lastQuestion) readNow();
  };

  const onSelection = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const text = root.getSelection?.()?.toString().trim();
      const previous = lastQuestion?.conversation?.messages[0]?.text;
      if (text && text !== previous) readNow();
    }, options.delay ?? 150);
  };

  root.addEventListener('focusin', onFocus, true);
  root.addEventListener('selectionchange', onSelection);
  // The element focused before the script arrived (the agent may have clicked the reply box first).
  if (root.activeElement && matches(root.activeElement, selectors.editable)) {
    root.activeElement.setAttribute(attribute, value);
  }
  return {
    readNow,
    stop() {
      if (timer) clearTimeout(timer);
      root.removeEventListener('focusin', onFocus, true);
      root.removeEventListener('selectionchange', onSelection);
    },
  };
}
