import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { ChatPaneMessage } from '../../lib/adapters/types';
import {
  activeChat,
  EMPTY_REGISTRY,
  recordReport,
  waitingChats,
  type ChatRegistry,
} from '../../lib/background/chat-registry';
import { BackgroundService, type Sender } from '../../lib/background/service';
import { focusTab } from '../../lib/background/side-panel';
import type { ConversationReport } from '../../lib/chats/types';
import { formatWait, parseMessageTime, unansweredBuyerMessages, waitingSince, waitLevel } from '../../lib/chats/wait';
import { HuashuDb } from '../../lib/db/schema';
import { waitThresholds } from '../../lib/settings';

const at = (text: string) => new Date(text).getTime();
const buyer = (id: string, time?: string): ChatPaneMessage => ({
  id,
  role: 'buyer',
  text: `q${id}`,
  kind: 'text',
  time,
});
const agent = (id: string): ChatPaneMessage => ({ id, role: 'agent', text: 'a', kind: 'text' });
const system = (id: string): ChatPaneMessage => ({ id, role: 'system', text: '系统消息', kind: 'other' });

describe('the wait clock', () => {
  it('waits on the buyer messages since the agent last wrote (system lines do not answer)', () => {
    expect(
      unansweredBuyerMessages([buyer('1'), agent('2'), buyer('3'), system('4'), buyer('5')]).map((m) => m.id),
    ).toEqual(['3', '5']);
    expect(unansweredBuyerMessages([buyer('1'), agent('2')])).toEqual([]);
  });

  it('reads the page times it can, never after it saw them', () => {
    const seen = at('2026-11-24T14:41:00');
    expect(parseMessageTime('2026-11-24 14:40:00', seen)).toBe(at('2026-11-24T14:40:00'));
    expect(parseMessageTime('14:40', seen)).toBe(at('2026-11-24T14:40:00'));
    // A bare time after first-seen: another clock or time zone, not yesterday (the caller uses first-seen).
    expect(parseMessageTime('23:50', seen)).toBeNull();
    expect(parseMessageTime('昨天 23:50', seen)).toBe(at('2026-11-23T23:50:00'));
    expect(parseMessageTime('Yesterday 9:05', seen)).toBe(at('2026-11-23T09:05:00'));
    expect(parseMessageTime('2026-11-24T14:40:00Z', Date.parse('2026-11-24T15:00:00Z'))).toBe(
      Date.parse('2026-11-24T14:40:00Z'),
    );
    expect(parseMessageTime('2026-11-24 14:45:00', seen)).toBe(seen);
    expect(parseMessageTime(String(at('2026-11-24T14:40:00') / 1000), seen)).toBe(at('2026-11-24T14:40:00'));
    expect(parseMessageTime(String(at('2026-11-24T14:40:00')), seen)).toBe(at('2026-11-24T14:40:00'));
    expect(parseMessageTime('12345', seen)).toBeNull();
    expect(parseMessageTime('昨天', seen)).toBeNull();
    expect(parseMessageTime('25:99', seen)).toBeNull();
    expect(parseMessageTime(undefined, seen)).toBeNull();
  });

  it('counts from the oldest unanswered message: its page time, else when it was first seen', () => {
    const first = waitingSince([agent('0'), buyer('1'), buyer('2')], {}, 5_000);
    expect(first).toEqual({ since: 5_000, seen: { '1': 5_000, '2': 5_000 } });
    const later = waitingSince([agent('0'), buyer('1'), buyer('2'), buyer('3')], first.seen, 9_000);
    expect(later).toEqual({ since: 5_000, seen: { '1': 5_000, '2': 5_000, '3': 9_000 } });
    // The agent answered: nothing waits, and the first-seen times go.
    expect(waitingSince([buyer('1'), buyer('2'), agent('4')], later.seen, 12_000)).toEqual({ since: null, seen: {} });
    const seen = at('2026-11-24T14:41:00');
    expect(waitingSince([buyer('1', '14:40')], {}, seen).since).toBe(at('2026-11-24T14:40:00'));
    expect(waitingSince([buyer('1', '18:00')], {}, seen).since).toBe(seen);
  });

  it('turns amber and red at the thresholds (60 and 100 s unless set)', () => {
    const thresholds = waitThresholds({});
    expect(thresholds).toEqual({ amberSeconds: 60, redSeconds: 100 });
    expect([0, 59, 60, 99, 100].map((s) => waitLevel(s, thresholds))).toEqual(['ok', 'ok', 'amber', 'amber', 'red']);
    expect(waitThresholds({ waitAmberSeconds: 5, waitRedSeconds: 3 })).toEqual({ amberSeconds: 5, redSeconds: 5 });
    expect(waitThresholds({ waitAmberSeconds: -1 } as never).amberSeconds).toBe(60);
    expect([5, 65, 3725].map((seconds) => formatWait(seconds))).toEqual(['0:05', '1:05', '1:02:05']);
    // From a day on: days, then hours and minutes.
    expect(formatWait(86_399)).toBe('23:59:59');
    expect(formatWait(86_400)).toBe('1d 0:00');
    expect(formatWait(((11 * 24 + 10) * 60 + 42) * 60 + 56, (days) => `${days}天`)).toBe('11天 10:42');
  });
});

const report = (buyerName: string, messages: ChatPaneMessage[]): ConversationReport => ({
  url: 'https://dongdong.jd.com/',
  siteLabel: '京东咚咚',
  hasComposer: true,
  conversation: { platform: 'jd', conversationId: buyerName, buyerName, messages, orderIds: [], productTitles: [] },
});

describe('the chat registry keeps first-seen times', () => {
  it('across reports of the same chat, and lists the waiting chats longest first', () => {
    let r: ChatRegistry = recordReport(EMPTY_REGISTRY, 1, 0, report('a', [buyer('1')]), 1_000, true);
    r = recordReport(r, 2, 0, report('b', [buyer('x')]), 500_000, false);
    r = recordReport(r, 3, 0, report('c', [buyer('y'), agent('z')]), 500_000, false);
    r = recordReport(r, 1, 0, report('a', [buyer('1'), buyer('2')]), 600_000, true);
    expect(activeChat(r)?.waitingSince).toBe(1_000);
    expect(waitingChats(r).map((c) => [c.tabId, c.buyerName, c.waitingSince, c.active])).toEqual([
      [1, 'a', 1_000, true],
      [2, 'b', 500_000, false],
    ]);
    expect(Object.keys(r.firstSeen ?? {})).toEqual(['jd:a', 'jd:b']);
  });

  it('bounds them: at most 60 chats, the most recently seen', () => {
    let r: ChatRegistry = EMPTY_REGISTRY;
    for (let i = 0; i < 80; i += 1) r = recordReport(r, 1, 0, report(`b${i}`, [buyer(`m${i}`)]), i, true);
    expect(Object.keys(r.firstSeen ?? {})).toHaveLength(60);
    expect(r.firstSeen?.['jd:b79']).toEqual({ m79: 79 });
    expect(r.firstSeen?.['jd:b0']).toBeUndefined();
  });
});

describe('switching to a waiting chat', () => {
  const ORIGIN = 'chrome-extension://ext/';
  const panel: Sender = { id: 'ext', url: `${ORIGIN}sidepanel.html` };
  const content = (tabId: number): Sender => ({
    id: 'ext',
    url: 'https://dongdong.jd.com/',
    tab: { id: tabId },
    frameId: 0,
  });

  it('focuses only chat tabs the registry knows, and makes that chat the one in use', async () => {
    let registry: ChatRegistry = EMPTY_REGISTRY;
    const focus = vi.fn(async () => {});
    const service = new BackgroundService({
      db: new HuashuDb('wait-focus', { indexedDB: new IDBFactory(), IDBKeyRange }),
      extensionId: 'ext',
      extensionOrigin: ORIGIN,
      loadRegistry: async () => registry,
      saveRegistry: async (next) => {
        registry = next;
      },
      sendInsert: vi.fn(),
      broadcastActiveChat: vi.fn(),
      broadcastPacksChanged: vi.fn(),
      focusTab: focus,
      fetch: vi.fn(),
      now: () => 1_000,
    });
    await service.reportConversation(content(4), report('a', [buyer('1')]));
    await service.reportConversation(content(5), report('b', [buyer('2')]));
    expect((await service.listWaitingChats(panel)).map((c) => c.tabId)).toEqual([4, 5]);
    await service.focusChat(panel, { tabId: 5 });
    await service.focusChat(panel, { tabId: 77 });
    await expect(service.focusChat(content(4), { tabId: 5 })).rejects.toThrow();
    expect(focus.mock.calls).toEqual([[5]]);
    expect((await service.getActiveChat(panel))?.tabId).toBe(5);
  });

  it('activates the tab and focuses its window', async () => {
    const apis = {
      tabs: { update: vi.fn(async () => ({ windowId: 8 })) },
      windows: { update: vi.fn(async () => ({})) },
    };
    await focusTab(apis, 5);
    expect(apis.tabs.update).toHaveBeenCalledWith(5, { active: true });
    expect(apis.windows.update).toHaveBeenCalledWith(8, { focused: true });
  });
});
