/**
 * The generic page (no chat site): the agent selects the buyer's words anywhere on a page and asks
 * Huashu for replies (context menu). The selection is the question; the editable element the agent
 * focused last is where a reply goes. Pure DOM code: the document comes in, reports go out.
 */
import type { ChatAdapter } from '../adapters/types';
import { deepActiveElement, eventOrigin, matches, queryAll } from '../adapters/dom';
import { capConversation } from '../chats/limits';
import type { ConversationReport } from '../chats/types';

interface SelectionWatchOptions {
  root: Document;
  /** The generic adapter (reads the selection, finds the composer). */
  adapter: ChatAdapter;
  /** The adapter's selectors: `editable` and `lastFocused` (an attribute selector the watcher sets). */
  selectors: { editable: string; lastFocused: string };
  report(report: ConversationReport): void;
}

interface SelectionWatcher {
  /** Reads the selection now and reports it: only the context-menu click calls this. */
  readNow(): ConversationReport;
  /** The question read at the last click, with whether a text box is focused now; reads nothing new. */
  current(): ConversationReport;
  stop(): void;
}

/** The attribute and value of an `[attr="value"]` selector. */
function attributeOf(selector: string): [string, string] {
  const match = /^\[([\w-]+)="([^"]*)"\]$/.exec(selector.trim());
  return match ? [match[1]!, match[2]!] : ['data-huashu-focus', 'last'];
}

/**
 * The selection is read once per context-menu click, never on later selections: what the agent selects
 * afterwards on that page (a customer's address, anything) reaches neither the panel nor the log.
 */
export function watchSelection(options: SelectionWatchOptions): SelectionWatcher {
  const { root, adapter, selectors } = options;
  const [attribute, value] = attributeOf(selectors.lastFocused);
  // The question stays when the selection goes: the agent clicks into the reply box, which clears it.
  let question: ConversationReport['conversation'] = null;

  const current = (): ConversationReport => ({
    url: root.location?.href ?? '',
    conversation: question,
    hasComposer: adapter.getComposer(root) !== null,
    siteLabel: adapter.label,
  });

  const readNow = (): ConversationReport => {
    const read = adapter.readConversation(root);
    if (read) question = capConversation(read);
    const report = current();
    options.report(report);
    return report;
  };

  const onFocus = (event: Event) => {
    // Where the focus went, in an open shadow root too (the event's target is then the host).
    const target = eventOrigin(event) as Element | null;
    if (!target || target.nodeType !== 1 || !matches(target, selectors.editable)) return;
    for (const marked of queryAll(root, `[${attribute}]`)) if (marked !== target) marked.removeAttribute(attribute);
    target.setAttribute(attribute, value);
    // The panel shows whether a reply can be written here; the question is the one read at the click.
    if (question) options.report(current());
  };

  root.addEventListener('focusin', onFocus, true);
  // The element focused before the script arrived (the agent may have clicked the reply box first).
  const active = deepActiveElement(root);
  if (active && matches(active, selectors.editable)) active.setAttribute(attribute, value);
  return {
    readNow,
    current,
    stop() {
      root.removeEventListener('focusin', onFocus, true);
    },
  };
}
