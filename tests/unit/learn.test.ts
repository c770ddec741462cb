import { describe, expect, it } from 'vitest';
import { blend, BLEND, type RankedCandidate } from '../../lib/suggest/learn/blend';
import { isSearchedPick, packOfPickedEntry, PickLearner, SHOWN_SUGGESTIONS } from '../../lib/suggest/learn/learner';
import { repeatKeyOf, repeatSimilarity } from '../../lib/suggest/learn/terms';
import { entryKey, parseEntryKey, PickMemory, type PickRecord } from '../../lib/suggest/learn/pick-memory';

const pick = (text: string, entryId: string, at = 0) => ({
  packId: 'shop',
  packVersion: '1.0.0',
  entryId,
  text,
  at,
});
const key = (entryId: string) => entryKey('shop', entryId);
const top = (ranked: RankedCandidate[]) => (ranked[0] ? parseEntryKey(ranked[0].key).entryId : null);

describe('entryKey', () => {
  it('round-trips pack and entry ids', () => {
    expect(parseEntryKey(entryKey('tmall-apparel', 'ship-time'))).toEqual({
      packId: 'tmall-apparel',
      entryId: 'ship-time',
    });
  });
});

describe('PickLearner', () => {
  it('learns at once: a re-ask of a picked message ranks the picked entry first, even when the engine abstained', () => {
    const learner = new PickLearner();
    expect(learner.rank('运到漠河路上得几天', [])).toEqual([]);
    learner.learn(pick('运到漠河路上得几天', 'delivery-time'));
    expect(top(learner.rank('運到漠河路上得幾天呀', []))).toBe('delivery-time');
    const engine = [{ key: key('shipping-cost'), score: 0.2 }];
    expect(top(learner.rank('运到漠河 路上得几天', engine))).toBe('delivery-time');
  });

  it('learns English re-asks with other casing, fillers and punctuation', () => {
    const learner = new PickLearner();
    learner.learn(pick('can I pay with Klarna', 'payment-methods'));
    expect(top(learner.rank('hi, can i pay with klarna??', []))).toBe('payment-methods');
  });

  it('answers a looser rewording of a message the agent searched the entry out for, not of one picked from the list', () => {
    const reworded = '发漠河的话路上几天能到';
    const picked = new PickLearner();
    picked.learn(pick('运到漠河路上得几天', 'delivery-time'));
    expect(picked.rank(reworded, [])).toEqual([]);
    const searched = new PickLearner();
    const { record } = searched.learn({ ...pick('运到漠河路上得几天', 'delivery-time'), searched: true });
    expect(record!.searched).toBe(true);
    expect(top(searched.rank(reworded, []))).toBe('delivery-time');
    expect(top(searched.rank('the teapot came in pieces', []))).toBeNull();
    // Restored from storage, the same.
    expect(top(PickLearner.fromRecords(searched.memory.toRecords()).rank(reworded, []))).toBe('delivery-time');
  });

  it('tells a searched-out pick by the list the agent was shown', () => {
    const shown = ['a', 'b', 'c', 'd', 'e', 'f'].map(key);
    expect(isSearchedPick(key('c'), shown)).toBe(false);
    expect(isSearchedPick(key('f'), shown)).toBe(SHOWN_SUGGESTIONS < 6);
    expect(isSearchedPick(key('z'), shown)).toBe(true);
    expect(isSearchedPick(key('a'), [])).toBe(true);
  });

  it('does not answer an unrelated message from a pick', () => {
    const learner = new PickLearner();
    learner.learn(pick('can I pay with Klarna', 'payment-methods'));
    expect(learner.rank('the teapot arrived in three pieces', [])).toEqual([]);
  });

  it('keeps small talk silent however often it was answered', () => {
    const learner = new PickLearner();
    for (let i = 0; i < 3; i += 1) {
      expect(learner.learn(pick('ok thanks', 'thanks-close')).record).toBeNull();
      learner.learn(pick('在吗', 'greeting'));
    }
    expect(learner.memory.size).toBe(0);
    expect(learner.rank('ok thanks', [])).toEqual([]);
    expect(learner.rank('在吗', [])).toEqual([]);
  });

  it('one wrong pick among three right ones does not flip the answer', () => {
    const learner = new PickLearner();
    learner.learn(pick('左耳机不出声了', 'quality-issue', 1));
    learner.learn(pick('左耳机不出声了', 'quality-issue', 2));
    learner.learn(pick('左耳机不出声了', 'invoice', 3));
    learner.learn(pick('左耳机不出声了', 'quality-issue', 4));
    const engine = [
      { key: key('invoice'), score: 0.3 },
      { key: key('quality-issue'), score: 0.2 },
    ];
    expect(top(learner.rank('左耳機不出聲了呢', engine))).toBe('quality-issue');
    expect(top(learner.rank('亲 左耳机不出声了', []))).toBe('quality-issue');
  });

  it('contrary picks cancel: the engine decides between them', () => {
    const learner = new PickLearner();
    learner.learn(pick('can I change the size', 'exchange'));
    learner.learn(pick('can I change the size', 'size-guide'));
    const engine = [
      { key: key('size-guide'), score: 0.4 },
      { key: key('exchange'), score: 0.35 },
    ];
    expect(top(learner.rank('can I change the size', engine))).toBe('size-guide');
    expect(learner.rank('can I change the size', [])).toEqual([]);
  });

  it('a single pick of an entry the confident engine did not rank is shown second until confirmed', () => {
    const learner = new PickLearner();
    learner.learn(pick('where is my parcel', 'invoice'));
    const engine = [{ key: key('order-status'), score: 0.6 }];
    expect(learner.rank('where is my parcel?', engine).map((c) => parseEntryKey(c.key).entryId)).toEqual([
      'order-status',
      'invoice',
    ]);
    learner.learn(pick('where is my parcel', 'invoice'));
    expect(top(learner.rank('where is my parcel?', engine))).toBe('invoice');
  });

  it('redacts buyer data before keeping anything', () => {
    const learner = new PickLearner();
    const { record } = learner.learn({
      ...pick('我是王小明，电话13812345678，订单3489271650123456789怎么还没发货', 'urge-ship'),
      names: ['王小明'],
    });
    expect(record!.text).toBe('我是[name]，电话[phone]，订单[order]怎么还没发货');
    expect(JSON.stringify(learner.memory.toRecords())).not.toMatch(/王小明|13812345678|3489271650123456789/);
    // Another buyer's order number does not stop the re-ask from matching.
    expect(top(learner.rank('订单4111222233334444555怎么还没发货', []))).toBe('urge-ship');
  });

  it('forgets everything', () => {
    const learner = new PickLearner();
    learner.learn(pick('can I pay with Klarna', 'payment-methods'));
    learner.forget();
    expect(learner.memory.size).toBe(0);
    expect(learner.rank('can I pay with Klarna', [])).toEqual([]);
  });
});

describe('PickMemory', () => {
  const record = (text: string, entryId: string, at: number): PickRecord => ({
    packId: 'shop',
    packVersion: '1.0.0',
    entryId,
    text,
    at,
  });

  it('is bounded: the oldest picks are evicted and returned for deletion', () => {
    const memory = new PickMemory(3);
    for (let i = 0; i < 3; i += 1)
      expect(memory.learn(record(`question number ${i} about teapots`, 'a', i))).toEqual([]);
    const evicted = memory.learn(record('question about kettles', 'b', 3));
    expect(evicted.map((r) => r.at)).toEqual([0]);
    expect(memory.size).toBe(3);
    expect(memory.toRecords().map((r) => r.at)).toEqual([1, 2, 3]);
  });

  it('round-trips through plain records, keeping the newest within capacity', () => {
    const memory = new PickMemory();
    memory.learn(record('do you ship to canada', 'shipping-countries', 1));
    memory.learn(record('能开发票吗', 'invoice', 2));
    const records = JSON.parse(JSON.stringify(memory.toRecords())) as PickRecord[];
    const restored = PickMemory.fromRecords(records);
    expect(restored.toRecords()).toEqual(memory.toRecords());
    expect(restored.votes('能开发票吗')).toEqual(memory.votes('能开发票吗'));
    expect(
      PickMemory.fromRecords(records, 1)
        .toRecords()
        .map((r) => r.at),
    ).toEqual([2]);
  });

  it('drops picks a new pack version no longer has', () => {
    const memory = new PickMemory();
    memory.learn(record('do you ship to canada', 'shipping-countries', 1));
    memory.learn(record('能开发票吗', 'invoice', 2));
    expect(memory.retain((r) => r.entryId !== 'invoice')).toBe(1);
    expect(memory.votes('能开发票吗')).toEqual([]);
    expect(memory.votes('do you ship to canada')[0]!.key).toBe(key('shipping-countries'));
  });

  it('associates discriminative terms seen in several picks with their entry', () => {
    const memory = new PickMemory();
    memory.learn(record('can I pay with klarna', 'payment-methods', 1));
    memory.learn(record('klarna accepted at checkout?', 'payment-methods', 2));
    memory.learn(record('when will my order ship', 'processing-time', 3));
    const votes = memory.votes('is klarna ok for a gift card');
    const payment = votes.find((v) => v.key === key('payment-methods'))!;
    expect(payment.association).toBeGreaterThan(0);
    expect(votes.find((v) => v.key === key('processing-time'))?.association ?? 0).toBe(0);
  });

  it('stays fast at capacity', () => {
    const memory = new PickMemory();
    for (let i = 0; i < 2000; i += 1)
      memory.learn(record(`我买的第${i}件衣服 尺码 ${i % 7} 号 还没发货 订单 ${i}`, `e${i % 50}`, i));
    memory.votes('衣服还没发货');
    const start = performance.now();
    for (let i = 0; i < 20; i += 1) memory.votes('衣服还没发货怎么回事');
    // Generous: a guard against work growing with the square of the memory, on a loaded machine.
    expect((performance.now() - start) / 20).toBeLessThan(200);
  });
});

describe('repeatSimilarity', () => {
  const similarity = (picked: string, query: string) => repeatSimilarity(repeatKeyOf(picked), repeatKeyOf(query));

  it('recognises a re-ask with a typo, a swapped pair of letters or a clause added', () => {
    expect(similarity('I want to talk to your manager', 'I want to talk to your mnaager pls')).toBe(1);
    expect(similarity('价格保护有几天', '价格护有几天')).toBeGreaterThanOrEqual(0.7);
    expect(similarity('can I pay with Klarna', 'can I pay with Klarna (for my mom)')).toBeGreaterThanOrEqual(0.7);
  });

  it('reads a word with or without its apostrophe as the same word', () => {
    expect(similarity("can i get my money back if i don't like it", 'can i get my money back if i dont like it')).toBe(
      1,
    );
  });

  it('ignores greetings, particles and redacted details', () => {
    expect(similarity('运到漠河路上得几天', '亲 在吗 运到漠河路上得几天呀')).toBeGreaterThan(0.9);
    expect(similarity('订单[order]怎么还没发货', '订单[order]怎么还没发货')).toBe(1);
  });

  it('does not take another question sharing a word for a re-ask', () => {
    expect(similarity('can I pay with Klarna', 'the teapot arrived in three pieces')).toBe(0);
    expect(similarity('退货运费谁出', '怎么申请退货')).toBeLessThan(0.7);
    // A one-token message says too little to be recognised this way.
    expect(similarity('klarna', 'klarna')).toBe(0);
  });
});

describe('packOfPickedEntry', () => {
  const packs = [
    { id: 'jd', platforms: ['jd'], entries: [{ id: 'cancel-order' }, { id: 'invoice' }] },
    { id: 'tmall', platforms: ['taobao'], entries: [{ id: 'cancel-order' }] },
  ];

  it('takes the pack the ranking showed the entry from, else the platform, else the first', () => {
    expect(packOfPickedEntry(packs, 'cancel-order', [{ packId: 'tmall', entryId: 'cancel-order' }])?.id).toBe('tmall');
    expect(packOfPickedEntry(packs, 'cancel-order', [], 'taobao')?.id).toBe('tmall');
    expect(packOfPickedEntry(packs, 'cancel-order')?.id).toBe('jd');
    expect(packOfPickedEntry(packs, 'invoice', [], 'taobao')?.id).toBe('jd');
    expect(packOfPickedEntry(packs, 'nope')).toBeUndefined();
  });
});

describe('blend', () => {
  const strong = { key: key('b'), similarity: 0.9, agreement: 1, support: 2, association: 0, searchedSimilarity: 0 };
  const weak = { key: key('b'), similarity: 0.6, agreement: 1, support: 3, association: 0.5, searchedSimilarity: 0 };
  const engine = [
    { key: key('a'), score: 0.3 },
    { key: key('b'), score: 0.28 },
  ];

  it('returns the engine ranking when there are no votes or the message is courtesy only', () => {
    expect(blend(engine, [])).toEqual(engine);
    expect(blend([], [strong], { courtesyOnly: true })).toEqual([]);
  });

  it('lets a strong vote add an entry and answer an abstained message', () => {
    expect(blend([], [strong]).map((c) => c.key)).toEqual([key('b')]);
    expect(blend([{ key: key('a'), score: 0.2 }], [strong]).map((c) => c.key)).toEqual([key('b'), key('a')]);
  });

  it('lets loose neighbours and term associations change nothing, even agreeing (they made new wordings worse)', () => {
    expect(blend([], [weak])).toEqual([]);
    expect(blend(engine, [weak]).map((c) => c.key)).toEqual([key('a'), key('b')]);
    expect(blend(engine, [{ ...weak, support: 1 }]).map((c) => c.key)).toEqual([key('a'), key('b')]);
    expect(blend([{ key: key('a'), score: 0.3 }], [weak]).map((c) => c.key)).toEqual([key('a')]);
  });

  it("keeps the engine's order, which need not follow its scores, where picks say nothing about it", () => {
    // A message asking two things keeps an answer to each first; a switched-off scenario's entry comes last.
    const engineOrder = [
      { key: key('a'), score: 0.26 },
      { key: key('c'), score: 0.27 },
    ];
    expect(blend(engineOrder, [weak]).map((c) => c.key)).toEqual([key('a'), key('c')]);
    expect(blend(engineOrder, [{ ...strong, key: key('c') }]).map((c) => c.key)).toEqual([key('c'), key('a')]);
    const confident = [
      { key: key('a'), score: BLEND.confidentEngine + 0.05 },
      { key: key('c'), score: BLEND.confidentEngine + 0.1 },
    ];
    const single = { ...strong, support: 1 };
    expect(blend(confident, [single]).map((c) => c.key)).toEqual([key('a'), key('b'), key('c')]);
  });

  it('adds only entries the chat admits (scenarios), below the engine when made for another platform', () => {
    const never = () => 'no' as const;
    expect(blend([], [strong], { admit: never })).toEqual([]);
    expect(blend(engine, [strong], { admit: never }).map((c) => c.key)).toEqual([key('b'), key('a')]);
    const elsewhere = () => 'elsewhere' as const;
    expect(blend([], [strong], { admit: elsewhere }).map((c) => c.key)).toEqual([key('b')]);
    const other = [{ key: key('a'), score: 0.1 }];
    expect(blend(other, [strong], { admit: elsewhere }).map((c) => c.key)).toEqual([key('a'), key('b')]);
  });

  it('puts a single pick the engine did not rank second when the engine is confident (misclick guard)', () => {
    const single = { ...strong, support: 1 };
    const confident = [{ key: key('a'), score: BLEND.confidentEngine + 0.1 }];
    expect(blend(confident, [single]).map((c) => c.key)).toEqual([key('a'), key('b')]);
    expect(blend(confident, [strong]).map((c) => c.key)).toEqual([key('b'), key('a')]);
    expect(blend([{ key: key('a'), score: 0.1 }], [single]).map((c) => c.key)).toEqual([key('b'), key('a')]);
  });

  it('lets a single pick lead over a confident engine when its entry is likely for the message', () => {
    const single = { ...strong, support: 1 };
    const confident = [{ key: key('a'), score: BLEND.confidentEngine + 0.1 }];
    const likely = () => 'likely' as const;
    expect(blend(confident, [single], { admit: likely }).map((c) => c.key)).toEqual([key('b'), key('a')]);
    // Without that judgement the confident engine keeps its first.
    expect(blend(confident, [single], { admit: () => 'yes' as const }).map((c) => c.key)).toEqual([key('a'), key('b')]);
  });

  it('puts a single pick second, whatever the engine scores, when its entry is unlikely for the message', () => {
    const single = { ...strong, support: 1 };
    const unsure = [{ key: key('a'), score: 0.1 }];
    const unlikely = () => 'unlikely' as const;
    expect(blend(unsure, [single], { admit: unlikely }).map((c) => c.key)).toEqual([key('a'), key('b')]);
    // Two agreeing picks lift the doubt; with nothing from the engine the pick still answers.
    expect(blend(unsure, [strong], { admit: unlikely }).map((c) => c.key)).toEqual([key('b'), key('a')]);
    expect(blend([], [single], { admit: unlikely }).map((c) => c.key)).toEqual([key('b')]);
  });

  it('counts a looser re-ask of a message the agent searched the entry out for', () => {
    const searched = { ...weak, support: 1, searchedSimilarity: BLEND.searchedRepeat };
    expect(blend([], [searched]).map((c) => c.key)).toEqual([key('b')]);
    expect(blend(engine, [searched]).map((c) => c.key)).toEqual([key('b'), key('a')]);
    const looser = { ...searched, similarity: 0.45, searchedSimilarity: 0.45 };
    expect(blend(engine, [looser]).map((c) => c.key)).toEqual([key('a'), key('b')]);
    expect(blend(engine, [{ ...searched, agreement: BLEND.strongAgreement - 0.1 }]).map((c) => c.key)).toEqual([
      key('a'),
      key('b'),
    ]);
  });

  it('needs agreement for a strong vote', () => {
    const split = { ...strong, agreement: BLEND.strongAgreement - 0.1 };
    expect(blend([], [split])).toEqual([]);
  });
});
