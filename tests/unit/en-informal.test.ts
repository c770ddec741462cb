import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import { expandInformal } from '../../lib/suggest/text/en-informal';
import { pack } from '../helpers/packs';

const shop: PackInput = {
  format: 'huashu-pack/1',
  id: 'informal-shop',
  name: 'Informal shop',
  version: '1.0.0',
  locale: 'en',
  entries: [
    {
      id: 'address',
      title: 'Address not accepted',
      questions: ['checkout rejects my address'],
      replies: [{ text: 'Try…' }],
    },
    {
      id: 'holiday',
      title: 'Christmas cutoff',
      questions: ['last day to order for christmas'],
      replies: [{ text: 'Dec 18.' }],
    },
    {
      id: 'return',
      title: 'How to return',
      questions: ['how do i return an item'],
      replies: [{ text: 'Print the label…' }],
    },
    {
      id: 'delivered',
      title: 'Delivered but not received',
      questions: ['tracking says delivered but no package'],
      replies: [{ text: 'Check the back door…' }],
    },
    {
      id: 'order',
      title: 'Order status',
      questions: ['what is the status of my order'],
      replies: [{ text: 'Shipped.' }],
    },
  ],
};

describe('informal English', () => {
  it('writes out chat abbreviations and clipped words, whole words only', () => {
    expect(expandInformal('need it by tmrw pls')).toBe('need it by tomorrow pls');
    expect(expandInformal('whats the last day for xmas, cuz i need it')).toBe(
      'whats the last day for christmas, because i need it',
    );
    expect(expandInformal('tmrwx and xmastime stay')).toBe('tmrwx and xmastime stay');
    expect(expandInformal('constructor toString')).toBe('constructor toString');
  });

  it('writes "rn" as now (its "right" is not a word of the question)', () => {
    expect(expandInformal('so hot here rn')).toBe('so hot here now');
  });

  it('returns the same string when there is nothing to write out', () => {
    const text = 'where is my order';
    expect(expandInformal(text)).toBe(text);
  });

  it('reads "send it back" and its object-split forms as return, not as shipping', () => {
    expect(expandInformal('can i send these back')).toBe('can i return these');
    expect(expandInformal('how do i ship the blue boots back?')).toBe('how do i return the blue boots?');
    expect(expandInformal('i mailed back the hub')).toBe('i return the hub');
    // The shop sending to the buyer, and "back" too far from the verb, stay as written.
    expect(expandInformal('can you send me back the receipt')).toBe('can you send me back the receipt');
    expect(expandInformal('ship it back to me please')).toBe('ship it back to me please');
    expect(expandInformal('ship it today and i will be back monday')).toBe('ship it today and i will be back monday');
  });

  it('reads the thing going, given or taken back as a return too', () => {
    expect(expandInformal('can it still go back?')).toBe('can it still go back return?');
    expect(expandInformal('will you take them back')).toBe('will you take them back return');
    expect(expandInformal('i want give back the hoodie')).toBe('i want give back the return hoodie');
    // Not a person going back, a mattress that will not go back in its box, or something given back to the buyer.
    for (const text of [
      'i need to go back to work',
      "it won't go back in the box",
      'they gave it back to me',
      'can i go back',
    ])
      expect(expandInformal(text)).toBe(text);
  });

  it('lets a message in chat shorthand find the entry', () => {
    const engine = new SuggestEngine();
    engine.setPacks([pack(shop)]);
    expect(engine.suggest({ text: 'checkout wont take my addy' }).suggestions[0]?.entryId).toBe('address');
    expect(engine.suggest({ text: 'last day to order for xmas?' }).suggestions[0]?.entryId).toBe('holiday');
    expect(engine.suggest({ text: 'can i send these back?' }).suggestions[0]?.entryId).toBe('return');
  });
});
