import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import { bridgeOf, isEnglishWord } from '../../lib/suggest/text/en-bridge';
import { pack } from '../helpers/packs';

describe('the WordNet bridge table', () => {
  it('relates a word to its synonyms, derived forms and hypernyms, as index terms', () => {
    expect(bridgeOf('ship').near).toEqual(expect.arrayContaining(['send', 'shipment']));
    expect(bridgeOf('inexpens').near).toContain('cheap');
    expect(bridgeOf('jacket').broader).toContain('coat');
    // "undo: cancel, annul, or reverse an action or its effect"
    expect(bridgeOf('undo').defining).toContain('cancel');
  });

  it('knows common English words, linked or not, and nothing else', () => {
    expect(isEnglishWord('weather')).toBe(true);
    expect(isEnglishWord('barefoot')).toBe(true);
    expect(bridgeOf('barefoot')).toEqual({ near: [], broader: [], defining: [] });
    expect(isEnglishWord('ship')).toBe(true);
    // A prefix of a word in the table is not that word.
    expect(isEnglishWord('shi')).toBe(false);
    expect(isEnglishWord('klarna')).toBe(false);
    expect(bridgeOf('zzzq')).toEqual({ near: [], broader: [], defining: [] });
  });
});

const shop: PackInput = {
  format: 'huashu-pack/1',
  id: 'bridge-shop',
  name: 'Bridge shop',
  version: '1.0.0',
  locale: 'en',
  entries: [
    { id: 'express', title: 'Express shipping', questions: ['can i get shipping fast'], replies: [{ text: '$15.' }] },
    { id: 'ship-cost', title: 'Shipping cost', questions: ['how much is shipping'], replies: [{ text: '$5.' }] },
    { id: 'bag-care', title: 'Laundry bag', questions: ['how to wash the laundry bag'], replies: [{ text: 'Warm.' }] },
    { id: 'coat-care', title: 'Coat care', questions: ['how to wash a coat'], replies: [{ text: 'Cold wash.' }] },
    { id: 'arrived', title: 'It came broken', questions: ['the item came broken'], replies: [{ text: 'Sorry!' }] },
    {
      id: 'cancel',
      title: 'Cancel an order',
      questions: ['can i cancel my order'],
      replies: [{ text: 'Yes, within an hour.' }],
    },
    { id: 'status', title: 'Order status', questions: ['where is my order'], replies: [{ text: 'Track it here.' }] },
  ],
};

describe('English words no pack uses', () => {
  // The engine's own order: these one-question entries test the bridge, which the word re-ranker
  // (rank/word-rerank.ts) would outvote on plain words ("how … is shipping" is worded as "how much is shipping"), and
  // so would the buyer phrasebook (rank/phrasebook.ts: buyers of other shops who wrote "quick q" asked about cost).
  const engine = new SuggestEngine({ wordRerank: false, phrasebook: false });
  engine.setPacks([pack(shop)]);
  const ids = (text: string) => engine.suggest({ text }).suggestions.map((s) => s.entryId);

  it('reach the pack words WordNet relates to them', () => {
    // Both shipping entries share "shipping"; "quick" is WordNet's "fast", which only one of them says.
    expect(ids('how quick is shipping')[0]).toBe('express');
    expect(ids('how do i wash my jacket')[0]).toBe('coat-care');
  });

  it('reach the words WordNet defines them with, below a synonym', () => {
    // Both order entries share "order"; WordNet defines "undo" as "cancel, annul, or reverse an action".
    expect(ids('please undo my order')[0]).toBe('cancel');
  });

  it('put no entry on the list through a WordNet relation alone', () => {
    expect(ids('jacket')).toEqual([]);
  });

  it('are not read as typos of pack words when they are common words', () => {
    // "game" is one edit from "came", and a word of its own.
    expect(ids('who won the game')).toEqual([]);
  });

  it('still read a misspelt word as the pack word it is one edit from', () => {
    expect(ids('the item cmae broken')[0]).toBe('arrived');
  });
});
