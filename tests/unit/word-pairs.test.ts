import { describe, expect, it } from 'vitest';
import { SuggestEngine } from '../../lib/suggest/engine';
import { translationWords } from '../../lib/suggest/rank/translation';
import { EntryPairs, ID_PAIR_LANGUAGES, idWords, WordPairs, type PairSample } from '../../lib/suggest/rank/word-pairs';
import { WORD_PAIR_TABLES } from '../../lib/suggest/rank/word-pairs.data';
import { pack as packOf, shippedPack } from '../helpers/packs';

const payment = new Set(['payment', 'method', 'pay', 'card']);
const refund = new Set(['refund', 'method', 'card', 'back']);

/** A team's message asking how to pay: the blend puts the refund entry first, the payment entry is right. */
const asked = (team: string, words: string[]): PairSample => ({
  team,
  buyer: words.map((w) => [w, 1] as const),
  parts: [
    [
      { base: 1, lead: refund, right: false },
      { base: 0.8, lead: payment, right: true },
    ],
  ],
});

describe('WordPairs', () => {
  it('reads its table back as written', () => {
    const pairs = WordPairs.fromTable('paypal\tpayment 850 refund -420\nklarna\tpay 300');
    expect(pairs.size).toBe(3);
    expect(WordPairs.fromTable(pairs.toTable()).toTable()).toBe(pairs.toTable());
    expect(pairs.toTable()).toBe('klarna\tpay 300\npaypal\tpayment 850 refund -420');
  });

  it('sums the pairs of an entry, each buyer word as the engine reads it, over the root of its words', () => {
    const pairs = WordPairs.fromTable('paypal\tpayment 800 refund -400\nklarna\tpay 300');
    expect(pairs.score([['paypal', 1]], payment)).toBeCloseTo(0.8 / 2);
    expect(pairs.score([['paypal', 0.5]], refund)).toBeCloseTo(-0.2 / 2);
    expect(
      pairs.score(
        [
          ['paypal', 1],
          ['klarna', 1],
        ],
        payment,
      ),
    ).toBeCloseTo((0.8 + 0.3) / 2);
    expect(pairs.score([['venmo', 1]], payment)).toBe(0);
    expect(pairs.score([['paypal', 1]], new Set())).toBe(0);
  });

  it('learns which pairs tell the right entry from the one ranked above it, from words several teams use', () => {
    const samples = ['a', 'b', 'c'].flatMap((team) => [
      asked(team, ['paypal', 'checkout']),
      asked(team, ['paypal', 'use']),
    ]);
    // Only one team writes "venmo": not shared enough to be paired.
    samples.push(asked('a', ['venmo']));
    const pairs = WordPairs.train(samples);
    const buyer = [['paypal', 1] as const];
    expect(pairs.size).toBeGreaterThan(0);
    expect(pairs.score(buyer, payment)).toBeGreaterThan(pairs.score(buyer, refund));
    expect(1 + pairs.score(buyer, refund)).toBeLessThan(0.8 + pairs.score(buyer, payment));
    expect(pairs.score([['venmo', 1]], payment)).toBe(0);
    // Deterministic, and no more pairs than asked for.
    expect(WordPairs.train(samples).toTable()).toBe(pairs.toTable());
    expect(WordPairs.train(samples, { kept: 2 }).size).toBe(2);
  });

  it("keeps a pair only when several teams' messages moved it the way it ended up", () => {
    // Words of every team are paired here (minTeams 1), so only the pairs' own support decides.
    const samples = [
      asked('a', ['paypal']),
      asked('b', ['paypal']),
      asked('c', ['klarna']),
      asked('c', ['klarna', 'paypal']),
    ];
    const kept = WordPairs.train(samples, { minTeams: 1 });
    const buyer = (word: string) => [[word, 1] as const];
    // "paypal" with "payment" was taught by teams a, b and c; "klarna" with it by team c alone.
    expect(kept.score(buyer('paypal'), payment)).toBeGreaterThan(0);
    expect(kept.score(buyer('klarna'), payment)).toBe(0);
    // With one team enough, team c's pair is kept too.
    expect(WordPairs.train(samples, { minTeams: 1, pairTeams: 1 }).score(buyer('klarna'), payment)).toBeGreaterThan(0);
    // A team that barely moved a pair (under pairShare of its weight) does not count for it.
    const faint = WordPairs.train(samples, { minTeams: 1, pairShare: 0.9 });
    expect(faint.score(buyer('paypal'), payment)).toBe(0);
  });

  it('learns nothing from a message whose right entry is already first, or that has no right candidate', () => {
    const settled: PairSample = {
      team: 'a',
      buyer: [['paypal', 1]],
      parts: [
        [
          { base: 10, lead: payment, right: true },
          { base: 0, lead: refund, right: false },
        ],
      ],
    };
    const lost: PairSample = { ...settled, parts: [[{ base: 1, lead: refund, right: false }]] };
    expect(WordPairs.train([settled, lost], { minTeams: 1 }).size).toBe(0);
  });
});

describe('id words and both tables', () => {
  it('reads an id as English words, dropping what is not a Latin word', () => {
    expect(idWords('delivered-not-received')).toEqual(translationWords('delivered not received', 'en'));
    expect(idWords('refund_timing.v2')).toEqual(translationWords('refund timing v2', 'en'));
    expect(idWords('Shipping-Cost')).toEqual(translationWords('shipping cost', 'en'));
    // Opaque ids, Chinese ids and pinyin give words no table pairs with, or none at all.
    expect(idWords('退款时效')).toEqual([]);
    expect(idWords('退款-refund')).toEqual(translationWords('refund', 'en'));
    expect(idWords('')).toEqual([]);
    expect(new Set(idWords('ship-ship-time')).size).toBe(idWords('ship-ship-time').length);
  });

  it("adds the id table's say to the word table's", () => {
    const pairs = new EntryPairs(
      WordPairs.fromTable('paypal\tpayment 800'),
      WordPairs.fromTable(`paypal\t${idWords('payment-methods')[0]} 600`),
    );
    const buyer = [['paypal', 1] as const];
    const ids = new Set(idWords('payment-methods'));
    expect(pairs.score(buyer, payment, ids)).toBeCloseTo(0.8 / 2 + 0.6 / Math.sqrt(ids.size));
    expect(pairs.score(buyer, payment, new Set())).toBeCloseTo(0.8 / 2);
    expect(pairs.score(buyer, new Set(), ids)).toBeCloseTo(0.6 / Math.sqrt(ids.size));
  });
});

describe('the engine with word pairs', () => {
  const pack = shippedPack('shopify-store');
  const ids = (engine: SuggestEngine, text: string) =>
    engine.suggest({ text, platform: 'shopify' }, 20).suggestions.map((s) => s.entryId);

  it('ships a word table for each language, and an id table for the languages that get one', () => {
    for (const language of ['en', 'zh'] as const) {
      expect(WordPairs.fromTable(WORD_PAIR_TABLES[language].words).size).toBeGreaterThan(1000);
      const ids = WordPairs.fromTable(WORD_PAIR_TABLES[language].ids).size;
      if (ID_PAIR_LANGUAGES.includes(language)) expect(ids).toBeGreaterThan(300);
      else expect(ids).toBe(0);
    }
  });

  it('re-orders the first candidates by its pairs, never adding or dropping one', () => {
    const text = 'i have no credit card, can i pay some other way';
    const none = new SuggestEngine({ wordPairs: false });
    none.setPacks([pack]);
    const before = ids(none, text);
    const [first, second] = before;
    // A table that speaks for the second candidate's words only.
    const secondWords = translationWords(pack.entries.find((e) => e.id === second)!.title, 'en');
    const table = (word: string) => `${word}\t${secondWords.map((w) => `${w} 5000`).join(' ')}`;
    const pairs = WordPairs.fromTable(translationWords(text, 'en').map(table).join('\n'));
    const both = new EntryPairs(pairs, WordPairs.fromTable(''));
    const withPairs = new SuggestEngine({ wordPairs: { en: both, zh: both } });
    withPairs.setPacks([pack]);
    const after = ids(withPairs, text);
    expect(first).not.toBe(second);
    expect(after[0]).toBe(second);
    expect([...after].sort()).toEqual([...before].sort());
  });

  it("re-orders by the id table too: an entry's id speaks for it when its text is no different", () => {
    const text = 'what cards and wallets do you take at checkout';
    const entry = (id: string) => ({
      id,
      title: 'Checkout question',
      questions: ['I have a question about checkout'],
      replies: [{ text: `Reply ${id}` }],
    });
    const twins = packOf({
      format: 'huashu-pack/1',
      id: 'twins',
      name: 'Twins',
      version: '1.0.0',
      locale: 'en',
      platforms: ['shopify'],
      entries: [entry('order-status'), entry('payment-methods')],
    });
    const order = (pairs: EntryPairs | false) => {
      const engine = new SuggestEngine({ wordPairs: pairs && { en: pairs, zh: pairs } });
      engine.setPacks([twins]);
      return ids(engine, text);
    };
    const before = order(false);
    expect([...before].sort()).toEqual(['order-status', 'payment-methods']);
    // A table that speaks for the second one's id words only.
    const second = before[1]!;
    const table = (word: string) =>
      `${word}\t${idWords(second)
        .map((w) => `${w} 5000`)
        .join(' ')}`;
    const idPairs = WordPairs.fromTable(translationWords(text, 'en').map(table).join('\n'));
    const after = order(new EntryPairs(WordPairs.fromTable(''), idPairs));
    expect(after).toEqual([second, before[0]]);
  });
});
