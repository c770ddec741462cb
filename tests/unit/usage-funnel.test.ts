/** The reply funnel and time to first reply, from conversation reports through the background service. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { ChatPaneMessage, Conversation } from '../../lib/adapters/types';
import { EMPTY_REGISTRY, type ChatRegistry } from '../../lib/background/chat-registry';
import { BackgroundService, type Sender } from '../../lib/background/service';
import { HuashuDb } from '../../lib/db/schema';
import { chatKey, sentAs, sketchSimilarity, textHash, textSketch } from '../../lib/usage/funnel';

const ORIGIN = 'chrome-extension://ext/';
const panel: Sender = { id: 'ext', url: `${ORIGIN}sidepanel.html` };
const content: Sender = { id: 'ext', url: 'https://dongdong.jd.com/', tab: { id: 3, active: true }, frameId: 0 };

const REPLY = '亲，付款后48小时内发货哦～';

describe('funnel text matching', () => {
  it('same text (spaces folded) is sent as is; a close text is edited; another text is neither', () => {
    const trace = { textHash: textHash(REPLY), sketch: textSketch(REPLY) };
    expect(sentAs(trace, ` ${REPLY} `)).toBe('sent');
    expect(sentAs(trace, '亲，付款后24小时内发货哦，请放心～')).toBe('edited');
    expect(sentAs(trace, 'ok')).toBeNull();
    expect(sketchSimilarity(textSketch('abc'), textSketch('abc'))).toBe(1);
  });

  it('names a chat by a hash, not by the buyer', () => {
    expect(chatKey('jd', 'buyer_nick_01')).toMatch(/^c[0-9a-z]+$/);
    expect(chatKey('jd', 'buyer_nick_01')).not.toContain('buyer');
    expect(chatKey('jd', 'a')).not.toBe(chatKey('taobao', 'a'));
  });
});

function setup() {
  let registry: ChatRegistry = EMPTY_REGISTRY;
  let now = 1_000_000;
  const db = new HuashuDb(`funnel-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const broadcastUsageChanged = vi.fn();
  const service = new BackgroundService({
    db,
    extensionId: 'ext',
    extensionOrigin: ORIGIN,
    loadRegistry: async () => registry,
    saveRegistry: async (r) => {
      registry = r;
    },
    sendInsert: vi.fn(async () => ({ ok: true, method: 'execCommand' })),
    broadcastActiveChat: vi.fn(),
    broadcastPacksChanged: vi.fn(),
    broadcastUsageChanged,
    fetch: vi.fn(),
    now: () => now,
  });
  const messages: ChatPaneMessage[] = [];
  const say = (role: 'buyer' | 'agent', text: string) =>
    messages.push({ id: `m${messages.length}`, role, text, kind: 'text' });
  const report = (conversationId = 'buyer1') => {
    const conversation: Conversation = {
      platform: 'jd',
      conversationId,
      messages: [...messages],
      orderIds: [],
      productTitles: [],
    };
    return service.reportConversation(content, {
      url: 'https://dongdong.jd.com/',
      siteLabel: '京东咚咚',
      hasComposer: true,
      conversation,
    });
  };
  const events = async () =>
    (await db.usage.orderBy('id').toArray()).map(({ type, entryId, waitMs }) => ({ type, entryId, waitMs }));
  const broadcasts = () => broadcastUsageChanged.mock.calls.length;
  return { service, say, report, events, later: (ms: number) => (now += ms), db, broadcasts };
}

describe('funnel through the background', () => {
  it('logs a waiting buyer, the insert, the bubble sent as is, and the time to first reply', async () => {
    const { service, say, report, events, later, db, broadcasts } = setup();
    say('buyer', '什么时候发货');
    await report();
    // Each report that logs tells open options pages (they read the report again); one that logs nothing does not.
    expect(broadcasts()).toBe(1);
    await report();
    expect(broadcasts()).toBe(1);
    later(5000);
    await service.logSuggested(panel, { entries: [{ packId: 'p', entryId: 'ship' }], platform: 'jd' });
    await service.insertReply(panel, { text: REPLY, cursor: null, packId: 'p', entryId: 'ship' });
    later(7000);
    say('agent', REPLY);
    await report();
    await report(); // the same report again logs nothing more
    // The buyer, the suggestion, the insert, then the reply's first_reply and sent (one report).
    expect(broadcasts()).toBe(4);
    expect(await events()).toEqual([
      { type: 'chat_opened', entryId: undefined, waitMs: undefined },
      { type: 'suggested', entryId: 'ship', waitMs: undefined },
      { type: 'inserted', entryId: 'ship', waitMs: undefined },
      { type: 'first_reply', entryId: undefined, waitMs: 12_000 },
      { type: 'sent', entryId: 'ship', waitMs: undefined },
    ]);
    const stored = await db.usage.toArray();
    expect(JSON.stringify(stored)).not.toContain('buyer1');
    expect(JSON.stringify(stored)).not.toContain('什么时候发货');
  });

  it('an edited reply counts as edited; a second bubble does not count the insert twice', async () => {
    const { service, say, report, events } = setup();
    say('buyer', '什么时候发货');
    await report();
    await service.insertReply(panel, { text: REPLY, cursor: null, packId: 'p', entryId: 'ship' });
    say('agent', '亲，付款后24小时内发货哦，放心～');
    say('agent', '亲，付款后48小时内发货哦～');
    await report();
    const types = (await events()).map((e) => e.type);
    expect(types.filter((t) => t === 'edited' || t === 'sent')).toEqual(['edited']);
  });

  it('history already on the page at first sight is not taken as new bubbles', async () => {
    const { service, say, report, events } = setup();
    await report('first-chat');
    await service.insertReply(panel, { text: REPLY, cursor: null, packId: 'p', entryId: 'ship' });
    say('buyer', '在吗');
    say('agent', REPLY);
    await report('other-chat');
    expect((await events()).map((e) => e.type)).toEqual(['inserted']);
  });
});
