import { adapterForDocument } from '@/lib/adapters/registry';
import { CHAT_HOSTS } from '@/lib/adapters/hosts';
import { watchConversation } from '@/lib/content/watcher';
import { insertText } from '@/lib/insert';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';

// Wiring only: pick the site's adapter, watch the message list, answer insert requests.
// (The test build adds the localhost replica pages to `matches`, see wxt.config.ts.)
export default defineContentScript({
  matches: CHAT_HOSTS,
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const adapter = adapterForDocument(document, location.href, { byDom: import.meta.env.HUASHU_E2E === true });
    if (!adapter || adapter.platform === 'generic') return;
    const selectors = await sendMessage('getSelectorOverrides', { platform: adapter.platform }).catch(() => ({}));
    const report = (data: Parameters<typeof sendMessage<'reportConversation'>>[1]) =>
      void sendMessage('reportConversation', data).catch(() => {});
    const watcher = watchConversation({ root: document, adapter, selectors, report });
    ctx.onInvalidated(() => watcher.stop());
    ctx.addEventListener(window, 'wxt:locationchange', () => report(watcher.readNow()));

    onMessage('readConversation', () => watcher.readNow());
    onMessage('insertText', async ({ data }) => {
      const composer = adapter.getComposer(document, selectors);
      if (!composer) {
        return {
          ok: false,
          method: 'none',
          message: `No message box found on this ${adapter.label} page (its layout may have changed).`,
        };
      }
      const result = await insertText(composer, data.text, { cursor: data.cursor });
      return { ok: result.ok, method: result.method, message: result.message, editor: result.editor };
    });
  },
});
