import { describe, expect, it } from 'vitest';
import {
  activeChat,
  EMPTY_REGISTRY,
  forgetTab,
  recordActivation,
  recordReport,
} from '../../lib/background/chat-registry';
import type { ConversationReport } from '../../lib/chats/types';

const report = (buyer: string | null, hasComposer = true): ConversationReport => ({
  url: 'https://dongdong.jd.com/',
  siteLabel: '京东咚咚',
  hasComposer,
  conversation: buyer
    ? { platform: 'jd', conversationId: buyer, buyerName: buyer, messages: [], orderIds: [], productTitles: [] }
    : null,
});

describe('chat registry', () => {
  it('has no active chat until a content script reports', () => {
    expect(activeChat(EMPTY_REGISTRY)).toBeNull();
  });

  it('follows the chat tab the agent used last', () => {
    let r = recordReport(EMPTY_REGISTRY, 1, 0, report('a'), 1, true);
    r = recordReport(r, 2, 0, report('b'), 2, false);
    expect(activeChat(r)?.tabId).toBe(1);
    r = recordActivation(r, 2);
    expect(activeChat(r)?.conversation?.buyerName).toBe('b');
    r = recordActivation(r, 99); // the side panel or another non-chat tab
    expect(activeChat(r)?.tabId).toBe(2);
  });

  it('makes a tab the chat in use when it reports after the agent switched to it', () => {
    let r = recordReport(EMPTY_REGISTRY, 1, 0, report('a'), 1, false);
    r = recordActivation(r, 2); // not a chat yet: its content script has not reported
    expect(activeChat(r)?.tabId).toBe(1);
    r = recordReport(r, 2, 0, report('b'), 2, false);
    expect(activeChat(r)?.tabId).toBe(2);
  });

  it('prefers the frame with a conversation and a composer (Shopify admin iframe)', () => {
    let r = recordReport(EMPTY_REGISTRY, 1, 0, report(null, false), 5, true);
    r = recordReport(r, 1, 7, report('c'), 4, true);
    expect(activeChat(r)).toMatchObject({ frameId: 7 });
  });

  it('falls back to the newest other chat when the active tab closes', () => {
    let r = recordReport(EMPTY_REGISTRY, 1, 0, report('a'), 1, true);
    r = recordReport(r, 2, 0, report('b'), 2, false);
    r = forgetTab(r, 1);
    expect(activeChat(r)?.tabId).toBe(2);
    expect(activeChat(forgetTab(r, 2))).toBeNull();
  });
});
