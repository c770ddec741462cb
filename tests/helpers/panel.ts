import type { Conversation } from '../../lib/adapters/types';
import type { ActiveChat } from '../../lib/chats/types';
import type { Pack } from '../../lib/packs/schema';
import type { Settings } from '../../lib/settings';
import type { PanelServices } from '../../lib/state/panel/types';

/**
 * Panel services in memory: these packs, no chat from the background, inserts that work, a fixed clock,
 * settings kept for the services' life (a panel reopened with the same services reads what was saved).
 */
export function memoryPanelServices(packs: Pack[], now: Date): PanelServices {
  let settings: Settings = { scenarios: [], selectorOverrides: {}, learning: true };
  return {
    loadPacks: async () => ({ packs, segments: [] }),
    getActiveChat: async () => null,
    insertReply: async () => ({ ok: true, method: 'execCommand' }),
    copyToClipboard: async () => true,
    getSettings: async () => settings,
    saveSettings: async (patch) => (settings = { ...settings, ...patch }),
    now: () => now,
  };
}

/** A Taobao chat as the background reports it; the conversation's fields can be given. */
export function taobaoChat(conversation: Partial<Conversation>): ActiveChat {
  return {
    tabId: 1,
    frameId: 0,
    at: 0,
    url: 'https://market.m.taobao.com/',
    siteLabel: '淘宝/千牛',
    hasComposer: true,
    conversation: {
      platform: 'taobao',
      conversationId: 'b1',
      orderIds: [],
      productTitles: [],
      messages: [],
      ...conversation,
    },
  };
}
