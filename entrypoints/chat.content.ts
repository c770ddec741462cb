import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterForDocument } from '@/lib/adapters/registry';
import type { ChatAdapter } from '@/lib/adapters/types';
import { CHAT_HOSTS } from '@/lib/adapters/hosts';
import { answerInsert } from '@/lib/content/insert-request';
import { watchSnippets } from '@/lib/snippets/watch';
import { shortcutList } from '@/lib/content/shortcut-list';
import { watchConversation, whenChatPage } from '@/lib/content/watcher';
import { insertText } from '@/lib/insert';
import { onMessage, sendMessage } from '@/lib/messaging/content';

// Wiring only: wait for a chat page (a single-page app may route to it later), pick the site's adapter,
// watch the message list, answer insert requests.
// (The test build adds the localhost replica pages to `matches`, see wxt.config.ts.)
export default defineContentScript({
  matches: CHAT_HOSTS,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const byDom = import.meta.env.HUASHU_E2E === true;
    const stopWaiting = whenChatPage({
      root: document,
      pick: () => {
        const adapter = adapterForDocument(document, location.href, { byDom });
        return adapter.platform === 'generic' ? null : adapter;
      },
      found: (adapter) => void watchChat(ctx, adapter),
    });
    ctx.onInvalidated(stopWaiting);
  },
});

async function watchChat(ctx: ContentScriptContext, adapter: ChatAdapter): Promise<void> {
  const selectors = await sendMessage('getSelectorOverrides', { platform: adapter.platform }).catch(() => ({}));
  if (ctx.isInvalid) return;
  const report = (data: Parameters<typeof sendMessage<'reportConversation'>>[1]) =>
    void sendMessage('reportConversation', data).catch(() => {});
  const watcher = watchConversation({ root: document, adapter, selectors, report });
  ctx.onInvalidated(() => watcher.stop());
  // A closed or navigated frame must not stay in the background's registry (session storage is small).
  ctx.addEventListener(window, 'pagehide', () => void sendMessage('forgetFrame', {}).catch(() => {}));
  ctx.addEventListener(window, 'wxt:locationchange', () => report(watcher.readNow()));

  onMessage('readConversation', () => watcher.readNow());
  onMessage('insertText', ({ data }) => answerInsert(document, adapter, selectors, data));

  // Shortcuts typed in the message box (/fh then Space); the list is fetched again on focus.
  const shortcuts = shortcutList(() => sendMessage('listShortcuts', {}));
  shortcuts.refresh();
  ctx.addEventListener(document, 'focusin', () => shortcuts.refresh());
  const stopSnippets = watchSnippets({
    root: document,
    composer: () => adapter.getComposer(document, selectors),
    isShortcut: (token) => shortcuts.has(token),
    expand: async (shortcut, composer, select) => {
      const reply = await sendMessage('expandShortcut', { shortcut, conversation: watcher.readNow().conversation });
      if (!reply || !select()) return false;
      return (await insertText(composer, reply.text, { cursor: reply.cursor })).ok;
    },
  });
  ctx.onInvalidated(stopSnippets);
}
