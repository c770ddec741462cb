import { describe, expect, it } from 'vitest';
import {
  activeChat,
  EMPTY_REGISTRY,
  forgetFrame,
  forgetTab,
  recordActivation,
  recordReport,
  REGISTRY_FRAMES_PER_TAB,
  REGISTRY_MESSAGES,
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

describe('registry limits', () => {
  it('keeps 200 messages of 100 kB far under the 10 MB session quota, and forgets closed frames', () => {
    const big: ConversationReport = {
      url: 'https://dongdong.jd.com/',
      hasComposer: true,
      siteLabel: '京东咚咚',
      conversation: {
        platform: 'jd',
        conversationId: 'buyer',
        messages: Array.from({ length: 200 }, (_, i) => ({
          id: `m${i}`,
          role: 'buyer' as const,
          text: '问'.repeat(100_000),
          kind: 'text' as const,
        })),
        orderIds: [],
        productTitles: [],
      },
    };
    let registry = EMPTY_REGISTRY;
    for (let frame = 0; frame < 40; frame += 1) registry = recordReport(registry, 1, frame, big, frame, true);
    registry = recordReport(registry, 2, 0, big, 100, true);
    const bytes = new TextEncoder().encode(JSON.stringify(registry)).length;
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
    expect(Object.keys(registry.reports)).toHaveLength(REGISTRY_FRAMES_PER_TAB + 1);
    expect(registry.reports['2:0']!.conversation!.messages).toHaveLength(REGISTRY_MESSAGES);
    registry = forgetFrame(registry, 2, 0);
    expect(registry.reports['2:0']).toBeUndefined();
  });

  it('keeps only the fields of a report, whatever a content script sent', () => {
    const odd = { url: 'https://x/', hasComposer: 'yes', siteLabel: 'x', conversation: { messages: 'no' }, extra: 1 };
    const registry = recordReport(EMPTY_REGISTRY, 1, 0, odd as unknown as ConversationReport, 1, true);
    expect(registry.reports['1:0']).toEqual({
      url: 'https://x/',
      hasComposer: false,
      siteLabel: 'x',
      conversation: null,
      tabId: 1,
      frameId: 0,
      at: 1,
      waitingSince: null,
    });
  });
});
