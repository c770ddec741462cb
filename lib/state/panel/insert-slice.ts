import { COMPLIANCE_RULES } from '../../packs/compliance';
import { message, type Message } from '../../i18n/translate';
import { GENERIC_LABEL } from '../../chats/page-problem';
import type { ActiveChat } from '../../chats/types';
import type { InsertSlice, PanelSlice } from './types';

/** The page found no box to write into, in the page's language (the content script says it in English). */
function noComposer(chat: ActiveChat | null): Message {
  const site = chat?.siteLabel;
  return !site || site === GENERIC_LABEL ? message('insert.noTextBox') : message('insert.noComposer', { site });
}

export const createInsertSlice: PanelSlice<InsertSlice> =
  ({ services }) =>
  (set, get) => ({
    notice: null,
    inserting: false,
    confirming: null,
    async insert(index) {
      const item = get().items[index];
      if (!item || get().inserting) return;
      // A reply the platform may punish (off-platform contact, absolute claims, efficacy promises) is
      // written only when the agent presses Insert a second time on it.
      const key = `${item.packId}\u0000${item.entryId}`;
      if (item.compliance.length > 0 && get().confirming !== key) {
        const rules = item.compliance.map((rule) => COMPLIANCE_RULES[rule].label).join('; ');
        set({
          confirming: key,
          selected: index,
          notice: {
            tone: 'warn',
            text: message('insert.confirm', { title: item.title, rules }),
          },
        });
        return;
      }
      set({ inserting: true, selected: index, confirming: null });
      // The agent chose this reply for the buyer's pending message: a label, learned at once.
      get().learnPick(item);
      try {
        const outcome = await services.insertReply({
          text: item.text,
          cursor: item.cursor,
          packId: item.packId,
          entryId: item.entryId,
          conversationId: get().chat?.conversation?.conversationId ?? null,
        });
        if (outcome.reason === 'conversation-changed') {
          // Not on the clipboard either: buyer A's reply must not be pasted into buyer B's chat.
          // The page's own sentence names the conversation ids; the agent needs to know what to do.
          set({ notice: { tone: 'error', text: message('insert.otherConversation') } });
        } else if (outcome.ok) {
          const missing = item.missing.length ? [message('insert.fillIn', { fields: item.missing.join(', ') })] : [];
          set({
            notice: {
              tone: missing.length ? 'warn' : 'ok',
              text: [message('insert.done', { title: item.title }), ...missing],
              ...(outcome.route ? { route: outcome.route } : {}),
            },
          });
        } else {
          const copied = await services.copyToClipboard(item.text);
          set({
            notice: {
              tone: copied ? 'warn' : 'error',
              text: message(copied ? 'insert.copied' : 'insert.notCopied', {
                reason: outcome.reason === 'no-composer' ? noComposer(get().chat) : (outcome.message ?? outcome.method),
              }),
            },
          });
        }
      } catch (error) {
        const copied = await services.copyToClipboard(item.text).catch(() => false);
        set({
          notice: {
            tone: 'error',
            text: [
              message('insert.failed', { error: (error as Error).message }),
              ...(copied ? [message('insert.failedCopied')] : []),
            ],
          },
        });
      } finally {
        set({ inserting: false });
      }
    },
    dismissNotice() {
      set({ notice: null });
    },
  });
