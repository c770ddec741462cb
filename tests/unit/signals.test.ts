import { describe, expect, it } from 'vitest';
import { isVip, namesOrderState, stageOf } from '../../lib/adapters/signals';
import type { Conversation } from '../../lib/adapters/types';
import { chatSignals, scenariosWhen } from '../../lib/chats/signals';
import type { ActiveChat } from '../../lib/chats/types';
import { createPanelStore } from '../../lib/state/panel/store';
import { chatScenarios } from '../../lib/chats/reply-context';
import { visibleScenarios } from '../../lib/state/panel/scenario-slice';
import type { PackInput } from '../../lib/packs/schema';
import { pack } from '../helpers/packs';
import { memoryPanelServices, taobaoChat } from '../helpers/panel';

describe('what the pane tells', () => {
  it('reads order states in Chinese and Shopify English', () => {
    for (const text of ['买家已付款', '卖家已发货', '已签收', '订单已下单', 'Paid · Fulfilled', 'Order #1057 created'])
      expect(namesOrderState(text), text).toBe(true);
    for (const text of ['付款后多久发货', '还没下单', 'Do you ship to Canada?', 'I paid attention'])
      expect(namesOrderState(text), text).toBe(false);
  });

  it('is after-sale with an order card, an order number or an order state, presale otherwise', () => {
    expect(stageOf({ texts: ['在吗'], orderCards: 0, orderIds: 0 })).toBe('presale');
    expect(stageOf({ texts: ['在吗'], orderCards: 1, orderIds: 0 })).toBe('aftersale');
    expect(stageOf({ texts: ['在吗'], orderCards: 0, orderIds: 1 })).toBe('aftersale');
    expect(stageOf({ texts: ['系统消息：买家已付款'], orderCards: 0, orderIds: 0 })).toBe('aftersale');
  });

  it('reads a member tier from badges and tags', () => {
    for (const badges of [
      ['淘气值 1280'],
      ['88VIP'],
      ['会员等级 V4'],
      ['PLUS会员'],
      ['VIP', 'Newsletter'],
      ['钻石会员'],
    ])
      expect(isVip(badges), badges.join()).toBe(true);
    for (const badges of [['淘气值 420'], ['会员等级 V1'], ['Newsletter'], [], ['vipshop reseller']])
      expect(isVip(badges), badges.join()).toBe(false);
  });
});

const signalPack: PackInput = {
  format: 'huashu-pack/1',
  id: 'signals',
  name: '信号店',
  version: '1.0.0',
  scenarios: [
    { id: 'aftersale', name: '售后', when: { stage: 'aftersale' } },
    { id: 'vip', name: '会员', when: { vip: true } },
    { id: 'vip-aftersale', name: '会员售后', when: { stage: 'aftersale', vip: true } },
    { id: 'presale', name: '售前', when: { stage: 'presale' } },
    { id: 'winter', name: '冬季', from: '2026-12-01', to: '2026-12-31' },
    { id: 'manual', name: '手动' },
  ],
  entries: [
    {
      id: 'delivery-generic',
      title: '物流',
      questions: ['快递到哪了'],
      replies: [{ text: '亲，我帮您查一下物流～' }],
    },
    {
      id: 'delivery-vip',
      title: '物流（会员）',
      questions: ['快递到哪了'],
      scenarios: ['vip'],
      replies: [{ text: '尊敬的会员，已为您加急催件～' }],
    },
  ],
};

/** A chat whose buyer asks where the parcel is. */
function chat(conversation: Partial<Conversation>): ActiveChat {
  return taobaoChat({ messages: [{ id: 'm1', role: 'buyer', text: '快递到哪了', kind: 'text' }], ...conversation });
}

describe('scenarios the chat switches on', () => {
  const packs = [pack(signalPack)];
  const now = new Date(2026, 11, 10);

  it('match every condition of `when`, and follow messages read after the first read', () => {
    const vipAfter = chatSignals(chat({ signals: { stage: 'aftersale', vip: true, badges: ['88VIP'] } }).conversation);
    expect(scenariosWhen(packs, vipAfter, now)).toEqual(['aftersale', 'vip', 'vip-aftersale']);
    const presale = chatSignals(chat({ signals: { stage: 'presale', vip: false, badges: [] } }).conversation);
    expect(scenariosWhen(packs, presale, now)).toEqual(['presale']);
    const shippedLater = chat({
      signals: { stage: 'presale', vip: false, badges: [] },
      messages: [{ id: 's', role: 'system', text: '卖家已发货', kind: 'other' }],
    });
    expect(chatSignals(shippedLater.conversation)?.stage).toBe('aftersale');
    expect(scenariosWhen(packs, null, now)).toEqual([]);
  });

  it('are shown as on by themselves, and can be switched off for one chat', async () => {
    const services = memoryPanelServices(packs, now);
    const store = createPanelStore(services);
    await store.getState().reloadPacks();
    const vipChat = chat({ signals: { stage: 'presale', vip: true, badges: ['88VIP'] } });
    store.getState().setChat(vipChat);
    expect(store.getState().items[0]?.entryId).toBe('delivery-vip');

    const view = () => {
      const s = store.getState();
      const forChat = chatScenarios(s.packs, s.chat?.conversation, s, now);
      return visibleScenarios(s.packs, 'taobao', now, s.switchedOn, forChat).map(
        (v) => `${v.id}:${v.active ? 'on' : 'off'}${v.auto ? ':auto' : ''}`,
      );
    };
    expect(view()).toEqual(['vip:on:auto', 'presale:on:auto', 'winter:on:auto', 'manual:off']);

    store.getState().toggleScenarioForChat('vip');
    store.getState().toggleScenarioForChat('winter');
    expect(view()).toEqual(['vip:off:auto', 'presale:on:auto', 'winter:off:auto', 'manual:off']);
    expect(store.getState().items.map((i) => i.entryId)).toEqual(['delivery-generic']);

    // Another chat is not affected; back in the first one, the choice holds.
    store.getState().setChat(chat({ conversationId: 'b2', signals: { stage: 'presale', vip: true, badges: [] } }));
    expect(store.getState().items[0]?.entryId).toBe('delivery-vip');
    store.getState().setChat(vipChat);
    expect(store.getState().items.map((i) => i.entryId)).toEqual(['delivery-generic']);

    // Saved, so a shortcut typed in this chat's composer follows the same switches, also after a restart.
    const saved = await services.getSettings();
    expect(saved.scenariosOffByChat).toEqual({ 'taobao:b1': ['vip', 'winter'] });
    const reopened = createPanelStore(services);
    await expect.poll(() => reopened.getState().offByChat).toEqual({ 'taobao:b1': ['vip', 'winter'] });
  });
});
