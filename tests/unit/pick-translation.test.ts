import { describe, expect, it } from 'vitest';
import { SuggestEngine } from '../../lib/suggest/engine';
import { LEARN } from '../../lib/suggest/learn/pick-memory';
import { pickWords, PickTranslation } from '../../lib/suggest/learn/pick-translation';
import type { PhrasebookIntent } from '../../lib/suggest/rank/phrasebook';
import { phrasebookPairs, TranslationModel, translationWords } from '../../lib/suggest/rank/translation';
import { shippedPack } from '../helpers/packs';
import { finish } from '../../lib/steps';

describe('pickWords', () => {
  it('reads a picked message without the placeholders of redacted buyer data', () => {
    expect(pickWords('[name] here, order [order] came ripped, call [phone]', 'en')).toEqual([
      'order',
      'came',
      'rip',
      'call',
    ]);
    expect(pickWords('单号[order]的衣服破了', 'zh')).toEqual(translationWords('单号 的衣服破了', 'zh'));
    expect(pickWords('[address]', 'en')).toEqual([]);
  });
});

describe('PickTranslation', () => {
  const intents: PhrasebookIntent[] = [
    ['Cancel an order', ['how do I cancel my order'], ['pls scrap my order', 'scrap it, changed my mind']],
    ['Damaged item', ['my item arrived damaged'], ['the box was crushed', 'it came broken']],
    ['Repairs', ['can you repair my jacket', 'zipper broke'], ['can you fix the zip', 'mend my coat?']],
  ];
  const model = TranslationModel.train(phrasebookPairs(intents, 'en'));
  const lead = (i: number) => translationWords([intents[i]![0], ...intents[i]![1]].join('。 '), 'en');
  const words = (text: string) => translationWords(text, 'en');

  it('scores as the model until it learns a pick', () => {
    const adapted = new PickTranslation(model);
    const message = words('the seam came ripped');
    for (const i of [0, 1, 2]) expect(adapted.score(message, lead(i))).toBe(model.score(message, lead(i)));
    expect(adapted.add([], lead(1))).toBeNull();
    expect(adapted.size).toBe(0);
  });

  it("ties this team's buyer words to the picked entry's words, for messages that share nothing else", () => {
    const adapted = new PickTranslation(model);
    const message = words('the sweater showed up ripped');
    const before = adapted.score(message, lead(1)) - adapted.score(message, lead(2));
    adapted.add(words('hoodie arrived ripped at the seam'), lead(1));
    adapted.add(words('ripped coat in the parcel'), lead(1));
    const after = adapted.score(message, lead(1)) - adapted.score(message, lead(2));
    expect(after).toBeGreaterThan(before + 0.5);
    // A word no pick used is not moved toward the entry.
    const other = words('can you scrap it');
    expect(adapted.score(other, lead(0))).toBeGreaterThan(adapted.score(other, lead(1)));
  });

  it('forgets a pick it learned: the scores are as before', () => {
    const adapted = new PickTranslation(model);
    const message = words('the sweater showed up ripped');
    const first = adapted.add(words('hoodie arrived ripped at the seam'), lead(1))!;
    const once = adapted.score(message, lead(1));
    const second = adapted.add(words('ripped coat in the parcel'), lead(1))!;
    adapted.remove(second);
    expect(adapted.score(message, lead(1))).toBeCloseTo(once, 9);
    adapted.remove(first);
    expect(adapted.size).toBe(0);
    expect(adapted.score(message, lead(1))).toBe(model.score(message, lead(1)));
  });
});

describe('SuggestEngine.learnPick', () => {
  const pack = shippedPack('shopify-store');
  const first = (engine: SuggestEngine, text: string) => engine.suggest({ text }).suggestions[0]?.entryId;
  const picks = [
    'the hoodie arrived ripped at the seam',
    'coat ripped open at the seam when it arrived',
    'the box got soaked in the rain and the boots are ruined',
  ].map((text) => ({ packId: pack.id, entryId: 'damaged-item', text }));
  /** Another buyer's wording of what those picks say, which the engine alone answers with repairs. */
  const message = 'my sweater came torn at the seam';

  it('ranks a new wording of what the team picked higher, and forgets it', () => {
    const engine = new SuggestEngine();
    engine.setPacks([pack]);
    expect(first(engine, message)).toBe('repairs');
    for (const pick of picks) engine.learnPick(pick);
    expect(engine.learnedPickCount).toBe(3);
    expect(first(engine, message)).toBe('damaged-item');
    // Learned before the packs were loaded again, or given back after a restart: the same.
    engine.setPacks([pack]);
    expect(first(engine, message)).toBe('damaged-item');
    const restarted = new SuggestEngine();
    restarted.setPacks([pack]);
    restarted.setLearnedPicks(picks);
    expect(first(restarted, message)).toBe('damaged-item');
    engine.setLearnedPicks([]);
    expect(first(engine, message)).toBe('repairs');
  });

  it('learns nothing from a pick of an entry no loaded pack has, and keeps at most the learner’s capacity', () => {
    const engine = new SuggestEngine();
    engine.setPacks([pack]);
    engine.learnPick({ packId: pack.id, entryId: 'no-such-entry', text: 'ripped at the seam' });
    engine.learnPick({ packId: 'other-pack', entryId: 'damaged-item', text: 'ripped at the seam' });
    expect(first(engine, message)).toBe('repairs');
    const many = Array.from({ length: LEARN.capacity + 5 }, (_, i) => ({
      packId: pack.id,
      entryId: 'repairs',
      text: `zip number ${i} is broken`,
    }));
    engine.setLearnedPicks([...picks, ...many]);
    expect(engine.learnedPickCount).toBe(LEARN.capacity);
    // The damaged-item picks went first; what is left taught only the repairs entry.
    expect(first(engine, message)).toBe('repairs');
  });

  it('in the panel, ranks as before until the picks are adapted in steps', () => {
    const engine = new SuggestEngine({ phrasebookOnFirstUse: false });
    engine.setPacks([pack]);
    engine.preparePhrasebook();
    engine.prepareTranslation();
    engine.setLearnedPicks(picks);
    expect(first(engine, message)).toBe('repairs');
    const steps = engine.learnedPickSteps();
    let slices = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) slices++;
    expect(step.value).toBe(true);
    expect(slices).toBe(1);
    expect(first(engine, message)).toBe('damaged-item');
    // Nothing left to adapt; a pick after that is learned at once.
    expect(finish(engine.learnedPickSteps())).toBe(false);
    engine.learnPick({ packId: pack.id, entryId: 'repairs', text: 'torn along the seam, can you mend it' });
    expect(engine.learnedPickCount).toBe(4);
  });

  it('learns picks given again with newer ones after them as if it had learned them one by one', () => {
    const oneByOne = new SuggestEngine();
    oneByOne.setPacks([pack]);
    const again = new SuggestEngine();
    again.setPacks([pack]);
    const more = { packId: pack.id, entryId: 'repairs', text: 'torn along the seam, can you mend it' };
    for (const pick of picks) {
      oneByOne.learnPick(pick);
      again.learnPick(pick);
    }
    const scores = (engine: SuggestEngine) => engine.suggest({ text: message }).suggestions.map((s) => s.entryId);
    scores(again);
    oneByOne.learnPick(more);
    again.setLearnedPicks([...picks, more].map((p) => ({ ...p })));
    expect(again.learnedPickCount).toBe(4);
    expect(scores(again)).toEqual(scores(oneByOne));
    // The oldest let go, as the learner's memory does.
    again.setLearnedPicks([...picks.slice(1), more]);
    expect(again.learnedPickCount).toBe(3);
  });
});
