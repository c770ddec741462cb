import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterForDocument } from '@/lib/adapters/registry';
import type { ChatAdapter } from '@/lib/adapters/types';
import { CHAT_HOSTS } from '@/lib/adapters/hosts';
import { trackFocus } from '@/lib/content/focus';
import { startChat } from '@/lib/content/chat-session';
import { frameReports } from '@/lib/content/document-id';
import { whenChatPage } from '@/lib/content/watcher';
import { onMessage, sendMessage } from '@/lib/messaging/content';

// Wiring only: wait for a chat page (a single-page app may route to it later), pick the site's adapter,
// then lib/content/chat-session.ts watches it. (The test build adds the localhost replica pages to
// `matches`, see wxt.config.ts.)
export default defineContentScript({
  matches: CHAT_HOSTS,
  // Every frame: Shopify Inbox runs in a cross-origin iframe inside admin, Taobao's chat in a chat-core one.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    const byDom = import.meta.env.HUASHU_E2E === true;
    // Where the agent clicks or types, tracked from the start: the first route to the composer.
    const focus = trackFocus(document);
    ctx.onInvalidated(focus.stop);
    const stopWaiting = whenChatPage({
      root: document,
      pick: () => {
        const adapter = adapterForDocument(document, location.href, { byDom });
        return adapter.platform === 'generic' ? null : adapter;
      },
      found: (adapter) => watchChat(ctx, adapter, focus.last),
    });
    ctx.onInvalidated(stopWaiting);
  },
});

function watchChat(ctx: ContentScriptContext, adapter: ChatAdapter, focused: () => Element | null): void {
  const frame = frameReports({
    report: (data) => sendMessage('reportConversation', data),
    forget: (data) => sendMessage('forgetFrame', data),
  });
  const chat = startChat({
    root: document,
    adapter,
    focused,
    ports: {
      getSelectorOverrides: () => sendMessage('getSelectorOverrides', { platform: adapter.platform }),
      report: frame.report,
      listShortcuts: () => sendMessage('listShortcuts', {}),
      expandShortcut: (shortcut, conversation) => sendMessage('expandShortcut', { shortcut, conversation }),
    },
  });
  ctx.onInvalidated(chat.stop);
  ctx.addEventListener(window, 'wxt:locationchange', () => chat.reportNow());
  // A document going away (closed, reloaded, navigated) forgets its own report; one restored from the
  // back-forward cache reports again.
  ctx.addEventListener(window, 'pagehide', frame.forget);
  ctx.addEventListener(window, 'pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted) chat.reportNow();
  });
  onMessage('readConversation', () => chat.readNow());
  onMessage('insertText', ({ data }) => chat.insert(data));
}
