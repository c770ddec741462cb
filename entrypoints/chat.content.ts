import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterForDocument } from '@/lib/adapters/registry';
import type { ChatAdapter } from '@/lib/adapters/types';
import { CHAT_HOSTS } from '@/lib/adapters/hosts';
import { answerInsert } from '@/lib/content/insert-request';
import { watchSnippets } from '@/lib/snippets/watch';
import { insertText } from '@/lib/insert';
import { shortcutKey } from '@/lib/snippets/shortcut-key';
import { watchConversation, whenChatPage } from '@/lib/content/watcher';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';

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
  ctx.addEventListener(window, 'wxt:locationchange', () => report(watcher.readNow()));

  onMessage('readConversation', () => watcher.readNow());
  onMessage('insertText', ({ data }) => answerInsert(document, adapter, selectors, data));

  // Shortcuts typed in the message box (/fh then Space): the list is fetched again when the agent comes
  // back to the box, at most every 10 s, so a newly imported pack's shortcuts work without a reload.
  let shortcuts = new Set<string>();
  let fetchedAt = 0;
  const refreshShortcuts = () => {
    if (Date.now() - fetchedAt < 10_000) return;
    fetchedAt = Date.now();
    void sendMessage('listShortcuts', {}).then(
      (list) => (shortcuts = new Set(list)),
      () => {},
    );
  };
  refreshShortcuts();
  ctx.addEventListener(document, 'focusin', refreshShortcuts);
  const stopSnippets = watchSnippets({
    root: document,
    composer: () => adapter.getComposer(document, selectors),
    isShortcut: (token) => shortcuts.has(shortcutKey(token)),
    expand: async (shortcut, composer, select) => {
      const reply = await sendMessage('expandShortcut', { shortcut, conversation: watcher.readNow().conversation });
      if (!reply || !select()) return false;
      return (await insertText(composer, reply.text, { cursor: reply.cursor })).ok;
    },
  });
  ctx.onInvalidated(stopSnippets);
}
