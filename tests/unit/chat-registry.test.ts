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
import { frameReports } from '../../lib/content/document-id';

const report = (buyer: string | null, hasComposer = true): ConversationReport => ({
  url: 'https://dongdong.jd.com/',
  siteLabel: '京东咚咚',
  hasComposer,
  conversation: buyer
    ? { platform: 'jd', conversationId: buyer, buyerName: buyer, messages: [], orderIds: [], productTitles: [] }
    : null,
});

describe('forgetting a frame: only its own document', () => {
  const of = (documentId: string, buyer = 'a') => ({ ...report(buyer), documentId });

  it("a reload: the old document's forget, arriving after the new one's first report, leaves that report", () => {
    let r = recordReport(EMPTY_REGISTRY, 1, 0, of('old'), 1, true);
    r = recordReport(r, 1, 0, of('new', 'b'), 2, true);
    r = forgetFrame(r, 1, 0, 'old');
    expect(activeChat(r)?.conversation?.buyerName).toBe('b');
    expect(r.reports['1:0']?.documentId).toBe('new');
  });

  it('a closed or navigated document: its own forget removes its report, and only in its frame', () => {
    let r = recordReport(EMPTY_REGISTRY, 1, 0, of('top'), 1, true);
    r = recordReport(r, 1, 3, of('iframe', 'b'), 2, true);
    r = forgetFrame(r, 1, 3, 'iframe');
    expect(Object.keys(r.reports)).toEqual(['1:0']);
    r = forgetFrame(r, 2, 0, 'top'); // another tab's frame 0: not this one
    r = forgetFrame(r, 1, 0, 'top');
    expect(r.reports).toEqual({});
    expect(activeChat(r)).toBeNull();
  });

  it('a forget without an id, or from a report without one, removes nothing', () => {
    let r = recordReport(EMPTY_REGISTRY, 1, 0, report('a'), 1, true);
    expect(forgetFrame(r, 1, 0, '')).toBe(r);
    expect(forgetFrame(r, 1, 0, 'x')).toBe(r);
    r = recordReport(r, 1, 0, of('doc'), 2, true);
    expect(forgetFrame(r, 1, 0, '')).toBe(r);
  });

  it('keeps a string id of a report, capped, and drops anything else a content script sent as one', () => {
    const long = recordReport(EMPTY_REGISTRY, 1, 0, of('d'.repeat(500)), 1, true);
    expect(long.reports['1:0']!.documentId!.length).toBeLessThanOrEqual(64);
    const odd = recordReport(EMPTY_REGISTRY, 1, 0, { ...report('a'), documentId: 7 as unknown as string }, 1, true);
    expect(odd.reports['1:0']).not.toHaveProperty('documentId');
  });
});

describe('frameReports (content side)', () => {
  it('tags every report of a document with one id and forgets with the same id', async () => {
    const sent: unknown[] = [];
    const ports = {
      report: async (r: ConversationReport) => void sent.push(['report', r.documentId]),
      forget: async (d: { documentId: string }) => void sent.push(['forget', d.documentId]),
    };
    const first = frameReports(ports);
    const second = frameReports(ports);
    first.report(report('a'));
    first.report(report('a'));
    second.report(report('a'));
    first.forget();
    await Promise.resolve();
    const [a, b, c, d] = sent as Array<[string, string]>;
    expect(a![1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(b![1]).toBe(a![1]);
    expect(c![1]).not.toBe(a![1]);
    expect(d).toEqual(['forget', a![1]]);
  });

  it('ignores a background that is gone (the extension reloaded)', async () => {
    const frame = frameReports(
      { report: () => Promise.reject(new Error('gone')), forget: () => Promise.reject(new Error('gone')) },
      'x',
    );
    expect(() => frame.report(report('a'))).not.toThrow();
    expect(() => frame.forget()).not.toThrow();
    await Promise.resolve();
  });
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
    registry = recordReport(registry, 2, 0, { ...big, documentId: 'doc-2' }, 101, true);
    registry = forgetFrame(registry, 2, 0, 'doc-2');
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
