import { describe, expect, it, vi } from 'vitest';
import type { ActiveChat } from '../../lib/chats/types';
import type { InsertOutcome } from '../../lib/insert/types';
import type { Settings } from '../../lib/settings';
import { visibleScenarios } from '../../lib/state/panel/scenario-slice';
import { createPanelStore } from '../../lib/state/panel/store';
import { SuggestEngine } from '../../lib/suggest/engine';
import type { Steps } from '../../lib/steps';
import { PHRASEBOOK_DATA } from '../../lib/suggest/rank/phrasebook.data';
import type { PanelServices } from '../../lib/state/panel/types';
import { miniStore, pack } from '../helpers/packs';
import { translator } from '../../lib/i18n/translate';

const en = translator('en');

const store0 = pack(miniStore);

function chat(...buyerTexts: string[]): ActiveChat {
  return {
    tabId: 1,
    frameId: 0,
    at: 0,
    url: 'https://dongdong.jd.com/',
    siteLabel: '京东咚咚',
    hasComposer: true,
    conversation: {
      platform: 'taobao',
      conversationId: 'buyer-1',
      buyerName: '小王',
      orderIds: ['3489271650123456789'],
      productTitles: [],
      messages: buyerTexts.map((text, i) => ({ id: `m${i}`, role: 'buyer' as const, text, kind: 'text' as const })),
    },
  };
}

function services(overrides: Partial<PanelServices> = {}): PanelServices {
  let settings: Settings = { scenarios: [], selectorOverrides: {}, learning: true };
  return {
    loadPacks: async () => ({ packs: [store0], segments: [] }),
    getActiveChat: async () => null,
    insertReply: async (): Promise<InsertOutcome> => ({ ok: true, method: 'execCommand' }),
    copyToClipboard: async () => true,
    getSettings: async () => settings,
    saveSettings: async (patch) => (settings = { ...settings, ...patch }),
    now: () => new Date(2026, 11, 20),
    ...overrides,
  };
}

describe('panel store', () => {
  it('ranks suggestions for the active chat, with page variables filled', async () => {
    const store = createPanelStore(services());
    await store.getState().reloadPacks();
    expect(store.getState().emptyReason).toBe('no-chat');
    store.getState().setChat(chat('退款怎么还没到账'));
    const { items } = store.getState();
    expect(items[0]?.entryId).toBe('refund-progress');
    expect(items[0]?.text).toContain('3489271650123456789');
  });

  it('draws the first list without waiting for the buyer phrasebook, then builds it and ranks again', async () => {
    // A phrasebook of its own: the shipped one's model may already be fitted (it is shared by every engine).
    const phrasebook = { zh: [...PHRASEBOOK_DATA.zh], en: [...PHRASEBOOK_DATA.en] };
    const engine = new SuggestEngine({ phrasebookOnFirstUse: false, phrasebook });
    const calls: string[] = [];
    const suggest = engine.suggest.bind(engine);
    vi.spyOn(engine, 'suggest').mockImplementation((...args) => (calls.push('suggest'), suggest(...args)));
    // Each slice of the phrasebook's build and of the model's fit in a task of its own: a task queued during one slice
    // runs before the next slice.
    const sliced = (name: string, steps: Steps<boolean>): Steps<boolean> =>
      (function* () {
        for (;;) {
          calls.push(name);
          setTimeout(() => calls.push('task'), 0);
          const step = steps.next();
          if (step.done) return step.value;
          yield;
        }
      })();
    const build = engine.phrasebookSteps.bind(engine);
    vi.spyOn(engine, 'phrasebookSteps').mockImplementation(() => sliced('prepare', build()));
    const fit = engine.translationSteps.bind(engine);
    vi.spyOn(engine, 'translationSteps').mockImplementation(() => sliced('fit', fit()));
    const store = createPanelStore(services(), engine);
    store.getState().setChat(chat('退款怎么还没到账'));
    await store.getState().reloadPacks();
    expect(calls.indexOf('suggest')).toBeLessThan(calls.indexOf('prepare'));
    expect(calls.lastIndexOf('prepare')).toBeLessThan(calls.indexOf('fit'));
    for (const name of ['prepare', 'fit']) {
      const slices = calls.filter((c) => c === name).length;
      expect(slices).toBeGreaterThan(5);
      expect(calls.slice(calls.indexOf(name), calls.lastIndexOf(name) + 1).join(' ')).toBe(
        Array.from({ length: slices }, () => name).join(' task '),
      );
    }
    // Ranked again after each: the phrasebook's list, then (once, when fitted) the translation model's.
    expect(calls.slice(calls.lastIndexOf('prepare'), calls.indexOf('fit'))).toContain('suggest');
    expect(calls.slice(calls.indexOf('fit'), calls.lastIndexOf('fit'))).not.toContain('suggest');
    expect(calls.lastIndexOf('suggest')).toBeGreaterThan(calls.lastIndexOf('fit'));
    expect(store.getState().items[0]?.entryId).toBe('refund-progress');
    // Built once: a reload ranks once more, for the reload, not again for the phrasebook.
    calls.length = 0;
    await store.getState().reloadPacks();
    expect(calls.filter((c) => c === 'suggest')).toHaveLength(1);
  });

  it('finds the phrasebook landings when idle after its own steps, and again for a chat of another platform', async () => {
    const engine = new SuggestEngine({ phrasebookOnFirstUse: false });
    const order: string[] = [];
    const fit = engine.translationSteps.bind(engine);
    vi.spyOn(engine, 'translationSteps').mockImplementation(() => (order.push('fit'), fit()));
    const landings = engine.landingSteps.bind(engine);
    vi.spyOn(engine, 'landingSteps').mockImplementation(() => (order.push('landings'), landings()));
    const store = createPanelStore(services(), engine);
    store.getState().setChat(chat('退款怎么还没到账'));
    await store.getState().reloadPacks();
    await vi.waitFor(() => expect(engine.landingsPrepared).toBe(true), { timeout: 10_000 });
    expect(order).toEqual(['fit', 'landings']);
    const before = store.getState().items.map((item) => item.entryId);
    const jd = chat('退款怎么还没到账');
    store.getState().setChat({ ...jd, at: 1, conversation: { ...jd.conversation!, platform: 'jd' } });
    expect(store.getState().items.map((item) => item.entryId)).toEqual(before);
    expect(engine.landingsPrepared).toBe(false);
    await vi.waitFor(() => expect(engine.landingsPrepared).toBe(true), { timeout: 10_000 });
    expect(order).toEqual(['fit', 'landings', 'landings']);
  });

  it.each(['preparePhrasebook', 'translationSteps'] as const)('keeps its list when %s fails', async (step) => {
    const engine = new SuggestEngine({ phrasebookOnFirstUse: false });
    vi.spyOn(engine, step).mockImplementation(() => {
      throw new Error('out of memory');
    });
    const store = createPanelStore(services(), engine);
    store.getState().setChat(chat('退款怎么还没到账'));
    await store.getState().reloadPacks();
    expect(store.getState().items[0]?.entryId).toBe('refund-progress');
    expect(store.getState().packsError).toBeNull();
  });

  it('flags complaint risk from the chat, with or without packs or a search, and logs it once', async () => {
    const logComplaint = vi.fn();
    const store = createPanelStore(services({ loadPacks: async () => ({ packs: [], segments: [] }), logComplaint }));
    await store.getState().reloadPacks();
    store.getState().setChat(chat('什么时候发货'));
    expect(store.getState().risk).toBeNull();
    store.getState().setChat(chat('什么时候发货', '再不发货我就投诉你们'));
    expect(store.getState().risk).toEqual({ level: 'high', reasons: ['投诉'], threats: ['投诉'] });
    store.getState().setQuery('fh');
    expect(store.getState().risk?.level).toBe('high');
    expect(logComplaint).toHaveBeenCalledTimes(1);
    expect(logComplaint).toHaveBeenCalledWith(
      { level: 'high', reasons: ['投诉'], threats: ['投诉'] },
      '什么时候发货\n再不发货我就投诉你们',
      'taobao',
    );
    store.getState().setChat(null);
    expect(store.getState().risk).toBeNull();
  });

  it("puts the pack's reply to a threat first, before the question asked earlier", async () => {
    const desk = pack({
      format: 'huashu-pack/1',
      id: 'desk',
      name: '客服',
      version: '1.0.0',
      entries: [
        {
          id: 'installments',
          title: '白条分期',
          questions: ['白条能分期吗', '几期免息'],
          replies: [{ text: '支持12期免息' }],
        },
        { id: 'ship-time', title: '发货时间', questions: ['什么时候发货'], replies: [{ text: '48小时内发货' }] },
        {
          id: 'complaint',
          title: '投诉',
          questions: ['我要投诉', '投诉你们'],
          replies: [{ text: '非常抱歉，马上为您处理' }],
        },
      ],
    });
    const store = createPanelStore(services({ loadPacks: async () => ({ packs: [desk], segments: [] }) }));
    await store.getState().reloadPacks();
    store.getState().setChat(chat('白条能分期吗 几期免息'));
    expect(store.getState().items.map((i) => i.entryId)).toEqual(['installments']);
    store.getState().setChat(chat('白条能分期吗 几期免息', '等了三天 再不发货我就打12315投诉'));
    expect(store.getState().items[0]?.entryId).toBe('complaint');
    expect(store.getState().items.map((i) => i.entryId)).toContain('installments');
    // Anger without a threat warns, and leaves the order to the question.
    store.getState().setChat(chat('白条能分期吗 几期免息？？？'));
    expect(store.getState().risk?.level).toBe('watch');
    expect(store.getState().items[0]?.entryId).toBe('installments');
  });

  it('says why the list is empty', async () => {
    const store = createPanelStore(services({ loadPacks: async () => ({ packs: [], segments: [] }) }));
    await store.getState().reloadPacks();
    expect(store.getState().emptyReason).toBe('no-packs');
    const withPacks = createPanelStore(services());
    await withPacks.getState().reloadPacks();
    withPacks.getState().setChat(chat('在吗'));
    expect(withPacks.getState().emptyReason).toBe('courtesy');
  });

  it('shows search hits (pinyin) instead of suggestions while the agent searches', async () => {
    const store = createPanelStore(services());
    await store.getState().reloadPacks();
    store.getState().setChat(chat('退款怎么还没到账'));
    store.getState().setQuery('fh');
    expect(store.getState().items[0]?.entryId).toBe('ship-time');
    store.getState().setQuery('');
    expect(store.getState().items[0]?.entryId).toBe('refund-progress');
  });

  it('logs a buyer question nothing answers, once, and never greetings or answered ones', async () => {
    const logUnanswered = vi.fn();
    const store = createPanelStore(services({ logUnanswered }));
    await store.getState().reloadPacks();
    store.getState().setChat(chat('这个沙发能拆洗吗'));
    expect(store.getState().emptyReason).toBe('no-match');
    store.getState().setChat(chat('这个沙发能拆洗吗'));
    store.getState().setChat(chat('在吗'));
    store.getState().setChat(chat('什么时候发货'));
    expect(logUnanswered.mock.calls).toEqual([['这个沙发能拆洗吗', 'taobao']]);
  });

  it('inserts through the background and confirms', async () => {
    const insertReply = vi.fn(async (): Promise<InsertOutcome> => ({ ok: true, method: 'execCommand' }));
    const store = createPanelStore(services({ insertReply }));
    await store.getState().reloadPacks();
    store.getState().setChat(chat('什么时候发货'));
    await store.getState().insert(0);
    expect(insertReply).toHaveBeenCalledWith(expect.objectContaining({ entryId: 'ship-time', packId: 'mini-store' }));
    expect(store.getState().notice?.tone).toBe('ok');
  });

  it('copies to the clipboard and says so when the chat cannot take the text', async () => {
    const copyToClipboard = vi.fn(async () => true);
    const store = createPanelStore(
      services({ insertReply: async () => ({ ok: false, method: 'none', message: 'no composer' }), copyToClipboard }),
    );
    await store.getState().reloadPacks();
    store.getState().setChat(chat('什么时候发货'));
    await store.getState().insert(0);
    expect(copyToClipboard).toHaveBeenCalledWith(expect.stringContaining('48小时内发货'));
    expect(store.getState().notice).toMatchObject({ tone: 'warn' });
    expect(en.text(store.getState().notice!.text)).toContain('clipboard');
  });

  it('says a missing message box in the language the panel shows, not the page script’s English', async () => {
    const store = createPanelStore(
      services({
        insertReply: async () => ({ ok: false, method: 'none', reason: 'no-composer', message: 'English sentence' }),
      }),
    );
    await store.getState().reloadPacks();
    store.getState().setChat(chat('什么时候发货'));
    await store.getState().insert(0);
    const notice = store.getState().notice!.text;
    expect(en.text(notice)).toMatch(
      /^Could not write into the chat \(Huashu can't find the message box on this .+ page/,
    );
    expect(translator('zh-CN').text(notice)).toMatch(/^无法写入聊天（话术在此.+页面上找不到输入框/);
    expect(en.text(notice)).not.toContain('English sentence');
  });

  it('keeps the packs it had when a reload fails', async () => {
    let fail = false;
    const store = createPanelStore(
      services({
        loadPacks: async () => {
          if (fail) throw new Error('database closed');
          return { packs: [store0], segments: [] };
        },
      }),
    );
    await store.getState().reloadPacks();
    fail = true;
    await store.getState().reloadPacks();
    expect(store.getState().packs).toHaveLength(1);
    expect(en.text(store.getState().packsError!)).toContain('database closed');
  });

  it('switches a scenario on, offers its entries and saves the choice', async () => {
    const saveSettings = vi.fn(async (patch: Partial<Settings>) => ({
      scenarios: [],
      selectorOverrides: {},
      learning: true,
      ...patch,
    }));
    const store = createPanelStore(services({ saveSettings }));
    await store.getState().reloadPacks();
    store.getState().setChat(chat('定金能退吗'));
    // Before: offered as an answer of a scenario that is off.
    expect(store.getState().items.find((i) => i.entryId === 'presale-deposit')?.scenarioOff?.id).toBe('presale');
    await store.getState().toggleScenario('presale');
    expect(store.getState().items[0]?.entryId).toBe('presale-deposit');
    expect(store.getState().items[0]?.scenarioOff).toBeUndefined();
    expect(saveSettings).toHaveBeenCalledWith({ scenarios: ['presale'] });
  });
});

describe('visibleScenarios', () => {
  const jdPack = pack({ ...miniStore, id: 'jd-pack', platforms: ['jd'], scenarios: [{ id: 'subsidy', name: '国补' }] });
  it('shows undated scenarios and dated ones active today, of packs for the chat platform', () => {
    const taobaoStore = pack({ ...miniStore, platforms: ['taobao'] });
    expect(visibleScenarios([taobaoStore, jdPack], 'taobao', new Date(2026, 10, 5), []).map((s) => s.id)).toEqual([
      'double11',
      'presale',
    ]);
    expect(visibleScenarios([taobaoStore, jdPack], 'taobao', new Date(2026, 11, 20), ['presale'])).toEqual([
      { id: 'presale', name: '预售', active: true, dated: false, auto: false, off: false },
    ]);
    expect(visibleScenarios([taobaoStore, jdPack], undefined, new Date(2026, 11, 20), []).map((s) => s.id)).toEqual([
      'presale',
      'subsidy',
    ]);
  });
});

describe('panel store slices', () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      packId: 'p',
      entryId: `e${i}`,
      title: `t${i}`,
      text: `x${i}`,
      cursor: null,
      missing: [],
      score: 1,
      kind: 'reply' as const,
      compliance: [],
    }));

  it('keeps the selection within the list', () => {
    const store = createPanelStore(services());
    store.setState({ items: rows(3) });
    store.getState().moveSelection(-1);
    expect(store.getState().selected).toBe(0);
    store.getState().select(99);
    expect(store.getState().selected).toBe(2);
    store.getState().moveSelection(1);
    expect(store.getState().selected).toBe(2);
  });

  it('leaves the list and the selection alone when the chat report has not changed', async () => {
    const report = chat('退款怎么还没到账');
    const store = createPanelStore(services({ getActiveChat: async () => report }));
    await store.getState().reloadPacks();
    await store.getState().refreshChat();
    expect(store.getState().items[0]?.entryId).toBe('refund-progress');
    const items = rows(3);
    store.setState({ items, selected: 1 });
    await store.getState().refreshChat();
    expect(store.getState().items).toBe(items);
    expect(store.getState().selected).toBe(1);
  });

  it('takes the switched-on scenarios from the saved settings', async () => {
    const store = createPanelStore(
      services({ getSettings: async () => ({ scenarios: ['presale'], selectorOverrides: {}, learning: true }) }),
    );
    await vi.waitFor(() => expect(store.getState().switchedOn).toEqual(['presale']));
  });
});

describe('insert and compliance', () => {
  it('writes a reply that breaks a compliance rule only on the second press', async () => {
    const insertReply = vi.fn(async (): Promise<InsertOutcome> => ({ ok: true, method: 'execCommand' }));
    const store = createPanelStore(services({ insertReply }));
    const item = (entryId: string, compliance: Array<'off-platform'>) => ({
      packId: 'p',
      entryId,
      title: entryId,
      text: compliance.length ? '加我微信聊' : '48小时内发货',
      cursor: null,
      missing: [],
      score: 1,
      kind: 'reply' as const,
      compliance,
    });
    store.setState({ items: [item('clean', []), item('wechat', ['off-platform'])] });
    await store.getState().insert(1);
    expect(insertReply).not.toHaveBeenCalled();
    expect(en.text(store.getState().notice!.text)).toContain('Press Insert again');
    expect(store.getState().confirming).toBe('p\u0000wechat');
    // Another reply in between starts over.
    await store.getState().insert(0);
    expect(insertReply).toHaveBeenCalledTimes(1);
    await store.getState().insert(1);
    expect(insertReply).toHaveBeenCalledTimes(1);
    await store.getState().insert(1);
    expect(insertReply).toHaveBeenCalledTimes(2);
    expect((insertReply.mock.calls[1] as unknown[])[0]).toMatchObject({ entryId: 'wechat', text: '加我微信聊' });
  });
});

describe('learning from picks in the panel', () => {
  const missed = '我们公司要走账';
  const again = '亲 我们公司要走账的呀';
  /** Too far from `missed` for a pick from the list (0.58), near enough for one searched out. */
  const reworded = '公司这边要走账怎么弄';

  it('learns a search hit inserted for a message the engine missed, at once and after a restart', async () => {
    const recordPick = vi.fn();
    const store = createPanelStore(services({ recordPick, loadPicks: async () => [] }));
    await store.getState().reloadPacks();
    store.getState().setChat(chat(missed));
    expect(store.getState().emptyReason).toBe('no-match');
    store.getState().setQuery('/fp');
    expect(store.getState().items[0]?.entryId).toBe('invoice');
    await store.getState().insert(0);
    // Not in the list shown for the message (it was empty): searched out.
    expect(recordPick).toHaveBeenCalledWith({
      packId: 'mini-store',
      packVersion: '1.0.0',
      entryId: 'invoice',
      question: missed,
      searched: true,
    });
    store.getState().setQuery('');
    store.getState().setChat(chat(again));
    expect(store.getState().items[0]?.entryId).toBe('invoice');
    expect(store.getState().emptyReason).toBeNull();
    // A looser rewording counts too, because the agent had to search for it.
    store.getState().setChat(chat(reworded));
    expect(store.getState().items[0]?.entryId).toBe('invoice');

    // A new panel session reads the stored pick with the packs.
    const stored = { ...recordPick.mock.calls[0]![0], text: missed, at: 1 };
    const restarted = createPanelStore(services({ loadPicks: async () => [stored] }));
    await restarted.getState().reloadPacks();
    restarted.getState().setChat(chat(again));
    expect(restarted.getState().items[0]?.entryId).toBe('invoice');
    restarted.getState().setChat(chat(reworded));
    expect(restarted.getState().items[0]?.entryId).toBe('invoice');
  });

  it('does not take a reply inserted from the list, or found by a search also listing it, as searched out', async () => {
    const recordPick = vi.fn();
    const store = createPanelStore(services({ recordPick, loadPicks: async () => [] }));
    await store.getState().reloadPacks();
    store.getState().setChat(chat('什么时候发货呀'));
    const listed = store.getState().items[0]!.entryId;
    await store.getState().insert(0);
    expect(recordPick).toHaveBeenLastCalledWith(expect.not.objectContaining({ searched: true }));
    store.getState().setQuery(store.getState().items[0]!.title);
    const at = store.getState().items.findIndex((item) => item.entryId === listed);
    expect(at).toBeGreaterThanOrEqual(0);
    await store.getState().insert(at);
    expect(recordPick).toHaveBeenCalledTimes(2);
    expect(recordPick).toHaveBeenLastCalledWith(expect.not.objectContaining({ searched: true }));
  });

  it('gives the engine each pick, the stored ones on start, and none once they are forgotten or learning is off', async () => {
    const stored = { packId: 'mini-store', packVersion: '1.0.0', entryId: 'invoice', text: missed, at: 1 };
    let picks = [stored];
    const engine = new SuggestEngine({ phrasebookOnFirstUse: false });
    const recordPick = vi.fn();
    const store = createPanelStore(services({ recordPick, loadPicks: async () => picks }), engine);
    await store.getState().reloadPacks();
    expect(engine.learnedPickCount).toBe(1);
    store.getState().setChat(chat('什么时候发货呀'));
    await store.getState().insert(0);
    expect(engine.learnedPickCount).toBe(2);
    // A shortcut typed in the composer: the background stored one more pick and the panel reloads them all; the
    // engine learns only that one (its adapted model is not built again).
    const adapt = vi.spyOn(engine as unknown as { adaptTo: () => void }, 'adaptTo');
    const { question, ...inserted } = recordPick.mock.calls[0]![0] as {
      question: string;
      packId: string;
      packVersion: string;
      entryId: string;
    };
    picks = [stored, { ...inserted, text: question, at: 2 }, { ...stored, text: '发票怎么开', at: 3 }];
    await store.getState().reloadPicks();
    expect(engine.learnedPickCount).toBe(3);
    expect(adapt).toHaveBeenCalledTimes(1);
    // The options page's "forget": the stored picks are gone.
    picks = [];
    await store.getState().reloadPicks();
    expect(engine.learnedPickCount).toBe(0);

    const off = new SuggestEngine({ phrasebookOnFirstUse: false });
    const unlearning = createPanelStore(
      services({
        loadPicks: async () => [stored],
        getSettings: async () => ({ scenarios: [], selectorOverrides: {}, learning: false }),
      }),
      off,
    );
    await unlearning.getState().reloadPicks();
    await unlearning.getState().reloadPacks();
    expect(off.learnedPickCount).toBe(0);
  });

  it('neither ranks with picks nor learns when the team lead turned learning off', async () => {
    const recordPick = vi.fn();
    const stored = { packId: 'mini-store', packVersion: '1.0.0', entryId: 'invoice', text: missed, at: 1 };
    const store = createPanelStore(
      services({
        recordPick,
        loadPicks: async () => [stored],
        getSettings: async () => ({ scenarios: [], selectorOverrides: {}, learning: false }),
      }),
    );
    await store.getState().reloadPicks();
    await store.getState().reloadPacks();
    store.getState().setChat(chat(again));
    expect(store.getState().items).toEqual([]);
    store.getState().setQuery('/fp');
    await store.getState().insert(0);
    expect(recordPick).not.toHaveBeenCalled();
  });
});
