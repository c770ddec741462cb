import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import { normalizeText } from '../../lib/suggest/text/normalize';
import { isObjectStem, OBJECT_WEIGHT, objectAware } from '../../lib/suggest/text/objects';
import { stem } from '../../lib/suggest/text/stem';
import { termsOfNormalized } from '../../lib/suggest/text/tokenize';
import { pack } from '../helpers/packs';

const weights = (text: string) => {
  const normalized = normalizeText(text);
  const before = termsOfNormalized(normalized);
  const after = objectAware(normalized, before);
  return new Map(after.map((t, i) => [t.term, t.weight / before[i]!.weight]));
};

describe('object words', () => {
  it('knows things from service words', () => {
    for (const word of ['knife', 'blender', 'tablecloth', 'skillet', 'jacket', 'coffee']) {
      expect(isObjectStem(stem(word)), word).toBe(true);
    }
    // Service words of the synonym groups and concept lexicon (box, card, phone, package), words that are
    // also verbs (ship, return, order), and words that are not things at all.
    for (const word of [
      'box',
      'card',
      'phone',
      'package',
      'ship',
      'shipping',
      'return',
      'order',
      'refund',
      'size',
      'color',
    ]) {
      expect(isObjectStem(stem(word)), word).toBe(false);
    }
  });

  it('weighs an English object word and its 4-grams down, not the other words', () => {
    const scale = weights('I want to return the knife block');
    expect(scale.get(stem('knife'))).toBe(OBJECT_WEIGHT);
    expect(scale.get('~knif')).toBe(OBJECT_WEIGHT);
    expect(scale.get(stem('return'))).toBe(1);
    expect(scale.get('~retu')).toBe(1);
  });

  it('weighs a Chinese object word down only where every occurrence of a term is inside one', () => {
    const scale = weights('手机开机没反应');
    expect(scale.get('手机')).toBe(OBJECT_WEIGHT);
    expect(scale.get('手')).toBe(OBJECT_WEIGHT);
    // 机 is also in 开机, which says what is wrong.
    expect(scale.get('机')).toBe(1);
    expect(scale.get('开机')).toBe(1);
    expect(scale.get('机开')).toBe(1);
  });

  it('leaves a message without object words as it is', () => {
    const normalized = normalizeText('什么时候发货');
    const terms = termsOfNormalized(normalized);
    expect(objectAware(normalized, terms)).toBe(terms);
  });
});

// A pack written as team leads write them: example questions name items. The buyer's item must not pull
// the message to the entry whose example happens to name the same item.
const homeStore: PackInput = {
  format: 'huashu-pack/1',
  id: 'home-store',
  name: 'Home store',
  version: '1.0.0',
  locale: 'en',
  entries: [
    {
      id: 'knife-care',
      title: 'Knife care & sharpening',
      questions: ['How do I sharpen my knife?', 'My knife is getting dull', 'Can I put my knives in the dishwasher?'],
      replies: [{ text: 'Hand wash and dry your knives; we sharpen them for free.' }],
    },
    {
      id: 'start-return',
      title: 'How to start a return',
      questions: ['How do I return an item?', 'How do I start a return?', 'Do I need a return label?'],
      replies: [{ text: 'Open the returns page and enter your order number.' }],
    },
    {
      id: 'linen-care',
      title: 'Linen care',
      questions: ['How do I wash the linen tablecloth?', 'Will the napkins shrink?'],
      replies: [{ text: 'Machine wash cold, tumble dry low.' }],
    },
    {
      id: 'restock',
      title: 'Back in stock',
      questions: ['When will this be back in stock?', 'Can you notify me when it is available?'],
      replies: [{ text: 'Sign up for an alert on the product page.' }],
    },
  ],
};

describe('object words in ranking', () => {
  const engine = new SuggestEngine();
  engine.setPacks([pack(homeStore)]);
  const top = (text: string) => engine.suggest({ text }).suggestions[0]?.entryId;

  it('ranks by what the buyer asks, not by the item they name', () => {
    expect(top('want to return the knife block, how do I do it?')).toBe('start-return');
    expect(top('when is the linen tablecloth gonna be available again??')).toBe('restock');
  });

  it('still tells entries apart by the item when that is all the message says', () => {
    expect(top('how do i wash linen')).toBe('linen-care');
    expect(top('knife')).toBe('knife-care');
  });
});
