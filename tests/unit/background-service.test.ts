import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { BackgroundService, type BackgroundPorts, type Sender } from '../../lib/background/service';
import { EMPTY_REGISTRY, type ChatRegistry } from '../../lib/background/chat-registry';
import { HuashuDb } from '../../lib/db/schema';
import type { ConversationReport } from '../../lib/chats/types';
import { fileMessage, miniStore } from '../helpers/packs';
import { picksFromNdjson } from '../../lib/suggest/learn/export';

const ORIGIN = 'chrome-extension://ext/';
const panel: Sender = { id: 'ext', url: `${ORIGIN}sidepanel.html` };
const panelAsTab: Sender = { id: 'ext', url: `${ORIGIN}sidepanel.html`, tab: { id: 9, active: true } };
const content: Sender = { id: 'ext', url: 'https://dongdong.jd.com/', tab: { id: 3, active: true }, frameId: 0 };
const foreign: Sender = { id: 'other-extension', url: 'chrome-extension://other/x.html' };

const report: ConversationReport = {
  url: 'https://dongdong.jd.com/',
  siteLabel: '京东咚咚',
  hasComposer: true,
  conversation: { platform: 'jd', conversationId: 'b', buyerName: 'b', messages: [], orderIds: [], productTitles: [] },
};

let n = 0;
function setup(overrides: Partial<BackgroundPorts> = {}) {
  let registry: ChatRegistry = EMPTY_REGISTRY;
  const ports: BackgroundPorts = {
    db: new HuashuDb(`bg-${(n += 1)}`, { indexedDB: new IDBFactory(), IDBKeyRange }),
    extensionId: 'ext',
    extensionOrigin: ORIGIN,
    loadRegistry: async () => registry,
    saveRegistry: async (r) => {
      registry = r;
    },
    sendInsert: vi.fn(async () => ({ ok: true, method: 'execCommand' })),
    broadcastActiveChat: vi.fn(),
    broadcastPacksChanged: vi.fn(),
    fetch: vi.fn(async () => new Response('not found', { status: 404 })),
    now: () => 1000,
    ...overrides,
  };
  return { service: new BackgroundService(ports), ports };
}

describe('BackgroundService', () => {
  it('forgets a frame only for the document that reported it (a late pagehide after a reload keeps the new report)', async () => {
    const { service, ports } = setup();
    await service.reportConversation(content, { ...report, documentId: 'old' });
    await service.reportConversation(content, { ...report, documentId: 'new' });
    await service.frameGone(content, { documentId: 'old' });
    expect(Object.keys((await ports.loadRegistry()).reports)).toEqual(['3:0']);
    await expect(service.frameGone(panel, { documentId: 'new' })).rejects.toThrow();
    await service.frameGone(content, { documentId: 'new' });
    expect((await ports.loadRegistry()).reports).toEqual({});
  });

  it('routes an insert to the chat tab and frame the agent used last, and logs it', async () => {
    const { service, ports } = setup();
    await service.reportConversation(content, report);
    const outcome = await service.insertReply(panelAsTab, { text: 'hi', cursor: null, packId: 'p', entryId: 'e' });
    expect(outcome.ok).toBe(true);
    expect(ports.sendInsert).toHaveBeenCalledWith(3, 0, { text: 'hi', cursor: null });
    expect(await ports.db.usage.toArray()).toEqual([
      expect.objectContaining({ type: 'inserted', entryId: 'e', platform: 'jd' }),
    ]);
  });

  it('logs unanswered questions and reports usage with pack titles; old events are pruned', async () => {
    const DAY = 24 * 60 * 60 * 1000;
    let now = 100 * DAY;
    const { service, ports } = setup({ now: () => now, broadcastUsageChanged: vi.fn() });
    await service.importPack(panel, fileMessage('m.json', JSON.stringify(miniStore)));
    await service.reportConversation(content, report);
    await ports.db.usage.add({ at: now - 95 * DAY, type: 'unanswered', question: 'very old' });
    await service.insertReply(panel, { text: 'x', cursor: null, packId: 'mini-store', entryId: 'ship-time' });
    const broadcasts = vi.mocked(ports.broadcastUsageChanged!).mock.calls.length;
    await service.logUnanswered(panel, { question: '  能开专票吗 ', platform: 'jd' });
    // An open options page reads its report again; a blank question logs nothing and says nothing.
    expect(ports.broadcastUsageChanged).toHaveBeenCalledTimes(broadcasts + 1);
    await service.logUnanswered(panel, { question: '   ' });
    expect(ports.broadcastUsageChanged).toHaveBeenCalledTimes(broadcasts + 1);
    await expect(service.logUnanswered(content, { question: 'x' })).rejects.toThrow();
    await service.logComplaint(panel, {
      question: ' 再不发货我就投诉 ',
      level: 'high',
      reasons: ['投诉'],
      platform: 'jd',
    });
    await expect(service.logComplaint(content, { question: 'x', level: 'high', reasons: [] })).rejects.toThrow();
    now += 1000;
    const usage = await service.usageReport(panel, { days: 7 });
    expect(usage.replies).toEqual([
      { packId: 'mini-store', entryId: 'ship-time', title: '发货时间', inserted: 1, copied: 0 },
    ]);
    expect(usage.unanswered).toEqual([{ question: '能开专票吗', count: 1, lastAt: now - 1000, platforms: ['jd'] }]);
    expect(usage.complaints).toEqual([
      { question: '再不发货我就投诉', level: 'high', reasons: ['投诉'], at: now - 1000, platform: 'jd' },
    ]);
    expect((await ports.db.usage.toArray()).map((e) => e.question ?? e.type)).not.toContain('very old');
  });

  it('gives content scripts the shortcuts of enabled packs and their replies filled for the chat, logged as used', async () => {
    const { service, ports } = setup();
    await service.importPack(panel, fileMessage('m.json', JSON.stringify(miniStore)));
    expect(await service.listShortcuts(content)).toEqual(['/fh', '/fp']);
    await expect(service.listShortcuts(panel)).rejects.toThrow();
    const reply = await service.expandShortcut(content, {
      shortcut: '/fh',
      conversation: { ...report.conversation!, platform: 'taobao', buyerName: '小王' },
    });
    expect(reply).toEqual({ text: '小王，付款后48小时内发货哦～', cursor: null });
    expect(await service.expandShortcut(content, { shortcut: '/none', conversation: null })).toBeNull();
    // An English buyer gets the English variant, as the panel would show it.
    const english = await service.expandShortcut(content, {
      shortcut: '/fh',
      conversation: {
        ...report.conversation!,
        platform: 'taobao',
        messages: [{ id: 'm1', role: 'buyer', kind: 'text', text: 'Hello, when will you ship my order?' }],
      },
    });
    expect(english?.text).toBe('We ship within 48 hours of payment.');
    await service.shortcutsRecorded();
    expect(await ports.db.usage.toArray()).toEqual([
      expect.objectContaining({ type: 'inserted', packId: 'mini-store', entryId: 'ship-time', platform: 'taobao' }),
      expect.objectContaining({ type: 'inserted', packId: 'mini-store', entryId: 'ship-time', platform: 'taobao' }),
    ]);
    await service.setPackEnabled(panel, { id: 'mini-store', enabled: false });
    expect(await service.listShortcuts(content)).toEqual([]);
  });

  it('says clearly when there is no chat tab or it does not answer', async () => {
    const { service } = setup({ sendInsert: async () => undefined });
    expect(
      (await service.insertReply(panel, { text: 'x', cursor: null, packId: 'p', entryId: 'e' })).message,
    ).toContain('No chat tab');
    await service.reportConversation(content, report);
    const outcome = await service.insertReply(panel, { text: 'x', cursor: null, packId: 'p', entryId: 'e' });
    expect(outcome).toMatchObject({ ok: false });
    expect(outcome.message).toContain('did not answer');
  });

  it('an insert right after the chat page reloaded waits for its new report', async () => {
    const sendInsert = vi.fn(async () => ({ ok: true, method: 'textarea' as const }));
    const { service } = setup({ sendInsert });
    // The reloaded page reports 0.2 s after the insert was asked for (the old page forgot its report).
    setTimeout(() => void service.reportConversation(content, report), 200);
    const outcome = await service.insertReply(panel, { text: 'x', cursor: null, packId: 'p', entryId: 'e' });
    expect(outcome).toMatchObject({ ok: true });
    expect(sendInsert).toHaveBeenCalledTimes(1);
  });

  it('lets only extension pages change packs and settings, and only content scripts report chats', async () => {
    const { service } = setup();
    const text = JSON.stringify(miniStore);
    await expect(service.importPack(content, fileMessage('x', text))).rejects.toThrow('only extension pages');
    await expect(service.importPack(foreign, fileMessage('x', text))).rejects.toThrow();
    await expect(service.saveSettings(content, { scenarios: ['x'] })).rejects.toThrow();
    await expect(service.reportConversation(panel, report)).rejects.toThrow('only content scripts');
    expect(await service.importPack(panel, fileMessage('x', text))).toMatchObject({
      ok: true,
    });
  });

  it('does not lose a closed tab or a report when events arrive together', async () => {
    const { service } = setup();
    await service.reportConversation(content, report);
    const other: Sender = { ...content, tab: { id: 4, active: false } };
    await Promise.all([service.tabGone(3), service.tabActivated(4), service.reportConversation(other, report)]);
    const chat = await service.getActiveChat(panel);
    expect(chat?.tabId).toBe(4);
  });

  it('keeps both of two saves made at once (each page saves only what it changed)', async () => {
    const { service } = setup();
    await Promise.all([
      service.saveSettings(panel, { scenarios: ['presale'] }),
      service.saveSettings(panel, { uiLanguage: 'en' }),
      service.saveSettings(panel, { waitAmberSeconds: 30 }),
    ]);
    const settings = await service.getSettings();
    expect([settings.scenarios, settings.uiLanguage, settings.waitAmberSeconds]).toEqual([['presale'], 'en', 30]);
  });

  it('gives content scripts the selector overrides of their platform only', async () => {
    const { service } = setup();
    await service.saveSettings(panel, { selectorOverrides: { jd: { composer: '.x' }, taobao: { composer: '.y' } } });
    expect(await service.getSelectorOverrides({ platform: 'jd' })).toEqual({ composer: '.x' });
    expect(await service.getSelectorOverrides({ platform: 'pdd' })).toEqual({});
  });
});

describe('picks (learning from what agents insert)', () => {
  const buyer = (text: string) => ({ id: text, role: 'buyer' as const, text, kind: 'text' as const });
  const pick = { packId: 'mini-store', packVersion: '9.9.9', entryId: 'ship-time', question: '' };

  it('stores a pick from an extension page, redacted again and with the stored pack version', async () => {
    const { service, ports } = setup();
    await service.importPack(panel, fileMessage('m.json', JSON.stringify(miniStore)));
    await service.recordPick(panel, { ...pick, question: '寄到13812345678的那单什么时候发' });
    await expect(service.recordPick(content, { ...pick, question: 'x 发货' })).rejects.toThrow();
    await expect(service.recordPick(foreign, { ...pick, question: 'x 发货' })).rejects.toThrow();
    // Unknown entries, cards, courtesy-only messages teach nothing.
    await service.recordPick(panel, { ...pick, entryId: 'nope', question: '什么时候发' });
    await service.recordPick(panel, { ...pick, entryId: 'fading-card', question: '褪色了' });
    await service.recordPick(panel, { ...pick, question: '谢谢亲' });
    const exported = await service.exportPicks(panel);
    expect(exported).toBe(
      `${JSON.stringify({ packId: 'mini-store', packVersion: '1.0.0', entryId: 'ship-time', text: '寄到[phone]的那单什么时候发', at: 1000 })}\n`,
    );
    await expect(service.exportPicks(content)).rejects.toThrow();
    expect(await ports.db.picks.count()).toBe(1);
  });

  it('keeps that the agent searched the entry out, and exports it; anything but true is not searched', async () => {
    const { service } = setup();
    await service.importPack(panel, fileMessage('m.json', JSON.stringify(miniStore)));
    await service.recordPick(panel, { ...pick, question: '运到漠河路上得几天', searched: true });
    await service.recordPick(panel, { ...pick, question: '几号能发出', searched: 'yes' as unknown as boolean });
    const lines = (await service.exportPicks(panel))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.searched)).toEqual([true, undefined]);
    expect(picksFromNdjson(await service.exportPicks(panel)).records.map((r) => r.searched)).toEqual([true, undefined]);
  });

  it('learns nothing when learning is off; forgetting clears the picks and tells the pages', async () => {
    const { service, ports } = setup({ broadcastPicksChanged: vi.fn() });
    await service.importPack(panel, fileMessage('m.json', JSON.stringify(miniStore)));
    await service.recordPick(panel, { ...pick, question: '什么时候发' });
    await service.saveSettings(panel, { learning: false });
    expect(ports.broadcastPicksChanged).toHaveBeenCalledTimes(1);
    await service.recordPick(panel, { ...pick, question: '几号能发出' });
    expect(await ports.db.picks.count()).toBe(1);
    await expect(service.forgetPicks(content)).rejects.toThrow();
    await service.forgetPicks(panel);
    expect(await ports.db.picks.count()).toBe(0);
    expect(ports.broadcastPicksChanged).toHaveBeenCalledTimes(2);
  });

  it('stores the UI language with the settings and tells open pages (a content script may not change it)', async () => {
    const { service, ports } = setup({ broadcastSettingsChanged: vi.fn() });
    await expect(service.saveSettings(content, { uiLanguage: 'en' })).rejects.toThrow();
    expect(ports.broadcastSettingsChanged).not.toHaveBeenCalled();
    await service.saveSettings(panel, { uiLanguage: 'en' });
    expect(ports.broadcastSettingsChanged).toHaveBeenCalledWith(expect.objectContaining({ uiLanguage: 'en' }));
    expect((await service.getSettings()).uiLanguage).toBe('en');
    expect((await service.getSettings()).learning).toBe(true);
  });

  it('takes a typed shortcut as a pick of the pending buyer message, and tells open panels', async () => {
    const { service, ports } = setup({ broadcastPicksChanged: vi.fn() });
    await service.importPack(panel, fileMessage('m.json', JSON.stringify(miniStore)));
    await service.expandShortcut(content, {
      shortcut: '/fh',
      conversation: {
        ...report.conversation!,
        buyerName: '王小明',
        messages: [buyer('你好'), { ...buyer('在的亲'), role: 'agent' }, buyer('王小明的单子 什么时候能发出')],
      },
    });
    await service.shortcutsRecorded();
    expect((await ports.db.picks.toArray()).map((p) => [p.entryId, p.text])).toEqual([
      ['ship-time', '[name]的单子 什么时候能发出'],
    ]);
    expect(ports.broadcastPicksChanged).toHaveBeenCalledTimes(1);
    await service.expandShortcut(content, { shortcut: '/fp', conversation: null });
    await service.shortcutsRecorded();
    expect(await ports.db.picks.count()).toBe(1);
  });

  it('drops picks of entries a pack update or removal took away', async () => {
    const { service, ports } = setup();
    await service.importPack(panel, fileMessage('m.json', JSON.stringify(miniStore)));
    await service.recordPick(panel, { ...pick, question: '什么时候发' });
    await service.recordPick(panel, { ...pick, entryId: 'invoice', question: '能开票吗' });
    const updated = { ...miniStore, version: '1.1.0', entries: miniStore.entries!.filter((e) => e.id !== 'invoice') };
    await service.importPack(panel, { ...fileMessage('m.json', JSON.stringify(updated)), confirm: true });
    expect((await ports.db.picks.toArray()).map((p) => p.entryId)).toEqual(['ship-time']);
    await service.removePack(panel, { id: 'mini-store' });
    expect(await ports.db.picks.count()).toBe(0);
  });
});
