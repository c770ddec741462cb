import { describe, expect, it, vi } from 'vitest';
import { packSchema } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import {
  intentNumberOf,
  intentText,
  PHRASEBOOK,
  phrasebookPack,
  pivotOrder,
  type Phrasebook,
  type PhrasebookIntent,
} from '../../lib/suggest/rank/phrasebook';
import { PHRASEBOOK_DATA } from '../../lib/suggest/rank/phrasebook.data';
import { phrasebookOf, phrasebookWithout, tuningGroups } from '../../scripts/tuning-sets';
import { finish } from '../../lib/steps';
import { accountsStore, miniStore, pack } from '../helpers/packs';

const now = new Date(2026, 11, 20);

describe('phrasebookPack', () => {
  const intents: PhrasebookIntent[] = [
    ['Item arrived damaged', ['my item arrived damaged'], ['the mug came in bits']],
    ['Refund timing', ['when will i get my refund'], ['money back yet??']],
  ];

  it('is the pack the schema makes of the same fields (built by hand only to skip parsing 15,000 questions)', () => {
    const built = phrasebookPack(intents, 'en');
    expect(packSchema.parse(built)).toEqual(built);
  });

  it("holds an intent's questions and buyer messages as its questions, numbered so the intent is found again", () => {
    const built = phrasebookPack(intents, 'zh');
    expect(built.locale).toBe('zh-CN');
    expect(built.entries[1]!.questions).toEqual(['when will i get my refund', 'money back yet??']);
    expect(intentNumberOf(built.entries[1]!.id)).toBe(1);
  });

  it("reads an intent's title and first question as the text that lands in a team's pack", () => {
    expect(intentText(['Refund timing', ['when will i get my refund', 'refund status'], []])).toBe(
      'Refund timing。 when will i get my refund',
    );
    expect(intentText(['Refund timing', [], []])).toBe('Refund timing');
  });
});

describe('pivotOrder', () => {
  const candidates = [
    { key: 'a', score: 1 },
    { key: 'b', score: 0.8 },
    { key: 'c', score: 0.5 },
  ];
  const lands = (table: Record<number, Record<string, number>>) => (intent: number) =>
    new Map(Object.entries(table[intent] ?? {}));

  it('keeps the order when no intent is near or none lands on a candidate', () => {
    expect(pivotOrder(candidates, [], lands({}))).toEqual([0, 1, 2]);
    expect(pivotOrder(candidates, [{ intent: 0, score: 0.9 }], lands({ 0: { z: 1 } }))).toEqual([0, 1, 2]);
  });

  it('lifts the candidate the nearest intents land on, by their weight against the engine score', () => {
    // b: 0.8 + 0.5 · 1 beats a: 1 + 0.
    expect(pivotOrder(candidates, [{ intent: 0, score: 0.9 }], lands({ 0: { b: 1 } }))).toEqual([1, 0, 2]);
    // c (0.5 + 0.5) only ties a (1): the engine's order stands.
    expect(pivotOrder(candidates, [{ intent: 0, score: 0.9 }], lands({ 0: { c: 1 } }))).toEqual([0, 2, 1]);
    expect(pivotOrder(candidates, [{ intent: 0, score: 0.9 }], lands({ 0: { b: 1 } }), 0)).toEqual([0, 1, 2]);
  });

  it('weighs intents by how near they are: a far intent does not outvote the nearest', () => {
    const near = [
      { intent: 0, score: 1 },
      { intent: 1, score: 0.2 },
    ];
    expect(pivotOrder(candidates, near, lands({ 0: { a: 1 }, 1: { b: 1 } }))).toEqual([0, 1, 2]);
    expect(pivotOrder(candidates, near, lands({ 0: { b: 1 }, 1: { a: 1 } }))).toEqual([1, 0, 2]);
  });
});

describe('the engine with a phrasebook', () => {
  const shop = pack({
    format: 'huashu-pack/1',
    id: 'tea-shop',
    name: 'Tea shop',
    version: '1.0.0',
    locale: 'en',
    entries: [
      {
        id: 'shipping-time',
        title: 'Delivery time',
        questions: ['how long does delivery take', 'when will my order arrive'],
        replies: [{ text: 'Orders arrive in 3–5 business days.' }],
      },
      {
        id: 'order-status',
        title: 'Where is my order',
        questions: ['where is my order', 'has my order shipped'],
        replies: [{ text: 'Here is your tracking link.' }],
      },
    ],
  });
  // Buyers of another shop who asked where their parcel was wrote "ghosted"; that shop's entry says so plainly.
  const book: Phrasebook = {
    en: [
      ['Order status', ['where is my order'], ['my parcel ghosted me', 'parcel totally ghosted, any news']],
      ['Shipping speed', ['how fast is shipping'], ['how quick can it get here']],
    ],
    zh: [],
  };
  const message = 'parcel ghosted me, where is my order, when will it arrive';
  const firstOf = (engine: SuggestEngine) => engine.suggest({ text: message, now }).suggestions[0]?.entryId;

  it('ranks the entry another shop answered such wording with first; without it, the engine order stands', () => {
    const plain = new SuggestEngine({ phrasebook: false });
    plain.setPacks([shop]);
    expect(firstOf(plain)).toBe('shipping-time');
    const withBook = new SuggestEngine({ phrasebook: book });
    withBook.setPacks([shop]);
    expect(firstOf(withBook)).toBe('order-status');
  });

  it('waits for preparePhrasebook when told to (the panel: its first list is drawn without waiting)', () => {
    const engine = new SuggestEngine({ phrasebook: book, phrasebookOnFirstUse: false });
    engine.setPacks([shop]);
    expect(firstOf(engine)).toBe('shipping-time');
    expect(engine.preparePhrasebook()).toBe(true);
    expect(engine.preparePhrasebook()).toBe(false);
    expect(firstOf(engine)).toBe('order-status');
  });

  it('prepares in steps (the panel runs each in a task of its own); a message ranked meanwhile goes without it', () => {
    const engine = new SuggestEngine({ phrasebook: book, phrasebookOnFirstUse: false });
    engine.setPacks([shop]);
    const steps = engine.phrasebookSteps();
    let step = steps.next();
    expect(step.done).toBe(false);
    expect(firstOf(engine)).toBe('shipping-time');
    while (!step.done) step = steps.next();
    expect(step.value).toBe(true);
    expect(firstOf(engine)).toBe('order-status');
    expect(engine.preparePhrasebook()).toBe(false);
  });

  it('a second preparation while one is under way (the packs reloaded) carries on with the same build', () => {
    const stepsOf = (steps: Generator<void, boolean, void>) => {
      let count = 0;
      while (!steps.next().done) count += 1;
      return count;
    };
    const solo = new SuggestEngine({ phrasebook: book, phrasebookOnFirstUse: false });
    solo.setPacks([shop]);
    const all = stepsOf(solo.phrasebookSteps());
    expect(all).toBeGreaterThan(2);
    const engine = new SuggestEngine({ phrasebook: book, phrasebookOnFirstUse: false });
    engine.setPacks([shop]);
    const first = engine.phrasebookSteps();
    first.next();
    first.next();
    // The second takes the build where the first left it, and finishes it; the first then finds it done.
    expect(stepsOf(engine.phrasebookSteps())).toBe(all - 2);
    expect(first.next()).toEqual({ done: true, value: true });
    expect(firstOf(engine)).toBe('order-status');
    expect(engine.preparePhrasebook()).toBe(false);
  });

  // The slot test's pack: its slot fillers (gold, platinum, free…) let the verb choose the entry.
  it('does not take an intent that shares one word with the message as near ("account" alone)', () => {
    const accounts = pack(accountsStore);
    const signUps: Phrasebook = {
      en: [
        ['Create an account', ['how do i sign up'], ['i want to make an account', 'account setup please']],
        ['Login help', ['i cannot log in'], ['locked out of my account again', 'forgot my password']],
      ],
      zh: [],
    };
    const top = (nearCoverage: number) => {
      const saved = PHRASEBOOK.nearCoverage;
      (PHRASEBOOK as { nearCoverage: number }).nearCoverage = nearCoverage;
      try {
        // The gate alone: the translation model fitted on these four lines would re-order on its own.
        const engine = new SuggestEngine({ phrasebook: signUps, translation: false });
        engine.setPacks([accounts]);
        return engine.suggest({ text: 'remove my premium account', now }).suggestions[0]?.entryId;
      } finally {
        (PHRASEBOOK as { nearCoverage: number }).nearCoverage = saved;
      }
    };
    expect(top(0)).toBe('create-account');
    expect(top(PHRASEBOOK.nearCoverage)).toBe('delete-account');
  });

  it('never adds a candidate or speaks where the engine is silent', () => {
    const engine = new SuggestEngine({ phrasebook: book });
    engine.setPacks([shop]);
    expect(engine.suggest({ text: 'my parcel ghosted me', now }).suggestions.map((s) => s.entryId)).not.toContain(
      'shipping-time',
    );
    expect(engine.suggest({ text: 'thanks, bye!', now }).suggestions).toEqual([]);
  });
});

describe('landingSteps: where every intent lands, found ahead while the panel is idle', () => {
  const store = pack(miniStore);
  const messages = ['退款怎么还没到账', '什么时候发货呀', '衣服洗了缩水了怎么办', '能开发票吗', '地址写错了能改吗'];
  const ranked = (engine: SuggestEngine, platform?: 'taobao' | 'jd') =>
    messages.map((text) => engine.suggest({ text, now, platform }).suggestions.map((s) => s.entryId));
  const landingsFound = (engine: SuggestEngine) =>
    vi.spyOn(engine as unknown as { landingOf: () => unknown }, 'landingOf');

  it('changes no list, and later messages find no landing of their own', () => {
    const lazy = new SuggestEngine();
    lazy.setPacks([store]);
    const ahead = new SuggestEngine();
    ahead.setPacks([store]);
    ahead.suggest({ text: '在吗', now, platform: 'taobao' });
    expect(ahead.landingsPrepared).toBe(true); // a greeting is not ranked: no chat to find landings for yet
    ahead.suggest({ text: '发货了吗', now, platform: 'taobao' });
    expect(ahead.landingsPrepared).toBe(false);
    finish(ahead.landingSteps());
    expect(ahead.landingsPrepared).toBe(true);
    const found = landingsFound(ahead);
    expect(ranked(ahead, 'taobao')).toEqual(ranked(lazy, 'taobao'));
    expect(found).not.toHaveBeenCalled();
    // The lazy engine found some for these messages: the steps saved them that work.
    const lazyFound = landingsFound(lazy);
    ranked(lazy, 'jd');
    expect(lazyFound).toHaveBeenCalled();
  });

  it('yields between slices of the clock’s length, and another chat’s platform needs its own', () => {
    const engine = new SuggestEngine();
    engine.setPacks([store]);
    expect(engine.landingsPrepared).toBe(true); // no chat ranked yet: nothing to find
    engine.suggest({ text: '发货了吗', now, platform: 'taobao' });
    let time = 0;
    const original = (SuggestEngine.prototype as unknown as { landingOf: (...a: unknown[]) => unknown }).landingOf;
    const found = landingsFound(engine);
    // Each landing "takes" 5 ms: a slice of 12 ms holds three.
    found.mockImplementation(function (this: unknown, ...args: unknown[]) {
      time += 5;
      return original.apply(this, args);
    });
    const steps = engine.landingSteps(() => time);
    let yields = 0;
    while (!steps.next().done) yields += 1;
    expect(found.mock.calls.length).toBe(PHRASEBOOK_DATA.zh.length);
    expect(yields).toBe(Math.floor(PHRASEBOOK_DATA.zh.length / 3));
    expect(engine.landingsPrepared).toBe(true);
    engine.suggest({ text: '发货了吗', now, platform: 'jd' });
    expect(engine.landingsPrepared).toBe(false);
    finish(engine.landingSteps());
    expect(engine.landingsPrepared).toBe(true);
  });

  it('stops when the packs are replaced meanwhile, and finds them again for the new packs', () => {
    const engine = new SuggestEngine();
    engine.setPacks([store]);
    engine.suggest({ text: '发货了吗', now });
    const steps = engine.landingSteps(() => 1000); // a yield after each intent
    steps.next();
    engine.setPacks([store, pack(accountsStore)]);
    const found = landingsFound(engine);
    expect(steps.next().done).toBe(true);
    expect(found).not.toHaveBeenCalled();
    expect(engine.landingsPrepared).toBe(false);
    finish(engine.landingSteps());
    // Both languages of the packs now loaded.
    expect(found.mock.calls.length).toBe(PHRASEBOOK_DATA.zh.length + PHRASEBOOK_DATA.en.length);
    expect(engine.landingsPrepared).toBe(true);
  });
});

describe('the shipped phrasebook', () => {
  // Only tuning lines, by construction: the generator reads scripts/tuning-sets.ts, never a held-out set. (Some
  // held-out lines are word for word a tuning line of another writer — "Do you take PayPal?" — which is chance.)
  it('is what the generator makes of the tuning sets now (run npm run gen:phrasebook after changing them)', () => {
    expect(phrasebookOf(tuningGroups())).toEqual(PHRASEBOOK_DATA);
  });

  it("leaves a team's own messages out for the bench", () => {
    const book = phrasebookWithout(['shopify-store']);
    const own = new Set(PHRASEBOOK_DATA.en.map(([title]) => title));
    expect(book.en.length).toBeLessThan(PHRASEBOOK_DATA.en.length);
    expect(book.zh).toEqual(PHRASEBOOK_DATA.zh);
    expect(own.size).toBeGreaterThan(0);
  });
});
