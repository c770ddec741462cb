import type { ChatSlice, PanelSlice } from './types';

export const createChatSlice: PanelSlice<ChatSlice> = (context) => (set, get) => ({
  chat: null,
  setChat(chat) {
    set({ chat });
    get().recompute();
  },
  async refreshChat() {
    const chat = await context.services.getActiveChat();
    const current = get().chat;
    // Unchanged (same frame, same report): keep the list and the agent's selection as they are.
    if (chat?.tabId === current?.tabId && chat?.frameId === current?.frameId && chat?.at === current?.at) return;
    get().setChat(chat);
  },
});
