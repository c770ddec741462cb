import { COMPLIANCE_RULES } from '../../packs/compliance';
import type { InsertSlice, PanelSlice } from './types';

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
            text: `“${item.title}” may break platform rules (${rules}). Press Insert again to write it anyway.`,
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
          set({ notice: { tone: 'error', text: outcome.message ?? 'The chat switched to another buyer.' } });
        } else if (outcome.ok) {
          const missing = item.missing.length ? ` Fill in: ${item.missing.join(', ')}.` : '';
          set({
            notice: {
              tone: missing ? 'warn' : 'ok',
              text: `Inserted “${item.title}” into the chat — check it and press send.${missing}`,
              ...(outcome.route ? { route: outcome.route } : {}),
            },
          });
        } else {
          const copied = await services.copyToClipboard(item.text);
          set({
            notice: {
              tone: copied ? 'warn' : 'error',
              text: copied
                ? `Could not write into the chat (${outcome.message ?? outcome.method}). The reply is on the clipboard: paste it with Ctrl+V.`
                : `Could not write into the chat (${outcome.message ?? outcome.method}) nor copy it. Select the text below and copy it by hand.`,
            },
          });
        }
      } catch (error) {
        const copied = await services.copyToClipboard(item.text).catch(() => false);
        set({
          notice: {
            tone: 'error',
            text: `Insert failed: ${(error as Error).message}.${copied ? ' The reply is on the clipboard.' : ''}`,
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
