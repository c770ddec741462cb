import { genericAdapter } from '@/lib/adapters/generic/adapter';
import { genericSelectors } from '@/lib/adapters/generic/selectors';
import { frameReports } from '@/lib/content/document-id';
import { startSiteSession } from '@/lib/content/site-session';
import { onMessage, sendMessage } from '@/lib/messaging/content';

// A site the agent turned Huashu on for (registered at run time by lib/background/sites.ts, never in the
// manifest). Wiring only: logic in lib/content/site-session.ts.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    // The context menu's one-off reader (generic.content.ts) reuses this one when it finds it.
    const state = globalThis as { huashuSelection?: { readNow(): unknown } };
    if (state.huashuSelection) return;
    let onChatPage = () => {};
    const frame = frameReports({
      report: (data) => sendMessage('reportConversation', data),
      forget: (data) => sendMessage('forgetFrame', data),
    });
    const session = startSiteSession({
      onChatPage: () => onChatPage(),
      root: document,
      url: location.href,
      byDom: import.meta.env.HUASHU_E2E === true,
      adapter: genericAdapter,
      selectors: { editable: genericSelectors.editable!, lastFocused: genericSelectors.lastFocused! },
      report: frame.report,
      shortcuts: {
        listShortcuts: () => sendMessage('listShortcuts', {}),
        expandShortcut: (shortcut, conversation) => sendMessage('expandShortcut', { shortcut, conversation }),
      },
    });
    if (!session) return;
    state.huashuSelection = session;
    ctx.addEventListener(window, 'pagehide', frame.forget);
    const handlers = [
      onMessage('readConversation', () => session.readNow()),
      onMessage('insertText', ({ data }) => session.insert(data)),
    ];
    const standDown = () => {
      for (const remove of handlers) remove();
      delete state.huashuSelection;
    };
    onChatPage = standDown;
    ctx.onInvalidated(() => {
      session.stop();
      standDown();
    });
  },
});
