import { describe, expect, it } from 'vitest';
import { SuggestEngine } from '../../lib/suggest/engine';
import {
  buyerWordWeights,
  phrasebookPairs,
  TRANSLATION,
  translationFeatures,
  TranslationModel,
  translationModelOf,
  translationModelSteps,
  translationOrder,
  translationWords,
} from '../../lib/suggest/rank/translation';
import { PHRASEBOOK_DATA } from '../../lib/suggest/rank/phrasebook.data';
import type { PhrasebookIntent } from '../../lib/suggest/rank/phrasebook';
import { shippedPack } from '../helpers/packs';

describe('translationWords', () => {
  it('reads English as stemmed content words', () => {
    expect(translationWords('I want to cancel my orders!', 'en')).toEqual(['cancel', 'order']);
  });

  it('reads Chinese as character pairs, without pairs of function words', () => {
    const words = translationWords('我的快递到哪了', 'zh');
    expect(words).toContain('快递');
    expect(words).not.toContain('我的');
    expect(translationWords('退', 'zh')).toEqual(['退']);
    expect(translationWords('了', 'zh')).toEqual([]);
  });
});

describe('TranslationModel', () => {
  const intents: PhrasebookIntent[] = [
    [
      'Cancel an order',
      ['how do I cancel my order'],
      ['pls scrap my order', 'scrap it, changed my mind', 'scrap order 123'],
    ],
    ['Change an order', ['can I change my order'], ['swap the colour on my order', 'switch the size in my order']],
    ['Shipping cost', ['how much is shipping'], ['what is the delivery charge', 'delivery charge to texas?']],
  ];
  const model = TranslationModel.train(phrasebookPairs(intents, 'en'));
  const lead = (i: number) => translationWords([intents[i]![0], ...intents[i]![1]].join('。 '), 'en');

  it('learns which buyer words stand for which team-lead words', () => {
    const scrap = translationWords('can you scrap my order', 'en');
    expect(model.score(scrap, lead(0))).toBeGreaterThan(model.score(scrap, lead(1)));
    const charge = translationWords("what's the charge to ship to ohio", 'en');
    expect(model.score(charge, lead(2))).toBeGreaterThan(model.score(charge, lead(0)));
  });

  it('scores nothing for no words, and weighs words as told', () => {
    expect(model.score([], lead(0))).toBe(0);
    expect(model.score(['scrap'], [])).toBe(0);
    const both = ['scrap', 'swap'];
    // The weight of "swap" at zero leaves "scrap" alone to decide.
    expect(model.score(both, lead(0), (w) => (w === 'swap' ? 0 : 1))).toBeCloseTo(model.score(['scrap'], lead(0)));
  });

  it('fits in steps to the same model, and a fitted phrasebook at once', () => {
    const steps = TranslationModel.fitInSteps(phrasebookPairs(intents, 'en'));
    let slices = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) slices++;
    // Counting, the instances, sorting them (two slices), numbering the cells, copying and starting them (two), one per
    // EM round, then keeping the rows (two: a small model's cells fit in one slice of each loop).
    expect(slices).toBe(9 + TRANSLATION.iterations);
    const scrap = translationWords('can you scrap my order', 'en');
    for (const i of [0, 1, 2]) expect(step.value.score(scrap, lead(i))).toBe(model.score(scrap, lead(i)));
    const book = [...intents];
    const first = translationModelSteps(book, 'en');
    while (!first.next().done);
    const again = translationModelSteps(book, 'en').next();
    expect(again.done).toBe(true);
    expect(again.value).toBe(translationModelOf(book, 'en'));
  });

  it('pauses within a large fit too, not only between its stages (each slice a bounded share of the work)', () => {
    // 40,000 pairs of 8 buyer and 6 team-lead words over a 2,000-word vocabulary: ~2 million words to count.
    const word = (i: number) => `w${i % 2000}`;
    const pairs = Array.from({ length: 40_000 }, (_, p) => ({
      buyer: Array.from({ length: 8 }, (_, k) => word(p * 7 + k * 13)),
      lead: Array.from({ length: 6 }, (_, k) => word(p * 3 + k)),
    }));
    const steps = TranslationModel.fitInSteps(pairs, 2);
    let slices = 0;
    while (!steps.next().done) slices++;
    expect(slices).toBeGreaterThan(4 + 2 + 10);
  });

  it('a second fit while one is under way carries on with it (one fit, one model)', () => {
    const count = (steps: Generator<void, unknown, void>) => {
      let yields = 0;
      while (!steps.next().done) yields += 1;
      return yields;
    };
    const all = count(translationModelSteps([...intents], 'en'));
    const book = [...intents];
    const first = translationModelSteps(book, 'en');
    first.next();
    first.next();
    first.next();
    const second = translationModelSteps(book, 'en');
    let yields = 0;
    let step = second.next();
    for (; !step.done; step = second.next()) yields += 1;
    expect(yields).toBe(all - 3);
    const rest = first.next();
    expect(rest.done).toBe(true);
    expect(rest.value).toBe(step.value);
    expect(translationModelOf(book, 'en')).toBe(step.value);
  });

  it('fits the shipped phrasebook once and shares it', () => {
    expect(translationModelOf(PHRASEBOOK_DATA.en, 'en')).toBe(translationModelOf(PHRASEBOOK_DATA.en, 'en'));
  });
});

describe('buyerWordWeights', () => {
  it('weighs English words as the engine reads them, and words it does not read at the unread weight', () => {
    const weightOf = buyerWordWeights(
      [
        { term: 'refund', weight: 0.25 },
        { term: 'exchang', weight: 1 },
      ],
      'en',
    );
    expect(weightOf('refund')).toBe(0.25);
    expect(weightOf('exchang')).toBe(1);
    expect(weightOf('want')).toBe(TRANSLATION.unread);
  });

  it('weighs a Chinese word as the character pairs in it or around it', () => {
    const weightOf = buyerWordWeights(
      [
        { term: '退款', weight: 0.25 },
        { term: '能退', weight: 1 },
        { term: '@refund', weight: 1 },
      ],
      'zh',
    );
    expect(weightOf('退款')).toBe(0.25);
    expect(weightOf('退')).toBe(1);
    expect(weightOf('发货')).toBe(TRANSLATION.unread);
  });
});

describe('the blend', () => {
  it('bounds the translation feature and keeps the engine order on ties', () => {
    const features = translationFeatures([0.9, 0.8, 0.7], [-5, 2, 2]);
    expect(features[0]![3]).toBeGreaterThan(-1);
    expect(features[1]![3]).toBe(0);
    expect(features[1]![4]).toBe(1);
    expect(translationOrder([[1], [1], [1]], [1])).toEqual([0, 1, 2]);
    expect(translationOrder([[0], [2], [1]], [1])).toEqual([1, 2, 0]);
  });
});

describe('the engine with the translation re-ordering', () => {
  const lead = (engine: SuggestEngine, text: string, platform?: 'shopify' | 'taobao') =>
    engine.suggest({ text, platform }).suggestions[0]?.entryId;

  it('puts the entry whose team-lead words the buyer meant first (English)', () => {
    const pack = shippedPack('shopify-store');
    const on = new SuggestEngine();
    on.setPacks([pack]);
    const off = new SuggestEngine({ translation: false });
    off.setPacks([pack]);
    expect(lead(off, 'can i split the payment into parts', 'shopify')).toBe('payment-methods');
    expect(lead(on, 'can i split the payment into parts', 'shopify')).toBe('installments');
  });

  it('does the same for Chinese, and never adds or drops a candidate', () => {
    const pack = shippedPack('tmall-apparel');
    const on = new SuggestEngine();
    on.setPacks([pack]);
    const off = new SuggestEngine({ translation: false });
    off.setPacks([pack]);
    const text = '衣服闻着有点臭 洗了也还有';
    expect(lead(off, text, 'taobao')).not.toBe('smell');
    expect(lead(on, text, 'taobao')).toBe('smell');
    const ids = (engine: SuggestEngine) =>
      engine
        .suggest({ text, platform: 'taobao' }, 20)
        .suggestions.map((s) => s.entryId)
        .sort();
    expect(ids(on)).toEqual(ids(off));
  });

  it('waits for prepareTranslation when the engine builds the phrasebook only on request', () => {
    const pack = shippedPack('shopify-store');
    const engine = new SuggestEngine({ phrasebookOnFirstUse: false });
    engine.setPacks([pack]);
    const before = engine.suggest({ text: 'can i split the payment into parts', platform: 'shopify' }).suggestions[0]
      ?.entryId;
    expect(before).not.toBe('installments');
    engine.preparePhrasebook();
    expect(lead(engine, 'can i split the payment into parts', 'shopify')).not.toBe('installments');
    expect(engine.prepareTranslation()).toBe(true);
    expect(engine.prepareTranslation()).toBe(false);
    expect(lead(engine, 'can i split the payment into parts', 'shopify')).toBe('installments');
  });
});
