import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import { BloomFilter, bitsOf } from '../../lib/suggest/text/bloom';
import { EN_RARE_WORDS } from '../../lib/suggest/text/en-words.data';
import { editsOf } from '../../lib/suggest/index/typos';
import {
  candidatesOf,
  correctionOf,
  correctSpelling,
  frequencyClass,
  namesIn,
  slipOf,
  type PackWords,
} from '../../lib/suggest/text/spelling';
import { stem } from '../../lib/suggest/text/stem';
import { pack } from '../helpers/packs';

/** Packs that use these words (as index terms, as the corpus answers). */
const packsUsing = (...words: string[]): PackWords => {
  const terms = new Set(words.map(stem));
  return { usesWord: (word) => terms.has(stem(word)) };
};
const noPacks = packsUsing();

describe('editsOf', () => {
  it('makes every deletion, neighbour swap, substitution and insertion', () => {
    const edits = new Set(editsOf('form'));
    for (const edit of ['orm', 'fom', 'from', 'fomr', 'farm', 'forms', 'aform', 'foorm']) expect(edits).toContain(edit);
    expect(edits).not.toContain('form');
    expect(edits).not.toContain('mrof');
  });
});

describe('the dictionary', () => {
  it('holds everyday words as written, inflections included, with how frequent they are', () => {
    expect(frequencyClass('asking')).toBeGreaterThan(frequencyClass('dripping'));
    expect(frequencyClass('ordered')).toBeGreaterThan(0);
    expect(frequencyClass('brkoen')).toBe(-1);
    // A prefix of a word is not that word.
    expect(frequencyClass('shipp')).toBe(-1);
  });

  it('offers the words one edit away, most frequent first', () => {
    expect(candidatesOf('brkoen')).toEqual(['broken']);
    const realy = candidatesOf('realy');
    expect(realy[0]).toBe('really');
    expect(realy).toEqual(expect.arrayContaining(['ready', 'reply', 'real']));
  });
});

describe('correctionOf', () => {
  it('reads a slip as the word one edit away, inflected forms and swaps included', () => {
    expect(correctionOf('brkoen', noPacks)).toBe('broken');
    expect(correctionOf('oredred', noPacks)).toBe('ordered');
    expect(correctionOf('asikng', noPacks)).toBe('asking');
    expect(correctionOf('recieved', noPacks)).toBe('received');
  });

  it("prefers the packs' word to a more frequent one", () => {
    expect(correctionOf('comuter', noPacks)).toBe('computer');
    expect(correctionOf('comuter', packsUsing('commuter', 'bike'))).toBe('commuter');
    expect(correctionOf('shiping', packsUsing('ship'))).toBe('shipping');
  });

  it('leaves words as written: dictionary and stop words, short words, pack words, rare English words', () => {
    expect(correctionOf('shipping', noPacks)).toBeNull();
    expect(correctionOf('doesnt', noPacks)).toBeNull();
    // Four letters: one edit from too many words.
    expect(correctionOf('shpi', noPacks)).toBeNull();
    expect(correctionOf('pothos', packsUsing('pothos'))).toBeNull();
    // Not in the subtitles, each one edit from a word that is (framing, aimless, reorder, hosts).
    for (const word of ['fraying', 'rimless', 'preorder', 'hostas']) expect(correctionOf(word, noPacks)).toBeNull();
  });

  it('leaves the words of the concept lexicon and place names', () => {
    // Klarna is a payment concept word; Perth starts a place name ("berth" is one edit away).
    expect(correctionOf('klarna', noPacks)).toBeNull();
    expect(correctionOf('perth', noPacks)).toBeNull();
  });
});

describe('correctSpelling', () => {
  it('corrects every slip of a message and keeps the rest of it', () => {
    expect(correctSpelling('i oredred a rug, it came brkoen!', noPacks)).toBe('i ordered a rug, it came broken!');
    const clean = 'where is my order?';
    expect(correctSpelling(clean, noPacks)).toBe(clean);
  });

  it('leaves a word capitalised inside a sentence: a name', () => {
    const written = 'My Mavic drone came without a charger';
    expect(correctSpelling('my mavic drone came without a charger', noPacks, written)).toBe(
      'my mavic drone came without a charger',
    );
    expect(correctSpelling('my mavic drone came without a charger', noPacks)).toBe(
      'my magic drone came without a charger',
    );
  });

  it('looks up a bounded number of unknown words a message (a pasted log costs what a long question costs)', () => {
    const slips = Array.from({ length: 14 }, () => 'brkoen').join(' ');
    const corrected = correctSpelling(slips, noPacks).split(' ');
    expect(corrected.filter((word) => word === 'broken')).toHaveLength(12);
    expect(corrected.slice(12)).toEqual(['brkoen', 'brkoen']);
  });

  it('leaves a message with Chinese in it (its Latin words may be pinyin)', () => {
    expect(correctSpelling('能开fapaio吗 brkoen', noPacks)).toBe('能开fapaio吗 brkoen');
  });
});

describe('namesIn', () => {
  it('takes capitalised words inside a sentence, not at its start, not in capitals', () => {
    expect([...namesIn('Shipping to Perth? My friend Hannah says yes. WHERE is it, iPhone')]).toEqual([
      'perth',
      'hannah',
      'iphone',
    ]);
    expect(namesIn('Brkoen lid. Oredred twice')).toEqual(new Set());
  });
});

describe('BloomFilter', () => {
  it('answers yes for every word it was made of and rarely for others', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`);
    const size = 19_200;
    const hashes = 7;
    const bytes = new Uint8Array(size / 8);
    for (const word of words) for (const bit of bitsOf(word, hashes, size)) bytes[bit >>> 3]! |= 1 << (bit & 7);
    const filter = new BloomFilter(btoa(String.fromCharCode(...bytes)), hashes, size);
    expect(words.every((word) => filter.has(word))).toBe(true);
    const others = Array.from({ length: 5000 }, (_, i) => `other${i}`).filter((word) => filter.has(word));
    expect(others.length).toBeLessThan(100);
  });

  it('as generated, knows the rare words and not the slips', () => {
    const rare = new BloomFilter(EN_RARE_WORDS.bits, EN_RARE_WORDS.hashes, EN_RARE_WORDS.size);
    expect(['fraying', 'rimless', 'sputtered', 'unboxed'].every((word) => rare.has(word))).toBe(true);
    expect(['brkoen', 'oredred', 'shiping', 'recieved'].filter((word) => rare.has(word))).toEqual([]);
  });
});

const shop: PackInput = {
  format: 'huashu-pack/1',
  id: 'speller-shop',
  name: 'Speller shop',
  version: '1.0.0',
  locale: 'en',
  entries: [
    { id: 'damaged', title: 'Damaged item', questions: ['my item arrived damaged'], replies: [{ text: 'Sorry!' }] },
    { id: 'status', title: 'Order status', questions: ['where is my order'], replies: [{ text: 'Track it.' }] },
    { id: 'ask', title: 'Ask a question', questions: ['can i ask something'], replies: [{ text: 'Sure.' }] },
  ],
};

describe('the engine with slips', () => {
  const engine = new SuggestEngine({ wordRerank: false, phrasebook: false });
  engine.setPacks([pack(shop)]);
  const first = (text: string) => engine.suggest({ text }).suggestions[0]?.entryId;

  it('finds through a slip what it finds through the word', () => {
    // "broken" is no word of the pack; WordNet relates it to "damaged" — only once it is spelled right.
    expect(first('the lamp came broken')).toBe('damaged');
    expect(first('the lamp came brkoen')).toBe('damaged');
  });
});

describe('slip costs', () => {
  it('tells the slip that turns a word into what was typed', () => {
    expect(slipOf('realy', 'really')).toBe('drop');
    expect(slipOf('lable', 'label')).toBe('swap');
    expect(slipOf('comming', 'coming')).toBe('addDouble');
    expect(slipOf('shippping', 'shipping')).toBe('addDouble');
    expect(slipOf('traking', 'taking')).toBe('add');
    expect(slipOf('pedel', 'pedal')).toBe('changeVowel');
    expect(slipOf('fited', 'fired')).toBe('changeNear');
    expect(slipOf('lable', 'table')).toBe('change');
  });

  it('prefers a left-out letter or a swap to a more frequent word another key away', () => {
    // By frequency alone: ready, taking, table, fired, finely, shaped, parole.
    const expected: Record<string, string> = {
      realy: 'really',
      traking: 'tracking',
      lable: 'label',
      fited: 'fitted',
      finaly: 'finally',
      snaped: 'snapped',
      parcle: 'parcel',
    };
    for (const [typed, word] of Object.entries(expected)) expect(correctionOf(typed, noPacks)).toBe(word);
    expect(candidatesOf('realy').indexOf('really')).toBeLessThan(candidatesOf('realy').indexOf('ready'));
  });

  it('still takes the word the packs use first', () => {
    expect(correctionOf('traking', packsUsing('taking'))).toBe('taking');
  });

  it('leaves a word stretched for feeling as written', () => {
    expect(correctionOf('noooo', noPacks)).toBeNull();
    expect(correctSpelling('noooo the protein is realy gone', noPacks)).toBe('noooo the protein is really gone');
  });
});
