import { genericAdapter } from '@/lib/adapters/generic/adapter';
import { genericSelectors } from '@/lib/adapters/generic/selectors';
import { frameReports } from '@/lib/content/document-id';
import { answerInsert } from '@/lib/content/insert-request';
import { watchSelection } from '@/lib/content/selection';
import { onMessage, sendMessage } from '@/lib/messaging/content';

// Injected on demand (context menu "find replies" on a page that is not a chat site), never by the
// manifest: Huashu asks for no access to other sites. Wiring only; logic in lib/content/selection.ts.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    // Injected again on every menu click: the first copy stays and reads the new selection.
    const state = globalThis as { huashuSelection?: { readNow(): unknown } };
    if (state.huashuSelection) {
      state.huashuSelection.readNow();
      return;
    }
    const frame = frameReports({
      report: (data) => sendMessage('reportConversation', data),
      forget: (data) => sendMessage('forgetFrame', data),
    });
    const watcher = watchSelection({
      root: document,
      adapter: genericAdapter,
      selectors: { editable: genericSelectors.editable!, lastFocused: genericSelectors.lastFocused! },
      report: frame.report,
    });
    ctx.addEventListener(window, 'pagehide', frame.forget);
    state.huashuSelection = watcher;
    ctx.onInvalidated(() => {
      watcher.stop();
      delete state.huashuSelection;
    });
    // The panel asking again gets the question of the last click, not whatever is selected now.
    onMessage('readConversation', () => watcher.current());
    onMessage('insertText', ({ data }) => answerInsert(document, genericAdapter, {}, data));
    watcher.readNow();
  },
});
